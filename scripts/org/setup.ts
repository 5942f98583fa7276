// npm run org:setup -- [--alias goal-coach] [--days 7] [--dry-run] [--no-open]
// Creates or reuses a scratch org and loads Goal Coach with its sample sales team. See README,
// "Deploy to a scratch org".
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { runSetup, SetupStepError } from './orgSetup';
import { spawnRunner } from './sfCli';

function days(value: string): number {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > 30) {
        throw new InvalidArgumentError('a whole number of days from 1 to 30 (scratch orgs live at most 30 days).');
    }
    return parsed;
}

function alias(value: string): string {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(value)) {
        throw new InvalidArgumentError('letters, digits, ".", "_" and "-" only, e.g. goal-coach.');
    }
    return value;
}

export async function main(argv: string[]): Promise<number> {
    const projectDir = path.resolve(__dirname, '../..');
    const program = new Command('org:setup')
        .description('Create (or reuse) a scratch org, deploy Goal Coach and load the sample sales team.')
        .option('-a, --alias <alias>', 'scratch org alias', alias, 'goal-coach')
        .option('-d, --days <days>', 'scratch org lifetime in days (1-30)', days, 7)
        .option('--dry-run', 'print the commands in order and run nothing', false)
        .option('--no-open', 'do not open the app in a browser at the end')
        .option('--data-dir <dir>', 'sample data directory', path.join(projectDir, 'data'))
        .exitOverride()
        .configureOutput({ writeErr: (text) => process.stderr.write(text) });
    try {
        program.parse(argv, { from: 'user' });
    } catch (error) {
        // commander has printed the usage problem (or the help text) already.
        return (error as { exitCode?: number }).exitCode ?? 1;
    }
    const options = program.opts<{ alias: string; days: number; dryRun: boolean; open: boolean; dataDir: string }>();
    try {
        const summary = await runSetup(
            {
                alias: options.alias,
                days: options.days,
                dryRun: options.dryRun,
                open: options.open,
                projectDir,
                dataDir: path.resolve(options.dataDir),
                workDir: path.join(projectDir, 'artifacts', 'org-setup', options.alias),
                today: new Date(),
            },
            { run: spawnRunner, log: (line) => process.stdout.write(`${line}\n`) },
        );
        if (!options.dryRun) {
            process.stdout.write(
                `Created: ${summary.orgCreated ? 'the scratch org, ' : ''}${summary.usersCreated.length} user(s), ` +
                    `${summary.opportunityStageUpdates} opportunity stage update(s), ${summary.contactRolesInserted} contact role(s), ` +
                    `${summary.tasksInserted} task(s), ${summary.eventsInserted} event(s).\n`,
            );
        }
        return 0;
    } catch (error) {
        if (error instanceof SetupStepError) {
            process.stderr.write(`\n${error.message}\nFix the problem and run the same command again: finished steps are skipped or repeated safely.\n`);
            return 1;
        }
        process.stderr.write(`\nUnexpected error: ${(error as Error).message}\n`);
        return 1;
    }
}

if (require.main === module) {
    void main(process.argv.slice(2)).then((code) => {
        process.exitCode = code;
    });
}
