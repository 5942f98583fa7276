// The fake org of `npm run bench:sync`, in its own process so that the sync's figures are its own:
// loads the benchmark's export (streamed, one CSV record at a time), serves the REST and Bulk API,
// and answers the parent over IPC: `change` touches a share of every object's rows (and closes as
// lost the open deals among them), `calls` reports the API calls since the last report, by kind.
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse';
import { FakeSalesforceApi, type StoredRecord } from '../testing/fakeSalesforceApi';

export type FakeOrgRequest = { type: 'change'; share: number } | { type: 'calls' };
export type FakeOrgMessage =
    | { type: 'ready'; url: string; token: string; rows: Record<string, number> }
    | { type: 'changed'; rows: number }
    | { type: 'calls'; total: number; byKind: Record<string, number> };

async function load(fake: FakeSalesforceApi, directory: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const file of (await readdir(directory)).filter((name) => name.endsWith('.csv')).sort()) {
        const sobject = path.basename(file, '.csv');
        let batch: StoredRecord[] = [];
        const records = createReadStream(path.join(directory, file)).pipe(parse({ columns: true, bom: true, skip_empty_lines: true }));
        for await (const record of records as AsyncIterable<Record<string, string>>) {
            const row: StoredRecord = {};
            for (const field in record) row[field] = record[field] === '' ? null : record[field]!;
            batch.push(row);
            if (batch.length >= 10000) {
                fake.load(sobject, batch);
                batch = [];
            }
        }
        fake.load(sobject, batch);
        counts[sobject] = fake.list(sobject).length;
    }
    return counts;
}

function change(fake: FakeSalesforceApi, share: number): number {
    fake.advanceClock(2000);
    const every = Math.max(1, Math.round(1 / share));
    let changed = 0;
    for (const sobject of ['Opportunity', 'OpportunityHistory', 'OpportunityContactRole', 'Task', 'Event']) {
        const rows = fake.list(sobject);
        for (let i = 0; i < rows.length; i += every) {
            const row = rows[i]!;
            const lost: StoredRecord = sobject === 'Opportunity' && row.IsClosed === 'false' ? { StageName: 'Closed Lost', IsClosed: 'true', IsWon: 'false' } : {};
            fake.update(sobject, String(row.Id), lost);
            changed++;
        }
    }
    return changed;
}

async function main(): Promise<void> {
    const directory = process.argv[2]!;
    // Query jobs complete by their first poll, as small ones do.
    const fake = new FakeSalesforceApi({ bulkPollsUntilComplete: 0 });
    const rows = await load(fake, directory);
    const url = await fake.start();
    const send = (message: FakeOrgMessage) => process.send!(message);
    process.on('message', (request: FakeOrgRequest) => {
        if (request.type === 'change') {
            send({ type: 'changed', rows: change(fake, request.share) });
        } else {
            const byKind: Record<string, number> = {};
            for (const call of fake.calls) byKind[call.kind] = (byKind[call.kind] ?? 0) + 1;
            send({ type: 'calls', total: fake.apiCallCount(), byKind });
            fake.resetCalls();
        }
    });
    process.on('disconnect', () => {
        void fake.stop().then(() => process.exit(0));
    });
    send({ type: 'ready', url, token: fake.createSession(), rows });
}

main().catch((error: unknown) => {
    process.stderr.write(`fake org failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
});
