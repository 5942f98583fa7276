// The in-memory org: records of every object, with the checks the platform makes on writes
// (fields exist and are writable, types, restricted picklists, required fields, lookups that
// point at real records, unique keys) and its errors in the UI API shape.
import { makeId, requireId18 } from '../../sync/src/core/salesforceId';
import type { FieldInfo, ObjectInfo, Schema } from './schema';

export type FieldValue = string | number | boolean | null;
export interface OrgRecord {
    apiName: string;
    Id: string;
    [field: string]: FieldValue;
}

export interface FieldError {
    errorCode: string;
    field: string;
    fieldLabel: string;
    message: string;
}

/** A failed request, carried to the client as the UI API error body. */
export class UiApiError extends Error {
    constructor(
        readonly status: number,
        readonly errorCode: string,
        message: string,
        readonly fieldErrors: Record<string, FieldError[]> = {},
    ) {
        super(message);
    }

    toBody(): unknown {
        const hasFieldErrors = Object.keys(this.fieldErrors).length > 0;
        return {
            message: this.message,
            errorCode: this.errorCode,
            statusCode: this.status,
            enhancedErrorType: 'RecordError',
            output: {
                errors: hasFieldErrors ? [] : [{ errorCode: this.errorCode, message: this.message }],
                fieldErrors: this.fieldErrors,
            },
        };
    }
}

/** Ids compare case-safe: a 15-character id equals its 18-character form. */
export function sameId(a: unknown, b: unknown): boolean {
    if (typeof a !== 'string' || typeof b !== 'string') return false;
    if (a === b) return true;
    return a.length >= 15 && b.length >= 15 && a.slice(0, 15) === b.slice(0, 15);
}

export interface Change {
    apiName: string;
    id: string;
    kind: 'created' | 'updated' | 'deleted';
}

export class Org {
    private readonly byId = new Map<string, OrgRecord>();
    private readonly byObject = new Map<string, Map<string, OrgRecord>>();
    private readonly sequences = new Map<string, number>();
    /** Bumped on every write; clients use it to know their cache is stale. */
    version = 0;

    constructor(
        readonly schema: Schema,
        public currentUserId: string,
        readonly now: () => Date = () => new Date(),
    ) {}

    objectInfo(apiName: string): ObjectInfo {
        const object = this.schema.object(apiName);
        if (!object) throw new UiApiError(400, 'INVALID_TYPE', `The object "${apiName}" does not exist in the preview org. Check the object API name (see docs/data-model.md).`);
        return object;
    }

    /**
     * Sharing as the viewer gets it: a Private record is seen by its owner and by the managers above
     * the owner (the role hierarchy, read from User.ManagerId); a detail record follows its master.
     */
    canSee(record: OrgRecord): boolean {
        const object = this.schema.object(record.apiName);
        if (!object) return false;
        if (object.sharingModel === 'ControlledByParent') {
            const master = [...object.fields.values()].find((f) => f.masterDetail);
            const parent = master && typeof record[master.apiName] === 'string' ? this.get(record[master.apiName] as string) : undefined;
            return parent ? this.canSee(parent) : true;
        }
        if (object.sharingModel !== 'Private') return true;
        const seen = new Set<string>();
        let userId = typeof record.OwnerId === 'string' ? record.OwnerId : null;
        while (userId && !seen.has(userId)) {
            if (sameId(userId, this.currentUserId)) return true;
            seen.add(userId);
            const manager = this.get(userId)?.ManagerId;
            userId = typeof manager === 'string' ? manager : null;
        }
        return false;
    }

    /** A record the viewer may see; else the platform's answer for a record that is not shared. */
    visible(id: string): OrgRecord {
        const record = this.get(id);
        if (!record || !this.canSee(record)) {
            throw new UiApiError(404, 'NOT_FOUND', record ? `The record ${id} is not shared with the viewer.` : `No record with id ${id} in the preview org: it may have been deleted.`);
        }
        return record;
    }

    get(id: string): OrgRecord | undefined {
        return this.byId.get(id) ?? (id.length === 15 ? this.byId.get(requireId18(id)) : undefined);
    }

    all(apiName: string): OrgRecord[] {
        return [...(this.byObject.get(apiName)?.values() ?? [])];
    }

    count(apiName: string): number {
        return this.byObject.get(apiName)?.size ?? 0;
    }

    private autoNumber(object: ObjectInfo, record: OrgRecord): void {
        for (const field of object.fields.values()) {
            if (!field.autoNumber || record[field.apiName]) continue;
            const key = `${object.apiName}.${field.apiName}`;
            const next = (this.sequences.get(key) ?? 0) + 1;
            this.sequences.set(key, next);
            record[field.apiName] = field.autoNumber.replace(/\{(0+)\}/, (_m, zeros: string) => String(next).padStart(zeros.length, '0'));
        }
    }

    newId(object: ObjectInfo): string {
        const next = (this.sequences.get(object.keyPrefix) ?? 0) + 1;
        this.sequences.set(object.keyPrefix, next);
        return makeId(object.keyPrefix, next, '0P');
    }

