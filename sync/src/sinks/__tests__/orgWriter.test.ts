import '../../../testing/nodeRealm';
import { OrgApi } from '../../org/api';
import { connectWithToken } from '../../org/connection';
import { FakeSalesforceApi, fakeApiVersion } from '../../../testing/fakeSalesforceApi';
import { readExistingGoals, readExistingPlans, upsertRecords } from '../orgWriter';

describe('upsertRecords', () => {
    let fake: FakeSalesforceApi;
    let api: OrgApi;
    const plans = Array.from({ length: 450 }, (_, i) => ({ Plan_Key__c: `0055g00000REP${String(i).padStart(2, '0')}:2026-01-01`, Name: `Plan ${i}`, Period_Start__c: '2026-01-01' }));

    beforeEach(async () => {
        fake = new FakeSalesforceApi();
        await fake.start();
        const { conn, guard } = connectWithToken({ instanceUrl: fake.url, accessToken: fake.createSession(), version: fakeApiVersion });
        api = new OrgApi(conn, { guard, retry: { baseDelayMs: 1 } });
    });
    afterEach(async () => fake.stop());

    it('writes 200 records a call and upserts by external id without duplicates', async () => {
        const first = await upsertRecords(api, 'Goal_Plan__c', 'Plan_Key__c', plans);
        expect(first).toEqual({ written: plans.map((plan) => plan.Plan_Key__c), failures: [], calls: 3 });
        const second = await upsertRecords(api, 'Goal_Plan__c', 'Plan_Key__c', plans.slice(0, 10));
        expect(second).toMatchObject({ written: plans.slice(0, 10).map((plan) => plan.Plan_Key__c), calls: 1 });
        expect(fake.list('Goal_Plan__c')).toHaveLength(450);
        expect(fake.callCount((call) => call.kind === 'upsert')).toBe(4);
    });

    it('retries a whole call after a 503 burst and reports per-record errors that come back with HTTP 200', async () => {
        fake.faults.push(
            { kind: 'unavailable', times: 2, method: 'PATCH' },
            { kind: 'recordError', times: 1, externalId: plans[5]!.Plan_Key__c, statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Period is closed' },
            { kind: 'recordError', times: 1, externalId: plans[6]!.Plan_Key__c, statusCode: 'UNABLE_TO_LOCK_ROW', message: 'unable to obtain exclusive access to this record' },
        );
        const outcome = await upsertRecords(api, 'Goal_Plan__c', 'Plan_Key__c', plans.slice(0, 20));
        expect(outcome.written).toHaveLength(19);
        expect(outcome.failures).toEqual([
            { sobject: 'Goal_Plan__c', key: plans[5]!.Plan_Key__c, errors: [{ statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Period is closed' }] },
        ]);
        expect(api.retries).toBe(2);
        expect(fake.find('Goal_Plan__c', 'Plan_Key__c', plans[6]!.Plan_Key__c)).toBeDefined();
    });

    it('writes only the records a batch check keeps', async () => {
        const outcome = await upsertRecords(api, 'Goal_Plan__c', 'Plan_Key__c', plans.slice(0, 5), {
            beforeWrite: (batch) => Promise.resolve(batch.filter((plan) => plan.Plan_Key__c !== plans[2]!.Plan_Key__c)),
        });
        expect(outcome.written).toEqual([0, 1, 3, 4].map((index) => plans[index]!.Plan_Key__c));
        expect(fake.find('Goal_Plan__c', 'Plan_Key__c', plans[2]!.Plan_Key__c)).toBeUndefined();
    });

    it('reads plans by key, wherever a person moved their period, and the keyed learning goals', async () => {
        await upsertRecords(api, 'Goal_Plan__c', 'Plan_Key__c', [...plans.slice(0, 3), { Plan_Key__c: 'other:2025-01-01', Name: 'Old', Period_Start__c: '2025-01-01' }]);
        const moved = fake.find('Goal_Plan__c', 'Plan_Key__c', plans[1]!.Plan_Key__c)!;
        const managerId = fake.insert('User', { Name: 'Mia Manager', IsActive: true });
        fake.update('Goal_Plan__c', String(moved.Id), { Period_Start__c: '2026-02-01' }, managerId);
        fake.insert('Learning_Goal__c', { Suggestion_Key__c: 'k:decision-process:2026-01-01', Status__c: 'Accepted', Confidence__c: 80, Evidence_Strength__c: 0.3 });
        fake.insert('Learning_Goal__c', { Name: 'Made by a manager', Status__c: 'Suggested', Suggestion_Key__c: null });
        const existing = await readExistingPlans(api, [...plans.slice(0, 3), plans[40]!].map((plan) => plan.Plan_Key__c));
        expect([...existing.keys()]).toEqual(plans.slice(0, 3).map((plan) => plan.Plan_Key__c));
        const goals = await readExistingGoals(api);
        expect([...goals.values()]).toEqual([
            expect.objectContaining({ Suggestion_Key__c: 'k:decision-process:2026-01-01', Status__c: 'Accepted', Confidence__c: 80, Evidence_Strength__c: 0.3, LastModifiedById: fake.integrationUserId }),
        ]);
    });

    it("reads a period's plans in one query however many keys, and only the keys asked for", async () => {
        await upsertRecords(api, 'Goal_Plan__c', 'Plan_Key__c', [...plans, { Plan_Key__c: `${plans[0]!.Plan_Key__c.split(':')[0]}:2025-01-01`, Name: 'Last year', Period_Start__c: '2025-01-01' }]);
        fake.resetCalls();
        const asked = plans.slice(0, 420).map((plan) => plan.Plan_Key__c);
        const existing = await readExistingPlans(api, asked);
        expect([...existing.keys()].sort()).toEqual([...asked].sort());
        expect(fake.callCount((call) => call.kind === 'query' || call.kind === 'queryMore')).toBe(1);
        expect(decodeURIComponent(fake.calls.find((call) => call.kind === 'query')!.search)).toMatch(/WHERE Plan_Key__c LIKE '%:2026-01-01'/);

        // Keys of more than one period: read by key lists, as many queries as the URL limit needs.
        fake.resetCalls();
        const mixed = await readExistingPlans(api, [...asked, `${plans[0]!.Plan_Key__c.split(':')[0]}:2025-01-01`]);
        expect(mixed.size).toBe(421);
        expect(fake.callCount((call) => call.kind === 'query')).toBeGreaterThan(1);
    });
});
