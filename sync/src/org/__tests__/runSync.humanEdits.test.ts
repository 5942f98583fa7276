// People edit what the sync wrote: a plan's name, dates and owner, a goal's words and status. The
// next run must find each record by its key and leave every one of those edits as the person left it.
import '../../../testing/nodeRealm';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { connectWithToken } from '../connection';
import { runSync, type SyncReport } from '../runSync';
import { fakeApiVersion, type FakeSalesforceApi, type StoredRecord } from '../../../testing/fakeSalesforceApi';
import { startSampleOrg } from '../../../testing/sampleOrg';

jest.setTimeout(60000);

function sync(fake: FakeSalesforceApi, stateDirectory: string): Promise<SyncReport> {
    return runSync({
        connection: connectWithToken({ instanceUrl: fake.url, accessToken: fake.createSession(), refreshToken: fake.createRefreshToken(), clientId: 'goal-coach-test', version: fakeApiVersion }),
        stateDirectory,
        full: true,
        retry: { baseDelayMs: 1, maxDelayMs: 5 },
        bulk: { pollIntervalMs: 1 },
    });
}

describe('sync after people edited goal plans', () => {
    let fake: FakeSalesforceApi;
    let stateDirectory: string;
    let managerId: string;

    beforeEach(async () => {
        ({ fake } = await startSampleOrg());
        stateDirectory = await mkdtemp(path.join(os.tmpdir(), 'goal-coach-edits-'));
        const clean = await sync(fake, stateDirectory);
        expect(clean.failures).toEqual([]);
        managerId = String(fake.list('User').find((user) => user.Id !== fake.integrationUserId && user.ManagerId === null)?.Id);
    });
    afterEach(async () => {
        await fake.stop();
        await rm(stateDirectory, { recursive: true, force: true });
    });

    it('leaves a renamed, moved, shortened or reassigned plan as the person left it and counts no new plan', async () => {
        const [renamed, moved, shortened, reassigned] = fake.list('Goal_Plan__c');
        const otherRep = String(fake.list('Goal_Plan__c').find((plan) => plan.Rep__c !== reassigned!.Rep__c)!.Rep__c);
        const edits: [StoredRecord, StoredRecord][] = [
            [renamed!, { Name: 'Ana — coaching plan agreed in the Q3 review' }],
            [moved!, { Period_Start__c: '2026-02-01' }],
            [shortened!, { Period_End__c: '2026-06-30' }],
            [reassigned!, { OwnerId: otherRep }],
        ];
        for (const [plan, fields] of edits) fake.update('Goal_Plan__c', String(plan.Id), fields, managerId);
        // Every record the way the people left it: what the next run must leave.
        const edited = { plans: fake.snapshot('Goal_Plan__c', 'Plan_Key__c'), goals: fake.snapshot('Learning_Goal__c', 'Suggestion_Key__c') };
        fake.resetCalls();
        const report = await sync(fake, stateDirectory);
        expect(report.failures).toEqual([]);
        expect(report.plans.insert).toBe(0);
        expect(report.written).toEqual({ created: 0, updated: 0 });
        expect(report.ownersSet).toBe(0);
        expect(fake.callCount((call) => call.kind === 'upsert')).toBe(0);
        expect(fake.snapshot('Goal_Plan__c', 'Plan_Key__c')).toEqual(edited.plans);
        expect(fake.snapshot('Learning_Goal__c', 'Suggestion_Key__c')).toEqual(edited.goals);
        expect(fake.list('Goal_Plan__c')).toHaveLength(Object.keys(edited.plans).length);
    });

    it('on a plan whose losses changed writes only Loss_Profile__c and Last_Analyzed__c, keeping the edited dates', async () => {
        const [plan] = fake.list('Goal_Plan__c');
        fake.update('Goal_Plan__c', String(plan!.Id), { Period_End__c: '2026-06-30', Name: 'Renamed' }, managerId);
        // As if an older analysis had written it: the next run has new losses to write.
        fake.update('Goal_Plan__c', String(plan!.Id), { Loss_Profile__c: '{"asOf":"2026-01-31","stages":[]}' });
        const report = await sync(fake, stateDirectory);
        expect(report.plans).toMatchObject({ insert: 0, update: 1 });
        const after = fake.find('Goal_Plan__c', 'Plan_Key__c', plan!.Plan_Key__c!)!;
        expect(after).toMatchObject({ Period_End__c: '2026-06-30', Name: 'Renamed', Loss_Profile__c: plan!.Loss_Profile__c });
    });

    it('keeps an edit made between the read and the write, with a counted note, and writes the rest', async () => {
        const [plan] = fake.list('Goal_Plan__c');
        const [goal, other] = fake.list('Learning_Goal__c');
        // Records the run has reason to write: a plan waiting to be handed over with stale losses, and
        // two goals whose words the analysis would restore.
        fake.update('Goal_Plan__c', String(plan!.Id), { OwnerId: fake.integrationUserId, Loss_Profile__c: '{"asOf":"2026-01-31","stages":[]}' });
        fake.update('Learning_Goal__c', String(goal!.Id), { Confidence__c: 1 });
        fake.update('Learning_Goal__c', String(other!.Id), { Confidence__c: 1 });
        const otherRep = String(fake.list('Goal_Plan__c').find((record) => record.Rep__c !== plan!.Rep__c)!.Rep__c);
        let edited: { plans: Record<string, StoredRecord>; goals: Record<string, StoredRecord> } | undefined;
        // Right after the sync read the goals, the manager accepts one and reassigns the plan.
        fake.afterCall = (call) => {
            if (edited || !call.path.endsWith('/queryAll') || !decodeURIComponent(call.search).includes('Learning_Goal__c')) return;
            fake.update('Learning_Goal__c', String(goal!.Id), { Status__c: 'Accepted', Summary__c: 'Agreed with Ana: shadow two discovery calls.' }, managerId);
            fake.update('Goal_Plan__c', String(plan!.Id), { OwnerId: otherRep }, managerId);
            edited = { plans: fake.snapshot('Goal_Plan__c', 'Plan_Key__c'), goals: fake.snapshot('Learning_Goal__c', 'Suggestion_Key__c') };
        };
        const report = await sync(fake, stateDirectory);
        fake.afterCall = undefined;
        expect(edited).toBeDefined();
        expect(report.failures).toEqual([]);
        expect(report.warnings).toEqual(
            expect.arrayContaining([
                `1 × Goal_Plan__c changed in the org during the run; left for the next run (e.g. ${String(plan!.Plan_Key__c)})`,
                `1 × Learning_Goal__c changed in the org during the run; left for the next run (e.g. ${String(goal!.Suggestion_Key__c)})`,
            ]),
        );
        // The edits stand; the goal nobody touched got its words back.
        const after = { plans: fake.snapshot('Goal_Plan__c', 'Plan_Key__c'), goals: fake.snapshot('Learning_Goal__c', 'Suggestion_Key__c') };
        expect(after.plans).toEqual(edited!.plans);
        const otherKey = String(other!.Suggestion_Key__c);
        expect(after.goals[otherKey]).toEqual({ ...edited!.goals[otherKey], Confidence__c: other!.Confidence__c });
        expect({ ...after.goals, [otherKey]: null }).toEqual({ ...edited!.goals, [otherKey]: null });
        expect(report.written).toEqual({ created: 0, updated: 1 });

        // The next run sees the accepted goal as a decision and the reassigned plan as the manager's.
        const next = await sync(fake, stateDirectory);
        expect(next.goals['kept-decision']).toBe(1);
        expect(next.ownersSet).toBe(0);
        expect(fake.find('Goal_Plan__c', 'Plan_Key__c', plan!.Plan_Key__c!)).toMatchObject({ OwnerId: otherRep });
    });

    it('withdraws a suggestion the analysis no longer makes unless a person acted on it, and restores one it makes again', async () => {
        const clean = fake.snapshot('Learning_Goal__c', 'Suggestion_Key__c');
        const suggestedKeys = new Set(Object.keys(clean));
        const skills = ['decision-process', 'priority-management', 'emotional-intelligence'];
        // Goals an earlier analysis made that this one does not: one untouched, one accepted, one edited.
        const unsuggested = fake
            .list('Goal_Plan__c')
            .flatMap((plan) => skills.map((skill) => ({ plan, key: `${String(plan.Rep__c)}:${skill}:${String(plan.Period_Start__c)}` })))
            .filter(({ key }) => !suggestedKeys.has(key))
            .slice(0, 3);
        const [, accepted, edited] = unsuggested.map(({ plan, key }) =>
            fake.insert('Learning_Goal__c', { Goal_Plan__c: String(plan.Id), Suggestion_Key__c: key, Name: 'An earlier suggestion', Status__c: 'Suggested', Source__c: 'Analysis', Summary__c: 'Old evidence' }),
        );
        fake.update('Learning_Goal__c', accepted!, { Status__c: 'Accepted' }, managerId);
        fake.update('Learning_Goal__c', edited!, { Summary__c: 'We keep this one on the list.' }, managerId);
        // A current suggestion an earlier run withdrew: this run suggests it again.
        const [again] = fake.list('Learning_Goal__c').filter((goal) => suggestedKeys.has(String(goal.Suggestion_Key__c)));
        fake.update('Learning_Goal__c', String(again!.Id), { Status__c: 'Withdrawn', Withdrawn_Reason__c: 'no longer suggested', Withdrawn_Date__c: '2026-03-01' });
        const before = fake.snapshot('Learning_Goal__c', 'Suggestion_Key__c');

        const report = await sync(fake, stateDirectory);
        expect(report.failures).toEqual([]);
        expect(report.goals).toMatchObject({ withdraw: 1, restore: 1 });
        const after = fake.snapshot('Learning_Goal__c', 'Suggestion_Key__c');
        const untouchedKey = unsuggested[0]!.key;
        expect(after[untouchedKey]).toEqual({
            ...before[untouchedKey],
            Status__c: 'Withdrawn',
            Withdrawn_Reason__c: expect.stringMatching(/^The analysis as of \d{4}-\d{2}-\d{2} no longer suggests this goal/),
            Withdrawn_Date__c: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        });
        // The person's goals stand; the suggestion made again is as a clean run left it, reason cleared.
        for (const { key } of unsuggested.slice(1)) expect(after[key]).toEqual(before[key]);
        const againKey = String(again!.Suggestion_Key__c);
        expect(after[againKey]).toEqual({ ...clean[againKey], Withdrawn_Reason__c: null, Withdrawn_Date__c: null });
        expect(Object.keys(after)).toHaveLength(Object.keys(before).length);
        for (const key of suggestedKeys) if (key !== againKey) expect(after[key]).toEqual(clean[key]);

        // Withdrawn once, it stays withdrawn: the next run writes nothing.
        const next = await sync(fake, stateDirectory);
        expect(next.written).toEqual({ created: 0, updated: 0 });
        expect(next.goals.withdraw).toBeUndefined();
    });
});
