// Reads a folder of Salesforce CSV exports (Bulk API 2.0 / Data Loader format: one <SObject>.csv per
// object, API field names as headers, "" for null) as a RecordSource, streaming row by row.
import { createReadStream } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { parse, CsvError } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import Papa from 'papaparse';
import { SingleBar, Presets } from 'cli-progress';
import type { RawRow, RecordSource, RowLocation, SObjectName } from '../core/source';
import { fileProblemOf } from '../core/fileErrors';
import { checkSeparator, firstLine, otherSeparator, wrongSeparator } from './csvDialect';
import { checkedText, suspectBytes } from './textChecks';
import { InputError, Warnings } from '../core/problems';

export type RowBatch = { row: RawRow; at: RowLocation }[];

export interface CsvExportOptions {
    /** Where skipped rows are counted. */
    warnings: Warnings;
    /** Show a progress bar for large files (the caller decides: only on a TTY). */
    progress?: boolean;
    /** 'reference' reads with csv-parse only (the behaviour the fast path must match; for tests). */
    reader?: 'fast' | 'reference';
}

/**
 * The largest record the reader accepts, in bytes: a record is held whole while it is parsed, so
 * this bounds memory whatever the input (a value of millions of escaped quotes included).
 */
export const maxRecordBytes = 4 * 1024 * 1024;
/** A record still unfinished after this many characters leaves the fast path (which re-parses it per chunk) for csv-parse. */
const fastRecordChars = 1024 * 1024;

/** Files larger than this get a progress bar. */
const progressThresholdBytes = 32 * 1024 * 1024;

const fixes: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED: 'A quoted value is never closed: add the missing closing quote (") or re-export the file',
    CSV_INVALID_CLOSING_QUOTE: 'A quote inside a quoted value must be doubled (""): fix the value or re-export the file',
    CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'Text follows a closing quote: double the inner quotes ("") or re-export the file',
    CSV_MAX_RECORD_SIZE: 'Check for a quote that is never closed, or export the object without its long text fields (Description and the like)',
};

export class CsvExportSource implements RecordSource {
    /** Each file's header once read, by file name: a file without rows still has its columns checked. */
    private readonly headers = new Map<string, readonly string[]>();

    constructor(
        readonly directory: string,
        private readonly options: CsvExportOptions,
    ) {}

    fileOf(sobject: SObjectName): string {
        return path.join(this.directory, `${sobject}.csv`);
    }

    /** The header of a file already read (null before). */
    columnsOf(sobject: SObjectName): readonly string[] | null {
        return this.headers.get(`${sobject}.csv`) ?? null;
    }

    async has(sobject: SObjectName): Promise<boolean> {
        try {
            await access(this.fileOf(sobject));
            return true;
        } catch {
            return false;
        }
    }

    async *rows(sobject: SObjectName, fields: readonly string[]): AsyncIterable<{ row: RawRow; at: RowLocation }> {
        for await (const batch of this.rowBatches(sobject, fields)) yield* batch;
    }

    /** The rows in batches (one per chunk read): a promise per batch rather than per row. */
    async *rowBatches(sobject: SObjectName, fields: readonly string[]): AsyncGenerator<RowBatch> {
        const file = this.fileOf(sobject);
        const origin = `${sobject}.csv`;
        let size: number;
        try {
            const found = await stat(file);
            if (!found.isFile()) {
                throw new InputError(origin, null, `${file} is ${found.isDirectory() ? 'a folder' : 'not a regular file'}`, `Put the ${sobject} export there as a file named ${origin}`);
            }
            size = found.size;
        } catch (error) {
            if (error instanceof InputError) throw error;
            throw new InputError(origin, null, `the file is missing from ${this.directory}`, `Export the ${sobject} object to ${origin}`);
        }
        const bar =
            this.options.progress && size > progressThresholdBytes
                ? new SingleBar({ format: `${origin.padEnd(28)} {bar} {percentage}% | {value}/{total} MB`, hideCursor: true }, Presets.shades_classic)
                : null;
        bar?.start(Math.ceil(size / 1048576), 0);
        try {
            yield* this.readFile(file, origin, fields, bar);
        } catch (error) {
            const problem = fileProblemOf(error, file);
            if (problem) throw new InputError(origin, null, `${problem.path} ${problem.problem}`, problem.fix);
            throw error;
        } finally {
            bar?.update(Math.ceil(size / 1048576));
            bar?.stop();
        }
    }