    /** Loads a record as it is (seed data): no write checks, ids kept. */
    load(apiName: string, values: Record<string, FieldValue>): OrgRecord {
        const object = this.objectInfo(apiName);
        const id = typeof values.Id === 'string' && values.Id ? requireId18(values.Id) : this.newId(object);
        const record: OrgRecord = { ...values, apiName, Id: id };
        for (const field of object.fields.values()) {
            if (!(field.apiName in record)) record[field.apiName] = field.defaultValue === undefined ? null : (field.defaultValue as FieldValue);
        }
        const stamp = (record.CreatedDate as string | null) ?? this.now().toISOString();
        record.CreatedDate ??= stamp;
        record.LastModifiedDate ??= stamp;
        record.SystemModstamp ??= stamp;
        this.autoNumber(object, record);
        this.store(record);
        return record;
    }

    private store(record: OrgRecord): void {
        this.byId.set(record.Id, record);
        let objectRecords = this.byObject.get(record.apiName);
        if (!objectRecords) {
            objectRecords = new Map();
            this.byObject.set(record.apiName, objectRecords);
        }
        objectRecords.set(record.Id, record);
    }

    /** A formula field's value, computed on read. */
    valueOf(record: OrgRecord, field: FieldInfo): FieldValue {
        if (field.formula) {
            const numerator = record[field.formula.numerator];
            const denominator = record[field.formula.denominator];
            if (typeof numerator !== 'number' || typeof denominator !== 'number' || denominator === 0) return null;
            return Math.round((numerator / denominator) * 100) / 100;
        }
        return record[field.apiName] ?? null;
    }

