// `goal-coach sync`: the analysis against a live org, with the results written back. This module
// holds the flags and help; the work is in syncRun, loaded when the command runs, so that `--help`
// and flag errors answer without loading jsforce.
import { Command, Option } from 'commander';
import { addAnalysisFlags, integer } from './analysisFlags';
import { defaultApiVersion, defaultStateDirectory } from '../org/defaults';
import type { SyncCommandIo, SyncFlags } from './syncRun';

export type { SyncCommandIo } from './syncRun';

const defaultIo: SyncCommandIo = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    stderr: process.stderr,
};

export function syncCommand(io: SyncCommandIo = defaultIo): Command {
    const command = new Command('sync')
        .summary('Analyze a live org and write goal plans and learning goals back to it.')
        .description('analyze a live org and write plans and learning goals back to it (only what changed; human decisions are kept)')
        .addOption(new Option('--target-org <aliasOrUsername>', 'an org logged in with `sf org login web` or `sf org login jwt`').conflicts('instanceUrl'))
        .option('--instance-url <url>', 'the org URL; the access token is read from the SF_ACCESS_TOKEN environment variable')
        .option('--dry-run', 'print what would be written, write nothing')
        .option('--full', 'ignore the saved watermark and read every object in full')
        .option('--state-dir <dir>', 'where the local mirror of the org is kept', defaultStateDirectory)
        .option('--export <dir>', 'also write the rows the analysis read to this folder as CSV exports (for goal-coach analyze --data)')
        .option('--fiscal-start-month <month>', 'first month of the plan period (1 = January)', integer('--fiscal-start-month', 1, 12), 1)
        .option('--bulk-threshold <rows>', 'read objects with at least this many rows through Bulk API 2.0', integer('--bulk-threshold', 1, 100_000_000), 10000)
        .option('--api-version <version>', 'Salesforce API version', defaultApiVersion);
    return addAnalysisFlags(command, 'the latest change in the org')
        // Unknown options are checked by hand (in syncRun) so that a mistyped token option never echoes its value.
        .allowUnknownOption(true)
        .allowExcessArguments(true)
        .action(async (flags: SyncFlags, parsed: Command) => {
            // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on run, not for --help
            const { runSyncCommand } = require('./syncRun') as typeof import('./syncRun');
            await runSyncCommand(flags, parsed.args, io);
        });
}
