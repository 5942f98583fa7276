// `npm run bench`: generates an export of 1,000,000 opportunities (about 5M history rows and 5M
// activities), runs `goal-coach analyze` on it in a child process, then DuckDB computing the same
// per-rep aggregates over the same CSVs in another, and prints wall time and peak RSS of each.
//   npm run bench -- [--opportunities N] [--dir DIR] [--keep]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { generateExport, sampleOptions } from '../src/sample/generate';

interface ChildResult {
    seconds: number;
    cpuSeconds: number;
    maxRssMb: number;
    exitCode: number;
}

async function timeChild(script: string, args: string[], quiet: boolean): Promise<ChildResult> {
    const report = path.join(os.tmpdir(), `goal-coach-bench-${process.pid}-${path.basename(script)}.json`);
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', script, ...args], {
        stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
        env: { ...process.env, BENCH_REPORT: report },
    });
    const exitCode: number = await new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const reported = existsSync(report) ? (JSON.parse(await readFile(report, 'utf8')) as { maxRssKb: number; cpuSeconds: number }) : { maxRssKb: Number.NaN, cpuSeconds: Number.NaN };
    await rm(report, { force: true });
    return { seconds, cpuSeconds: reported.cpuSeconds, maxRssMb: reported.maxRssKb / 1024, exitCode };
}

async function main(): Promise<void> {
    const program = new Command('bench')
        .option('--opportunities <n>', 'opportunities to generate', (value) => Number(value), 1_000_000)
        .option('--dir <dir>', 'reuse or create the export in this folder')
        .option('--keep', 'keep the generated export')
        .parse(process.argv);
    const flags = program.opts<{ opportunities: number; dir?: string; keep?: boolean }>();
    const directory = flags.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'goal-coach-bench-')));
    const dealsPerRep = 500;
    const reps = Math.max(30, Math.round(flags.opportunities / dealsPerRep));

    try {
        if (!existsSync(path.join(directory, 'Opportunity.csv'))) {
            process.stdout.write(`Generating ${flags.opportunities.toLocaleString('en-US')} opportunities for ${reps} reps in ${directory}\n`);
            const bar = process.stdout.isTTY ? new SingleBar({ format: 'generate {bar} {value}/{total} opportunities' }, Presets.shades_classic) : null;
            bar?.start(reps * dealsPerRep, 0);
            const started = Date.now();
            const generated = await generateExport(directory, {
                ...sampleOptions,
                seed: 1_000_003,
                reps,
                managers: Math.max(3, Math.round(reps / 10)),
                dealsPerRep,
                activityScale: 0.35,
                onProgress: (count) => bar?.update(count),
            });
            bar?.stop();
            process.stdout.write(`Generated in ${((Date.now() - started) / 1000).toFixed(0)} s: ${Object.entries(generated.counts).map(([name, rows]) => `${rows.toLocaleString('en-US')} ${name}`).join(', ')}\n`);
        }
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
