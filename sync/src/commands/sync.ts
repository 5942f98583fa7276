// `goal-coach sync`: the analysis against a live org, with the results written back.
import { Command, CommanderError, Option } from 'commander';
import { addAnalysisFlags, analyzeOptionsOf, integer, type AnalysisFlags } from './analysisFlags';
import { UsageError } from '../core/problems';
import { OrgApiError } from '../org/api';
import { accessTokenFromEnvironment, connectToTargetOrg, connectWithToken, defaultApiVersion, type OrgConnection } from '../org/connection';
import { createProgress } from '../org/progress';
import { formatReport, runSync, type SyncReport } from '../org/runSync';
import { defaultStateDirectory } from '../org/mirror';

export interface SyncCommandIo {
    out: (text: string) => void;
    err: (text: string) => void;
    env: NodeJS.ProcessEnv;
    /** Bars on stderr when it is a terminal. */
    stderr: NodeJS.WriteStream;
}

const defaultIo: SyncCommandIo = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    stderr: process.stderr,
};

/**
 * The run did not finish its work (records failed, or the org's API limit stopped it): the report
 * says which, and the next run picks up. goal-coach exits 2 for it, as for other user-fixable errors.
 */
export class SyncIncomplete extends CommanderError {
    constructor(message: string) {
        super(2, 'goal-coach.sync.incomplete', message);
    }
}

interface SyncFlags extends AnalysisFlags {
    targetOrg?: string;
    instanceUrl?: string;
    dryRun?: boolean;
    full?: boolean;
    stateDir: string;
    export?: string;
    fiscalStartMonth: number;
    bulkThreshold: number;
    apiVersion: string;
}

function incompleteReason(report: SyncReport): string | null {
    if (report.stoppedForLimit) return 'stopped at the org\'s API limit';
    if (report.failures.length > 0) return `${report.failures.length} record(s) failed`;
    return null;
}

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
        // Unknown options are checked by hand below so that a mistyped token option never echoes its value.
        .allowUnknownOption(true)
        .allowExcessArguments(true)
        .action(async (flags: SyncFlags, command: Command) => {
            const unknown = command.args.filter((arg) => arg.startsWith('-'));
            if (unknown.length > 0) {
                const names = unknown.map((arg) => arg.split('=')[0]).join(', ');
                throw new UsageError(`unknown option ${names} (access tokens are read from SF_ACCESS_TOKEN, never from the command line)`);
            }
            if (command.args.length > 0) throw new UsageError('sync takes no arguments; see goal-coach sync --help');
            if (!/^\d{2,3}\.0$/.test(flags.apiVersion)) throw new UsageError(`--api-version must look like ${defaultApiVersion}`);
            let connection: OrgConnection;
            try {
                if (flags.instanceUrl) {
                    connection = connectWithToken({ instanceUrl: flags.instanceUrl, accessToken: accessTokenFromEnvironment(io.env), version: flags.apiVersion });
                } else if (flags.targetOrg) {
                    connection = await connectToTargetOrg(flags.targetOrg, { version: flags.apiVersion });
                } else {
                    throw new Error('say which org: --target-org ALIAS_OR_USERNAME (an sf CLI login) or --instance-url URL with SF_ACCESS_TOKEN set');
                }
            } catch (error) {
                throw new UsageError((error as Error).message);
            }
            let report: SyncReport;
            try {
                report = await runSync({
                    connection,
                    dryRun: flags.dryRun,
                    full: flags.full,
                    stateDirectory: flags.stateDir,
                    exportDirectory: flags.export,
                    fiscalStartMonth: flags.fiscalStartMonth,
                    bulkThreshold: flags.bulkThreshold,
                    analyze: analyzeOptionsOf(flags),
                    progress: createProgress(io.stderr),
                    out: (line) => io.out(`${line}\n`),
                    warn: (line) => io.err(`warning: ${line}\n`),
                });
            } catch (error) {
                // The org refused or failed in a way retrying did not fix: say what it answered.
                if (!(error instanceof OrgApiError)) throw error;
                io.err(`goal-coach sync: ${error.message}\n`);
                throw new SyncIncomplete(error.message);
            }
            io.out(`${formatReport(report).join('\n')}\n`);
            const incomplete = incompleteReason(report);
            if (incomplete) {
                io.err(`goal-coach sync: not complete: ${incomplete}; the next run picks up from here\n`);
                throw new SyncIncomplete(incomplete);
            }
        });
}
