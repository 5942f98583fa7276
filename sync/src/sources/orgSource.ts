// The live org as a RecordSource, through its local mirror. One composite batch call counts every
// object: all its rows, and the rows changed since the mirror's SystemModstamp watermark. Each object
// the analysis asks for is then checked (watermark, row count) and brought up to date: not read at
// all when nothing changed, only the changed rows when the mirror passed its checks, in full
// otherwise; over REST (small volumes) or a Bulk API 2.0 query job (large ones), page by page into
// the mirror. Changed rows are read with queryAll, so that rows deleted since the last run (still in
// the recycle bin) leave the mirror too. The analysis then streams the rows from the mirror.
import type { OrgApi } from '../org/api';
import { OrgApiError } from '../org/api';
import { MirrorDamaged, type OrgMirror } from '../org/mirror';
import { changedSinceCount, isDateTime, rowCountProblem, watermarkProblem } from '../org/mirrorCheck';
import { bulkQuery, restQuery, soqlDateTime, type BulkQueryOptions, type OrgRow } from '../org/query';
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

/** An object whose mirrored copy failed its check: it was read in full instead. */
export interface MirrorProblem {
    sobject: SObjectName;
    problem: string;
}

export interface OrgSourceOptions {
    /** Where the rows are kept between runs. */
    mirror: OrgMirror;
    /** Read every object in full, whatever the mirror holds. */
    full?: boolean;
    /** Objects with at least this many rows to read go through Bulk API 2.0. */
    bulkThreshold?: number;
    bulk?: BulkQueryOptions;
    /** Called as rows arrive, for a progress bar. */
    onProgress?: (sobject: SObjectName, fetched: number, total: number) => void;
}

/**
 * Rows per Bulk API 2.0 result page when reading changes (maxRecords; full reads keep the 50,000
 * default to hold their call count down). An incremental run pages changes while the analysis
 * already holds its per-opportunity state, so a smaller page lowers its peak: with 53,000 changed
 * history rows (1% at 1M opportunities), 10,000-row pages peaked 36 MB lower than 50,000-row ones at
 * the same wall time, for a few more result calls. Get Results for a Query Job
 * (https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_get_job_results.htm):
 * "maxRecords The maximum number of records to retrieve".
 */
const changesPageSize = 10000;

/** Objects whose rows can be deleted: incremental reads use queryAll to see deletions (IsDeleted). */
const deletable: ReadonlySet<SObjectName> = new Set<SObjectName>(['Opportunity', 'OpportunityHistory', 'OpportunityContactRole', 'Task', 'Event']);

interface Counts {
    /** All rows (not deleted). */
    total: number;
    /** Rows changed since the mirror's watermark, deletions included; null without a usable watermark. */
    changed: number | null;
}

interface BatchResult {
    hasErrors: boolean;
    results: { statusCode: number; result: { totalSize?: number } | { errorCode: string; message: string }[] }[];
}

/** The greatest SystemModstamp seen, held one second behind the read's start (see OrgSource.open). */
class Watermark {
    private newest: number;

    constructor(
        private readonly start: string | null,
        private readonly readStartedAt: number | null,
    ) {
        this.newest = start ? Date.parse(start) : Number.NEGATIVE_INFINITY;
    }

    see(rows: readonly OrgRow[]): string | null {
        for (const row of rows) {
            const stamp = row.SystemModstamp ? Date.parse(row.SystemModstamp) : Number.NaN;
            if (stamp > this.newest) this.newest = stamp;
        }
        return this.value;
    }

    /**
     * SystemModstamp has whole seconds, so a row changed in the same second as the newest row read,
     * but after the read, has the same stamp. The watermark therefore never passes one second
     * before the read started: rows changed since then are read again next run (a few rows at most).
     */
    get value(): string | null {
        if (!Number.isFinite(this.newest)) return null;
        if (this.readStartedAt === null) return new Date(this.newest).toISOString();
        const safe = Math.floor(this.readStartedAt / 1000) * 1000 - 1000;
        const previous = this.start ? Date.parse(this.start) : safe;
        return this.newest > safe ? new Date(Math.max(safe, previous)).toISOString() : new Date(this.newest).toISOString();
    }
}

