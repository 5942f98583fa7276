// Writes a write plan to the org: the plans, their hand-over to the reps, then the goals. Each batch
// is checked against the org just before it is sent (ChangeGuard): a record someone changed since
// the first read is left as they left it, for the next run to decide. Created and updated are
// counted by the plan's intent, which it drew from the org just before.
import type { OrgApi } from '../org/api';
import type { Progress } from '../org/progress';
import { ChangeGuard } from './changeGuard';
import type { ExistingGoal, ExistingPlan, FieldValues, WritePlan } from './orgWritePlan';
import { upsertRecords, type RecordFailure } from './orgWriter';

/** The parts of the sync report the write-back fills in. */
export interface WriteReport {
    integrationUserId: string;
    written: { created: number; updated: number };
    ownersSet: number;
    failures: RecordFailure[];
    warnings: string[];
}

export interface WriteBackInput {
    api: OrgApi;
    plan: WritePlan;
    report: WriteReport;
    progress: Progress;
    /** What the org held when the plan was made. */
    firstRead: { plans: ReadonlyMap<string, ExistingPlan>; goals: ReadonlyMap<string, ExistingGoal> };
}

interface WriteRun extends WriteBackInput {
    /** Keys the plan inserts: a saved record counts as created by the plan's intent. */
    inserted: ReadonlySet<string>;
    planGuard: ChangeGuard;
    goalGuard: ChangeGuard;
}

export async function writeBack(input: WriteBackInput): Promise<void> {
    const { api, plan, report, firstRead } = input;
    const run: WriteRun = {
        ...input,
        inserted: new Set([
            ...plan.planActions.filter(({ action }) => action === 'insert').map(({ key }) => key),
            ...plan.goalDecisions.filter(({ action }) => action === 'insert').map(({ key }) => key),
        ]),
        planGuard: new ChangeGuard(api, 'Goal_Plan__c', 'Plan_Key__c', firstRead.plans, report.integrationUserId),
        goalGuard: new ChangeGuard(api, 'Learning_Goal__c', 'Suggestion_Key__c', firstRead.goals, report.integrationUserId, { withStatus: true }),
    };
    try {
        const failedPlans = await writePlans(run);
        await writeGoals(run, failedPlans);
    } finally {
        for (const guard of [run.planGuard, run.goalGuard]) {
            const note = guard.note();
            if (note) report.warnings.push(note);
        }
    }
}

function countWritten(run: WriteRun, written: readonly string[]): void {
    for (const key of written) {
        if (run.inserted.has(key)) run.report.written.created++;
        else run.report.written.updated++;
    }
}

function upsert(run: WriteRun, sobject: 'Goal_Plan__c' | 'Learning_Goal__c', records: readonly FieldValues[], step: string) {
    const [keyField, guard] = sobject === 'Goal_Plan__c' ? ['Plan_Key__c', run.planGuard] : ['Suggestion_Key__c', run.goalGuard];
    return upsertRecords(run.api, sobject, keyField, records, {
        beforeWrite: guard.keepUnchanged,
        onProgress: (done, total) => run.progress.update(step, done, total),
    });
}

/** Upserts the plans, then hands each to its rep (an update of OwnerId) unless its write failed; returns the failed keys. */
async function writePlans(run: WriteRun): Promise<Set<string>> {
    const plans = await upsert(run, 'Goal_Plan__c', run.plan.plans, 'write Goal_Plan__c');
    countWritten(run, plans.written);
    run.report.failures.push(...plans.failures);
    const failedPlans = new Set(plans.failures.map((failure) => failure.key));
    const transfers = run.plan.transfers.filter((transfer) => !failedPlans.has(String(transfer.Plan_Key__c)));
    const handed = await upsert(run, 'Goal_Plan__c', transfers, 'hand Goal_Plan__c to reps');
    run.report.ownersSet += handed.written.length;
    run.report.failures.push(...handed.failures);
    return failedPlans;
}

/** A new goal needs its plan: goals of a plan that failed wait for the next run. */
async function writeGoals(run: WriteRun, failedPlans: ReadonlySet<string>): Promise<void> {
    const goals: FieldValues[] = [];
    for (const goal of run.plan.goals) {
        const parent = goal.Goal_Plan__r as { Plan_Key__c: string } | undefined;
        if (parent && failedPlans.has(parent.Plan_Key__c)) {
            run.report.failures.push({
                sobject: 'Learning_Goal__c',
                key: String(goal.Suggestion_Key__c),
                errors: [{ statusCode: 'PLAN_NOT_WRITTEN', message: `its goal plan ${parent.Plan_Key__c} failed to save; retried next run` }],
            });
        } else {
            goals.push(goal);
        }
    }
    const written = await upsert(run, 'Learning_Goal__c', goals, 'write Learning_Goal__c');
    countWritten(run, written.written);
    run.report.failures.push(...written.failures);
}
