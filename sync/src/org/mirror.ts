// The org mirror: a local copy of the objects the analysis reads, kept between runs so that a sync
// reads only what changed. One SQLite database per org (node:sqlite), one table per object keyed by
// Id, and per object the SystemModstamp watermark and the fields held. Every change to an object
// (a full read, or the changed and deleted rows with the new watermark) is one transaction, so a run
// killed at any point leaves the previous consistent state. Org data: the folder is owner-only
// (0700) and the database readable by its owner only (0600); SQLite gives its -wal and -shm files
// the database file's permissions.
import { chmodSync, closeSync, openSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../core/problems';
import type { RawRow, SObjectName } from '../core/source';
import type { OrgRow } from './query';
import { sqlite, type SqliteDatabase } from './sqlite';

export { defaultStateDirectory } from './defaults';

const format = 'goal-coach org mirror';
const version = '1';

export function mirrorFile(directory: string, orgId: string): string {
    if (!/^[A-Za-z0-9]{15,18}$/.test(orgId)) throw new Error(`"${orgId}" is not an org id`);
    return path.join(directory, `mirror-${orgId}.sqlite`);
}

/** What the mirror holds of one object, as stored (the watermark is checked by the caller). */
export interface MirroredObject {
    watermark: string | null;
    fields: string[];
}

/** Rows per multi-row INSERT statement: one statement per 100 rows is several times faster than one per row. */
const rowsPerInsert = 100;

function identifier(name: string): string {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`"${name}" is not an API name`);
    return `"${name}"`;
}

export interface MirrorOpened {
    mirror: OrgMirror;
    /** Why the saved mirror could not be used (it was replaced, or a temporary one is used); null when it could. */
    problem: string | null;
    /** The JSON sync state of an earlier version, removed (org data that nothing reads any more). */
    removedLegacyState: string | null;
}

/**
 * SQLite's result codes for a file that is damaged or not a database (SQLITE_CORRUPT 11, SQLITE_NOTADB
 * 26) and for a lock held by another connection (SQLITE_BUSY 5), as node:sqlite reports them in
 * `errcode`; the low byte is the primary code. Result and Error Codes
 * (https://www.sqlite.org/rescode.html): "The SQLITE_CORRUPT result code indicates that the database
 * file has been corrupted", "The SQLITE_BUSY result code indicates that the database file could not
 * be written (or in some cases read) because of concurrent activity by some other database connection".
 */
const sqliteCorrupt = new Set([11, 26]);
const sqliteBusy = 5;

function sqliteCode(error: unknown): number | null {
    const { code, errcode } = (error ?? {}) as { code?: string; errcode?: number };
    return code === 'ERR_SQLITE_ERROR' && typeof errcode === 'number' ? errcode & 0xff : null;
}

/** The mirror file turned out damaged while in use (a page of a table unreadable, say): the run reads everything afresh. */
export class MirrorDamaged extends Error {
    constructor(
        readonly file: string,
        reason: string,
    ) {
        super(`${file} is damaged (${reason})`);
        this.name = 'MirrorDamaged';
    }
}

/** Another goal-coach sync holds this org's mirror: two runs at once would race on the mirror and on the write-back. */
export class MirrorInUse extends UsageError {}

/**
 * Held for the whole run, so that two syncs of one org never use one mirror at once: an exclusive
 * lock on a small SQLite file beside the mirror. The operating system drops the lock with the
 * process, so a killed run never leaves a stale lock behind. SQLite's locking_mode pragma
 * (https://www.sqlite.org/pragma.html#pragma_locking_mode): "In EXCLUSIVE locking mode, the database
 * connection never releases file-locks."
 */
class RunLock {
    private constructor(private readonly db: SqliteDatabase) {}

    static take(directory: string, orgId: string): RunLock {
        const file = path.join(directory, `mirror-${orgId}.lock`);
        closeSync(openSync(file, 'a', 0o600));
        const db = new (sqlite().DatabaseSync)(file);
        try {
            db.exec('PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE');
        } catch (error) {
            db.close();
            if (sqliteCode(error) !== sqliteBusy) throw error;
            throw new MirrorInUse(
                `another goal-coach sync of org ${orgId} is running with the mirror in ${directory} (it holds ${file}); wait for it to finish, then run again`,
            );
        }
        return new RunLock(db);
    }

    release(): void {
        if (this.db.isOpen) this.db.close();
    }
}

export class OrgMirror {
    private constructor(
        private readonly db: SqliteDatabase,
        readonly file: string,
        private readonly orgId: string,
        /** A folder of its own in the system's temporary folder, removed by close(), when the mirror path could not be used. */
        private readonly temporaryFolder: string | null,
        private readonly lock: RunLock | null,
    ) {}

