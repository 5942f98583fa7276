// The live org as a RecordSource. One composite batch call counts every object (rows changed since
// the saved SystemModstamp watermark, or all rows on a first run); each object is then read over REST (small
// volumes) or a Bulk API 2.0 query job (large ones), or not at all when nothing changed and the
// saved rows cover the requested fields. Changed rows are read with queryAll, so that rows deleted
// since the last run (still in the recycle bin) leave the saved rows too.
import type { OrgApi } from '../org/api';
import { OrgApiError } from '../org/api';
import { bulkQuery, countRecords, restQuery, soqlDateTime, type BulkQueryOptions, type OrgRow } from '../org/query';
import type { ObjectState, SyncState } from '../org/syncState';
import { sobjectNames, type RawRow, type RecordSource, type RowLocation, type SObjectName } from '../core/source';

export interface ReadStats {
    sobject: SObjectName;
    mode: 'full' | 'incremental' | 'unchanged';
    api: 'rest' | 'bulk' | 'none';
    /** Rows fetched from the org. */
    fetched: number;
    /** Rows handed to the analysis. */
    rows: number;
}

export interface OrgSourceOptions {
    /** Saved state of the previous run; without it every object is read in full. */
    previous?: SyncState | null;
    /** Objects with at least this many rows to read go through Bulk API 2.0. */
    bulkThreshold?: number;
    bulk?: BulkQueryOptions;
    /** Called as rows arrive, for a progress bar. */
    onProgress?: (sobject: SObjectName, fetched: number, total: number) => void;
}

/** Objects whose rows can be deleted: incremental reads use queryAll to see deletions (IsDeleted). */
const deletable: ReadonlySet<SObjectName> = new Set<SObjectName>(['Opportunity', 'OpportunityHistory', 'OpportunityContactRole', 'Task', 'Event']);

interface Counts {
    /** All rows: counted up front only for objects without a saved watermark. */
    total: number | null;
    /** Rows changed since the watermark, deletions included. */
    changed: number | null;
}

interface BatchResult {
    hasErrors: boolean;
    results: { statusCode: number; result: { totalSize?: number } | { errorCode: string; message: string }[] }[];
}

export class OrgSource implements RecordSource {
    readonly stats: ReadStats[] = [];
    private readonly loaded = new Map<SObjectName, ObjectState>();

    private constructor(
        private readonly api: OrgApi,
        private readonly counts: ReadonlyMap<SObjectName, Counts | null>,
        private readonly options: OrgSourceOptions,
        /** The org's clock when the counts were taken (Date header), before any row was read. */
        private readonly readStartedAt: number | null,
    ) {}

    /**
     * SystemModstamp has whole seconds, so a row changed in the same second as the newest row read,
     * but after the read, has the same stamp. The watermark therefore never passes one second
     * before the read started: rows changed since then are read again next run (a few rows at most).
     */
    private watermark(previous: string | null, rows: readonly OrgRow[]): string | null {
        const newest = maxStamp(previous, rows);
        if (newest === null || this.readStartedAt === null) return newest;
        const safe = Math.floor(this.readStartedAt / 1000) * 1000 - 1000;
        return Date.parse(newest) > safe ? new Date(Math.max(safe, previous ? Date.parse(previous) : safe)).toISOString() : newest;
    }

    /** Counts every object in one HTTP call (a composite batch of COUNT() queries). */
    static async open(api: OrgApi, options: OrgSourceOptions = {}): Promise<OrgSource> {
        const requests: { sobject: SObjectName; kind: 'total' | 'changed'; soql: string; all: boolean }[] = [];
        // Each subrequest counts against the daily allowance: one count per object, no more.
        for (const sobject of sobjectNames) {
            const watermark = options.previous?.objects[sobject]?.watermark;
            if (watermark) {
                const soql = `SELECT COUNT() FROM ${sobject} WHERE SystemModstamp > ${soqlDateTime(watermark)}`;
                requests.push({ sobject, kind: 'changed', soql, all: deletable.has(sobject) });
            } else {
                requests.push({ sobject, kind: 'total', soql: `SELECT COUNT() FROM ${sobject}`, all: false });
            }
        }
        const response = await api.request<BatchResult>({
            method: 'POST',
            path: '/composite/batch',
            body: {
                batchRequests: requests.map((request) => ({
                    method: 'GET',
                    url: `v${api.version}/${request.all ? 'queryAll' : 'query'}?q=${encodeURIComponent(request.soql)}`,
                })),
            },
        });
        const counts = new Map<SObjectName, Counts | null>();
        response.body.results.forEach((result, index) => {
            const request = requests[index]!;
            if (result.statusCode >= 400) {
                const errors = Array.isArray(result.result) ? result.result : [];
                if (errors.some((error) => error.errorCode === 'INVALID_TYPE')) {
                    counts.set(request.sobject, null);
                    return;
                }
                throw new OrgApiError(
                    `counting ${request.sobject} failed: ${errors.map((error) => `${error.errorCode}: ${error.message}`).join('; ') || `HTTP ${result.statusCode}`}`,
                    errors[0]?.errorCode ?? `HTTP_${result.statusCode}`,
                    result.statusCode,
                );
            }
            if (counts.get(request.sobject) === null) return;
            const size = (result.result as { totalSize?: number }).totalSize ?? 0;
            const current = counts.get(request.sobject) ?? { total: null, changed: null };
            counts.set(request.sobject, request.kind === 'total' ? { ...current, total: size } : { ...current, changed: size });
        });
        const serverDate = Date.parse(response.headers.date ?? '');
        return new OrgSource(api, counts, options, Number.isNaN(serverDate) ? null : serverDate);
    }

