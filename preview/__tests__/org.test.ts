// The preview's in-memory org: writes are checked like the platform checks them, and reads answer
// the UI API GraphQL and related-list shapes the panels use.
import path from 'node:path';
import { executeGraphql } from '../server/graphql';
import { UiApiError } from '../server/org';
import { buildSampleOrg } from '../server/sampleOrg';
import { recordById, relatedListRecords } from '../server/uiApi';

const now = () => new Date('2026-06-30T12:00:00.000Z');
const ANA = '005000000000002AAA';
const BEN = '005000000000003AAA';

async function sample(heavyRep = false) {
    return buildSampleOrg({
        exportDir: path.join(__dirname, 'fixtures', 'export'),
        analysisJson: path.join(__dirname, 'fixtures', 'no-analysis.json'),
        heavyRep,
        now,
    });
}

interface TestConnection {
    edges: Array<{ node: TestNode }>;
    totalCount?: number;
    pageInfo?: { hasNextPage: boolean };
}
interface TestNode {
    [field: string]: { value?: unknown; displayValue?: unknown } & Partial<TestConnection> & { [field: string]: unknown };
}

/** The connection of one object in a GraphQL answer. */
function connectionOf(result: { data: Record<string, unknown> | null }, object: string): TestConnection {
    const uiapi = result.data?.uiapi as { query: Record<string, TestConnection> } | undefined;
    const connection = uiapi?.query[object];
    if (!connection) throw new Error(`no ${object} in the answer`);
    return connection;
}

function uiApiError(action: () => unknown): UiApiError {
    try {
        action();
    } catch (error) {
        if (error instanceof UiApiError) return error;
        throw error;
    }
    throw new Error('expected a UI API error');
}

describe('sample org', () => {
    test('seeds a plan per rep with goals, steps, input goals and sessions, and says what it loaded', async () => {
        const { org, reps, notes } = await sample();
        expect(reps.map((r) => r.name)).toEqual(['Ana Lopez', 'Ben Okafor', 'Noa Fischer']);
        const plan = org.all('Goal_Plan__c').find((p) => p.Rep__c === ANA)!;
        expect(plan.Plan_Key__c).toBe(`${ANA}:2026-01-01`);
        expect(org.all('Learning_Goal__c').filter((g) => g.Goal_Plan__c === plan.Id).length).toBeGreaterThan(0);
        expect(org.all('Goal_Step__c').filter((s) => s.Goal_Plan__c === plan.Id)).toHaveLength(3);
        expect(org.all('Coaching_Session__c').filter((s) => s.Goal_Plan__c === plan.Id)).toHaveLength(2);
        expect(notes.join('\n')).toMatch(/no analysis result .*sample suggestions/);
        expect(org.get('006000000000002AAA')?.LastStageChangeDate).toBe('2026-04-20T09:00:00.000Z');
    });

    test('the heavy rep has 300 open deals, 50 learning goals and 40 sessions', async () => {
        const { org, heavyRepId } = await sample(true);
        const plan = org.all('Goal_Plan__c').find((p) => p.Rep__c === heavyRepId)!;
        expect(org.all('Opportunity').filter((o) => o.OwnerId === heavyRepId && o.IsClosed === false)).toHaveLength(300);
        expect(org.all('Learning_Goal__c').filter((g) => g.Goal_Plan__c === plan.Id)).toHaveLength(50);
        expect(org.all('Coaching_Session__c').filter((s) => s.Goal_Plan__c === plan.Id)).toHaveLength(40);
    });
});