export class OrgSource implements RecordSource {
    readonly stats: ReadStats[] = [];
    readonly problems: MirrorProblem[] = [];
    private readonly current = new Set<SObjectName>();

    private constructor(
        private readonly api: OrgApi,
        private readonly counts: ReadonlyMap<SObjectName, Counts | null>,
        private readonly options: OrgSourceOptions,
        /** The org's clock when the counts were taken (Date header), before any row was read. */
        private readonly readStartedAt: number | null,
    ) {}

    /** The stored watermark when it can be used to count changes; problems with it are judged later, against the org's clock. */
    private static usableWatermark(options: OrgSourceOptions, sobject: SObjectName): string | null {
        if (options.full) return null;
        try {
            const watermark = options.mirror.object(sobject)?.watermark;
            return watermark && isDateTime(watermark) ? watermark : null;
        } catch {
            return null;
        }
    }

    /**
     * Counts every object in one HTTP call (a composite batch of COUNT() queries): all rows, for the
     * mirror's row-count check, and the rows changed since its watermark. Seven objects make at most
     * 14 subrequests. Composite Batch (https://developer.salesforce.com/docs/platform/api-rest/guide/resources-composite-batch.html):
     * "Executes up to 25 subrequests in a single request. ... Each subrequest counts against rate limits."
     */
    static async open(api: OrgApi, options: OrgSourceOptions): Promise<OrgSource> {
        const requests: { sobject: SObjectName; kind: 'total' | 'changed'; soql: string; all: boolean }[] = [];
        // Each subrequest counts against the daily allowance: two counts per object, no more.
        for (const sobject of sobjectNames) {
            requests.push({ sobject, kind: 'total', soql: `SELECT COUNT() FROM ${sobject}`, all: false });
            const watermark = OrgSource.usableWatermark(options, sobject);
            if (watermark) {
                const soql = `SELECT COUNT() FROM ${sobject} WHERE SystemModstamp > ${soqlDateTime(watermark)}`;
                requests.push({ sobject, kind: 'changed', soql, all: deletable.has(sobject) });
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
            const current = counts.get(request.sobject) ?? { total: 0, changed: null };
            counts.set(request.sobject, request.kind === 'total' ? { ...current, total: size } : { ...current, changed: size });
        });
        const serverDate = Date.parse(response.headers.date ?? '');
        return new OrgSource(api, counts, options, Number.isNaN(serverDate) ? null : serverDate);
    }

    async has(sobject: SObjectName): Promise<boolean> {
        return this.counts.get(sobject) !== null && this.counts.has(sobject);
    }

    async *rows(sobject: SObjectName, fields: readonly string[]): AsyncIterable<{ row: RawRow; at: RowLocation }> {
        for await (const batch of this.rowBatches(sobject, fields)) yield* batch;
    }

    /** The rows in batches, streamed from the mirror once it is up to date (each row its own object). */
    async *rowBatches(sobject: SObjectName, fields: readonly string[]): AsyncGenerator<{ row: RawRow; at: RowLocation }[]> {
        await this.load(sobject, fields);
        const origin = `org ${sobject}`;
        let line = 0;
        for (const rows of this.options.mirror.rowBatches(sobject, fields)) yield rows.map((row) => ({ row, at: { origin, line: ++line } }));
    }

    /** Brings the mirror's copy of an object up to date, holding at least the requested fields. */
    private async load(sobject: SObjectName, requested: readonly string[]): Promise<void> {
        const fields = [...new Set(['Id', 'SystemModstamp', ...requested])];
        const counts = this.counts.get(sobject);
        if (!counts) throw new Error(`the org has no ${sobject} object the integration user can read`);
        const mirror = this.options.mirror;
        const stored = this.stored(sobject);
        if (stored && covers(stored.fields, fields) && (this.current.has(sobject) || (!this.options.full && (await this.refresh(sobject, stored, counts))))) {
            this.current.add(sobject);
            return;
        }
        // Not mirrored yet, lacking the requested fields, or failed its check: read in full.
        const total = counts.total;
        const watermark = new Watermark(null, this.readStartedAt);
        let fetched = 0;
        const rows = await mirror.replace(
            sobject,
            fields,
            this.fetch(sobject, fields, '', total, false, (n) => (fetched = n)),
            (page) => watermark.see(page),
        );
        this.stats.push({ sobject, mode: 'full', api: this.apiFor(total), fetched, rows });
        this.current.add(sobject);
    }

