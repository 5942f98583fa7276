// Narrows the window between the sync's read and its write. The analysis runs for a while after the
// existing plans and goals were read; a person may accept, edit, reassign or delete one meanwhile.
// Just before each batch is written, the guard re-reads the batch's LastModifiedDate,
// LastModifiedById (and Status__c) by key and drops every record that changed since the first read,
// so that the person's edit stands and the next run decides afresh.
//
// The platform offers no conditional write for a batch. The REST API Developer Guide (Conditional
// Request Headers) ties its headers to single records: "The If-Match header is a request header for
// sObject Rows that includes a list of ETags ... This header supports sObject Rows (Account records
// only) resources.", and the date headers are weak: "Weak validation checks a precondition against
// the resource in Salesforce, but it doesn't guarantee that the two are identical. Weak validation
// headers include If-Modified-Since or If-Unmodified-Since, which compare the precondition to the
// last modified date of the record in Salesforce." The page names no sObject Collections resource,
// and Upsert Records Using sObject Collections documents no conditional header; sObject Rows would
// cost one call per record. What remains open is the time between the re-read of a batch and its
// upsert: one round trip.
import type { OrgApi } from '../org/api';
import type { OrgRow } from '../org/query';
import { requireId18 } from '../core/salesforceId';
import { readByKeys } from './keyedRead';
import type { FieldValues } from './orgWritePlan';

/** What the first read saw of a record. */
export interface FirstRead {
    LastModifiedDate: string | null;
    LastModifiedById: string | null;
    Status__c?: string | null;
}

function sameUser(a: string | null | undefined, b: string | null | undefined): boolean {
    if (!a || !b) return a === b;
    return requireId18(a) === requireId18(b);
}

/**
 * Whether a record changed in the org since the first read, other than by the sync's own writes in
 * this run (a plan is written, then handed to its rep). `now` is undefined when the record is gone.
 */
export function changedDuringRun(first: FirstRead | undefined, now: OrgRow | undefined, integrationUserId: string): boolean {
    if (!first) return now !== undefined && !sameUser(now.LastModifiedById, integrationUserId);
    if (!now) return true;
    if ('Status__c' in first && 'Status__c' in now && now.Status__c !== (first.Status__c ?? null)) return true;
    if (sameUser(now.LastModifiedById, integrationUserId)) return false;
    return now.LastModifiedDate !== first.LastModifiedDate || !sameUser(now.LastModifiedById, first.LastModifiedById);
}

export class ChangeGuard {
    /** Keys of the records left unwritten because they changed during the run. */
    readonly dropped = new Set<string>();
    private readonly fields: string[];

    constructor(
        private readonly api: OrgApi,
        readonly sobject: string,
        private readonly keyField: string,
        private readonly firstRead: ReadonlyMap<string, FirstRead>,
        private readonly integrationUserId: string,
        options: { withStatus?: boolean } = {},
    ) {
        this.fields = ['Id', keyField, 'LastModifiedDate', 'LastModifiedById', ...(options.withStatus ? ['Status__c'] : [])];
    }

    /** The records of `batch` nobody changed since the first read. */
    readonly keepUnchanged = async (batch: FieldValues[]): Promise<FieldValues[]> => {
        const keys = batch.map((record) => String(record[this.keyField]));
        const rows = await readByKeys(this.api, this.sobject, this.fields, this.keyField, keys);
        const current = new Map(rows.map((row) => [String(row[this.keyField]), row]));
        return batch.filter((record) => {
            const key = String(record[this.keyField]);
            if (!changedDuringRun(this.firstRead.get(key), current.get(key), this.integrationUserId)) return true;
            this.dropped.add(key);
            return false;
        });
    };

    /** The counted note for the report, or null when nothing was dropped. */
    note(): string | null {
        if (this.dropped.size === 0) return null;
        const [example] = this.dropped;
        return `${this.dropped.size} × ${this.sobject} changed in the org during the run; left for the next run (e.g. ${example})`;
    }
}
