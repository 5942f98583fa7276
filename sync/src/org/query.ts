// Reading records: REST query paged by nextRecordsUrl, or a Bulk API 2.0 query job paged by the
// Sforce-Locator header. jsforce's own helpers are not used for either: `conn.query` with autoFetch
// stops silently at maxFetch (10,000), and `conn.bulk2.query` crashes the process when the results
// span more than one page (jsforce issues #1546, #1693).
import { parse } from 'csv-parse/sync';
import type { OrgApi } from './api';
import { OrgApiError } from './api';

export type OrgRow = Record<string, string | null>;

/** A SOQL string literal: quotes and backslashes escaped, so values can never change the query. */
export function soqlString(value: string): string {
    const escaped = value.replace(/[\\'"\n\r\t\b\f]/g, (ch) => {
        const map: Record<string, string> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };
        return map[ch]!;
    });
    return `'${escaped}'`;
}

/** A SOQL dateTime literal (unquoted, UTC, whole seconds as SOQL documents it) from an ISO timestamp. */
export function soqlDateTime(iso: string): string {
    const time = Date.parse(iso);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(time)) throw new Error(`"${iso}" is not an ISO date-time`);
    return new Date(Math.floor(time / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** A SOQL date literal (unquoted yyyy-MM-dd). */
export function soqlDate(value: string): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new Error(`"${value}" is not a yyyy-MM-dd date`);
    return value;
}

const restDateTime = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?)\+0000$/;

/** REST returns typed JSON; the record sources hand out strings exactly as a Bulk/Data Loader export has them. */
export function toRawRow(record: Record<string, unknown>, fields: readonly string[]): OrgRow {
    const row: OrgRow = {};
    for (const field of fields) {
        const value = record[field];
        if (value === null || value === undefined || value === '') row[field] = null;
        else if (typeof value === 'string') {
            const utc = restDateTime.exec(value);
            row[field] = utc ? `${utc[1]}Z` : value;
        } else if (typeof value === 'number' || typeof value === 'boolean') row[field] = String(value);
        else row[field] = JSON.stringify(value);
    }
    return row;
}

interface QueryPage {
    totalSize: number;
    done: boolean;
    nextRecordsUrl?: string;
    records: Record<string, unknown>[];
}

export async function countRecords(api: OrgApi, soql: string): Promise<number> {
    const page = await api.get<QueryPage>(`/query?q=${encodeURIComponent(soql)}`);
    return page.totalSize;
}

/** All rows of a REST query, page by page (2,000 rows a page by default); queryAll adds the recycle bin. */
export async function* restQuery(api: OrgApi, soql: string, fields: readonly string[], options: { includeDeleted?: boolean } = {}): AsyncGenerator<OrgRow[]> {
    let page = await api.get<QueryPage>(`/${options.includeDeleted ? 'queryAll' : 'query'}?q=${encodeURIComponent(soql)}`);
    for (;;) {
        yield page.records.map((record) => toRawRow(record, fields));
        if (page.done || !page.nextRecordsUrl) return;
        page = await api.get<QueryPage>(page.nextRecordsUrl);
    }
}

export interface BulkQueryOptions {
    /** queryAll: deleted rows (the recycle bin) too. */
    includeDeleted?: boolean;
    /** Rows per result page (maxRecords). */
    pageSize?: number;
    pollIntervalMs?: number;
    /** Give up on a job that is not done after this long. */
    timeoutMs?: number;
    sleep?: (ms: number) => Promise<void>;
}

interface JobInfo {
    id: string;
    state: 'UploadComplete' | 'InProgress' | 'Aborted' | 'JobComplete' | 'Failed';
    errorMessage?: string;
}

/** All rows of a Bulk API 2.0 query job, one result page at a time. */
export async function* bulkQuery(api: OrgApi, soql: string, fields: readonly string[], options: BulkQueryOptions = {}): AsyncGenerator<OrgRow[]> {
    const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    const pollInterval = options.pollIntervalMs ?? 2000;
    const deadline = Date.now() + (options.timeoutMs ?? 30 * 60 * 1000);
    const created = await api.request<JobInfo>({ method: 'POST', path: '/jobs/query', body: { operation: options.includeDeleted ? 'queryAll' : 'query', query: soql } });
    const jobId = created.body.id;
    if (!/^[A-Za-z0-9]{15,18}$/.test(jobId)) throw new OrgApiError(`unexpected Bulk API job id ${jobId}`, 'BULK_JOB', undefined);
    let state = created.body.state;
    let pollDelay = pollInterval;
    while (state !== 'JobComplete') {
        if (state === 'Failed' || state === 'Aborted') throw new OrgApiError(`Bulk API query job ${jobId} ${state.toLowerCase()}`, 'BULK_JOB', undefined);
        if (Date.now() > deadline) throw new OrgApiError(`Bulk API query job ${jobId} did not finish in time`, 'BULK_JOB', undefined);
        await sleep(pollDelay);
        pollDelay = Math.min(pollDelay * 1.5, 30000);
        const job = await api.get<JobInfo>(`/jobs/query/${jobId}`);
        state = job.state;
        if (job.state === 'Failed') throw new OrgApiError(`Bulk API query job ${jobId} failed: ${job.errorMessage ?? 'no message'}`, 'BULK_JOB', undefined);
    }
    let locator: string | undefined;
    const pageSize = options.pageSize ?? 50000;
    for (;;) {
        const query = new URLSearchParams({ maxRecords: String(pageSize) });
        if (locator) query.set('locator', locator);
        const response = await api.request<string>({ method: 'GET', path: `/jobs/query/${jobId}/results?${query.toString()}`, responseType: 'text' });
        const records = parse(response.body, { columns: true, skip_empty_lines: true, relax_column_count: false }) as Record<string, string>[];
        yield records.map((record) => {
            const row: OrgRow = {};
            // Bulk CSV writes null as an empty cell.
            for (const field of fields) row[field] = record[field] === undefined || record[field] === '' ? null : record[field]!;
            return row;
        });
        const next = response.headers['sforce-locator'];
        if (!next || next === 'null') return;
        locator = next;
    }
}
