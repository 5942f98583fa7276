// `npm run bench:sync`: goal-coach sync against the fake org holding the benchmark's export, the
// fake and the sync each in their own process: a full sync, a run with nothing changed and one with
// 1% of the rows changed; for each the wall time, the sync process's peak RSS and the API calls by
// kind; and the full sync's time relative to `goal-coach analyze` on the same rows as CSV.
//   npm run bench:sync -- [--opportunities N] [--dir DIR] [--keep]
// The last line is for other tools to read:
//   bench:sync N opportunities: full S s M MB, unchanged S s M MB C calls, changed S s M MB
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { sampleOptions } from '../src/sample/generate';
import { ensureBenchExport, timeChild, type ChildResult } from './childProcess';
import type { FakeOrgMessage, FakeOrgRequest } from './fakeOrgChild';

interface FakeOrg {
    ask(request: FakeOrgRequest): Promise<FakeOrgMessage>;
    stop(): void;
}

async function startFakeOrg(directory: string): Promise<{ org: FakeOrg; ready: Extract<FakeOrgMessage, { type: 'ready' }> }> {
    // The fake holds every row as an object: give it room (its memory is not the sync's).
    const child = fork(path.join(__dirname, 'fakeOrgChild.ts'), [directory], { execArgv: ['-r', 'tsx/cjs', '--max-old-space-size=16384'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const next = () =>
        new Promise<FakeOrgMessage>((resolve, reject) => {
            child.once('message', (message) => resolve(message as FakeOrgMessage));
            child.once('exit', (code) => reject(new Error(`the fake org exited with ${code}`)));
        });
    const ready = (await next()) as Extract<FakeOrgMessage, { type: 'ready' }>;
    const org: FakeOrg = {
        ask: (request) => {
            const answer = next();
            child.send(request);
            return answer;
        },
        stop: () => child.disconnect(),
    };
    return { org, ready };
}

interface SyncRun extends ChildResult {
    calls: number;
    byKind: Record<string, number>;
}

async function main(): Promise<void> {
    const program = new Command('bench:sync')
        .option('--opportunities <n>', 'opportunities to generate', (value) => Number(value), 1_000_000)
        .option('--dir <dir>', 'reuse or create the export in this folder')
        .option('--keep', 'keep the generated export')
        .parse(process.argv);
    const flags = program.opts<{ opportunities: number; dir?: string; keep?: boolean }>();
    const directory = flags.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'goal-coach-bench-sync-')));
    const stateDir = await mkdtemp(path.join(os.tmpdir(), 'goal-coach-bench-mirror-'));
    let org: FakeOrg | undefined;
    try {
        await ensureBenchExport(directory, flags.opportunities);
        const started = Date.now();
        const fake = await startFakeOrg(directory);
        org = fake.org;
        process.stdout.write(`Fake org loaded in ${((Date.now() - started) / 1000).toFixed(0)} s: ${Object.entries(fake.ready.rows).map(([name, rows]) => `${rows.toLocaleString('en-US')} ${name}`).join(', ')}\n\n`);

        const sync = async (label: string): Promise<SyncRun> => {
            const run = await timeChild(path.join(__dirname, 'analyzeChild.ts'), ['sync', '--instance-url', fake.ready.url, '--state-dir', stateDir], true, {
                SF_ACCESS_TOKEN: fake.ready.token,
            });
            if (run.exitCode !== 0) throw new Error(`goal-coach sync (${label}) exited with ${run.exitCode}`);
            const calls = (await org!.ask({ type: 'calls' })) as Extract<FakeOrgMessage, { type: 'calls' }>;
            const kinds = Object.entries(calls.byKind).map(([kind, n]) => `${n} ${kind}`).join(', ');
            process.stdout.write(`${label.padEnd(10)} ${run.seconds.toFixed(1).padStart(7)} s ${run.maxRssMb.toFixed(0).padStart(6)} MB peak RSS, ${calls.total} API calls (${kinds})\n`);
            return { ...run, calls: calls.total, byKind: calls.byKind };
        };
        const full = await sync('full');
        const unchanged = await sync('unchanged');
        const changed = (await org.ask({ type: 'change', share: 0.01 })) as Extract<FakeOrgMessage, { type: 'changed' }>;
        process.stdout.write(`(changed ${changed.rows.toLocaleString('en-US')} rows, 1% of each object but User and OpportunityStage)\n`);
        const changedRun = await sync('changed');

        const analyzeRun = await timeChild(path.join(__dirname, 'analyzeChild.ts'), ['analyze', '--data', directory, '--as-of', sampleOptions.asOf], true);
        if (analyzeRun.exitCode !== 0) throw new Error(`goal-coach analyze exited with ${analyzeRun.exitCode}`);
        process.stdout.write(`analyze on the same rows as CSV: ${analyzeRun.seconds.toFixed(1)} s, ${analyzeRun.maxRssMb.toFixed(0)} MB; full sync / analyze: ${(full.seconds / analyzeRun.seconds).toFixed(2)}\n`);
        process.stdout.write(`targets at 1M: full ≤ 1024 MB, incremental ≤ 400 MB; unchanged ≤ 6 calls and 0 writes (here ${unchanged.byKind.upsert ?? 0} upsert calls)\n`);
        const figure = (run: ChildResult) => `${run.seconds.toFixed(1)} s ${run.maxRssMb.toFixed(0)} MB`;
        process.stdout.write(
            `bench:sync ${flags.opportunities} opportunities: full ${figure(full)}, unchanged ${figure(unchanged)} ${unchanged.calls} calls, changed ${figure(changedRun)}\n`,
        );
    } finally {
        org?.stop();
        await rm(stateDir, { recursive: true, force: true });
        if (!flags.keep && !flags.dir) await rm(directory, { recursive: true, force: true });
    }
}

main().catch((error: unknown) => {
    process.stderr.write(`bench:sync failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
});
