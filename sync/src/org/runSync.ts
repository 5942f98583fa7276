// One sync run against an org: read into the local mirror (incrementally when it holds the objects
// and passes its checks), analyze with the same
// engine as `goal-coach analyze`, plan the write-back against what the org holds, write only what
// changed, and report every record that failed. Stops cleanly when the org's API allowance runs out;
// the next run picks up from there because the write-back always compares with the org's state.
import { analyze, type AnalyzeOptionsInput } from '../analyze';
import type { AnalysisResult } from '../core/contract';
import { OrgSource, type MirrorProblem, type ReadStats } from '../sources/orgSource';
import { analysisPlanKeys, planWriteBack, fiscalPeriod, type WritePlan } from '../sinks/orgWritePlan';
import { readExistingGoals, readExistingPlans, type RecordFailure } from '../sinks/orgWriter';
import { writeBack } from '../sinks/writeBack';
import { OrgApi, OrgLimitError, type RetryPolicy } from './api';
import type { OrgConnection } from './connection';
import { requireId18 } from '../core/salesforceId';
import type { BulkQueryOptions } from './query';
import { createProgress, type Progress } from './progress';
import { MirrorDamaged, OrgMirror } from './mirror';
import { InputError } from '../core/problems';
import { exportMirror } from './mirrorExport';

export interface SyncOptions {
    connection: OrgConnection;
    dryRun?: boolean;
    /** Ignore the mirror's watermarks and read every object in full. */
    full?: boolean;
    /** Where the mirror is kept. */
    stateDirectory: string;
    /** Also write the mirror, as the analysis read it, to this folder in the CSV export format. */
    exportDirectory?: string;
    analyze?: AnalyzeOptionsInput;
    fiscalStartMonth?: number;
    bulkThreshold?: number;
    bulk?: BulkQueryOptions;
    retry?: Partial<RetryPolicy>;
    progress?: Progress;
    /** Human-readable lines (stdout). */
    out?: (line: string) => void;
    /** Warnings and retries (stderr). */
    warn?: (line: string) => void;
    now?: () => Date;
}

export interface SyncReport {
    orgId: string;
    integrationUserId: string;
    asOf: string | null;
    period: string | null;
    reads: ReadStats[];
    /** What the analysis found (null when the run stopped before it). */
    analysis: AnalysisResult | null;
    plans: { insert: number; update: number; unchanged: number };
    goals: Record<string, number>;
    written: { created: number; updated: number };
    /** Plans handed to their rep (OwnerId updated). */
    ownersSet: number;
    failures: RecordFailure[];
    warnings: string[];
    /** Mirrored objects that failed their check and were read in full. */
    mirrorProblems: MirrorProblem[];
    /** Objects written with --export, with their rows. */
    exported: { sobject: string; rows: number }[];
    /** Set when the run stopped because of the org's API limits. */
    stoppedForLimit: string | null;
    dryRun: boolean;
    apiCalls: number;
    retries: number;
}

interface UserInfo {
    user_id: string;
    organization_id: string;
}

