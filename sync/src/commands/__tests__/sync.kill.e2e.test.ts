// A sync killed at any point (here: between two pages of a read, and during the write-back) leaves a
// consistent mirror, and the next run finishes in the same org state as a clean run.
import '../../../testing/nodeRealm';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { connectWithToken } from '../../org/connection';
import { mirrorFile, OrgMirror } from '../../org/mirror';
import { runSync } from '../../org/runSync';
import { sqlite } from '../../org/sqlite';
import { fakeApiVersion, type CallRecord, type FakeSalesforceApi, type StoredRecord } from '../../../testing/fakeSalesforceApi';
import { startSampleOrg } from '../../../testing/sampleOrg';

jest.setTimeout(180000);

const root = path.join(__dirname, '..', '..', '..', '..');

interface OrgState {
    plans: Record<string, StoredRecord>;
    goals: Record<string, StoredRecord>;
}

const orgState = (fake: FakeSalesforceApi): OrgState => ({ plans: fake.snapshot('Goal_Plan__c', 'Plan_Key__c'), goals: fake.snapshot('Learning_Goal__c', 'Suggestion_Key__c') });

/** goal-coach sync in its own process; killed (SIGKILL) when `killAt` says so for a call. */
function goalCoachSync(
    fake: FakeSalesforceApi,
    stateDir: string,
    killAt?: (call: CallRecord) => boolean,
    extraArgs: string[] = [],
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, [path.join(root, 'bin', 'goal-coach.js'), 'sync', '--instance-url', fake.url, '--state-dir', stateDir, ...extraArgs], {
        cwd: root,
        // With its heap cap given, goal-coach syncs in this process rather than a child: the kill hits the sync itself.
        env: { ...process.env, SF_ACCESS_TOKEN: fake.createSession(), NODE_OPTIONS: '--max-old-space-size=256' },
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    fake.afterCall = killAt
        ? (call) => {
              if (killAt(call)) {
                  child.kill('SIGKILL');
                  fake.afterCall = undefined;
              }
          }
        : undefined;
    return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

describe('goal-coach sync killed mid-run', () => {
    let clean: OrgState;
    const directories: string[] = [];

    beforeAll(async () => {
        const { fake } = await startSampleOrg();
        const stateDirectory = await mkdtemp(path.join(os.tmpdir(), 'goal-coach-kill-clean-'));
        directories.push(stateDirectory);
        const report = await runSync({
            connection: connectWithToken({ instanceUrl: fake.url, accessToken: fake.createSession(), version: fakeApiVersion }),
            stateDirectory,
            bulk: { pollIntervalMs: 1 },
        });
        expect(report.failures).toEqual([]);
        clean = orgState(fake);
        await fake.stop();
    });
    afterAll(async () => {
        for (const directory of directories) await rm(directory, { recursive: true, force: true });
    });

    it('between pages and while writing, then resumes to the clean-run state', async () => {
        const { fake } = await startSampleOrg({ queryPageSize: 400 });
        const stateDir = await mkdtemp(path.join(os.tmpdir(), 'goal-coach-kill-'));
        directories.push(stateDir);
        try {
            let pages = 0;
            const betweenPages = await goalCoachSync(fake, stateDir, (call) => call.kind === 'queryMore' && ++pages === 4);
            expect(betweenPages.signal).toBe('SIGKILL');
            expect(fake.list('Goal_Plan__c')).toHaveLength(0);
            // The mirror is consistent: every object it holds has exactly the org's rows.
            const db = new (sqlite().DatabaseSync)(mirrorFile(stateDir, fake.orgId), { readOnly: true });
            expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
            const held = db.prepare('SELECT sobject FROM mirror_objects').all() as { sobject: string }[];
            expect(held.length).toBeGreaterThan(0);
            for (const { sobject } of held) {
                const rows = (db.prepare(`SELECT COUNT(*) AS n FROM "${sobject}"`).get() as { n: number }).n;
                expect([sobject, rows]).toEqual([sobject, fake.list(sobject).filter((row) => row.IsDeleted !== true).length]);
            }
            db.close();

            const whileWriting = await goalCoachSync(fake, stateDir, (call) => call.kind === 'upsert');
            expect(whileWriting.signal).toBe('SIGKILL');
            expect(orgState(fake)).not.toEqual(clean);

            const resumed = await goalCoachSync(fake, stateDir);
            expect(resumed.code).toBe(0);
            expect(orgState(fake)).toEqual(clean);

            fake.resetCalls();
            const again = await goalCoachSync(fake, stateDir);
            expect(again.code).toBe(0);
            expect(again.stdout).toMatch(/written: 0 created, 0 updated, 0 failed/);
            expect(fake.apiCallCount()).toBeLessThanOrEqual(6);

            // Killed while applying an incremental read: the object keeps its previous rows and watermark.
            const watermarks = () => {
                const mirror = new (sqlite().DatabaseSync)(mirrorFile(stateDir, fake.orgId), { readOnly: true });
                const rows = mirror.prepare('SELECT sobject, watermark FROM mirror_objects ORDER BY sobject').all();
                mirror.close();
                return rows;
            };
            const before = watermarks();
            fake.advanceClock(2000);
            const tasks = fake.list('Task');
            expect(tasks.length).toBeGreaterThan(10000);
            for (const task of tasks) fake.update('Task', String(task.Id), { Status: 'Completed' });
            const opportunities = fake.list('Opportunity').filter((row) => row.IsClosed === 'false' || row.IsClosed === false);
            for (const deal of opportunities.slice(0, 20)) fake.update('Opportunity', String(deal.Id), { StageName: 'Closed Lost', IsClosed: 'true', IsWon: 'false' });
            // 12,844 changed tasks come through Bulk API 2.0 in 10,000-row pages: killed after the first.
            const duringApply = await goalCoachSync(fake, stateDir, (call) => call.kind === 'bulkResults');
            expect(duringApply.signal).toBe('SIGKILL');
            // Each object is its own transaction: Opportunity's changes were applied before; Task's were not.
            const taskWatermark = (rows: unknown[]) => rows.find((row) => (row as { sobject: string }).sobject === 'Task');
            expect(taskWatermark(watermarks())).toEqual(taskWatermark(before));

            const afterChanges = await goalCoachSync(fake, stateDir);
            expect(afterChanges.code).toBe(0);
            expect(afterChanges.stdout).toMatch(/incremental/);
            expect(taskWatermark(watermarks())).not.toEqual(taskWatermark(before));
            // What the resumed incremental run left is what a full read gives: a --full run has nothing to write.
            const fullRead = await goalCoachSync(fake, stateDir, undefined, ['--full']);
            expect(fullRead.code).toBe(0);
            expect(fullRead.stdout).toMatch(/written: 0 created, 0 updated, 0 failed/);
        } finally {
            fake.afterCall = undefined;
            await fake.stop();
        }
    });

    it('refuses, with exit 2, to run beside another sync of the same org', async () => {
        const { fake } = await startSampleOrg();
        const stateDir = await mkdtemp(path.join(os.tmpdir(), 'goal-coach-two-syncs-'));
        directories.push(stateDir);
        const held = await OrgMirror.open(stateDir, fake.orgId);
        try {
            const second = await goalCoachSync(fake, stateDir);
            expect(second.code).toBe(2);
            expect(second.stderr).toMatch(/another goal-coach sync of org \w+ is running with the mirror in .*; wait for it to finish, then run again/);
            expect(second.stderr).not.toMatch(/Unexpected error|\n\s+at /);
            expect(fake.list('Goal_Plan__c')).toHaveLength(0);
        } finally {
            await held.mirror.close();
            await fake.stop();
        }
    });
});