    create(apiName: string, input: Record<string, unknown>): { record: OrgRecord; changes: Change[] } {
        const object = this.objectInfo(apiName);
        const values = this.checkFields(object, input, 'create');
        const stamp = this.now().toISOString();
        const record: OrgRecord = { apiName, Id: this.newId(object) };
        for (const field of object.fields.values()) {
            if (field.apiName === 'Id') continue;
            record[field.apiName] = field.defaultValue === undefined ? null : (field.defaultValue as FieldValue);
        }
        Object.assign(record, values);
        if (object.fields.has('OwnerId') && !record.OwnerId) record.OwnerId = this.currentUserId;
        Object.assign(record, { CreatedDate: stamp, LastModifiedDate: stamp, SystemModstamp: stamp, CreatedById: this.currentUserId, LastModifiedById: this.currentUserId });
        const missing = [...object.fields.values()].filter((f) => f.required && f.updateable && (record[f.apiName] === null || record[f.apiName] === ''));
        if (missing.length) {
            throw new UiApiError(
                400,
                'REQUIRED_FIELD_MISSING',
                `Required fields are missing: [${missing.map((f) => f.apiName).join(', ')}]`,
                Object.fromEntries(missing.map((f) => [f.apiName, [fieldError(f, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${f.apiName}]`)]])),
            );
        }
        this.checkUnique(object, record);
        this.autoNumber(object, record);
        this.store(record);
        this.version++;
        return { record, changes: [{ apiName, id: record.Id, kind: 'created' }] };
    }

    update(input: Record<string, unknown>): { record: OrgRecord; changes: Change[] } {
        const id = input.Id;
        if (typeof id !== 'string' || !id) {
            throw new UiApiError(400, 'MISSING_ARGUMENT', 'updateRecord needs fields.Id: the id of the record to update.');
        }
        const existing = this.visible(id);
        const object = this.objectInfo(existing.apiName);
        const rest = Object.fromEntries(Object.entries(input).filter(([name]) => name !== 'Id'));
        const values = this.checkFields(object, rest, 'update');
        const next: OrgRecord = { ...existing, ...values };
        const cleared = [...object.fields.values()].filter((f) => f.required && f.updateable && f.apiName in values && (next[f.apiName] === null || next[f.apiName] === ''));
        if (cleared.length) {
            throw new UiApiError(400, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${cleared.map((f) => f.apiName).join(', ')}]`, Object.fromEntries(cleared.map((f) => [f.apiName, [fieldError(f, 'REQUIRED_FIELD_MISSING', 'This field is required.')]])));
        }
        this.checkUnique(object, next);
        const stamp = this.now().toISOString();
        Object.assign(existing, values, { LastModifiedDate: stamp, SystemModstamp: stamp, LastModifiedById: this.currentUserId });
        this.version++;
        return { record: existing, changes: [{ apiName: existing.apiName, id: existing.Id, kind: 'updated' }] };
    }

    delete(id: string): { changes: Change[] } {
        const existing = this.visible(id);
        const changes: Change[] = [];
        this.cascadeDelete(existing, changes);
        this.version++;
        // A record deleted later in the cascade is reported deleted only.
        const deleted = new Set(changes.filter((c) => c.kind === 'deleted').map((c) => c.id));
        return { changes: changes.filter((c) => c.kind === 'deleted' || !deleted.has(c.id)) };
    }

    private cascadeDelete(record: OrgRecord, changes: Change[]): void {
        this.byId.delete(record.Id);
        this.byObject.get(record.apiName)?.delete(record.Id);
        changes.push({ apiName: record.apiName, id: record.Id, kind: 'deleted' });
        const object = this.objectInfo(record.apiName);
        for (const relation of object.childRelationships) {
            const childObject = this.schema.object(relation.childObjectApiName);
            const childField = childObject?.fields.get(relation.fieldName);
            for (const child of this.all(relation.childObjectApiName)) {
                if (!sameId(child[relation.fieldName], record.Id)) continue;
                if (childField?.masterDetail) this.cascadeDelete(child, changes);
                else {
                    child[relation.fieldName] = null;
                    changes.push({ apiName: child.apiName, id: child.Id, kind: 'updated' });
                }
            }
        }
    }

    private checkUnique(object: ObjectInfo, record: OrgRecord): void {
        for (const field of object.fields.values()) {
            if (!field.unique) continue;
            const value = record[field.apiName];
            if (value === null || value === '') continue;
            const clash = this.all(object.apiName).find((other) => other.Id !== record.Id && String(other[field.apiName]).toLowerCase() === String(value).toLowerCase());
            if (clash) {
                throw new UiApiError(400, 'DUPLICATE_VALUE', `duplicate value found: ${field.apiName} duplicates value on record with id: ${clash.Id}`, {
                    [field.apiName]: [fieldError(field, 'DUPLICATE_VALUE', `duplicate value found: ${field.apiName} duplicates value on record with id: ${clash.Id}`)],
                });
            }
        }
    }

    /** Checks and converts input values; every problem is reported at once, per field. */
    private checkFields(object: ObjectInfo, input: Record<string, unknown>, mode: 'create' | 'update'): Record<string, FieldValue> {
        const values: Record<string, FieldValue> = {};
        const errors: Record<string, FieldError[]> = {};
        for (const [name, raw] of Object.entries(input)) {
            const field = object.fields.get(name);
            if (!field) {
                throw new UiApiError(400, 'INVALID_FIELD', `No such column '${name}' on entity '${object.apiName}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`);
            }
            const writable = field.updateable || (mode === 'create' && field.apiName === 'OwnerId');
            if (!writable) {
                errors[name] = [fieldError(field, 'INVALID_FIELD_FOR_INSERT_UPDATE', `Unable to ${mode} field ${name}: it is not writable.`)];
                continue;
            }
            const converted = this.convert(field, raw);
            if (typeof converted === 'object' && converted !== null) errors[name] = [converted];
            else values[name] = converted;
        }
        if (Object.keys(errors).length) {
            const first = Object.values(errors)[0]![0]!;
            throw new UiApiError(400, first.errorCode, first.message, errors);
        }
        return values;
    }

    private convert(field: FieldInfo, raw: unknown): FieldValue | FieldError {
        if (raw === null || raw === undefined || raw === '') return field.dataType === 'Boolean' ? false : null;
        const bad = (message: string) => fieldError(field, 'INVALID_TYPE_ON_FIELD_IN_RECORD', `${field.label}: ${message}`);
        switch (field.dataType) {
            case 'Boolean':
                return typeof raw === 'boolean' ? raw : bad(`value not of required type: ${JSON.stringify(raw)} (expected true or false)`);
            case 'Currency':
            case 'Double':
            case 'Int':
            case 'Percent': {
                const number = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
                return Number.isFinite(number) ? number : bad(`value not of required type: ${JSON.stringify(raw)} (expected a number)`);
            }
            case 'Date':
                return typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : bad(`value not of required type: ${JSON.stringify(raw)} (expected a date as yyyy-MM-dd)`);
            case 'DateTime': {
                const time = typeof raw === 'string' ? Date.parse(raw) : NaN;
                return Number.isFinite(time) ? new Date(time).toISOString() : bad(`value not of required type: ${JSON.stringify(raw)} (expected an ISO 8601 date and time)`);
            }
            case 'Reference': {
                if (typeof raw !== 'string') return bad(`expected a record id, got ${JSON.stringify(raw)}`);
                const target = this.get(raw);
                if (target && field.masterDetail && !this.canSee(target)) {
                    return fieldError(field, 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY', `${field.label}: insufficient access rights on cross-reference id: ${raw}`);
                }
                if (!target || (field.referenceTo && !field.referenceTo.includes(target.apiName))) {
                    return fieldError(field, 'INVALID_CROSS_REFERENCE_KEY', `${field.label}: id value of incorrect type: ${raw} (expected a ${field.referenceTo?.join(' or ')} id)`);
                }
                return target.Id;
            }
            case 'Picklist': {
                const text = String(raw);
                if (field.restrictedPicklist && field.picklistValues && !field.picklistValues.includes(text)) {
                    return fieldError(field, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `${field.label}: bad value for restricted picklist field: ${text}`);
                }
                return text;
            }
            default: {
                const text = typeof raw === 'string' ? raw : String(raw);
                if (field.length && text.length > field.length) {
                    return fieldError(field, 'STRING_TOO_LONG', `${field.label}: data value too large: max length=${field.length}`);
                }
                return text;
            }
        }
    }
}

function fieldError(field: FieldInfo, errorCode: string, message: string): FieldError {
    return { errorCode, field: field.apiName, fieldLabel: field.label, message };
}