export async function runSync(options: SyncOptions): Promise<SyncReport> {
    const out = options.out ?? (() => undefined);
    const warn = options.warn ?? (() => undefined);
    const progress = options.progress ?? createProgress();
    const api = new OrgApi(options.connection.conn, { guard: options.connection.guard, retry: options.retry, warn });
    const report: SyncReport = {
        orgId: '',
        integrationUserId: '',
        asOf: null,
        period: null,
        reads: [],
        analysis: null,
        plans: { insert: 0, update: 0, unchanged: 0 },
        goals: {},
        written: { created: 0, updated: 0 },
        ownersSet: 0,
        failures: [],
        warnings: [],
        mirrorProblems: [],
        exported: [],
        stoppedForLimit: null,
        dryRun: Boolean(options.dryRun),
        apiCalls: 0,
        retries: 0,
    };
    let mirror: OrgMirror | undefined;
    try {
        const identity = await api.get<UserInfo>('/services/oauth2/userinfo');
        report.orgId = requireId18(identity.organization_id, 'org id');
        report.integrationUserId = requireId18(identity.user_id, 'integration user id');
        const limits = await api.get<{ DailyApiRequests?: { Max: number; Remaining: number } }>('/limits');
        if (limits.DailyApiRequests) {
            const { Max, Remaining } = limits.DailyApiRequests;
            api.apiUsage = { used: Max - Remaining, limit: Max };
        }

        const opened = await OrgMirror.open(options.stateDirectory, report.orgId);
        mirror = opened.mirror;
        if (opened.problem) report.warnings.push(`mirror: ${opened.problem}`);
        if (opened.removedLegacyState) report.warnings.push(`mirror: removed ${opened.removedLegacyState}, the sync state of an earlier version (the mirror replaces it)`);
        let read: MirrorRead;
        try {
            read = await readAndAnalyze(api, mirror, options, progress, options.full);
        } catch (error) {
            if (!(error instanceof MirrorDamaged)) throw error;
            // Found damaged part-way: nothing read from it is used; start again from an empty mirror.
            report.warnings.push(`mirror: ${error.message}; it was replaced and every object is read in full`);
            mirror = await mirror.reset();
            read = await readAndAnalyze(api, mirror, options, progress, true).catch((again: unknown) => {
                if (!(again instanceof MirrorDamaged)) throw again;
                throw new InputError(mirror!.file, null, `is damaged again after it was rebuilt (${again.message})`, 'The disk or folder may be failing: give another folder with --state-dir');
            });
        }
        const { source, run } = read;
        report.reads = source.stats;
        report.mirrorProblems = source.problems;
        if (source.problems.length > 0) report.warnings.push(mirrorCheckWarning(source.problems, mirror));
        for (const group of run.warnings.list()) {
            report.warnings.push(`${group.count} × ${group.kind}${group.examples[0] ? ` (e.g. ${group.examples[0]})` : ''}`);
        }
        if (options.exportDirectory) report.exported = await exportMirror(mirror, options.exportDirectory);

        const result = run.result;
        report.analysis = result;
        const period = fiscalPeriod(result.asOf, options.fiscalStartMonth ?? 1);
        report.asOf = result.asOf;
        report.period = `${period.label} (${period.start} to ${period.end})`;
        const [existingPlans, existingGoals] = [await readExistingPlans(api, analysisPlanKeys(result, period)), await readExistingGoals(api)];
        const now = (options.now ?? (() => new Date()))().toISOString();
        const plan = planWriteBack({ result, period, existingPlans, existingGoals, integrationUserId: report.integrationUserId, now, minClosedDeals: run.minClosedDeals });
        summarize(plan, report);

        if (options.dryRun) {
            printDryRun(plan, out);
            return report;
        }
        await writeBack({ api, plan, report, progress, firstRead: { plans: existingPlans, goals: existingGoals } });
    } catch (error) {
        if (!(error instanceof OrgLimitError)) throw error;
        report.stoppedForLimit = error.message;
    } finally {
        await mirror?.close();
        progress.stop();
        report.apiCalls = api.calls;
        report.retries = api.retries;
    }
    return report;
}

interface MirrorRead {
    source: OrgSource;
    run: Awaited<ReturnType<typeof analyze>>;
}

/** Brings the mirror up to date (incrementally unless `full`) and analyzes what it holds. */
async function readAndAnalyze(api: OrgApi, mirror: OrgMirror, options: SyncOptions, progress: Progress, full: boolean | undefined): Promise<MirrorRead> {
    const source = await OrgSource.open(api, {
        mirror,
        full,
        bulkThreshold: options.bulkThreshold,
        bulk: options.bulk,
        onProgress: (sobject, fetched, total) => progress.update(`read ${sobject}`, fetched, total),
    });
    return { source, run: await analyze(source, options.analyze ?? {}) };
}

