// Seeds the fake org from a folder of CSV exports (one <SObject>.csv per object, as Data Loader or
// Bulk API 2.0 write them): every row keeps its Id and SystemModstamp; empty cells become null.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { FakeSalesforceApi, StoredRecord } from './fakeSalesforceApi';

export async function loadExportIntoFake(fake: FakeSalesforceApi, directory: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const file of (await readdir(directory)).filter((name) => name.endsWith('.csv')).sort()) {
        const sobject = path.basename(file, '.csv');
        const rows = parse(await readFile(path.join(directory, file), 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
        const records: StoredRecord[] = rows.map((row) => Object.fromEntries(Object.entries(row).map(([field, value]) => [field, value === '' ? null : value])));
        fake.load(sobject, records);
        counts[sobject] = records.length;
    }
    return counts;
}