describe('writes', () => {
    test('create assigns an id, defaults, an auto-number name and the current user', async () => {
        const { org } = await sample();
        org.currentUserId = ANA;
        const plan = org.all('Goal_Plan__c')[0]!;
        const { record, changes } = org.create('Learning_Goal__c', { Goal_Plan__c: plan.Id, Name: 'Practise silence after the price' });
        expect(record.Id).toMatch(/^a0\w{16}$/);
        expect(record.Status__c).toBe('Suggested');
        expect(record.CreatedById).toBe(ANA);
        expect(changes).toEqual([{ apiName: 'Learning_Goal__c', id: record.Id, kind: 'created' }]);
        const session = org.create('Coaching_Session__c', { Goal_Plan__c: plan.Id, Session_Date__c: '2026-07-01' }).record;
        expect(session.Name).toMatch(/^CS-\d{5}$/);
    });

    test('create reports missing required fields, bad picklist values, wrong lookups and duplicate keys per field', async () => {
        const { org } = await sample();
        const plan = org.all('Goal_Plan__c')[0]!;
        expect(uiApiError(() => org.create('Goal_Step__c', { Name: 'No plan' })).fieldErrors).toHaveProperty('Goal_Plan__c');
        const picklist = uiApiError(() => org.create('Learning_Goal__c', { Goal_Plan__c: plan.Id, Name: 'x', Status__c: 'Maybe' }));
        expect(picklist.errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
        const lookup = uiApiError(() => org.create('Goal_Step__c', { Goal_Plan__c: ANA, Name: 'x' }));
        expect(lookup.errorCode).toBe('INVALID_CROSS_REFERENCE_KEY');
        const duplicate = uiApiError(() => org.create('Goal_Plan__c', { Name: 'Again', Rep__c: ANA, Period_Start__c: '2026-01-01', Period_End__c: '2026-12-31', Plan_Key__c: plan.Plan_Key__c }));
        expect(duplicate.errorCode).toBe('DUPLICATE_VALUE');
        expect(uiApiError(() => org.create('Goal_Step__c', { Goal_Plan__c: plan.Id, Name: 'x', Due__c: '2026-01-01' })).message).toMatch(/No such column 'Due__c'/);
        expect(uiApiError(() => org.create('Goal_Step__c', { Goal_Plan__c: plan.Id, Name: 'x', Due_Date__c: '1/2/2026' })).message).toMatch(/yyyy-MM-dd/);
    });

    test('seeds a new hire in the first rep\'s team: a plan begun at hire, no why and no learning goals yet', async () => {
        const { org, reps } = await sample();
        const plan = org.all('Goal_Plan__c').find((p) => p.Plan_Start_Reason__c === 'New hire')!;
        const newHire = reps.find((rep) => rep.id === plan.Rep__c)!;
        expect(newHire.managerId).toBe(reps[0]!.managerId);
        expect(plan.Why_Goal__c ?? null).toBeNull();
        expect(org.all('Learning_Goal__c').filter((goal) => goal.Goal_Plan__c === plan.Id)).toEqual([]);
        expect(org.all('Goal_Step__c').filter((step) => step.Goal_Plan__c === plan.Id && step.Done__c === false)).toHaveLength(2);
        const closed = org.all('Opportunity').filter((o) => o.OwnerId === newHire.id && o.IsClosed === true);
        expect(closed.length).toBeLessThan(15);
    });

    test("seeds the discovery conversation on a plan with a why, from the metadata's fields", async () => {
        const { org } = await sample();
        const plan = org.all('Goal_Plan__c').find((p) => p.Rep__c === ANA)!;
        const fields = ['Reality_Check_Read__c', 'Why_Cost__c', 'Earnings_Target__c', 'Commission_Rate__c', 'Trigger_Event_Type__c', 'Trigger_Event_Date__c', 'Plan_Start_Reason__c'];
        const record = recordById(org, plan.Id, fields.map((field) => `Goal_Plan__c.${field}`)).fields;
        expect(Object.fromEntries(fields.map((field) => [field, record[field]!.value]))).toEqual({
            Reality_Check_Read__c: 'Clearly important',
            Why_Cost__c: 60000,
            Earnings_Target__c: 180000,
            Commission_Rate__c: 10,
            Trigger_Event_Type__c: 'Financing terms',
            Trigger_Event_Date__c: '2026-11-27',
            Plan_Start_Reason__c: 'New period',
        });
        const benPlan = org.all('Goal_Plan__c').find((p) => p.Rep__c === BEN)!;
        expect(benPlan.Reality_Check__c ?? null).toBeNull();
    });

    test('update keeps formula fields computed and refuses to write them', async () => {
        const { org } = await sample();
        const plan = org.all('Goal_Plan__c')[0]!;
        org.update({ Id: plan.Id, Outcome_Target__c: 1_000_000, Selling_Weeks__c: 50 });
        expect(recordById(org, plan.Id, ['Goal_Plan__c.Weekly_Target__c']).fields.Weekly_Target__c).toEqual({ value: 20000, displayValue: '$20,000.00' });
        expect(uiApiError(() => org.update({ Id: plan.Id, Weekly_Target__c: 5 })).errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    });

    test('deleting a plan deletes its detail records', async () => {
        const { org } = await sample();
        const plan = org.all('Goal_Plan__c')[0]!;
        const { changes } = org.delete(plan.Id);
        expect(changes.filter((c) => c.apiName === 'Goal_Step__c')).toHaveLength(3);
        expect(org.all('Goal_Step__c').some((s) => s.Goal_Plan__c === plan.Id)).toBe(false);
    });
});

describe('GraphQL', () => {
    const run = async (query: string, variables: Record<string, unknown> = {}) => {
        const { org } = await sample();
        return executeGraphql(org, query, variables);
    };

    test('filters, orders and pages opportunities with the UI API conventions', async () => {
        const result = await run(
            `query deals($owners: [ID]) { uiapi { query { Opportunity(
                where: { and: [{ OwnerId: { in: $owners } }, { or: [{ IsClosed: { eq: false } }, { Amount: { gte: 60000 } }] }] },
                orderBy: { Amount: { order: DESC, nulls: LAST } }, first: 2
            ) { edges { node { Id Name { value } Amount { value displayValue } Owner { Name { value } } } } totalCount pageInfo { hasNextPage } } } } }`,
            { owners: [ANA, BEN] },
        );
        expect(result.errors).toEqual([]);
        const connection = connectionOf(result, 'Opportunity');
        expect(connection.totalCount).toBe(3);
        expect(connection.pageInfo?.hasNextPage).toBe(true);
        expect(connection.edges.map((e) => e.node.Name?.value)).toEqual(['Globex expansion', 'Umbrella deal']);
        expect(connection.edges[0]?.node.Amount).toEqual({ value: 120000, displayValue: '$120,000.00' });
        expect((connection.edges[0]?.node.Owner as unknown as { Name: { value: string } }).Name.value).toBe('Ana Lopez');
    });

    test('reads child relationships, parent filters, like and date values', async () => {
        const result = await run(`query { uiapi { query { Goal_Plan__c(where: { Rep__r: { Name: { like: "ana%" } } }) { edges { node {
            Name { value }
            Goal_Steps__r(where: { Due_Date__c: { lt: { value: "2026-06-30" } } }, orderBy: { Due_Date__c: { order: ASC } }) { edges { node { Name { value } Done__c { value } } } }
        } } } } } }`);
        expect(result.errors).toEqual([]);
        const plans = connectionOf(result, 'Goal_Plan__c').edges;
        expect(plans).toHaveLength(1);
        expect((plans[0]?.node.Goal_Steps__r as unknown as TestConnection).edges.map((e) => e.node.Name?.value)).toEqual(['Summarise before pitching', 'Ask about the cost of doing nothing']);
    });

    test('gives ten records when first is left out, as the platform does', async () => {
        const { org, heavyRepId } = await sample(true);
        const result = executeGraphql(org, `query { uiapi { query { Opportunity(where: { OwnerId: { eq: "${heavyRepId}" } }) { edges { node { Id } } totalCount } } } }`);
        expect(connectionOf(result, 'Opportunity').edges).toHaveLength(10);
        expect(connectionOf(result, 'Opportunity').totalCount).toBe(300);
    });

    test('reports an unknown field as a validation error unless it is @optional', async () => {
        const strict = await run('query { uiapi { query { Opportunity { edges { node { Id Secret__c { value } } } } } } }');
        expect(strict.data).toBeNull();
        expect(strict.errors[0]?.message).toMatch(/Field 'Secret__c' in type 'Opportunity' is undefined/);
        const optional = await run('query { uiapi { query { Opportunity(first: 1) { edges { node { Id Secret__c @optional { value } } } } } } }');
        expect(optional.errors).toEqual([]);
        expect(connectionOf(optional, 'Opportunity').edges[0]?.node).not.toHaveProperty('Secret__c');
    });

    test('reports a syntax error instead of throwing', async () => {
        expect((await run('query { uiapi { query { ')).errors[0]?.message).toMatch(/Invalid Syntax/);
    });
});

describe('related lists', () => {
    test('filters with a where string and sorts descending', async () => {
        const { org } = await sample();
        const plan = org.all('Goal_Plan__c').find((p) => p.Rep__c === ANA)!;
        const list = relatedListRecords(org, {
            parentRecordId: plan.Id,
            relatedListId: 'Goal_Steps__r',
            fields: ['Goal_Step__c.Name'],
            where: '{ Done__c: { eq: false } }',
            sortBy: ['-Goal_Step__c.Due_Date__c'],
        });
        expect(list.records.map((r) => r.fields.Name?.value)).toEqual(['Send the follow-up within a day', 'Ask about the cost of doing nothing']);
        expect(() => relatedListRecords(org, { parentRecordId: plan.Id, relatedListId: 'Steps__r' })).toThrow(/no related list Steps__r. Related lists: .*Goal_Steps__r/);
    });
});

describe('sharing', () => {
    test('a goal plan is seen by its rep and the managers above, not by a peer', async () => {
        const { org } = await sample();
        const plan = org.all('Goal_Plan__c').find((p) => p.Rep__c === ANA)!;
        const query = `query { uiapi { query { Goal_Plan__c(where: { Rep__c: { eq: "${ANA}" } }) { edges { node { Id Goal_Steps__r { totalCount } } } } } } }`;
        const plansSeenBy = (userId: string) => {
            org.currentUserId = userId;
            return connectionOf(executeGraphql(org, query), 'Goal_Plan__c').edges.length;
        };
        expect(plansSeenBy(ANA)).toBe(1);
        expect(plansSeenBy('005000000000001AAA')).toBe(1);
        expect(plansSeenBy(BEN)).toBe(0);
        expect(uiApiError(() => recordById(org, plan.Id, ['Goal_Plan__c.Name'])).message).toMatch(/not shared with the viewer/);
        expect(uiApiError(() => org.create('Goal_Step__c', { Goal_Plan__c: plan.Id, Name: 'Sneaky step' })).errorCode).toBe('INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY');
        expect(org.all('Goal_Step__c').filter((s) => s.Goal_Plan__c === plan.Id).every((s) => !org.canSee(s))).toBe(true);
    });
});
