// End to end: the goal-coach executable, in its own Node process, against the fake org holding the
// bundled sample export.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FakeSalesforceApi } from '../../../testing/fakeSalesforceApi';
import { startSampleOrg } from '../../../testing/sampleOrg';

jest.setTimeout(120000);

const root = path.join(__dirname, '..', '..', '..', '..');

function goalCoach(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
        execFile(process.execPath, [path.join(root, 'bin', 'goal-coach.js'), ...args], { cwd: root, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
            resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
        });
    });
}

describe('goal-coach sync --instance-url (end to end)', () => {
    let fake: FakeSalesforceApi;
    let counts: Record<string, number>;
    let stateDir: string;
    let token: string;

    beforeAll(async () => {
        ({ fake, counts } = await startSampleOrg());
        stateDir = await mkdtemp(path.join(os.tmpdir(), 'goal-coach-e2e-'));
        token = fake.createSession();
    });
    afterAll(async () => {
        await fake.stop();
        await rm(stateDir, { recursive: true, force: true });
    });

    it('writes plans and learning goals, then re-runs with no writes in at most 6 calls', async () => {
        // A dry run into a folder the sync creates: the mirror's folder and file are owner-only.
        const dry = await goalCoach(['sync', '--instance-url', fake.url, '--state-dir', path.join(stateDir, 'created'), '--dry-run'], { SF_ACCESS_TOKEN: token });
        expect(dry.code).toBe(0);
        fake.resetCalls();
        const first = await goalCoach(['sync', '--instance-url', fake.url, '--state-dir', stateDir], { SF_ACCESS_TOKEN: token });
        expect(first.stderr).toBe('');
        expect(first.code).toBe(0);
        expect(`${first.stdout}${first.stderr}`).not.toContain(token);

        const plans = fake.list('Goal_Plan__c');
        const goals = fake.list('Learning_Goal__c');
        expect(plans).toHaveLength(counts.User! - 4);
        expect(plans.every((plan) => plan.OwnerId === plan.Rep__c && plan.Period_Start__c === '2026-01-01' && plan.Period_End__c === '2026-12-31')).toBe(true);
        expect(goals.length).toBeGreaterThan(5);
        expect(goals.every((goal) => goal.Status__c === 'Suggested' && typeof goal.Evidence__c === 'string' && Number(goal.Confidence__c) >= 80)).toBe(true);
        expect(JSON.parse(String(plans[0]!.Loss_Profile__c))).toEqual({ asOf: '2026-06-30', headline: expect.any(String), caveat: expect.any(String), standing: expect.any(String), stages: expect.arrayContaining([expect.objectContaining({ stage: expect.any(String), decision: expect.any(Boolean) })]) });
        // The mirror is org data: owner-only, as its folder when the sync creates it.
        expect((await stat(path.join(stateDir, `mirror-${fake.orgId}.sqlite`))).mode & 0o777).toBe(0o600);
        expect((await stat(path.join(stateDir, 'created', `mirror-${fake.orgId}.sqlite`))).mode & 0o777).toBe(0o600);
        expect((await stat(path.join(stateDir, 'created'))).mode & 0o777).toBe(0o700);

        // Full read budget: per object ⌈rows/2000⌉ REST pages, or one Bulk job with its polls and pages.
        const restObjects = Object.entries(counts).filter(([sobject]) => new RegExp(`read ${sobject}: full via REST`).test(first.stdout));
        const restPages = restObjects.reduce((sum, [, rows]) => sum + Math.max(1, Math.ceil(rows / 2000)), 0);
        const sourceQueries = fake.calls.filter((call) => (call.kind === 'query' || call.kind === 'queryMore') && !/Goal_Plan__c|Learning_Goal__c/.test(decodeURIComponent(call.search)));
        expect(sourceQueries.length).toBeLessThanOrEqual(restPages);
        expect(fake.callCount((call) => call.kind === 'bulkCreate')).toBe(1);
        // Plans are inserted, then handed to their reps (one more upsert per 200 plans), then goals.
        expect(first.stdout).toContain(`${plans.length} handed to their rep`);
        expect(fake.callCount((call) => call.kind === 'upsert')).toBe(2 * Math.ceil(plans.length / 200) + Math.ceil(goals.length / 200));

        fake.resetCalls();
        const second = await goalCoach(['sync', '--instance-url', fake.url, '--state-dir', stateDir], { SF_ACCESS_TOKEN: token });
        expect(second.code).toBe(0);
        expect(second.stdout).toMatch(/written: 0 created, 0 updated, 0 failed/);
        expect(fake.apiCallCount()).toBeLessThanOrEqual(6);
        expect(fake.callCount((call) => call.kind === 'upsert')).toBe(0);
        expect(fake.list('Goal_Plan__c')).toHaveLength(plans.length);
        expect(fake.list('Learning_Goal__c')).toHaveLength(goals.length);
    });

    it('refuses a token on the command line without echoing it', async () => {
        const run = await goalCoach(['sync', '--instance-url', fake.url, '--access-token', token], {});
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/unknown option --access-token/);
        expect(`${run.stdout}${run.stderr}`).not.toContain(token);
    });
});
