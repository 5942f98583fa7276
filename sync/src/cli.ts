// The goal-coach command line. Errors of the user's making (bad flags, bad input files, paths that
// cannot be read or written) print a clear message and exit 2; anything else is a bug and exits 1,
// still without a stack trace unless GOAL_COACH_DEBUG is set.
import { spawnSync } from 'node:child_process';
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index';
import { fileProblemOf } from './core/fileErrors';
import { InputError, UsageError } from './core/problems';

export function buildProgram(): Command {
    const program = new Command('goal-coach')
        .description('Goal Coach sync service: suggests learning goals from win/loss, stage history and activities.')
        .showHelpAfterError('(run with --help for usage)')
        .exitOverride();
    for (const command of commands) program.addCommand(command().exitOverride());
    return program;
}

/**
 * analyze holds little on the V8 heap (per-opportunity state lives in typed arrays), but V8 lets the
 * heap grow lazily with garbage; capping old space keeps the peak RSS bounded (~380 MB at 1M
 * opportunities). Runs analyze in a child with the cap unless the caller set one already.
 */
export const analyzeHeapMb = 200;

/**
 * sync streams the same rows from its mirror into the same engine, and also holds one page read
 * from the org at a time (a Bulk API 2.0 result page is up to 50,000 rows): it runs in a child with
 * a cap too.
 */
const heapCapMb: Partial<Record<string, number>> = { analyze: analyzeHeapMb, sync: 256 };

/**
 * The young generation's semi-space cap, in MiB, for the same children. The analysis makes a row
 * object per CSV line or mirror row that dies at once; a smaller nursery collects them sooner and
 * lowers the peak RSS (Node's --max-semi-space-size: "Sets the maximum semi-space size for V8's
 * scavenge garbage collector in MiB"), but too small a one promotes them to the old space and
 * costs time. Measured on the 1M-opportunity benchmark export, analyze with the 200 MB heap cap:
 * 4 MiB 55 s, 8 MiB 38.5 s / 355 MB peak RSS, 16 MiB 39.5 s / 369 MB, 32 MiB 38.9 s / 404 MB,
 * Node's default 39.6 s / 373 MB.
 */
const semiSpaceMb = 8;

export function needsHeapCap(argv: readonly string[]): boolean {
    if (heapCapMb[argv[0] ?? ''] === undefined || argv.includes('--help') || argv.includes('-h')) return false;
    if (process.env.GOAL_COACH_HEAP_CAPPED === '1') return false;
    return ![...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => arg.includes('max-old-space-size'));
}

export async function main(argv: readonly string[]): Promise<number> {
    if (needsHeapCap(argv) && process.argv[1]) {
        const child = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${heapCapMb[argv[0]!]}`, `--max-semi-space-size=${semiSpaceMb}`, process.argv[1], ...argv], {
            stdio: 'inherit',
            env: { ...process.env, GOAL_COACH_HEAP_CAPPED: '1' },
        });
        return child.status ?? 1;
    }
    const program = buildProgram();
    try {
        await program.parseAsync(argv as string[], { from: 'user' });
        return 0;
    } catch (error) {
        if (error instanceof CommanderError) {
            return error.exitCode === 0 ? 0 : 2;
        }
        if (error instanceof InputError || error instanceof UsageError) {
            process.stderr.write(`Error: ${error.message}\n`);
            return 2;
        }
        // zod is loaded here only to name the error: `--help` and flag errors never need it.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { ZodError } = require('zod') as typeof import('zod');
        if (error instanceof ZodError) {
            const issue = error.issues[0];
            process.stderr.write(`Error: ${issue ? `${issue.path.join('.')} ${issue.message}` : error.message}\n`);
            return 2;
        }
        const fileProblem = fileProblemOf(error);
        if (fileProblem) {
            process.stderr.write(`Error: ${fileProblem.path} ${fileProblem.problem}. ${fileProblem.fix}.\n`);
            return 2;
        }
        const message = error instanceof Error ? error.message : String(error);
        process.stderr.write(`Unexpected error: ${message}\n`);
        if (process.env.GOAL_COACH_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
        return 1;
    }
}

// Run directly (`node sync/dist/goal-coach.js`, `tsx sync/src/cli.ts`); bin/goal-coach.js calls main itself.
if (require.main === module) {
    main(process.argv.slice(2)).then((code) => {
        process.exitCode = code;
    });
}
