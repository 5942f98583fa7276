// A RecordSource over rows held in memory: for tests and for callers that already have rows.
import type { RawRow, RecordSource, RowLocation, SObjectName } from '../core/source';

export class MemorySource implements RecordSource {
    constructor(private readonly tables: Partial<Record<SObjectName, RawRow[]>>) {}

    async has(sobject: SObjectName): Promise<boolean> {
        return this.tables[sobject] !== undefined;
    }

    async *rows(sobject: SObjectName, fields: readonly string[]): AsyncIterable<{ row: RawRow; at: RowLocation }> {
        const rows = this.tables[sobject] ?? [];
        let line = 1;
        for (const source of rows) {
            line += 1;
            const row: RawRow = {};
            for (const field of fields) if (field in source) row[field] = source[field] ?? null;
            yield { row, at: { origin: sobject, line } };
        }
    }
}
