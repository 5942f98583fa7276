// A damaged mirror is never trusted and never fails the run: each case warns, names the object and
// the fix, reads what it cannot trust in full, and leaves the org exactly as a clean run does.
import '../../../testing/nodeRealm';
import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { connectWithToken } from '../connection';
import { mirrorFile } from '../mirror';
import { runSync, type SyncOptions, type SyncReport } from '../runSync';
import { analyze } from '../../analyze';
import { Warnings } from '../../core/problems';
import { CsvExportSource } from '../../sources/csvExport';
import { sqlite } from '../sqlite';
import { fakeApiVersion, type FakeSalesforceApi, type StoredRecord } from '../../../testing/fakeSalesforceApi';
import { startSampleOrg } from '../../../testing/sampleOrg';

jest.setTimeout(120000);

interface OrgState {
    plans: Record<string, StoredRecord>;
    goals: Record<string, StoredRecord>;
}

describe('sync with a damaged mirror', () => {
    let fake: FakeSalesforceApi;
    let stateDirectory: string;
    let clean: OrgState;
    let file: string;

    const orgState = (): OrgState => ({ plans: fake.snapshot('Goal_Plan__c', 'Plan_Key__c'), goals: fake.snapshot('Learning_Goal__c', 'Suggestion_Key__c') });

    const options = (): SyncOptions => ({
        connection: connectWithToken({ instanceUrl: fake.url, accessToken: fake.createSession(), version: fakeApiVersion }),
        stateDirectory,
        bulk: { pollIntervalMs: 1 },
        retry: { baseDelayMs: 1, maxDelayMs: 5 },
    });
    const sync = (): Promise<SyncReport> => runSync(options());

    function damage(sql: string): void {
        const db = new (sqlite().DatabaseSync)(file);
        db.exec(sql);
        db.close();
    }

    /** The damaged run: the warning, the objects read in full, and the clean run's org state with nothing written. */
    async function expectRepaired(warning: RegExp, readInFull: string[]): Promise<SyncReport> {
        const report = await sync();
        expect(report.warnings).toEqual(expect.arrayContaining([expect.stringMatching(warning)]));
        for (const sobject of readInFull) expect(report.reads.find((read) => read.sobject === sobject)).toMatchObject({ mode: 'full' });
        expect(report.failures).toEqual([]);
        expect(report.written).toEqual({ created: 0, updated: 0 });
        expect(orgState()).toEqual(clean);
        // Repaired: the next run trusts the mirror again (a row changed in the second of the read is read once more).
        const next = await sync();
        expect(next.warnings.filter((line) => /mirror/.test(line))).toEqual([]);
        expect(next.reads.filter((read) => read.mode === 'full')).toEqual([]);
        return report;
    }

    beforeAll(async () => {
        ({ fake } = await startSampleOrg());
        stateDirectory = await mkdtemp(path.join(os.tmpdir(), 'goal-coach-damaged-'));
        file = mirrorFile(stateDirectory, fake.orgId);
        const first = await sync();
        expect(first.failures).toEqual([]);
        clean = orgState();
        expect(Object.keys(clean.goals).length).toBeGreaterThan(2);
    });
    afterAll(async () => {
        await fake.stop();
        await rm(stateDirectory, { recursive: true, force: true });
    });

    it('--export writes what the sync analyzed: analyze --data on it gives the same result', async () => {
        const exportDirectory = path.join(stateDirectory, 'export');
        const report = await runSync({ ...options(), exportDirectory, dryRun: true });
        expect(report.exported.map((item) => item.sobject).sort()).toEqual(['Event', 'Opportunity', 'OpportunityContactRole', 'OpportunityHistory', 'OpportunityStage', 'Task', 'User']);
        for (const item of report.exported) expect(item.rows).toBe(report.reads.find((read) => read.sobject === item.sobject)!.rows);
        expect((await stat(path.join(exportDirectory, 'Opportunity.csv'))).mode & 0o777).toBe(0o600);
        const warnings = new Warnings();
        const fromExport = await analyze(new CsvExportSource(exportDirectory, { warnings }), {});
        expect(warnings.total).toBe(0);
        expect(fromExport.result).toEqual(report.analysis);
        // The suggestions are the learning goals the sync wrote.
        const suggested = fromExport.result.reps.flatMap((rep) => rep.suggestions.map((suggestion) => `${rep.id}:${suggestion.skill}`)).sort();
        expect(Object.keys(clean.goals).map((key) => key.split(':').slice(0, 2).join(':')).sort()).toEqual(suggested);
    });

    it('a watermark that is not a date-time', async () => {
        damage(`UPDATE mirror_objects SET watermark = 'garbage' WHERE sobject = 'Opportunity'`);
        const report = await expectRepaired(/^1 × mirror check failed \(Opportunity: its watermark "garbage" is not a date-time\); Opportunity was read in full from the org instead \(nothing to do; if it recurs, delete .*mirror-\w+\.sqlite\)$/, ['Opportunity']);
        expect(report.reads.filter((read) => read.mode === 'full').map((read) => read.sobject)).toEqual(['Opportunity']);
    });

    it('a watermark in the future', async () => {
        damage(`UPDATE mirror_objects SET watermark = '2099-01-01T00:00:00.000Z' WHERE sobject IN ('Opportunity', 'Task')`);
        await expectRepaired(/^2 × mirror check failed \(Opportunity: its watermark 2099-01-01T00:00:00.000Z is later than the org's clock .*; Task: .*\); Opportunity, Task were read in full/, ['Opportunity', 'Task']);
    });

    it('half the opportunities missing', async () => {
        damage(`DELETE FROM Opportunity WHERE rowid % 2 = 0`);
        await expectRepaired(/mirror check failed \(Opportunity: the mirror holds 731 rows, the org 1,461\)/, ['Opportunity']);
    });

    it('rows the org no longer has, after changes were applied', async () => {
        damage(`INSERT INTO Event (Id, SystemModstamp, OwnerId) SELECT substr(Id, 1, 3) || 'X' || substr(Id, 5), SystemModstamp, OwnerId FROM Event LIMIT 5`);
        fake.advanceClock(2000);
        const event = fake.list('Event')[0]!;
        fake.update('Event', String(event.Id), { Subject: 'Moved' });
        await expectRepaired(/mirror check failed \(Event: the mirror holds [\d,]+ rows, the org [\d,]+ \(1 changed while reading\) after applying the changes\)/, ['Event']);
    });

    it('a table that is gone', async () => {
        damage('DROP TABLE Task');
        await expectRepaired(/mirror check failed \(Task: its copy cannot be read \(no such table: Task\)\)/, ['Task']);
    });

    it('a page damaged in the middle of a table, found while reading it', async () => {
        const db = new (sqlite().DatabaseSync)(file, { readOnly: true });
        const pageSize = Number((db.prepare('PRAGMA page_size').get() as { page_size: number }).page_size);
        const pageCount = Number((db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count);
        const roots = (db.prepare(`SELECT name, rootpage FROM sqlite_master WHERE type = 'table' ORDER BY rootpage`).all() as { name: string; rootpage: number }[]).map((row) => ({ name: row.name, root: Number(row.rootpage) }));
        db.close();
        // Task's pages lie between its root page and the next table's, as the full read wrote them.
        const task = roots.findIndex((table) => table.name === 'Task');
        const end = roots[task + 1]?.root ?? pageCount + 1;
        // Ten of them, mid-way: the Id index's pages lie among the table's, and some of these are the table's.
        const page = Math.floor((roots[task]!.root + end) / 2) - 5;
        expect(end - roots[task]!.root).toBeGreaterThan(20);
        const fd = openSync(file, 'r+');
        writeSync(fd, Buffer.alloc(10 * pageSize, 0x5a), 0, 10 * pageSize, (page - 1) * pageSize);
        closeSync(fd);
        const report = await expectRepaired(/^mirror: .*mirror-\w+\.sqlite is damaged \(database disk image is malformed\); it was replaced and every object is read in full$/, ['Opportunity', 'Task', 'Event']);
        expect(report.reads.every((read) => read.mode === 'full')).toBe(true);
    });

    it('the JSON sync state of an earlier version: removed, with a warning', async () => {
        const legacy = path.join(stateDirectory, `sync-state-${fake.orgId}.json`);
        await writeFile(legacy, '{"version":1,"objects":{}}', { mode: 0o600 });
        const report = await sync();
        expect(report.warnings).toContain(`mirror: removed ${legacy}, the sync state of an earlier version (the mirror replaces it)`);
        await expect(stat(legacy)).rejects.toThrow(/ENOENT/);
        expect(report.written).toEqual({ created: 0, updated: 0 });
    });

    it('a file that is not a mirror', async () => {
        await rm(file);
        await writeFile(file, 'SQLite format 3\0 but truncated');
        await expectRepaired(/^mirror: .* cannot be read as a mirror .*; it was replaced and every object is read in full$/, ['User', 'Opportunity', 'Task']);
    });

    it("another org's mirror", async () => {
        damage(`UPDATE mirror_meta SET value = '00D5g0000000009EAA' WHERE key = 'orgId'`);
        await expectRepaired(/^mirror: .* is the mirror of org 00D5g0000000009EAA, not of \w+; it was replaced/, ['Opportunity']);
    });

    it('a mirror path that is a folder', async () => {
        await rm(file);
        await mkdir(file);
        const report = await sync();
        expect(report.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^mirror: the mirror cannot be kept at .* is a folder, not a mirror file: remove or rename it .*temporary mirror, deleted afterwards$/)]));
        expect(report.reads.every((read) => read.mode === 'full')).toBe(true);
        expect(report.written).toEqual({ created: 0, updated: 0 });
        expect(orgState()).toEqual(clean);
        await rm(file, { recursive: true });
    });
});