    /**
     * The org's mirror in `directory`, created when there is none. A file that is not a mirror this
     * version reads, or that belongs to another org, is replaced (its objects are read in full); when
     * the path cannot hold a mirror at all (a folder, no permission) a temporary mirror is used for
     * this run. Either way `problem` says what was wrong and what to do.
     */
    static async open(directory: string, orgId: string): Promise<MirrorOpened> {
        const file = mirrorFile(directory, orgId);
        let lock: RunLock | null = null;
        try {
            await mkdir(directory, { recursive: true, mode: 0o700 });
            lock = RunLock.take(directory, orgId);
            const removedLegacyState = await OrgMirror.removeLegacyState(directory, orgId);
            const existing = await stat(file).catch((error: NodeJS.ErrnoException) => {
                if (error.code === 'ENOENT') return null;
                throw error;
            });
            if (existing?.isDirectory()) throw new Error(`${file} is a folder, not a mirror file: remove or rename it (or pass --state-dir)`);
            const problem = existing ? OrgMirror.whyUnusable(file, orgId) : null;
            if (problem) await OrgMirror.remove(file);
            const replaced = problem && `${problem}; it was replaced and every object is read in full`;
            return { mirror: OrgMirror.create(file, orgId, null, lock), problem: replaced, removedLegacyState };
        } catch (error) {
            if (error instanceof MirrorInUse) throw error;
            const folder = await mkdtemp(path.join(os.tmpdir(), 'goal-coach-mirror-'));
            const reason = (error as Error).message;
            return {
                mirror: OrgMirror.create(path.join(folder, path.basename(file)), orgId, folder, lock),
                problem: `the mirror cannot be kept at ${file} (${reason}); this run reads every object in full into a temporary mirror, deleted afterwards`,
                removedLegacyState: null,
            };
        }
    }

    /**
     * Replaces a mirror found damaged while in use with an empty one at the same path (the run lock
     * stays held): every object is then read in full.
     */
    async reset(): Promise<OrgMirror> {
        if (this.db.isOpen) this.db.close();
        await OrgMirror.remove(this.file);
        return OrgMirror.create(this.file, this.orgId, this.temporaryFolder, this.lock);
    }

    /** Earlier versions kept the org's rows in sync-state-<org id>.json; the mirror replaces it, so it goes. */
    private static async removeLegacyState(directory: string, orgId: string): Promise<string | null> {
        const legacy = path.join(directory, `sync-state-${orgId}.json`);
        const found = await stat(legacy).catch(() => null);
        if (!found?.isFile()) return null;
        await rm(legacy, { force: true });
        return legacy;
    }

    private static async remove(file: string): Promise<void> {
        for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(`${file}${suffix}`, { force: true });
    }

    /** Why an existing file is not this org's mirror, or null. */
    private static whyUnusable(file: string, orgId: string): string | null {
        let db: SqliteDatabase | undefined;
        try {
            db = new (sqlite().DatabaseSync)(file, { readOnly: true });
            const rows = db.prepare('SELECT key, value FROM mirror_meta').all() as { key: string; value: string }[];
            const meta = new Map(rows.map((row) => [row.key, row.value]));
            if (meta.get('format') !== format) return `${file} is not a goal-coach mirror`;
            if (meta.get('version') !== version) return `${file} was written by another version of goal-coach (mirror version ${meta.get('version') ?? 'none'}, this one reads ${version})`;
            if (meta.get('orgId') !== orgId) return `${file} is the mirror of org ${meta.get('orgId') ?? 'unknown'}, not of ${orgId}`;
            db.prepare('SELECT sobject, watermark, fields FROM mirror_objects LIMIT 1').all();
            return null;
        } catch (error) {
            return `${file} cannot be read as a mirror (${(error as Error).message})`;
        } finally {
            db?.close();
        }
    }

    private static create(file: string, orgId: string, temporaryFolder: string | null, lock: RunLock | null): OrgMirror {
        // Created owner-only before SQLite opens it, so that it never exists with wider permissions.
        closeSync(openSync(file, 'a', 0o600));
        chmodSync(file, 0o600);
        const db = new (sqlite().DatabaseSync)(file);
        // WAL: a killed process leaves the last committed state; NORMAL sync keeps it consistent on power loss too.
        // A 2 MB page cache (SQLite's default) rather than 16 MB: the mirror is read in one sequential
        // scan per object and written in keyed batches, which the OS file cache serves as well; at
        // 200k opportunities it cut 13 to 18 MB from every run's peak RSS at the same wall time.
        db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA journal_size_limit = 67108864; PRAGMA cache_size = -2000;');
        db.exec(`
            CREATE TABLE IF NOT EXISTS mirror_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS mirror_objects (sobject TEXT PRIMARY KEY, watermark TEXT, fields TEXT NOT NULL);
        `);
        const setMeta = db.prepare('INSERT INTO mirror_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING');
        setMeta.run('format', format);
        setMeta.run('version', version);
        setMeta.run('orgId', orgId);
        return new OrgMirror(db, file, orgId, temporaryFolder, lock);
    }

