// Every fault the fake can inject must end, after at most one follow-up run, in the same org state
// as a clean run, with failed records reported by key and error.
import '../../../testing/nodeRealm';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { connectWithToken } from '../connection';
import { runSync, type SyncReport } from '../runSync';
import { fakeApiVersion, type Fault, type FakeSalesforceApi, type StoredRecord } from '../../../testing/fakeSalesforceApi';
import { startSampleOrg } from '../../../testing/sampleOrg';

jest.setTimeout(60000);

interface OrgState {
    plans: Record<string, StoredRecord>;
    goals: Record<string, StoredRecord>;
}

function orgState(fake: FakeSalesforceApi): OrgState {
    return { plans: fake.snapshot('Goal_Plan__c', 'Plan_Key__c'), goals: fake.snapshot('Learning_Goal__c', 'Suggestion_Key__c') };
}

async function sync(fake: FakeSalesforceApi, stateDirectory: string): Promise<SyncReport> {
    return runSync({
        connection: connectWithToken({
            instanceUrl: fake.url,
            accessToken: fake.createSession(),
            refreshToken: fake.createRefreshToken(),
            clientId: 'goal-coach-test',
            version: fakeApiVersion,
        }),
        stateDirectory,
        // Task (14k rows) goes through Bulk API 2.0, the rest over REST, in small pages.
        bulkThreshold: 10000,
        bulk: { pollIntervalMs: 1, pageSize: 5000 },
        retry: { baseDelayMs: 1, maxDelayMs: 5 },
    });
}

describe('sync under injected faults', () => {
    let clean: OrgState;
    let cleanCalls: string[];
    let cleanWritten: SyncReport['written'];
    const directories: string[] = [];

    async function freshOrg(): Promise<{ fake: FakeSalesforceApi; stateDirectory: string }> {
        const { fake } = await startSampleOrg({ queryPageSize: 2000 });
        const stateDirectory = await mkdtemp(path.join(os.tmpdir(), 'goal-coach-faults-'));
        directories.push(stateDirectory);
        return { fake, stateDirectory };
    }

    beforeAll(async () => {
        const { fake, stateDirectory } = await freshOrg();
        const report = await sync(fake, stateDirectory);
        expect(report.failures).toEqual([]);
        clean = orgState(fake);
        cleanWritten = report.written;
        cleanCalls = fake.calls.map((call) => call.kind);
        await fake.stop();
        expect(Object.keys(clean.goals).length).toBeGreaterThan(2);
    });
    afterAll(async () => {
        for (const directory of directories) await rm(directory, { recursive: true, force: true });
    });

    async function expectRecovers(faults: (fake: FakeSalesforceApi) => Fault[], check?: (first: SyncReport, fake: FakeSalesforceApi) => void): Promise<SyncReport> {
        const { fake, stateDirectory } = await freshOrg();
        try {
            fake.faults.push(...faults(fake));
            const first = await sync(fake, stateDirectory);
            check?.(first, fake);
            fake.clearFaults();
            if (first.stoppedForLimit || first.failures.length > 0) {
                const second = await sync(fake, stateDirectory);
                expect(second.failures).toEqual([]);
                expect(second.stoppedForLimit).toBeNull();
            }
            expect(orgState(fake)).toEqual(clean);
            return first;
        } finally {
            await fake.stop();
        }
    }

    it('renews the session after a 401', async () => {
        const first = await expectRecovers(
            () => [{ kind: 'unauthorized', times: 1, path: /\/query$/ }],
            (_report, fake) => expect(fake.callCount((call) => call.kind === 'token')).toBe(1),
        );
        expect(first.failures).toEqual([]);
    });

    it('rides out bursts of 503 on reads and writes', async () => {
        const first = await expectRecovers(() => [
            { kind: 'unavailable', times: 3, path: /\/jobs\/query/ },
            { kind: 'unavailable', times: 2, method: 'PATCH' },
        ]);
        expect(first.retries).toBe(5);
    });

    it('re-reads a page whose connection was reset halfway', async () => {
        const first = await expectRecovers(() => [
            { kind: 'resetMidPage', times: 1, path: /\/query$/ },
            { kind: 'resetMidPage', times: 1, path: /\/results$/ },
        ]);
        expect(first.retries).toBe(2);
    });

    it('counts records as the plan meant them after a retried upsert whose lost first attempt the org applied', async () => {
        // The org saves the batch, then the connection breaks before the answer arrives: the retry
        // finds every record there and answers created: false for records that are new.
        const first = await expectRecovers(() => [
            { kind: 'resetMidPage', times: 1, path: /\/composite\/sobjects\/Goal_Plan__c\// },
            { kind: 'resetMidPage', times: 1, path: /\/composite\/sobjects\/Learning_Goal__c\// },
        ]);
        expect(first.retries).toBe(2);
        expect(first.failures).toEqual([]);
        expect(cleanWritten.updated).toBe(0);
        expect(first.written).toEqual(cleanWritten);
    });

    it('stops cleanly at REQUEST_LIMIT_EXCEEDED while reading and finishes on the next run', async () => {
        await expectRecovers(
            () => [{ kind: 'requestLimit', afterCalls: 4 }],
            (first) => expect(first.stoppedForLimit).toMatch(/REQUEST_LIMIT_EXCEEDED.*next run picks up/),
        );
    });

    it('stops cleanly at REQUEST_LIMIT_EXCEEDED while writing and finishes on the next run', async () => {
        const firstUpsert = cleanCalls.indexOf('upsert');
        expect(firstUpsert).toBeGreaterThan(0);
        await expectRecovers(
            () => [{ kind: 'requestLimit', afterCalls: firstUpsert + 1 }],
            (first) => {
                expect(first.stoppedForLimit).toMatch(/REQUEST_LIMIT_EXCEEDED/);
                expect(first.written.created).toBeGreaterThan(0);
            },
        );
    });

    it('reports records that failed, with their error, and writes them on the next run', async () => {
        const [planKey] = Object.keys(clean.plans).filter((key) => Object.keys(clean.goals).some((goal) => goal.startsWith(key.split(':')[0]!)));
        const otherGoal = Object.keys(clean.goals).find((key) => !key.startsWith(planKey!.split(':')[0]!))!;
        const first = await expectRecovers(
            () => [
                { kind: 'recordError', times: 1, externalId: planKey!, statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Period dates overlap another plan' },
                { kind: 'recordError', times: 1, externalId: otherGoal, statusCode: 'STORAGE_LIMIT_EXCEEDED', message: 'storage limit exceeded' },
            ],
            (report) => {
                expect(report.failures).toEqual(
                    expect.arrayContaining([
                        { sobject: 'Goal_Plan__c', key: planKey, errors: [{ statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Period dates overlap another plan' }] },
                        { sobject: 'Learning_Goal__c', key: otherGoal, errors: [{ statusCode: 'STORAGE_LIMIT_EXCEEDED', message: 'storage limit exceeded' }] },
                        expect.objectContaining({ sobject: 'Learning_Goal__c', errors: [expect.objectContaining({ statusCode: 'PLAN_NOT_WRITTEN' })] }),
                    ]),
                );
            },
        );
        expect(first.failures.length).toBeGreaterThanOrEqual(3);
    });
});