    /** The mirror's entry for an object; a damaged entry counts as a problem and as none. */
    private stored(sobject: SObjectName): { watermark: string | null; fields: string[] } | null {
        try {
            return this.options.mirror.object(sobject);
        } catch (error) {
            if (error instanceof MirrorDamaged) throw error;
            this.problems.push({ sobject, problem: `its copy cannot be read (${(error as Error).message})` });
            return null;
        }
    }

    /**
     * Checks the mirrored copy and applies the changes since its watermark. False when the copy
     * failed a check (recorded in problems): the caller reads the object in full.
     */
    private async refresh(sobject: SObjectName, stored: { watermark: string | null; fields: string[] }, counts: Counts): Promise<boolean> {
        const mirror = this.options.mirror;
        if (stored.watermark === null) return false;
        const problem = watermarkProblem(stored.watermark, this.readStartedAt) ?? (counts.changed === null ? 'its changes could not be counted' : null);
        if (problem) {
            this.problems.push({ sobject, problem });
            return false;
        }
        const changed = counts.changed!;
        if (changed === 0) {
            // Counted in the same call: the counts must agree exactly.
            const rows = mirror.rowCount(sobject);
            const mismatch = rowCountProblem(rows, counts.total, 0);
            if (mismatch) {
                this.problems.push({ sobject, problem: mismatch });
                return false;
            }
            this.stats.push({ sobject, mode: 'unchanged', api: 'none', fetched: 0, rows });
            return true;
        }
        const withDeletions = deletable.has(sobject);
        const fields = withDeletions ? [...new Set([...stored.fields, 'IsDeleted'])] : stored.fields;
        const watermark = new Watermark(stored.watermark, this.readStartedAt);
        let fetched = 0;
        let changedWhileReading = 0;
        let mismatch: string | null = null;
        const pages = this.fetch(sobject, fields, `WHERE SystemModstamp > ${soqlDateTime(stored.watermark)}`, changed, withDeletions, (n) => (fetched = n));
        const countedAt = this.readStartedAt;
        async function* counted(): AsyncGenerator<OrgRow[]> {
            for await (const page of pages) {
                for (const row of page) if (changedSinceCount(row.SystemModstamp, countedAt)) changedWhileReading++;
                yield page;
            }
        }
        const result = await mirror.applyChanges(sobject, stored.fields, counted(), (page) => watermark.see(page), (rows) => {
            mismatch = rowCountProblem(rows, counts.total, changedWhileReading);
            return mismatch === null;
        });
        if (!result.kept) {
            this.problems.push({ sobject, problem: `${mismatch ?? 'its row count disagrees with the org'} after applying the changes` });
            return false;
        }
        this.stats.push({ sobject, mode: 'incremental', api: this.apiFor(changed), fetched, rows: result.rows });
        return true;
    }

    private apiFor(expected: number): 'rest' | 'bulk' {
        return expected >= (this.options.bulkThreshold ?? 10000) ? 'bulk' : 'rest';
    }

    /** The rows of a query, page by page, as they arrive. */
    private async *fetch(
        sobject: SObjectName,
        fields: readonly string[],
        where: string,
        expected: number,
        includeDeleted: boolean,
        onFetched: (fetched: number) => void,
    ): AsyncGenerator<OrgRow[]> {
        const soql = `SELECT ${fields.join(', ')} FROM ${sobject}${where ? ` ${where}` : ''}`;
        const pages =
            this.apiFor(expected) === 'bulk'
                ? bulkQuery(this.api, soql, fields, { ...(where ? { pageSize: changesPageSize } : {}), ...this.options.bulk, includeDeleted })
                : restQuery(this.api, soql, fields, { includeDeleted });
        let fetched = 0;
        for await (const page of pages) {
            fetched += page.length;
            onFetched(fetched);
            this.options.onProgress?.(sobject, fetched, Math.max(expected, fetched));
            yield page;
        }
    }
}

function covers(have: readonly string[], want: readonly string[]): boolean {
    const set = new Set(have);
    return want.every((field) => set.has(field));
}
