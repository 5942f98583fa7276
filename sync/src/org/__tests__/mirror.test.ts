import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openSync, writeSync, closeSync } from 'node:fs';
import { MirrorDamaged, MirrorInUse, OrgMirror, mirrorFile } from '../mirror';
import { sqlite } from '../sqlite';
import type { OrgRow } from '../query';

const orgId = '00D5g0000000001EAA';
const otherOrg = '00D5g0000000002EAA';
const fields = ['Id', 'SystemModstamp', 'Name'];

function rows(from: number, count: number, name = 'Deal'): OrgRow[] {
    return Array.from({ length: count }, (_, i) => ({ Id: `006${String(from + i).padStart(15, '0')}`, SystemModstamp: '2026-11-01T08:00:00.000Z', Name: `${name} ${from + i}` }));
}

async function* pages(...list: OrgRow[][]): AsyncGenerator<OrgRow[]> {
    for (const page of list) yield page;
}

async function* failingAfter(page: OrgRow[]): AsyncGenerator<OrgRow[]> {
    yield page;
    throw new Error('connection lost');
}

function names(mirror: OrgMirror): string[] {
    return [...mirror.rowBatches('Opportunity', ['Id', 'Name'])].flat().map((row) => String(row.Name));
}

describe('OrgMirror', () => {
    let directory: string;

    beforeEach(async () => {
        directory = await mkdtemp(path.join(os.tmpdir(), 'goal-coach-mirror-test-'));
    });
    afterEach(async () => rm(directory, { recursive: true, force: true }));

    it('keeps rows and watermark between runs, owner-only', async () => {
        const folder = path.join(directory, 'state');
        const { mirror, problem } = await OrgMirror.open(folder, orgId);
        expect(problem).toBeNull();
        expect(await mirror.replace('Opportunity', fields, pages(rows(0, 250), rows(250, 7)), () => '2026-11-01T08:00:00.000Z')).toBe(257);
        await mirror.close();
        expect((await stat(folder)).mode & 0o777).toBe(0o700);
        expect((await stat(mirrorFile(folder, orgId))).mode & 0o777).toBe(0o600);

        const again = await OrgMirror.open(folder, orgId);
        expect(again.problem).toBeNull();
        expect(again.mirror.object('Opportunity')).toEqual({ watermark: '2026-11-01T08:00:00.000Z', fields });
        expect(again.mirror.rowCount('Opportunity')).toBe(257);
        expect(names(again.mirror).slice(0, 2)).toEqual(['Deal 0', 'Deal 1']);
        await again.mirror.close();
    });

    it('applies changed and deleted rows with the watermark in one transaction, or nothing', async () => {
        const { mirror } = await OrgMirror.open(directory, orgId);
        await mirror.replace('Opportunity', fields, pages(rows(0, 10)), () => '2026-11-01T08:00:00.000Z');
        const changes = [...rows(3, 1, 'Renamed'), ...rows(20, 1, 'New'), { ...rows(4, 1)[0]!, IsDeleted: 'true' }];

        const refused = await mirror.applyChanges('Opportunity', fields, pages(changes), () => '2026-11-02T08:00:00.000Z', () => false);
        expect(refused).toEqual({ kept: false, rows: 10 });
        expect(mirror.object('Opportunity')?.watermark).toBe('2026-11-01T08:00:00.000Z');
        expect(names(mirror)).toHaveLength(10);

        await expect(mirror.applyChanges('Opportunity', fields, failingAfter(changes), () => '2026-11-02T08:00:00.000Z', () => true)).rejects.toThrow('connection lost');
        expect(mirror.object('Opportunity')?.watermark).toBe('2026-11-01T08:00:00.000Z');
        expect(names(mirror)).toContain('Deal 3');

        const kept = await mirror.applyChanges('Opportunity', fields, pages(changes), () => '2026-11-02T08:00:00.000Z', (count) => count === 10);
        expect(kept).toEqual({ kept: true, rows: 10 });
        expect(mirror.object('Opportunity')?.watermark).toBe('2026-11-02T08:00:00.000Z');
        expect(names(mirror)).toEqual(expect.arrayContaining(['Renamed 3', 'New 20']));
        expect(names(mirror)).not.toContain('Deal 4');
        await mirror.close();
    });

    it('keeps the previous rows when a full read fails half-way', async () => {
        const { mirror } = await OrgMirror.open(directory, orgId);
        await mirror.replace('Opportunity', fields, pages(rows(0, 10)), () => '2026-11-01T08:00:00.000Z');
        await expect(mirror.replace('Opportunity', [...fields, 'Amount'], failingAfter(rows(0, 500, 'Other')), () => null)).rejects.toThrow('connection lost');
        expect(mirror.object('Opportunity')).toEqual({ watermark: '2026-11-01T08:00:00.000Z', fields });
        expect(names(mirror)[0]).toBe('Deal 0');
        await mirror.close();
    });

    it('replaces a file that is not a mirror, or is another org\'s, and says so', async () => {
        await writeFile(mirrorFile(directory, orgId), 'not a database at all, just text '.repeat(100));
        const garbage = await OrgMirror.open(directory, orgId);
        expect(garbage.problem).toMatch(/cannot be read as a mirror .*; it was replaced and every object is read in full/);
        await garbage.mirror.replace('Opportunity', fields, pages(rows(0, 3)), () => null);
        await garbage.mirror.close();

        const other = await OrgMirror.open(directory, otherOrg);
        await other.mirror.close();
        await rm(mirrorFile(directory, orgId));
        await rename(mirrorFile(directory, otherOrg), mirrorFile(directory, orgId));
        const foreign = await OrgMirror.open(directory, orgId);
        expect(foreign.problem).toBe(`${mirrorFile(directory, orgId)} is the mirror of org ${otherOrg}, not of ${orgId}; it was replaced and every object is read in full`);
        expect(foreign.mirror.objects()).toEqual([]);
        await foreign.mirror.close();
    });

    it('uses a temporary mirror, removed afterwards, when the path is a folder', async () => {
        await mkdir(mirrorFile(directory, orgId));
        const { mirror, problem } = await OrgMirror.open(directory, orgId);
        expect(problem).toMatch(/is a folder, not a mirror file: remove or rename it .*temporary mirror, deleted afterwards/);
        expect(mirror.temporary).toBe(true);
        await mirror.replace('Opportunity', fields, pages(rows(0, 3)), () => null);
        const temporaryFolder = path.dirname(mirror.file);
        expect((await readdir(temporaryFolder)).length).toBeGreaterThan(0);
        await mirror.close();
        await expect(stat(temporaryFolder)).rejects.toThrow(/ENOENT/);
        expect((await stat(mirrorFile(directory, orgId))).isDirectory()).toBe(true);
    });

    it('lets one run at a time use an org\'s mirror', async () => {
        const first = await OrgMirror.open(directory, orgId);
        await expect(OrgMirror.open(directory, orgId)).rejects.toThrow(MirrorInUse);
        await expect(OrgMirror.open(directory, orgId)).rejects.toThrow(`another goal-coach sync of org ${orgId} is running with the mirror in ${directory}`);
        const otherOrgs = await OrgMirror.open(directory, otherOrg);
        await otherOrgs.mirror.close();
        await first.mirror.close();
        const next = await OrgMirror.open(directory, orgId);
        expect(next.problem).toBeNull();
        await next.mirror.close();
    });

    it('removes the JSON sync state of an earlier version, and says so', async () => {
        const legacy = path.join(directory, `sync-state-${orgId}.json`);
        await writeFile(legacy, '{"objects":{}}');
        const opened = await OrgMirror.open(directory, orgId);
        expect(opened.removedLegacyState).toBe(legacy);
        await expect(stat(legacy)).rejects.toThrow(/ENOENT/);
        await opened.mirror.close();
        const again = await OrgMirror.open(directory, orgId);
        expect(again.removedLegacyState).toBeNull();
        await again.mirror.close();
    });

    it('reports a page damaged in the middle of a table as MirrorDamaged, and resets to an empty mirror', async () => {
        const first = await OrgMirror.open(directory, orgId);
        await first.mirror.replace('Opportunity', fields, pages(rows(0, 10000), rows(10000, 10000)), () => '2026-11-01T08:00:00.000Z');
        await first.mirror.close();
        const file = mirrorFile(directory, orgId);
        const db = new (sqlite().DatabaseSync)(file, { readOnly: true });
        const pageSize = Number((db.prepare('PRAGMA page_size').get() as { page_size: number }).page_size);
        const pageCount = Number((db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count);
        const root = Number((db.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'Opportunity'`).get() as { rootpage: number }).rootpage);
        db.close();
        // Ten pages mid-table: the Id index's pages lie among the table's, and some of these are the table's.
        const page = Math.floor((root + pageCount) / 2);
        const fd = openSync(file, 'r+');
        writeSync(fd, Buffer.alloc(10 * pageSize, 0x5a), 0, 10 * pageSize, (page - 1) * pageSize);
        closeSync(fd);

        const damaged = await OrgMirror.open(directory, orgId);
        expect(damaged.problem).toBeNull();
        expect(damaged.mirror.object('Opportunity')).toEqual({ watermark: '2026-11-01T08:00:00.000Z', fields });
        expect(() => names(damaged.mirror)).toThrow(MirrorDamaged);
        expect(() => names(damaged.mirror)).toThrow(`${file} is damaged (database disk image is malformed)`);
        const fresh = await damaged.mirror.reset();
        expect(fresh.objects()).toEqual([]);
        await expect(OrgMirror.open(directory, orgId)).rejects.toThrow(MirrorInUse);
        await fresh.close();
    });
});
