// lightning/uiRecordApi for the preview: getRecord / getRecords wires and the record writes,
// served by the in-memory org. A write refreshes every wire that shows the written record.
import { type Change, PreviewWireAdapter, callOrg, fieldList, objectName, publishChanges, qualifiedField } from 'preview/org';

export interface FieldValue {
    value: unknown;
    displayValue?: string | null;
}
export interface RecordRepresentation {
    id: string;
    apiName: string;
    fields: Record<string, FieldValue>;
}
interface WriteResult {
    record: RecordRepresentation;
    changes: Change[];
}

function recordIdsIn(records: RecordRepresentation[]): Set<string> {
    const ids = new Set<string>();
    const visit = (record: RecordRepresentation) => {
        ids.add(record.id);
        for (const field of Object.values(record.fields)) {
            const value = field.value as RecordRepresentation | null;
            if (value && typeof value === 'object' && 'fields' in value) visit(value);
        }
    };
    records.forEach(visit);
    return ids;
}

type GetRecordConfig = { recordId?: string; fields?: unknown; optionalFields?: unknown; layoutTypes?: unknown; modes?: unknown };

export class getRecord extends PreviewWireAdapter<GetRecordConfig> {
    protected readonly requiredKeys = ['recordId'];
    private shown = new Set<string>();

    protected async load(config: GetRecordConfig): Promise<unknown> {
        if (config.layoutTypes && !config.fields && !config.optionalFields) {
            throw { status: 400, statusText: 'Bad Request', ok: false, body: { message: 'The preview answers getRecord with fields or optionalFields only, not layoutTypes: list the fields the component needs.' } };
        }
        const record = await callOrg<RecordRepresentation>('record/get', {
            recordId: config.recordId,
            fields: fieldList(config.fields),
            optionalFields: fieldList(config.optionalFields),
        });
        this.shown = recordIdsIn([record]);
        return record;
    }

    protected affectedBy(changes: Change[]): boolean {
        return changes.some((c) => this.shown.has(c.id) || c.id === this.config?.recordId);
    }
}

type GetRecordsConfig = { records?: Array<{ recordIds: string[]; fields?: unknown; optionalFields?: unknown }> };

export class getRecords extends PreviewWireAdapter<GetRecordsConfig> {
    protected readonly requiredKeys = ['records'];
    private shown = new Set<string>();

    protected async load(config: GetRecordsConfig): Promise<unknown> {
        const results = await Promise.all(
            (config.records ?? []).flatMap((group) =>
                group.recordIds.map((recordId) =>
                    callOrg<RecordRepresentation>('record/get', { recordId, fields: fieldList(group.fields), optionalFields: fieldList(group.optionalFields) }).then(
                        (result) => ({ statusCode: 200, result }),
                        (error: { status?: number; body?: unknown }) => ({ statusCode: error.status ?? 500, result: [error.body] }),
                    ),
                ),
            ),
        );
        this.shown = recordIdsIn(results.filter((r) => r.statusCode === 200).map((r) => r.result as RecordRepresentation));
        return { results };
    }

    protected affectedBy(changes: Change[]): boolean {
        return changes.some((c) => this.shown.has(c.id));
    }
}

function walk(record: RecordRepresentation | null | undefined, field: unknown): FieldValue | undefined {
    if (!record) return undefined;
    const path = qualifiedField(field).split('.');
    // The first part is the object name; a bare field name is accepted too.
    const names = path.length > 1 && path[0] === record.apiName ? path.slice(1) : path;
    let current: RecordRepresentation | null = record;
    for (let i = 0; i < names.length; i++) {
        const cell: FieldValue | undefined = current?.fields?.[names[i]!];
        if (!cell) return undefined;
        if (i === names.length - 1) return cell;
        current = cell.value as RecordRepresentation | null;
    }
    return undefined;
}

export function getFieldValue(record: RecordRepresentation | null | undefined, field: unknown): unknown {
    return walk(record, field)?.value;
}

export function getFieldDisplayValue(record: RecordRepresentation | null | undefined, field: unknown): string | null | undefined {
    return walk(record, field)?.displayValue;
}

interface RecordInput {
    apiName?: unknown;
    fields: Record<string, unknown>;
}

export async function createRecord(recordInput: RecordInput): Promise<RecordRepresentation> {
    const result = await callOrg<WriteResult>('record/create', { apiName: objectName(recordInput.apiName), fields: recordInput.fields });
    publishChanges(result.changes);
    return result.record;
}

export async function updateRecord(recordInput: RecordInput): Promise<RecordRepresentation> {
    const result = await callOrg<WriteResult>('record/update', { fields: recordInput.fields });
    publishChanges(result.changes);
    return result.record;
}

export async function deleteRecord(recordId: string): Promise<void> {
    const result = await callOrg<{ changes: Change[] }>('record/delete', { recordId });
    publishChanges(result.changes);
}

/** Tells the wires that these records changed elsewhere: they fetch again. */
export async function notifyRecordUpdateAvailable(items: Array<{ recordId: string }>): Promise<void> {
    publishChanges(items.map((item) => ({ apiName: '', id: item.recordId, kind: 'updated' as const })));
}

export function generateRecordInputForCreate(record: RecordRepresentation): RecordInput {
    return { apiName: record.apiName, fields: {} };
}

export function generateRecordInputForUpdate(record: RecordRepresentation): RecordInput {
    return { fields: { Id: record.id } };
}

export function createRecordInputFilteredByEditedFields(recordInput: RecordInput): RecordInput {
    return recordInput;
}

export function getRecordNotifyChange(items: Array<{ recordId: string }>): void {
    void notifyRecordUpdateAvailable(items);
}