    private async *readFile(file: string, origin: string, fields: readonly string[], bar: SingleBar | null): AsyncGenerator<RowBatch> {
        if (this.options.reader === 'reference') {
            yield* this.strictRows(file, origin, fields, 0);
            return;
        }
        const fast = yield* this.fastRows(file, origin, fields, bar);
        if (fast.done) return;
        // papaparse saw something irregular: csv-parse reads the file again, from the first record
        // not yet delivered, and reports it exactly (or accepts it) as it always has.
        yield* this.strictRows(file, origin, fields, fast.recordsDelivered);
    }

    /**
     * The fast path: papaparse over decoded chunks, csv-parse for a chunk papaparse might read
     * differently. Returns done: false, with the number of records (after the header) already
     * delivered, as soon as either parser finds a chunk malformed.
     */
    private async *fastRows(
        file: string,
        origin: string,
        fields: readonly string[],
        bar: SingleBar | null,
    ): AsyncGenerator<RowBatch, { done: boolean; recordsDelivered: number }> {
        const input = createReadStream(file, { highWaterMark: 1 << 16 });
        const decoder = new StringDecoder('utf8');
        // Whether the text being parsed holds bytes of a suspect chunk (carried over with the partial record).
        let suspect = false;
        let parser: Papa.Parser | null = null;
        let header: string[] | null = null;
        let indexes: number[] = [];
        let partial = '';
        let line = 1;
        let recordsDelivered = 0;
        let bytesRead = 0;
        let spaceAfterQuote = /"\s+[,\n]/;
        let crlf = false;
        try {
            const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
            for (let finished = false; !finished; ) {
                const next = await chunks.next();
                let text: string;
                if (next.done) {
                    finished = true;
                    text = partial + decoder.end();
                } else {
                    bytesRead += next.value.length;
                    bar?.update(Math.floor(bytesRead / 1048576));
                    if (!suspect) suspect = suspectBytes(next.value);
                    text = partial + decoder.write(next.value);
                }
                if (parser === null) {
                    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
                    const firstNewline = text.indexOf('\n');
                    const firstReturn = text.indexOf('\r');
                    // csv-parse takes the first line end it meets as the record delimiter; a bare CR
                    // (or none within the first chunk) is left to it.
                    if (firstReturn >= 0 && firstReturn !== firstNewline - 1) return { done: false, recordsDelivered };
                    if (firstNewline < 0 && !finished) return { done: false, recordsDelivered };
                    crlf = firstNewline > 0 && firstReturn === firstNewline - 1;
                    parser = new Papa.Parser({ delimiter: ',', quoteChar: '"', newline: crlf ? '\r\n' : '\n' });
                    // papaparse lets whitespace follow a closing quote; csv-parse rejects it.
                    spaceAfterQuote = crlf ? /"\s+(?:,|\r\n)/ : /"\s+[,\n]/;
                }
                const parsed = parser.parse(text, 0, !finished) as { data: string[][]; errors: unknown[]; meta: { cursor: number } };
                if (parsed.errors.length > 0) return { done: false, recordsDelivered };
                const papaRecords = parsed.data;
                const consumed = finished ? text.length : parsed.meta.cursor;
                partial = finished ? '' : text.slice(consumed);
                if (partial.length > fastRecordChars) return { done: false, recordsDelivered };

                // Values spanning lines, found by counting the chunk's line ends against its records.
                let newlines = 0;
                for (let at = text.indexOf('\n'); at >= 0 && at < consumed; at = text.indexOf('\n', at + 1)) newlines++;
                const chunkLine = line;

                // A quote inside a value is either escaped ("") or one csv-parse rejects (papaparse keeps
                // a quote in an unquoted value as text); a lone empty value is a blank line or "";
                // whitespace after a quote may be a closing quote csv-parse rejects.
                // Each way csv-parse reads this chunk, from the same record boundary, and reports
                // anything wrong by handing over the rest of the file.
                // csv-parse counts a carriage return outside a CRLF pair as a line of its own.
                let returns = 0;
                for (let at = text.indexOf('\r'); at >= 0 && at < consumed; at = text.indexOf('\r', at + 1)) returns++;
                let exactNeeded = returns !== (crlf ? newlines : 0) || spaceAfterQuote.test(consumed === text.length ? text : text.slice(0, consumed));
                for (const record of papaRecords) {
                    if (record.length === 1 && record[0] === '') exactNeeded = true;
                    for (const value of record) if (value.includes('"')) exactNeeded = true;
                }
                let records: string[][] = papaRecords;
                let recordLines: number[] | null = null;
                let nextLine = chunkLine + newlines;
                if (exactNeeded) {
                    let exact: { record: string[]; info: { lines: number } }[];
                    try {
                        // A last one-value record marks where csv-parse's line count stands after the chunk.
                        const chunkText = finished ? text : `${text.slice(0, consumed)}x`;
                        exact = parseSync(chunkText, { relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: maxRecordBytes }) as unknown as typeof exact;
                    } catch {
                        return { done: false, recordsDelivered };
                    }
                    if (!finished) {
                        const marker = exact.pop();
                        if (marker?.record.length !== 1 || marker.record[0] !== 'x') return { done: false, recordsDelivered };
                        nextLine = chunkLine - 1 + marker.info.lines;
                    }
                    records = exact.map((item) => item.record);
                    recordLines = exact.map(({ record, info }) => {
                        let start = chunkLine - 1 + info.lines;
                        for (const value of record) if (value.includes('\n')) start -= value.split('\n').length - 1;
                        return start;
                    });
                }
                // Without blank lines, each record ends on a line end (the last one of the file may not).
                const checkNewlines = newlines !== (finished ? records.length - 1 : records.length);

                const batch: RowBatch = [];
                for (let r = 0; r < records.length; r++) {
                    const record = records[r]!;
                    let recordLine: number;
                    if (recordLines) {
                        recordLine = recordLines[r]!;
                    } else {
                        recordLine = line;
                        line += 1;
                        if (checkNewlines) for (const value of record) if (value.includes('\n')) line += value.split('\n').length - 1;
                    }
                    if (header === null) {
                        header = record.map((name) => name.trim());
                        checkHeader(origin, header);
                        this.headers.set(origin, header);
                        indexes = fields.map((field) => header!.indexOf(field));
                        continue;
                    }
                    recordsDelivered++;
                    const row = this.rowOf(record, header.length, fields, indexes, origin, recordLine, suspect);
                    if (row) batch.push({ row, at: { origin, line: recordLine } });
                }
                if (recordLines) line = nextLine;
                suspect = suspect && partial.length > 0;
                if (batch.length > 0) yield batch;
            }
            if (header === null) {
                throw new InputError(origin, 1, 'the file is empty', 'Export the object again with its header row of API field names');
            }
            return { done: true, recordsDelivered };
        } finally {
            input.destroy();
        }
    }

