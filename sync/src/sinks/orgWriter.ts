// Reads the plans and goals the write-back compares against, and upserts the planned records with
// sObject Collections (200 records a call) by external id. An upsert by external id is idempotent,
// so OrgApi retries a failed call as a whole; per-record errors arrive with HTTP 200 and are
// reported record by record (a row lock is retried once).
import type { OrgApi } from '../org/api';
import { restQuery, soqlDate } from '../org/query';
import { ExistingGoal, ExistingPlan, existingGoalFields, existingPlanFields, type FieldValues, type Period } from './orgWritePlan';

export const collectionLimit = 200;
const retriedRecordErrors = new Set(['UNABLE_TO_LOCK_ROW']);

export interface RecordFailure {
    sobject: string;
    key: string;
    errors: { statusCode: string; message: string }[];
}

export interface UpsertOutcome {
    created: number;
    updated: number;
    failures: RecordFailure[];
    calls: number;
}

interface SaveResult {
    id?: string;
    success: boolean;
    created?: boolean;
    errors: { statusCode: string; message: string; fields?: string[] }[];
}

async function readAll(api: OrgApi, soql: string, fields: readonly string[], includeDeleted = false): Promise<Record<string, string | null>[]> {
    const rows: Record<string, string | null>[] = [];
    for await (const page of restQuery(api, soql, fields, { includeDeleted })) rows.push(...page);
    return rows;
}

export async function readExistingPlans(api: OrgApi, period: Period): Promise<Map<string, ExistingPlan>> {
    const soql = `SELECT ${existingPlanFields.join(', ')} FROM Goal_Plan__c WHERE Period_Start__c = ${soqlDate(period.start)}`;
    const plans = new Map<string, ExistingPlan>();
    for (const row of await readAll(api, soql, existingPlanFields)) {
        const plan = ExistingPlan.safeParse(row);
        // A plan without a key was made by hand: not ours to match.
        if (plan.success) plans.set(plan.data.Plan_Key__c, plan.data);
    }
    return plans;
}

/** The keyed goals, with those in the recycle bin: a goal someone deleted is a decision too. */
export async function readExistingGoals(api: OrgApi): Promise<Map<string, ExistingGoal>> {
    const soql = `SELECT ${existingGoalFields.join(', ')} FROM Learning_Goal__c WHERE Suggestion_Key__c != null`;
    const goals = new Map<string, ExistingGoal>();
    for (const row of await readAll(api, soql, existingGoalFields, true)) {
        const goal = ExistingGoal.safeParse(row);
        if (!goal.success) continue;
        const known = goals.get(goal.data.Suggestion_Key__c);
        // A live goal wins over a deleted one with the same key.
        if (!known || (known.IsDeleted && !goal.data.IsDeleted)) goals.set(goal.data.Suggestion_Key__c, goal.data);
    }
    return goals;
}

export async function upsertRecords(
    api: OrgApi,
    sobject: string,
    externalIdField: string,
    records: readonly FieldValues[],
    onProgress?: (done: number, total: number) => void,
): Promise<UpsertOutcome> {
    const outcome: UpsertOutcome = { created: 0, updated: 0, failures: [], calls: 0 };
    let pending = [...records];
    for (let round = 0; round < 2 && pending.length > 0; round++) {
        const retry: FieldValues[] = [];
        for (let start = 0; start < pending.length; start += collectionLimit) {
            const chunk = pending.slice(start, start + collectionLimit);
            outcome.calls++;
            const response = await api.request<SaveResult[]>({
                method: 'PATCH',
                path: `/composite/sobjects/${sobject}/${externalIdField}`,
                body: { allOrNone: false, records: chunk.map((record) => ({ attributes: { type: sobject }, ...record })) },
            });
            response.body.forEach((result, index) => {
                const record = chunk[index]!;
                if (result.success) {
                    if (result.created) outcome.created++;
                    else outcome.updated++;
                    return;
                }
                const errors = result.errors.map(({ statusCode, message }) => ({ statusCode, message }));
                if (round === 0 && errors.every((error) => retriedRecordErrors.has(error.statusCode))) retry.push(record);
                else outcome.failures.push({ sobject, key: String(record[externalIdField]), errors });
            });
            if (round === 0) onProgress?.(Math.min(start + chunk.length, pending.length), pending.length);
        }
        pending = retry;
    }
    return outcome;
}