    async has(sobject: SObjectName): Promise<boolean> {
        return this.counts.get(sobject) !== null && this.counts.has(sobject);
    }

    async *rows(sobject: SObjectName, fields: readonly string[]): AsyncIterable<{ row: RawRow; at: RowLocation }> {
        const state = await this.load(sobject, fields);
        let line = 0;
        for (const stored of state.rows) {
            const row: RawRow = {};
            for (const field of fields) row[field] = stored[field] ?? null;
            yield { row, at: { origin: `org ${sobject}`, line: ++line } };
        }
    }

    /** The state to save after a successful run: rows and watermarks of every object read. */
    nextState(orgId: string, now: Date = new Date()): SyncState {
        const objects: Record<string, ObjectState> = {};
        for (const [sobject, state] of this.loaded) objects[sobject] = state;
        return { version: 1, orgId, savedAt: now.toISOString(), objects };
    }

    private async load(sobject: SObjectName, requested: readonly string[]): Promise<ObjectState> {
        const fields = [...new Set(['Id', 'SystemModstamp', ...requested])];
        const counts = this.counts.get(sobject);
        if (!counts) throw new Error(`the org has no ${sobject} object the integration user can read`);
        const inMemory = this.loaded.get(sobject);
        if (inMemory && covers(inMemory.fields, fields)) return inMemory;

        const previous = this.options.previous?.objects[sobject];
        if (previous?.watermark && counts.changed !== null && covers(previous.fields, fields) && !inMemory) {
            if (counts.changed === 0) {
                this.stats.push({ sobject, mode: 'unchanged', api: 'none', fetched: 0, rows: previous.rows.length });
                this.loaded.set(sobject, previous);
                return previous;
            }
            const where = `WHERE SystemModstamp > ${soqlDateTime(previous.watermark)}`;
            const withDeletions = deletable.has(sobject);
            const { rows: changed, api } = await this.fetch(sobject, withDeletions ? [...previous.fields, 'IsDeleted'] : previous.fields, where, counts.changed, withDeletions);
            const byId = new Map(previous.rows.map((row) => [row.Id, row]));
            for (const { IsDeleted: deleted, ...row } of changed) {
                if (deleted === 'true') byId.delete(row.Id ?? null);
                else byId.set(row.Id ?? null, row);
            }
            const merged: ObjectState = { watermark: this.watermark(previous.watermark, changed), fields: previous.fields, rows: [...byId.values()] };
            this.stats.push({ sobject, mode: 'incremental', api, fetched: changed.length, rows: merged.rows.length });
            this.loaded.set(sobject, merged);
            return merged;
        }
        // A saved state that lacks the requested fields: count now, to choose REST or Bulk.
        const total = counts.total ?? (await countRecords(this.api, `SELECT COUNT() FROM ${sobject}`));
        const { rows, api } = await this.fetch(sobject, fields, '', total);
        const state: ObjectState = { watermark: this.watermark(null, rows), fields, rows };
        this.stats.push({ sobject, mode: 'full', api, fetched: rows.length, rows: rows.length });
        this.loaded.set(sobject, state);
        return state;
    }

    private async fetch(
        sobject: SObjectName,
        fields: readonly string[],
        where: string,
        expected: number,
        includeDeleted = false,
    ): Promise<{ rows: OrgRow[]; api: 'rest' | 'bulk' }> {
        const soql = `SELECT ${fields.join(', ')} FROM ${sobject}${where ? ` ${where}` : ''}`;
        const useBulk = expected >= (this.options.bulkThreshold ?? 10000);
        const pages = useBulk
            ? bulkQuery(this.api, soql, fields, { ...this.options.bulk, includeDeleted })
            : restQuery(this.api, soql, fields, { includeDeleted });
        const rows: OrgRow[] = [];
        for await (const page of pages) {
            rows.push(...page);
            this.options.onProgress?.(sobject, rows.length, Math.max(expected, rows.length));
        }
        return { rows, api: useBulk ? 'bulk' : 'rest' };
    }
}

function covers(have: readonly string[], want: readonly string[]): boolean {
    const set = new Set(have);
    return want.every((field) => set.has(field));
}

function maxStamp(previous: string | null, rows: readonly OrgRow[]): string | null {
    let best = previous ? Date.parse(previous) : Number.NEGATIVE_INFINITY;
    for (const row of rows) {
        const stamp = row.SystemModstamp ? Date.parse(row.SystemModstamp) : Number.NaN;
        if (stamp > best) best = stamp;
    }
    return Number.isFinite(best) ? new Date(best).toISOString() : null;
}
