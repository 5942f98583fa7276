import '../../../testing/nodeRealm';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { OrgApi } from '../../org/api';
import { OrgMirror } from '../../org/mirror';
import { connectWithToken } from '../../org/connection';
import { FakeSalesforceApi, fakeApiVersion } from '../../../testing/fakeSalesforceApi';
import { OrgSource } from '../orgSource';

async function collect(source: OrgSource, sobject: 'Opportunity' | 'User', fields: string[]) {
    const rows = [];
    for await (const { row } of source.rows(sobject, fields)) rows.push(row);
    return rows;
}

describe('OrgSource', () => {
    let fake: FakeSalesforceApi;
    let api: OrgApi;
    let directory: string;
    let mirror: OrgMirror;

    beforeEach(async () => {
        fake = new FakeSalesforceApi({ queryPageSize: 50, bulkPageSize: 40, bulkPollsUntilComplete: 2 });
        await fake.start();
        fake.load(
            'Opportunity',
            Array.from({ length: 120 }, (_, i) => ({ Name: `Deal ${i}`, StageName: 'Closed Lost', Amount: i, SystemModstamp: '2026-11-01T08:00:00.000Z' })),
        );
        const { conn, guard } = connectWithToken({ instanceUrl: fake.url, accessToken: fake.createSession(), version: fakeApiVersion });
        api = new OrgApi(conn, { guard, retry: { baseDelayMs: 1 } });
        directory = await mkdtemp(path.join(os.tmpdir(), 'goal-coach-source-'));
        ({ mirror } = await OrgMirror.open(directory, fake.orgId));
        fake.resetCalls();
    });
    afterEach(async () => {
        await mirror.close();
        await rm(directory, { recursive: true, force: true });
        await fake.stop();
    });

    it('counts every object in one call and pages a small object over REST', async () => {
        const source = await OrgSource.open(api, { mirror, bulkThreshold: 1000 });
        expect(fake.callCount()).toBe(1);
        expect(await source.has('Opportunity')).toBe(true);
        const rows = await collect(source, 'Opportunity', ['Id', 'Name', 'Amount']);
        expect(rows).toHaveLength(120);
        expect(rows[7]).toEqual({ Id: expect.any(String), Name: 'Deal 7', Amount: '7' });
        // ⌈120 / 50⌉ REST pages after the count batch.
        expect(fake.callCount((call) => call.kind === 'query' || call.kind === 'queryMore')).toBe(3);
        expect(source.stats).toEqual([{ sobject: 'Opportunity', mode: 'full', api: 'rest', fetched: 120, rows: 120 }]);
    });

    it('reads a large object with one Bulk API 2.0 job, its polls and locator pages', async () => {
        const source = await OrgSource.open(api, { mirror, bulkThreshold: 100, bulk: { pollIntervalMs: 1, pageSize: 40 } });
        const rows = await collect(source, 'Opportunity', ['Id', 'Name']);
        expect(new Set(rows.map((row) => row.Id)).size).toBe(120);
        expect(fake.callCount((call) => call.kind === 'bulkCreate')).toBe(1);
        expect(fake.callCount((call) => call.kind === 'bulkPoll')).toBe(3);
        expect(fake.callCount((call) => call.kind === 'bulkResults')).toBe(3);

        // Incremental through Bulk API 2.0 as well: a queryAll job, so the deletion is seen.
        fake.advanceClock(2000);
        fake.update('Opportunity', String(rows[0]!.Id), { Name: 'Renamed' });
        fake.remove('Opportunity', String(rows[1]!.Id));
        fake.resetCalls();
        const next = await OrgSource.open(api, { mirror, bulkThreshold: 1, bulk: { pollIntervalMs: 1, pageSize: 40 } });
        const after = await collect(next, 'Opportunity', ['Id', 'Name']);
        expect(after).toHaveLength(119);
        expect(after.find((row) => row.Id === rows[0]!.Id)?.Name).toBe('Renamed');
        expect(next.stats[0]).toMatchObject({ mode: 'incremental', api: 'bulk', fetched: 2 });
    });

    it('reads nothing again when nothing changed, and only the changed rows when something did', async () => {
        const first = await OrgSource.open(api, { mirror, bulkThreshold: 1000 });
        const before = await collect(first, 'Opportunity', ['Id', 'Name']);
        expect(mirror.object('Opportunity')?.watermark).toBe('2026-11-01T08:00:00.000Z');

        fake.resetCalls();
        const quiet = await OrgSource.open(api, { mirror, bulkThreshold: 1000 });
        expect(await collect(quiet, 'Opportunity', ['Name'])).toEqual(before.map(({ Name }) => ({ Name })));
        expect(fake.callCount()).toBe(1);
        expect(quiet.stats[0]).toMatchObject({ mode: 'unchanged', api: 'none', fetched: 0 });

        const changedId = String(before[3]!.Id);
        const deletedId = String(before[4]!.Id);
        fake.update('Opportunity', changedId, { Name: 'Deal 3 renamed' });
        fake.insert('Opportunity', { Name: 'Brand new', StageName: 'Prospecting', Amount: 5 });
        fake.remove('Opportunity', deletedId);
        fake.resetCalls();
        const next = await OrgSource.open(api, { mirror, bulkThreshold: 1000 });
        const after = await collect(next, 'Opportunity', ['Id', 'Name']);
        expect(after).toHaveLength(120);
        expect(after.find((row) => row.Id === changedId)?.Name).toBe('Deal 3 renamed');
        expect(after.find((row) => row.Id === deletedId)).toBeUndefined();
        expect(next.stats[0]).toMatchObject({ mode: 'incremental', api: 'rest', fetched: 3, rows: 120 });
        expect(fake.calls.map((call) => `${call.kind} ${call.path.replace(/^.*\//, '')}`)).toEqual(['batch batch', 'query queryAll']);
        expect(decodeURIComponent(fake.calls[1]!.search)).toMatch(/WHERE SystemModstamp > 2026-11-01T08:00:00Z/);
        expect(mirror.rowCount('Opportunity')).toBe(120);
        expect(next.problems).toEqual([]);
    });

    it('keeps the watermark behind the read, so a change in the same second as the newest row is not missed', async () => {
        const first = await OrgSource.open(api, { mirror, bulkThreshold: 1000 });
        const rows = await collect(first, 'Opportunity', ['Id', 'Name']);
        fake.update('Opportunity', String(rows[0]!.Id), { Name: 'Changed while syncing' });
        const second = await OrgSource.open(api, { mirror, bulkThreshold: 1000 });
        // The read started before this instant, on the same clock as the fake's stamps.
        const openedBy = Date.now();
        await collect(second, 'Opportunity', ['Id', 'Name']);
        // At least a whole second behind the read's start, however long the machine took between steps.
        expect(Date.parse(mirror.object('Opportunity')!.watermark!)).toBeLessThanOrEqual(Math.floor(openedBy / 1000) * 1000 - 1000);
        // Another change in the same second as the row read above carries the same SystemModstamp.
        fake.update('Opportunity', String(rows[1]!.Id), { Name: 'Changed in the same second' });
        const third = await OrgSource.open(api, { mirror, bulkThreshold: 1000 });
        const after = await collect(third, 'Opportunity', ['Id', 'Name']);
        expect(after.find((row) => row.Id === rows[1]!.Id)?.Name).toBe('Changed in the same second');
    });

    it('reads an object in full again when the analysis asks for fields the saved rows lack', async () => {
        const first = await OrgSource.open(api, { mirror, bulkThreshold: 1000 });
        await collect(first, 'Opportunity', ['Id', 'Name']);
        const next = await OrgSource.open(api, { mirror, bulkThreshold: 1000 });
        const rows = await collect(next, 'Opportunity', ['Id', 'Amount']);
        expect(rows[1]!.Amount).toBe('1');
        expect(next.stats[0]).toMatchObject({ mode: 'full', fetched: 120 });
    });
});
