// `npm run bench:start`: how long `goal-coach --help` takes to start, beside bare Node. Each command
// runs N times (interleaved, after one warm-up each) and the median wall time is reported, with its
// ratio to `node -e 0` of the Node on PATH. The commands run with node_modules/.bin taken off PATH,
// as cron and CI scripts run them, so the Node on PATH is the machine's own (Node 20 or later).
// On Linux the median CPU time of each command (with its child processes) is printed too: on a
// machine busy with other work the wall time grows, the CPU time much less.
//   npm run bench:start -- [--runs 15] [--target-ms 300]
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { bundleState, projectRoot } from '../build/freshness';

interface Case {
    name: string;
    command: string;
    args: string[];
}

/** PATH without the project-local bin folders npm puts first while it runs a script. */
function machinePath(): string {
    return (process.env.PATH ?? '').split(path.delimiter).filter((dir) => !dir.endsWith(path.join('node_modules', '.bin'))).join(path.delimiter);
}

function findOnPath(name: string, searchPath: string): string {
    for (const dir of searchPath.split(path.delimiter)) {
        const candidate = path.join(dir, name);
        try {
            accessSync(candidate, constants.X_OK);
            return candidate;
        } catch {
            // not here
        }
    }
    throw new Error(`no ${name} on PATH`);
}

/**
 * CPU ms used by this process's finished children (cutime + cstime of /proc/self/stat, in clock
 * ticks of 10 ms), or null off Linux.
 */
function childrenCpuMs(): number | null {
    if (!existsSync('/proc/self/stat')) return null;
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
}

interface Timing {
    wallMs: number;
    cpuMs: number | null;
}

function timeOnce(run: Case, env: NodeJS.ProcessEnv): Timing {
    const cpuBefore = childrenCpuMs();
    const started = process.hrtime.bigint();
    const result = spawnSync(run.command, run.args, { cwd: projectRoot, env, stdio: 'ignore' });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`${run.name} exited with ${result.status ?? result.signal}`);
    const cpuAfter = childrenCpuMs();
    return { wallMs, cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function main(): number {
    const flags = new Command('bench:start')
        .option('--runs <n>', 'runs of each command', Number, 15)
        .option('--target-ms <ms>', 'start time goal-coach --help must stay within', Number, 300)
        .parse(process.argv)
        .opts<{ runs: number; targetMs: number }>();
    const env = { ...process.env, PATH: machinePath() };
    const node = findOnPath('node', env.PATH);
    const version = (file: string) => spawnSync(file, ['--version'], { encoding: 'utf8' }).stdout.trim();
    const pinned = path.join(projectRoot, 'node_modules', 'node', 'bin', 'node');
    const bin = path.join(projectRoot, 'node_modules', '.bin', 'goal-coach');
    const cases: Case[] = [
        { name: `node -e 0 (PATH, ${version(node)})`, command: node, args: ['-e', '0'] },
        { name: `pinned node -e 0 (${version(pinned)})`, command: pinned, args: ['-e', '0'] },
        { name: 'node_modules/.bin/goal-coach --help', command: bin, args: ['--help'] },
        { name: 'node bin/goal-coach.js --help', command: node, args: [path.join(projectRoot, 'bin', 'goal-coach.js'), '--help'] },
        { name: 'node_modules/.bin/goal-coach analyze --help', command: bin, args: ['analyze', '--help'] },
    ];
    const state = bundleState();
    process.stdout.write(`sync/dist bundle: ${state}${state === 'fresh' ? '' : ' (the command runs from the sources; `npm run build:sync` rebuilds)'}\n`);
    const times = cases.map((run) => (timeOnce(run, env), [] as Timing[]));
    for (let round = 0; round < flags.runs; round++) cases.forEach((run, i) => times[i]!.push(timeOnce(run, env)));

    const wall = times.map((runs) => median(runs.map((t) => t.wallMs)));
    const cpu = times.map((runs) => (runs.every((t) => t.cpuMs !== null) ? median(runs.map((t) => t.cpuMs!)) : null));
    const ratio = (value: number, bare: number) => `${(value / bare).toFixed(1).padStart(5)}×`;
    process.stdout.write(`median of ${flags.runs} runs${cpu[0] !== null ? '; CPU time with child processes' : ''}\n`);
    process.stdout.write(`${''.padEnd(46)} ${'wall'.padStart(8)} ${'ratio'.padStart(6)}${cpu[0] !== null ? `${'CPU'.padStart(9)} ${'ratio'.padStart(6)}` : ''}\n`);
    cases.forEach((run, i) => {
        const cpuColumns = cpu[i] !== null && cpu[0] ? `${`${cpu[i]!.toFixed(0)} ms`.padStart(9)} ${ratio(cpu[i]!, cpu[0])}` : '';
        process.stdout.write(`${run.name.padEnd(46)} ${`${wall[i]!.toFixed(0)} ms`.padStart(8)} ${ratio(wall[i]!, wall[0]!)}${cpuColumns}\n`);
    });
    const help = wall[2]!;
    const met = help <= flags.targetMs;
    process.stdout.write(`goal-coach --help through its bin: ${help.toFixed(0)} ms, target ${flags.targetMs} ms: ${met ? 'met' : 'missed'}\n`);
    return met ? 0 : 1;
}

try {
    process.exitCode = main();
} catch (error) {
    process.stderr.write(`bench:start failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
}
