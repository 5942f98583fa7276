// Reads the plans and goals the write-back compares against, and upserts the planned records with
// sObject Collections (200 records a call) by external id. An upsert by external id is idempotent,
// so OrgApi retries a failed call as a whole; per-record errors arrive with HTTP 200 and are
// reported record by record (a row lock is retried once).
import type { OrgApi } from '../org/api';
import { restQuery, soqlString } from '../org/query';
import { readByKeys } from './keyedRead';
import { ExistingGoal, ExistingPlan, existingGoalFields, existingPlanFields, type FieldValues } from './orgWritePlan';

export const collectionLimit = 200;
const retriedRecordErrors = new Set(['UNABLE_TO_LOCK_ROW']);

export interface RecordFailure {
    sobject: string;
    key: string;
    errors: { statusCode: string; message: string }[];
}

export interface UpsertOutcome {
    /**
     * The external ids of the records saved. Whether each was created or updated is the write plan's
     * to say: after a retried call the org answers `created: false` for a record the lost first
     * attempt created.
     */
    written: string[];
    failures: RecordFailure[];
    calls: number;
}

export interface UpsertOptions {
    onProgress?: (done: number, total: number) => void;
    /** Called with each batch just before it is sent; only the records it returns are written. */
    beforeWrite?: (batch: FieldValues[]) => Promise<FieldValues[]>;
}

interface SaveResult {
    id?: string;
    success: boolean;
    errors: { statusCode: string; message: string; fields?: string[] }[];
}

async function readAll(api: OrgApi, soql: string, fields: readonly string[], includeDeleted = false): Promise<Record<string, string | null>[]> {
    const rows: Record<string, string | null>[] = [];
    for await (const page of restQuery(api, soql, fields, { includeDeleted })) rows.push(...page);
    return rows;
}

/**
 * The plans with these keys, found by key wherever a person moved their dates, name or owner. The
 * keys of one run share their period (`<rep id>:<period start>`), so one query by that suffix reads
 * them however many reps there are (2,000 plans a page), where key lists would take a query per
 * ~200 keys to stay within the request's URL limit; rows are then kept for the keys asked for only.
 * SOQL Comparison Operators
 * (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_comparisonoperators.htm):
 * "The % and _ wildcards are supported for the LIKE operator. The % wildcard matches zero or more
 * characters." A period start is a date, so the suffix holds no wildcard to escape.
 */
export async function readExistingPlans(api: OrgApi, keys: readonly string[]): Promise<Map<string, ExistingPlan>> {
    const wanted = new Set(keys);
    const periods = new Set(keys.map((key) => key.slice(key.lastIndexOf(':') + 1)));
    const [period] = periods;
    const rows =
        periods.size === 1 && period && /^\d{4}-\d{2}-\d{2}$/.test(period)
            ? await readAll(api, `SELECT ${existingPlanFields.join(', ')} FROM Goal_Plan__c WHERE Plan_Key__c LIKE ${soqlString(`%:${period}`)}`, existingPlanFields)
            : await readByKeys(api, 'Goal_Plan__c', existingPlanFields, 'Plan_Key__c', keys);
    const plans = new Map<string, ExistingPlan>();
    for (const row of rows) {
        const plan = ExistingPlan.safeParse(row);
        // A plan without a key was made by hand: not ours to match.
        if (plan.success && wanted.has(plan.data.Plan_Key__c)) plans.set(plan.data.Plan_Key__c, plan.data);
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
    options: UpsertOptions = {},
): Promise<UpsertOutcome> {
    const outcome: UpsertOutcome = { written: [], failures: [], calls: 0 };
    let pending = [...records];
    for (let round = 0; round < 2 && pending.length > 0; round++) {
        const retry: FieldValues[] = [];
        for (let start = 0; start < pending.length; start += collectionLimit) {
            const batch = pending.slice(start, start + collectionLimit);
            const chunk = options.beforeWrite ? await options.beforeWrite(batch) : batch;
            if (round === 0) options.onProgress?.(Math.min(start + batch.length, pending.length), pending.length);
            if (chunk.length === 0) continue;
            outcome.calls++;
            const response = await api.request<SaveResult[]>({
                method: 'PATCH',
                path: `/composite/sobjects/${sobject}/${externalIdField}`,
                body: { allOrNone: false, records: chunk.map((record) => ({ attributes: { type: sobject }, ...record })) },
            });
            response.body.forEach((result, index) => {
                const record = chunk[index]!;
                if (result.success) {
                    outcome.written.push(String(record[externalIdField]));
                    return;
                }
                const errors = result.errors.map(({ statusCode, message }) => ({ statusCode, message }));
                if (round === 0 && errors.every((error) => retriedRecordErrors.has(error.statusCode))) retry.push(record);
                else outcome.failures.push({ sobject, key: String(record[externalIdField]), errors });
            });
        }
        pending = retry;
    }
    return outcome;
}
