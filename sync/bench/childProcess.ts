// What the benchmarks share: the generated export of the benchmark's shape (500 deals per rep, the
// sample's activity at 0.35 scale), and a bench script run in its own Node process that reports its
// own CPU time and peak RSS (BENCH_REPORT), so that each figure belongs to one process alone.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { generateExport, sampleOptions } from '../src/sample/generate';

export interface ChildResult {
    seconds: number;
    cpuSeconds: number;
    maxRssMb: number;
    exitCode: number;
}

export async function timeChild(script: string, args: string[], quiet: boolean, env: NodeJS.ProcessEnv = {}): Promise<ChildResult> {
    const report = path.join(os.tmpdir(), `goal-coach-bench-${process.pid}-${path.basename(script)}.json`);
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', script, ...args], {
        stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
        env: { ...process.env, ...env, BENCH_REPORT: report },
    });
    const exitCode: number = await new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const reported = existsSync(report) ? (JSON.parse(await readFile(report, 'utf8')) as { maxRssKb: number; cpuSeconds: number }) : { maxRssKb: Number.NaN, cpuSeconds: Number.NaN };
    await rm(report, { force: true });
    return { seconds, cpuSeconds: reported.cpuSeconds, maxRssMb: reported.maxRssKb / 1024, exitCode };
}

/** Generates the benchmark's export of `opportunities` deals into `directory`, unless it is there already. */
export async function ensureBenchExport(directory: string, opportunities: number): Promise<void> {
    if (existsSync(path.join(directory, 'Opportunity.csv'))) return;
    const dealsPerRep = 500;
    const reps = Math.max(30, Math.round(opportunities / dealsPerRep));
    process.stdout.write(`Generating ${opportunities.toLocaleString('en-US')} opportunities for ${reps} reps in ${directory}\n`);
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