    get temporary(): boolean {
        return this.temporaryFolder !== null;
    }

    /** The object's watermark and fields as stored, or null when the mirror has not held it yet; throws when its table is gone or its entry damaged. */
    object(sobject: SObjectName): MirroredObject | null {
        return this.unlessDamaged(() => this.storedObject(sobject));
    }

    private storedObject(sobject: SObjectName): MirroredObject | null {
        const row = this.db.prepare('SELECT watermark, fields FROM mirror_objects WHERE sobject = ?').get(sobject) as
            | { watermark: string | null; fields: string }
            | undefined;
        if (!row) return null;
        if (!this.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(sobject)) throw new Error(`no such table: ${sobject}`);
        const fields = JSON.parse(row.fields) as unknown;
        if (!Array.isArray(fields) || !fields.every((field) => typeof field === 'string')) throw new Error(`the field list of ${sobject} is damaged`);
        return { watermark: row.watermark, fields };
    }

    /** The objects the mirror holds, in the order they were first stored. */
    objects(): SObjectName[] {
        return this.unlessDamaged(() => (this.db.prepare('SELECT sobject FROM mirror_objects ORDER BY rowid').all() as { sobject: SObjectName }[]).map((row) => row.sobject));
    }

    rowCount(sobject: SObjectName): number {
        return this.unlessDamaged(() => Number((this.db.prepare(`SELECT COUNT(*) AS n FROM ${identifier(sobject)}`).get() as { n: number }).n));
    }

    /**
     * Replaces every row of an object with the pages read, in one transaction: until it commits, the
     * mirror keeps the previous rows and watermark. Returns the rows stored.
     */
    async replace(sobject: SObjectName, fields: readonly string[], pages: AsyncIterable<OrgRow[]>, watermarkAfter: (rows: OrgRow[]) => string | null): Promise<number> {
        const table = identifier(sobject);
        return this.transaction(async () => {
            this.db.exec(`DROP TABLE IF EXISTS ${table}`);
            this.db.exec(`CREATE TABLE ${table} (${fields.map((field) => `${identifier(field)} TEXT${field === 'Id' ? ' PRIMARY KEY' : ''}`).join(', ')})`);
            const writer = new RowWriter(this.db, sobject, fields);
            let watermark: string | null = null;
            for await (const page of pages) {
                writer.upsert(page);
                watermark = watermarkAfter(page);
            }
            this.setObject(sobject, watermark, fields);
            return this.rowCount(sobject);
        });
    }

    /**
     * Applies changed rows (upserted) and deleted ones (IsDeleted = 'true', removed) with the new
     * watermark, in one transaction. `keep` sees the row count afterwards; when it says no, nothing is
     * applied and the mirror keeps its previous state.
     */
    async applyChanges(
        sobject: SObjectName,
        fields: readonly string[],
        pages: AsyncIterable<OrgRow[]>,
        watermarkAfter: (rows: OrgRow[]) => string | null,
        keep: (rowCount: number) => boolean,
    ): Promise<{ kept: boolean; rows: number }> {
        return this.transaction(async () => {
            const writer = new RowWriter(this.db, sobject, fields);
            let watermark = this.storedObject(sobject)?.watermark ?? null;
            for await (const page of pages) {
                writer.upsert(page.filter((row) => row.IsDeleted !== 'true'));
                writer.delete(page.filter((row) => row.IsDeleted === 'true'));
                watermark = watermarkAfter(page);
            }
            this.setObject(sobject, watermark, fields);
            const rows = this.rowCount(sobject);
            if (!keep(rows)) throw new KeepPrevious(rows);
            return { kept: true, rows };
        }).catch((error: unknown) => {
            if (error instanceof KeepPrevious) return { kept: false, rows: error.rows };
            throw error;
        });
    }

    /** The rows of an object with the requested fields (all of them stored), in batches, in the order stored. */
    *rowBatches(sobject: SObjectName, fields: readonly string[], batchSize = 2000): Generator<RawRow[]> {
        try {
            yield* this.storedRowBatches(sobject, fields, batchSize);
        } catch (error) {
            throw this.damageOf(error) ?? error;
        }
    }

