// Writes a CSV file in the Bulk API export format (every value quoted, "" for null, CRLF-free),
// buffering rows and honouring back-pressure so large exports stream in bounded memory.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

export type CsvValue = string | number | boolean | null;

function quote(value: CsvValue): string {
    if (value === null) return '""';
    const text = String(value);
    return `"${text.includes('"') ? text.replace(/"/g, '""') : text}"`;
}

export class CsvWriter {
    private readonly stream: WriteStream;
    private buffer: string[] = [];
    private bufferedChars = 0;
    /** Per column of the given header, whether it is written. */
    private readonly kept: boolean[];
    rows = 0;

    /**
     * `mode`: permissions of a new file (0o600 for org data); `omit`: header columns left out of the
     * file, header and rows alike (an export without a field), while rows are still given in full.
     */
    constructor(file: string, header: readonly string[], { mode = 0o666, omit = [] }: { mode?: number; omit?: readonly string[] } = {}) {
        this.stream = createWriteStream(file, { mode });
        this.kept = header.map((name) => !omit.includes(name));
        this.buffer.push(this.keep(header).map((name) => `"${name}"`).join(',') + '\n');
    }

    private keep<T>(values: readonly T[]): T[] {
        return values.filter((_, column) => this.kept[column] !== false);
    }

    /** Adds a row; await the result when it is a promise (the stream needs draining). */
    write(values: readonly CsvValue[]): Promise<void> | undefined {
        const line = this.keep(values).map(quote).join(',') + '\n';
        this.buffer.push(line);
        this.bufferedChars += line.length;
        this.rows += 1;
        if (this.bufferedChars < 1 << 16) return undefined;
        return this.flush();
    }

    private async flush(): Promise<void> {
        const chunk = this.buffer.join('');
        this.buffer = [];
        this.bufferedChars = 0;
        if (!this.stream.write(chunk)) await once(this.stream, 'drain');
    }

    async close(): Promise<void> {
        await this.flush();
        this.stream.end();
        await once(this.stream, 'finish');
    }
}
