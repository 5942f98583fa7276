// Writes the mirror as a folder of CSV exports in the Bulk API 2.0 / Data Loader format (one
// <SObject>.csv per object, API field names as headers, every value quoted, "" for null), so that
// `goal-coach analyze --data DIR` runs on exactly the rows the sync analyzed. Org data: the folder
// is created owner-only and each file readable by its owner only.
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { CsvWriter } from '../sample/csvWriter';
import type { OrgMirror } from './mirror';

export async function exportMirror(mirror: OrgMirror, directory: string): Promise<{ sobject: string; rows: number }[]> {
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const written: { sobject: string; rows: number }[] = [];
    for (const sobject of mirror.objects()) {
        const stored = mirror.object(sobject);
        if (!stored) continue;
        const file = path.join(directory, `${sobject}.csv`);
        await rm(file, { force: true });
        const writer = new CsvWriter(file, stored.fields, { mode: 0o600 });
        for (const batch of mirror.rowBatches(sobject, stored.fields)) {
            for (const row of batch) await writer.write(stored.fields.map((field) => row[field] ?? null));
        }
        await writer.close();
        written.push({ sobject, rows: writer.rows });
    }
    return written;
}