    private *storedRowBatches(sobject: SObjectName, fields: readonly string[], batchSize: number): Generator<RawRow[]> {
        const statement = this.db.prepare(`SELECT ${fields.map(identifier).join(', ')} FROM ${identifier(sobject)} ORDER BY rowid`);
        statement.setReturnArrays(true);
        let batch: RawRow[] = [];
        for (const values of statement.iterate() as Iterable<unknown[]>) {
            const row: RawRow = {};
            for (let i = 0; i < fields.length; i++) {
                const value = values[i];
                row[fields[i]!] = value === null || value === undefined ? null : String(value);
            }
            batch.push(row);
            if (batch.length >= batchSize) {
                yield batch;
                batch = [];
            }
        }
        if (batch.length > 0) yield batch;
    }

    close(): Promise<void> {
        if (this.db.isOpen) this.db.close();
        this.lock?.release();
        return this.temporaryFolder ? rm(this.temporaryFolder, { recursive: true, force: true }) : Promise.resolve();
    }

    private setObject(sobject: SObjectName, watermark: string | null, fields: readonly string[]): void {
        this.db
            .prepare('INSERT INTO mirror_objects (sobject, watermark, fields) VALUES (?, ?, ?) ON CONFLICT (sobject) DO UPDATE SET watermark = excluded.watermark, fields = excluded.fields')
            .run(sobject, watermark, JSON.stringify(fields));
    }

    private async transaction<T>(work: () => Promise<T>): Promise<T> {
        try {
            this.db.exec('BEGIN IMMEDIATE');
            const result = await work();
            this.db.exec('COMMIT');
            return result;
        } catch (error) {
            if (this.db.isOpen && this.db.isTransaction) this.rollBack();
            throw this.damageOf(error) ?? error;
        }
    }

    /** A damaged file may refuse even the rollback; the run then starts over from an empty mirror anyway. */
    private rollBack(): void {
        try {
            this.db.exec('ROLLBACK');
        } catch (error) {
            if (!this.damageOf(error)) throw error;
        }
    }

    /** A damaged file as MirrorDamaged, so the run can start over from an empty mirror; other errors are not damage. */
    private damageOf(error: unknown): MirrorDamaged | null {
        if (error instanceof MirrorDamaged) return error;
        return sqliteCorrupt.has(sqliteCode(error) ?? -1) ? new MirrorDamaged(this.file, (error as Error).message) : null;
    }

    private unlessDamaged<T>(read: () => T): T {
        try {
            return read();
        } catch (error) {
            throw this.damageOf(error) ?? error;
        }
    }
}

/** Thrown inside a transaction to roll it back on purpose. */
class KeepPrevious extends Error {
    constructor(readonly rows: number) {
        super('the changes were not kept');
    }
}

/** Upserts and deletes rows of one table with prepared multi-row statements. */
class RowWriter {
    private readonly many: ReturnType<SqliteDatabase['prepare']>;
    private readonly one: ReturnType<SqliteDatabase['prepare']>;
    private readonly remove: ReturnType<SqliteDatabase['prepare']>;

    constructor(
        private readonly db: SqliteDatabase,
        sobject: SObjectName,
        private readonly fields: readonly string[],
    ) {
        const columns = fields.map(identifier).join(', ');
        const placeholders = `(${fields.map(() => '?').join(', ')})`;
        const update = fields.filter((field) => field !== 'Id').map((field) => `${identifier(field)} = excluded.${identifier(field)}`).join(', ');
        const statement = (rows: number) =>
            this.db.prepare(`INSERT INTO ${identifier(sobject)} (${columns}) VALUES ${Array.from({ length: rows }, () => placeholders).join(', ')} ON CONFLICT (Id) DO UPDATE SET ${update}`);
        this.many = statement(rowsPerInsert);
        this.one = statement(1);
        this.remove = this.db.prepare(`DELETE FROM ${identifier(sobject)} WHERE Id = ?`);
    }

    upsert(rows: readonly OrgRow[]): void {
        let at = 0;
        for (; at + rowsPerInsert <= rows.length; at += rowsPerInsert) {
            const values: (string | null)[] = [];
            for (let r = at; r < at + rowsPerInsert; r++) for (const field of this.fields) values.push(rows[r]![field] ?? null);
            this.many.run(...values);
        }
        for (; at < rows.length; at++) this.one.run(...this.fields.map((field) => rows[at]![field] ?? null));
    }

    delete(rows: readonly OrgRow[]): void {
        for (const row of rows) if (row.Id) this.remove.run(row.Id);
    }
}
