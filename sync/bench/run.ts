// `npm run bench`: generates an export of 1,000,000 opportunities (about 5M history rows and 5M
// activities), runs `goal-coach analyze` on it in a child process, then DuckDB computing the same
// per-rep aggregates over the same CSVs in another, and prints wall time and peak RSS of each.
//   npm run bench -- [--opportunities N] [--dir DIR] [--keep]
import { mkdtemp, rm, stat, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { sampleOptions } from '../src/sample/generate';
import { ensureBenchExport, timeChild, type ChildResult } from './childProcess';

async function main(): Promise<void> {
    const program = new Command('bench')
        .option('--opportunities <n>', 'opportunities to generate', (value) => Number(value), 1_000_000)
        .option('--dir <dir>', 'reuse or create the export in this folder')
        .option('--keep', 'keep the generated export')
        .parse(process.argv);
    const flags = program.opts<{ opportunities: number; dir?: string; keep?: boolean }>();
    const directory = flags.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'goal-coach-bench-')));
    try {
        await ensureBenchExport(directory, flags.opportunities);
        let bytes = 0;
        for (const file of await readdir(directory)) bytes += (await stat(path.join(directory, file))).size;
        process.stdout.write(`Export: ${(bytes / 1024 ** 3).toFixed(2)} GB\n\n`);

        const analyzeRun = await timeChild(path.join(__dirname, 'analyzeChild.ts'), ['analyze', '--data', directory, '--as-of', sampleOptions.asOf, '--json', path.join(directory, '..', `${path.basename(directory)}-result.json`)], true);
        if (analyzeRun.exitCode !== 0) throw new Error(`goal-coach analyze exited with ${analyzeRun.exitCode}`);
        const duckRun = await timeChild(path.join(__dirname, 'duckdbChild.ts'), [directory, sampleOptions.asOf], false);
        if (duckRun.exitCode !== 0) throw new Error(`DuckDB exited with ${duckRun.exitCode}`);
        await rm(path.join(directory, '..', `${path.basename(directory)}-result.json`), { force: true });

        const row = (name: string, result: ChildResult) =>
            `${name.padEnd(24)} ${result.seconds.toFixed(1).padStart(8)} s ${result.cpuSeconds.toFixed(1).padStart(8)} s ${result.maxRssMb.toFixed(0).padStart(8)} MB`;
        process.stdout.write(`${'run'.padEnd(24)} ${'wall'.padStart(10)} ${'CPU'.padStart(10)} ${'peak RSS'.padStart(11)}\n`);
        process.stdout.write(`${row('goal-coach analyze', analyzeRun)}\n${row('DuckDB (same aggregates)', duckRun)}\n`);
        process.stdout.write(`wall-time ratio analyze/DuckDB: ${(analyzeRun.seconds / duckRun.seconds).toFixed(2)} (target ≤ 2); CPU-time ratio: ${(analyzeRun.cpuSeconds / duckRun.cpuSeconds).toFixed(2)}\n`);
        process.stdout.write(`peak RSS analyze: ${analyzeRun.maxRssMb.toFixed(0)} MB (target ≤ 400 MB); ratio to DuckDB: ${(analyzeRun.maxRssMb / duckRun.maxRssMb).toFixed(2)}\n`);
    } finally {
        if (!flags.keep && !flags.dir) await rm(directory, { recursive: true, force: true });
    }
}

main().catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
});
