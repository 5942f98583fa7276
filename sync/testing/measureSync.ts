// API calls of goal-coach sync on the fake org holding the sample export: a first (full) sync, a
// re-run with nothing changed, and a re-run after one deal was lost.
// Run: npx tsx sync/testing/measureSync.ts
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { connectWithToken } from '../src/org/connection';
import { runSync } from '../src/org/runSync';
import { fakeApiVersion } from './fakeSalesforceApi';
import { startSampleOrg } from './sampleOrg';

async function main(): Promise<void> {
    const { fake, counts } = await startSampleOrg();
    const stateDirectory = await mkdtemp(path.join(os.tmpdir(), 'goal-coach-measure-'));
    try {
        process.stdout.write(`rows: ${Object.entries(counts).map(([sobject, rows]) => `${sobject} ${rows}`).join(', ')}\n`);
        const measure = async (label: string): Promise<void> => {
            fake.resetCalls();
            fake.apiUsed = 0;
            const started = Date.now();
            const report = await runSync({
                connection: connectWithToken({ instanceUrl: fake.url, accessToken: fake.createSession(), version: fakeApiVersion }),
                stateDirectory,
                bulk: { pollIntervalMs: 10 },
            });
            const byKind: Record<string, number> = {};
            for (const call of fake.calls) byKind[call.kind] = (byKind[call.kind] ?? 0) + 1;
            process.stdout.write(
                `${label}: ${fake.apiCallCount()} calls (${Object.entries(byKind).map(([kind, n]) => `${n} ${kind}`).join(', ')}), ` +
                    `${fake.apiUsed} units of the daily allowance, ${report.written.created} created, ${report.written.updated} updated, ${Date.now() - started} ms\n`,
            );
        };
        await measure('first sync');
        await measure('nothing changed');
        fake.advanceClock(2000);
        const open = fake.list('Opportunity').find((deal) => deal.IsClosed === 'false');
        if (open) fake.update('Opportunity', String(open.Id), { StageName: 'Closed Lost', IsClosed: 'true', IsWon: 'false' });
        await measure('one deal lost');
    } finally {
        await fake.stop();
        await rm(stateDirectory, { recursive: true, force: true });
    }
}

main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
});