    /** The requested fields of a record ("" is null), or null for a ragged row (counted); `checkText` checks each value's text. */
    private rowOf(record: string[], columns: number, fields: readonly string[], indexes: number[], origin: string, line: number, checkText: boolean): RawRow | null {
        if (record.length !== columns) {
            this.options.warnings.add(
                'ragged row',
                origin,
                line,
                `has ${record.length} values but the header has ${columns} columns; the row was skipped (check for an unquoted comma or a missing value)`,
            );
            return null;
        }
        const row: RawRow = {};
        for (let i = 0; i < fields.length; i++) {
            const index = indexes[i]!;
            if (index < 0) continue;
            const value = record[index]!;
            row[fields[i]!] = value === '' ? null : checkText ? checkedText(value, fields[i]!, origin, line, this.options.warnings) : value;
        }
        return row;
    }

    /** csv-parse, the reference reader: exact errors with line numbers; skips the first `skip` records after the header. */
    private async *strictRows(file: string, origin: string, fields: readonly string[], skip: number): AsyncGenerator<RowBatch> {
        // on_record tags each record with the line it ends on (the parser's running line count).
        const parser = parse({
            max_record_size: maxRecordBytes,
            bom: true,
            relax_column_count: true,
            skip_empty_lines: true,
            on_record: (record: string[], context) => {
                (record as string[] & { line?: number }).line = context.lines;
                return record;
            },
        });
        const input = createReadStream(file, { highWaterMark: 1 << 18 });
        let skipped = 0;
        let header: string[] | null = null;
        let indexes: number[] = [];
        let lastRecordEnd = 0;
        const pending: string[][] = [];
        const lineEnds: number[] = [];
        let parseError: unknown = null;
        parser.on('error', (error) => {
            parseError = error;
        });
        // Records are drained synchronously after each chunk: no promise per record.
        const drain = () => {
            let record: (string[] & { line?: number }) | null;
            while ((record = parser.read() as (string[] & { line?: number }) | null) !== null) {
                pending.push(record);
                lineEnds.push(record.line ?? 0);
            }
        };
        try {
            const chunks: AsyncIterable<Buffer> = input;
            let finished = false;
            const chunkIterator = chunks[Symbol.asyncIterator]();
            while (!finished) {
                const next = await chunkIterator.next();
                if (next.done) {
                    parser.end();
                    // The parser reports an unclosed quote at the end asynchronously.
                    await new Promise((resolve) => setImmediate(resolve));
                    finished = true;
                } else {
                    parser.write(next.value);
                }
                drain();
                if (parseError) throw parseError;
                const batch: RowBatch = [];
                for (let k = 0; k < pending.length; k++) {
                    const record = pending[k]!;
                    let line = lineEnds[k]!;
                    lastRecordEnd = line;
                    for (const value of record) {
                        if (value.includes('\n')) line -= value.split('\n').length - 1;
                    }
                    if (header === null) {
                        header = record.map((name) => name.trim());
                        checkHeader(origin, header);
                        this.headers.set(origin, header);
                        indexes = fields.map((field) => header!.indexOf(field));
                        continue;
                    }
                    if (skipped < skip) {
                        skipped++;
                        continue;
                    }
                    // The slow path checks every value's text (its chunks' bytes are not checked).
                    const row = this.rowOf(record, header.length, fields, indexes, origin, line, true);
                    if (row) batch.push({ row, at: { origin, line } });
                }
                if (batch.length > 0) yield batch;
                pending.length = 0;
                lineEnds.length = 0;
            }
            if (header === null) {
                throw new InputError(origin, 1, 'the file is empty', 'Export the object again with its header row of API field names');
            }
        } catch (error) {
            if (error instanceof CsvError) {
                const separator = header === null ? otherSeparator(await firstLine(file)) : null;
                if (separator) throw wrongSeparator(origin, separator);
                if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
                    // The parser reports the end of the file; the quote opened on the record after the last good one.
                    throw new InputError(origin, lastRecordEnd + 1, 'a quoted value that starts on this line is never closed', fixes.CSV_QUOTE_NOT_CLOSED!);
                }
                if (error.code === 'CSV_MAX_RECORD_SIZE') {
                    throw new InputError(origin, lastRecordEnd + 1, `the record that starts on this line is larger than ${maxRecordBytes / 1048576} MB, the most the reader holds`, fixes.CSV_MAX_RECORD_SIZE!);
                }
                const line = typeof (error as unknown as { lines?: number }).lines === 'number' ? (error as unknown as { lines: number }).lines : null;
                const fix = fixes[error.code] ?? 'Re-export the file in the Bulk API CSV format (UTF-8, comma-separated, values in double quotes)';
                throw new InputError(origin, line, `the CSV is malformed (${error.message.replace(/^Invalid \w+:\s*/, '')})`, fix);
            }
            throw error;
        } finally {
            input.destroy();
        }
    }
}

function checkHeader(origin: string, header: string[]): void {
    checkSeparator(origin, header);
    const seen = new Set<string>();
    for (const name of header) {
        if (name === '') throw new InputError(origin, 1, 'the header has an empty column name', 'Give every column its API field name');
        if (seen.has(name)) throw new InputError(origin, 1, `the header names column ${name} twice`, 'Remove the duplicate column');
        seen.add(name);
    }
}
