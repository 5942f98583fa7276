// The export format the reader expects (comma-separated, UTF-8) and the words for a file in another
// one: a file separated by semicolons or tabs (a spreadsheet's "CSV" in many locales) parses as one
// column, or fails on its first quote, and the generic hint would be wrong.
import { open } from 'node:fs/promises';
import { InputError } from '../core/problems';

const separators: [string, string][] = [
    [';', 'semicolons (;)'],
    ['\t', 'tabs'],
    ['|', 'vertical bars (|)'],
];

const reexport = 'Re-export it comma-separated (Data Loader or Bulk API 2.0 CSV), or save it from the spreadsheet as "CSV UTF-8 (comma delimited)"';

/** The separator a header line uses instead of commas, or null when it looks comma-separated. */
export function otherSeparator(headerLine: string): string | null {
    for (const [separator, name] of separators) {
        const quoted = headerLine.includes(`"${separator}"`);
        if (quoted || (!headerLine.includes(',') && headerLine.includes(separator))) return name;
    }
    return null;
}

export function wrongSeparator(origin: string, name: string): InputError {
    return new InputError(origin, 1, `the columns are separated by ${name}, not commas`, reexport);
}

/** Throws when a one-column header is really several columns joined by another separator. */
export function checkSeparator(origin: string, header: readonly string[]): void {
    if (header.length !== 1) return;
    const name = otherSeparator(header[0]!);
    if (name) throw wrongSeparator(origin, name);
}

/** The file's first line (up to 64 KB), to explain a parse error on line 1. */
export async function firstLine(file: string): Promise<string> {
    const handle = await open(file, 'r');
    try {
        const buffer = Buffer.alloc(1 << 16);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        const text = buffer.subarray(0, bytesRead).toString('utf8');
        const end = text.search(/\r?\n/);
        return end < 0 ? text : text.slice(0, end);
    } finally {
        await handle.close();
    }
}
