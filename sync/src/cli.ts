// The goal-coach command line. Errors of the user's making (bad flags, bad input files) print a
// clear message and exit 2; anything else is a bug and exits 1, still without a stack trace unless
// GOAL_COACH_DEBUG is set.
import { Command, CommanderError } from 'commander';
import { ZodError } from 'zod';
import { commands } from './commands/index';
import { InputError, UsageError } from './core/problems';

export function buildProgram(): Command {
    const program = new Command('goal-coach')
        .description('Goal Coach sync service: suggests learning goals from win/loss, stage history and activities.')
        .showHelpAfterError('(run with --help for usage)')
        .exitOverride();
    for (const command of commands) program.addCommand(command().exitOverride());
    return program;
}

export async function main(argv: readonly string[]): Promise<number> {
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
        if (error instanceof ZodError) {
            const issue = error.issues[0];
            process.stderr.write(`Error: ${issue ? `${issue.path.join('.')} ${issue.message}` : error.message}\n`);
            return 2;
        }
        const message = error instanceof Error ? error.message : String(error);
        process.stderr.write(`Unexpected error: ${message}\n`);
        if (process.env.GOAL_COACH_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
        return 1;
    }
}

if (require.main === module || process.argv[1]?.endsWith('goal-coach.js') || process.argv[1]?.endsWith('goal-coach')) {
    main(process.argv.slice(2)).then((code) => {
        process.exitCode = code;
    });
}
