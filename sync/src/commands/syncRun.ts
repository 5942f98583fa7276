// What `goal-coach sync` does once its flags are parsed: connects to the org, runs the analysis and
// writes the results back. Loaded only when the command runs (it brings in jsforce).
import { CommanderError } from 'commander';
import { analyzeOptionsOf, type AnalysisFlags } from './analysisFlags';
import { UsageError } from '../core/problems';
import { OrgApiError } from '../org/api';
import { accessTokenFromEnvironment, connectToTargetOrg, connectWithToken, type OrgConnection } from '../org/connection';
import { defaultApiVersion } from '../org/defaults';
import { createProgress } from '../org/progress';
import { formatReport, runSync, type SyncReport } from '../org/runSync';

export interface SyncCommandIo {
    out: (text: string) => void;
    err: (text: string) => void;
    env: NodeJS.ProcessEnv;
    /** Bars on stderr when it is a terminal. */
    stderr: NodeJS.WriteStream;
}

export interface SyncFlags extends AnalysisFlags {
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

/**
 * The run did not finish its work (records failed, or the org's API limit stopped it): the report
 * says which, and the next run picks up. goal-coach exits 2 for it, as for other user-fixable errors.
 */
export class SyncIncomplete extends CommanderError {
    constructor(message: string) {
        super(2, 'goal-coach.sync.incomplete', message);
    }
}

function incompleteReason(report: SyncReport): string | null {
    if (report.stoppedForLimit) return 'stopped at the org\'s API limit';
    if (report.failures.length > 0) return `${report.failures.length} record(s) failed`;
    return null;
}

function checkArguments(flags: SyncFlags, args: readonly string[]): void {
    const unknown = args.filter((arg) => arg.startsWith('-'));
    if (unknown.length > 0) {
        const names = unknown.map((arg) => arg.split('=')[0]).join(', ');
        throw new UsageError(`unknown option ${names} (access tokens are read from SF_ACCESS_TOKEN, never from the command line)`);
    }
    if (args.length > 0) throw new UsageError('sync takes no arguments; see goal-coach sync --help');
    if (!/^\d{2,3}\.0$/.test(flags.apiVersion)) throw new UsageError(`--api-version must look like ${defaultApiVersion}`);
}

async function connect(flags: SyncFlags, io: SyncCommandIo): Promise<OrgConnection> {
    try {
        if (flags.instanceUrl) {
            return connectWithToken({ instanceUrl: flags.instanceUrl, accessToken: accessTokenFromEnvironment(io.env), version: flags.apiVersion });
        }
        if (flags.targetOrg) return await connectToTargetOrg(flags.targetOrg, { version: flags.apiVersion });
        throw new Error('say which org: --target-org ALIAS_OR_USERNAME (an sf CLI login) or --instance-url URL with SF_ACCESS_TOKEN set');
    } catch (error) {
        throw new UsageError((error as Error).message);
    }
}

export async function runSyncCommand(flags: SyncFlags, args: readonly string[], io: SyncCommandIo): Promise<void> {
    checkArguments(flags, args);
    const connection = await connect(flags, io);
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
}