/** One counted warning for every object whose mirrored copy failed its check, with what was done and the fix. */
function mirrorCheckWarning(problems: readonly MirrorProblem[], mirror: OrgMirror): string {
    const objects = problems.map((problem) => problem.sobject);
    const details = problems.map((problem) => `${problem.sobject}: ${problem.problem}`).join('; ');
    const fix = mirror.temporary ? '' : ` (nothing to do; if it recurs, delete ${mirror.file})`;
    return `${problems.length} × mirror check failed (${details}); ${objects.join(', ')} ${objects.length > 1 ? 'were' : 'was'} read in full from the org instead${fix}`;
}

function summarize(plan: WritePlan, report: SyncReport): void {
    for (const { action } of plan.planActions) report.plans[action]++;
    for (const { action } of plan.goalDecisions) report.goals[action] = (report.goals[action] ?? 0) + 1;
    report.warnings.push(...plan.warnings);
}

function shorten(value: unknown): string {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const line = text.replace(/\n/g, '⏎');
    return line.length > 90 ? `${line.slice(0, 89)}…` : line;
}

function printDryRun(plan: WritePlan, out: (line: string) => void): void {
    if (plan.plans.length === 0 && plan.goals.length === 0 && plan.transfers.length === 0) {
        out('dry run: nothing to write; the org is up to date');
        return;
    }
    out(`dry run: would upsert ${plan.plans.length} Goal_Plan__c and ${plan.goals.length} Learning_Goal__c records${plan.transfers.length > 0 ? `, and hand ${plan.transfers.length} plans to their reps` : ''}`);
    for (const [sobject, key, records] of [
        ['Goal_Plan__c', 'Plan_Key__c', plan.plans],
        ['Learning_Goal__c', 'Suggestion_Key__c', plan.goals],
    ] as const) {
        for (const record of records) {
            out(`  ${sobject} ${String(record[key])}`);
            for (const [field, value] of Object.entries(record)) if (field !== key) out(`    ${field} = ${shorten(value)}`);
        }
    }
}

/** The report as lines for the terminal. */
export function formatReport(report: SyncReport): string[] {
    const lines: string[] = [];
    lines.push(`org ${report.orgId}, analysis as of ${report.asOf ?? '—'}, plan period ${report.period ?? '—'}`);
    for (const read of report.reads) {
        lines.push(`  read ${read.sobject}: ${read.mode}${read.api === 'none' ? '' : ` via ${read.api === 'bulk' ? 'Bulk API 2.0' : 'REST'}`}, ${read.fetched} fetched, ${read.rows} rows`);
    }
    lines.push(`  goal plans: ${report.plans.insert} new, ${report.plans.update} changed, ${report.plans.unchanged} unchanged`);
    const goalParts = Object.entries(report.goals).map(([action, count]) => `${count} ${action}`);
    lines.push(`  learning goals: ${goalParts.length > 0 ? goalParts.join(', ') : 'none suggested'}`);
    if (!report.dryRun) lines.push(`  written: ${report.written.created} created, ${report.written.updated} updated, ${report.ownersSet > 0 ? `${report.ownersSet} handed to their rep, ` : ''}${report.failures.length} failed`);
    for (const failure of report.failures) {
        lines.push(`  FAILED ${failure.sobject} ${failure.key}: ${failure.errors.map((error) => `${error.statusCode}: ${error.message}`).join('; ')}`);
    }
    if (report.exported.length > 0) lines.push(`  exported: ${report.exported.map((item) => `${item.rows} ${item.sobject}`).join(', ')}`);
    for (const warning of report.warnings) lines.push(`  warning: ${warning}`);
    if (report.stoppedForLimit) lines.push(`  STOPPED: ${report.stoppedForLimit}`);
    lines.push(`  API calls: ${report.apiCalls}${report.retries > 0 ? ` (${report.retries} retried)` : ''}`);
    return lines;
}
