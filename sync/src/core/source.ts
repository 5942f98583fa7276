// Where records come from: a folder of CSV exports or a live org. Both yield rows keyed by API
// field name, with null for an empty value, exactly as the Bulk API 2.0 / Data Loader export has them.
export const sobjectNames = [
    'User',
    'Opportunity',
    'OpportunityHistory',
    'OpportunityStage',
    'OpportunityContactRole',
    'Task',
    'Event',
] as const;
export type SObjectName = (typeof sobjectNames)[number];

export type RawRow = Record<string, string | null>;

export interface RowLocation {
    /** A file name or an org object, for messages. */
    origin: string;
    /** 1-based line (CSV) or record number (org). */
    line: number;
}

export interface RecordSource {
    /** True when the source has the object at all (OpportunityStage is optional). */
    has(sobject: SObjectName): Promise<boolean>;
    /** Streams the rows of one object with the requested fields. */
    rows(sobject: SObjectName, fields: readonly string[]): AsyncIterable<{ row: RawRow; at: RowLocation }>;
}
