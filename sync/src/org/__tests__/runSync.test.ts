import '../../../testing/nodeRealm';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { connectWithToken } from '../connection';
import { runSync, type SyncOptions } from '../runSync';
import { fakeApiVersion, type FakeSalesforceApi } from '../../../testing/fakeSalesforceApi';
import { startSampleOrg } from '../../../testing/sampleOrg';

jest.setTimeout(60000);

function options(fake: FakeSalesforceApi, stateDirectory: string, extra: Partial<SyncOptions> = {}): SyncOptions {
    return {
        connection: connectWithToken({
            instanceUrl: fake.url,
            accessToken: fake.createSession(),
            refreshToken: fake.createRefreshToken(),
            clientId: 'goal-coach-test',
            version: fakeApiVersion,
        }),
        stateDirectory,
        retry: { baseDelayMs: 1, maxDelayMs: 5 },
        bulk: { pollIntervalMs: 1 },
        ...extra,
    };
}

describe('runSync against the sample org', () => {
    let fake: FakeSalesforceApi;
    let counts: Record<string, number>;
    let stateDirectory: string;

    beforeAll(async () => {
        ({ fake, counts } = await startSampleOrg());
        stateDirectory = await mkdtemp(path.join(os.tmpdir(), 'goal-coach-state-'));
    });
    afterAll(async () => {
        await fake.stop();
        await rm(stateDirectory, { recursive: true, force: true });
    });

    it('writes one plan per rep owned by the rep and suggested learning goals, within the API budget', async () => {
        fake.resetCalls();
        const report = await runSync(options(fake, stateDirectory));
        expect(report.failures).toEqual([]);
        expect(report.stoppedForLimit).toBeNull();
        const plans = fake.list('Goal_Plan__c');
        expect(plans.length).toBeGreaterThan(20);
        for (const plan of plans) {
            expect(plan.OwnerId).toBe(plan.Rep__c);
            expect(plan.Plan_Key__c).toBe(`${String(plan.Rep__c)}:${String(plan.Period_Start__c)}`);
        }
        const goals = fake.list('Learning_Goal__c');
        expect(goals.length).toBeGreaterThan(3);
        expect(goals.every((goal) => goal.Status__c === 'Suggested' && goal.Source__c === 'Analysis')).toBe(true);

        // Reads: one count batch, then per object ⌈rows/2000⌉ REST pages or one Bulk job, its polls and pages.
        const restPages = Object.entries(counts)
            .filter(([sobject]) => report.reads.find((read) => read.sobject === sobject)?.api === 'rest')
            .reduce((sum, [, rows]) => sum + Math.max(1, Math.ceil(rows / 2000)), 0);
        expect(fake.callCount((call) => call.kind === 'query' && !/Goal_Plan__c|Learning_Goal__c/.test(decodeURIComponent(call.search)))).toBeLessThanOrEqual(restPages);
        expect(fake.callCount((call) => call.kind === 'bulkCreate')).toBe(report.reads.filter((read) => read.api === 'bulk').length);
        // Writes: ⌈changed / 200⌉ calls per object, and one more per 200 plans to hand them to their reps
        // (the insert leaves each with the integration user, as the platform does).
        expect(report.ownersSet).toBe(plans.length);
        expect(fake.callCount((call) => call.kind === 'upsert')).toBe(2 * Math.ceil(plans.length / 200) + Math.ceil(goals.length / 200));
    });

    it('re-running changes nothing: at most 6 calls and no writes', async () => {
        const before = { plans: fake.snapshot('Goal_Plan__c', 'Plan_Key__c'), goals: fake.snapshot('Learning_Goal__c', 'Suggestion_Key__c') };
        fake.resetCalls();
        const report = await runSync(options(fake, stateDirectory));
        expect(fake.apiCallCount()).toBeLessThanOrEqual(6);
        expect(fake.callCount((call) => call.kind === 'upsert')).toBe(0);
        expect(report.reads.filter((read) => read.mode !== 'unchanged')).toEqual([]);
        expect(report.written).toEqual({ created: 0, updated: 0 });
        expect(fake.snapshot('Goal_Plan__c', 'Plan_Key__c')).toEqual(before.plans);
        expect(fake.snapshot('Learning_Goal__c', 'Suggestion_Key__c')).toEqual(before.goals);
    });

    it('leaves human decisions as they are', async () => {
        const [accepted, edited, dismissed, deleted] = fake.list('Learning_Goal__c');
        const managerId = String(fake.list('User').find((user) => user.Title === 'Sales Manager' || user.ManagerId === null)?.Id);
        fake.update('Learning_Goal__c', String(accepted!.Id), { Status__c: 'Accepted' }, managerId);
        fake.update('Learning_Goal__c', String(edited!.Id), { Summary__c: 'We agreed to work on this after the Q3 review.' }, managerId);
        fake.update('Learning_Goal__c', String(dismissed!.Id), { Status__c: 'Dismissed', Dismissed_Reason__c: 'Covered by the onboarding plan' }, managerId);
        fake.remove('Learning_Goal__c', String(deleted!.Id), managerId);
        const kept = fake.snapshot('Learning_Goal__c', 'Suggestion_Key__c');
        const report = await runSync(options(fake, stateDirectory, { full: true }));
        expect(report.goals['kept-decision']).toBe(1);
        expect(report.goals['kept-edited']).toBe(1);
        expect(report.goals['kept-dismissed']).toBe(1);
        expect(report.goals['kept-deleted']).toBe(1);
        expect(fake.list('Learning_Goal__c').filter((goal) => goal.Suggestion_Key__c === deleted!.Suggestion_Key__c)).toHaveLength(1);
        expect(fake.snapshot('Learning_Goal__c', 'Suggestion_Key__c')).toEqual(kept);
    });

    it('prints what it would write on a dry run and writes nothing', async () => {
        const lines: string[] = [];
        // Remove one goal the service owns, as if it had never been written.
        const goal = fake.list('Learning_Goal__c').find((record) => record.Status__c === 'Suggested' && record.LastModifiedById === fake.integrationUserId)!;
        fake.purge('Learning_Goal__c', String(goal.Id));
        const remaining = fake.list('Learning_Goal__c').length;
        fake.resetCalls();
        const report = await runSync(options(fake, stateDirectory, { dryRun: true, out: (line) => lines.push(line) }));
        expect(report.dryRun).toBe(true);
        expect(fake.callCount((call) => call.kind === 'upsert')).toBe(0);
        expect(fake.list('Learning_Goal__c')).toHaveLength(remaining);
        expect(lines[0]).toBe('dry run: would upsert 0 Goal_Plan__c and 1 Learning_Goal__c records');
        expect(lines).toContain(`  Learning_Goal__c ${String(goal.Suggestion_Key__c)}`);
        expect(lines).toContain('    Status__c = Suggested');
        expect(lines).toContain(`    Goal_Plan__r = {"Plan_Key__c":"${String(goal.Suggestion_Key__c).replace(/:[a-z-]+:/, ':')}"}`);
    });
});
