// The UI API record, related-list and object-info answers the lightning/* modules of the preview
// receive, in the shapes Lightning Data Service gives to components.
import { parseValue, valueFromASTUntyped } from 'graphql';
import type { FieldInfo, ObjectInfo } from './schema';
import { type Org, type OrgRecord, UiApiError } from './org';
import { QueryError, childrenOf, displayValueOf, matches, parentOf, sortRecords, type SortKey } from './query';

export interface RecordRepresentation {
    apiName: string;
    id: string;
    childRelationships: Record<string, unknown>;
    eTag: string;
    weakEtag: number;
    fields: Record<string, { value: unknown; displayValue: string | null }>;
    lastModifiedById: string | null;
    lastModifiedDate: string | null;
    systemModstamp: string | null;
    recordTypeId: string | null;
    recordTypeInfo: null;
}

/** Splits 'Opportunity.Owner.Name' into its object and the path below it. */
function splitFieldPath(object: ObjectInfo, qualified: string): string[] | null {
    const parts = qualified.split('.');
    if (parts[0] !== object.apiName) return null;
    return parts.slice(1);
}

type FieldTree = Map<string, FieldTree | null>;

function addPath(tree: FieldTree, path: string[]): void {
    const [head, ...rest] = path;
    if (!head) return;
    if (!rest.length) {
        if (!tree.has(head)) tree.set(head, null);
        return;
    }
    let sub = tree.get(head);
    if (!sub) {
        sub = new Map();
        tree.set(head, sub);
    }
    addPath(sub, rest);
}

/** Checks a field path against the schema; returns a readable problem, or null when it exists. */
function pathProblem(org: Org, object: ObjectInfo, path: string[]): string | null {
    const [head, ...rest] = path;
    if (!head) return `empty field name on ${object.apiName}`;
    if (!rest.length) return object.fields.has(head) ? null : `${object.apiName}.${head} does not exist`;
    const reference = org.schema.relationshipField(object, head);
    if (!reference) return `${object.apiName} has no relationship ${head}`;
    const parentObject = org.schema.object(reference.referenceTo?.[0] ?? '');
    return parentObject ? pathProblem(org, parentObject, rest) : `${object.apiName}.${head} points at an object the preview org lacks`;
}

function representation(org: Org, object: ObjectInfo, record: OrgRecord, tree: FieldTree): RecordRepresentation {
    const fields: RecordRepresentation['fields'] = {};
    for (const [name, sub] of tree) {
        if (sub === null) {
            const field = object.fields.get(name);
            if (!field) continue;
            const value = org.valueOf(record, field);
            fields[name] = { value, displayValue: displayValueOf(field, value) };
            continue;
        }
        const reference = org.schema.relationshipField(object, name);
        if (!reference) continue;
        const parent = parentOf(org, record, reference);
        if (!parent || !org.canSee(parent)) {
            fields[name] = { value: null, displayValue: null };
            continue;
        }
        const parentObject = org.objectInfo(parent.apiName);
        const parentTree: FieldTree = new Map(sub);
        const nested = representation(org, parentObject, parent, parentTree);
        fields[name] = { value: nested, displayValue: typeof parent.Name === 'string' ? parent.Name : null };
    }
    const stamp = typeof record.SystemModstamp === 'string' ? record.SystemModstamp : null;
    return {
        apiName: object.apiName,
        id: record.Id,
        childRelationships: {},
        eTag: `${record.Id}:${stamp}`,
        weakEtag: stamp ? Date.parse(stamp) : 0,
        fields,
        lastModifiedById: (record.LastModifiedById as string | null) ?? null,
        lastModifiedDate: (record.LastModifiedDate as string | null) ?? null,
        systemModstamp: stamp,
        recordTypeId: '012000000000000AAA',
        recordTypeInfo: null,
    };
}

/** The field tree for a record: `fields` must exist (error otherwise), `optionalFields` may not. */
function fieldTree(org: Org, object: ObjectInfo, fields: string[] = [], optionalFields: string[] = []): FieldTree {
    const tree: FieldTree = new Map();
    for (const qualified of fields) {
        const path = splitFieldPath(object, qualified);
        const problem = path ? pathProblem(org, object, path) : `${qualified} is not a field of ${object.apiName}`;
        if (problem || !path) throw new UiApiError(400, 'INVALID_FIELD', `Invalid field ${qualified}: ${problem}. Request it in optionalFields if the viewer may lack access.`);
        addPath(tree, path);
    }
    for (const qualified of optionalFields) {
        const path = splitFieldPath(object, qualified);
        if (path && !pathProblem(org, object, path)) addPath(tree, path);
    }
    return tree;
}

export function recordById(org: Org, recordId: string, fields: string[] = [], optionalFields: string[] = []): RecordRepresentation {
    const record = org.visible(recordId);
    const object = org.objectInfo(record.apiName);
    return representation(org, object, record, fieldTree(org, object, fields, optionalFields));
}

/** Every field of a record, as createRecord and updateRecord return it. */
export function fullRecord(org: Org, record: OrgRecord): RecordRepresentation {
    const object = org.objectInfo(record.apiName);
    const tree: FieldTree = new Map([...object.fields.keys()].map((name) => [name, null]));
    return representation(org, object, record, tree);
}

export interface RelatedListRequest {
    parentRecordId: string;
    relatedListId: string;
    fields?: string[];
    optionalFields?: string[];
    sortBy?: string[];
    where?: string;
    pageSize?: number;
    pageToken?: string;
}

export function relatedListRecords(org: Org, request: RelatedListRequest) {
    const parent = org.visible(request.parentRecordId);
    const parentObject = org.objectInfo(parent.apiName);
    const relation = org.schema.childRelationship(parentObject, request.relatedListId);
    if (!relation) {
        const known = parentObject.childRelationships.map((r) => r.relationshipName).join(', ');
        throw new UiApiError(400, 'INVALID_ID_FIELD', `${parentObject.apiName} has no related list ${request.relatedListId}. Related lists: ${known || 'none'}.`);
    }
    const childObject = org.objectInfo(relation.childObjectApiName);
    const tree = fieldTree(org, childObject, request.fields ?? [], request.optionalFields ?? []);
    let where: unknown = undefined;
    if (request.where) {
        try {
            where = valueFromASTUntyped(parseValue(request.where));
        } catch (error) {
            throw new UiApiError(400, 'INVALID_FILTER', `The where filter of ${request.relatedListId} could not be read: ${(error as Error).message}`);
        }
    }
    const sortKeys: SortKey[] = (request.sortBy ?? []).map((entry) => {
        const descending = entry.startsWith('-');
        const name = descending ? entry.slice(1) : entry;
        const path = splitFieldPath(childObject, name) ?? name.split('.');
        return { path, descending, nullsLast: descending };
    });
    let records: OrgRecord[];
    try {
        records = childrenOf(org, parent, relation.childObjectApiName, relation.fieldName).filter((r) => org.canSee(r) && matches(org, childObject, r, where));
        records = sortRecords(org, childObject, records, sortKeys);
    } catch (error) {
        if (error instanceof QueryError) throw new UiApiError(400, 'INVALID_FILTER', error.message);
        throw error;
    }
    const pageSize = request.pageSize ?? 50;
    const offset = request.pageToken ? Number(request.pageToken) || 0 : 0;
    const page = records.slice(offset, offset + pageSize);
    const next = offset + pageSize < records.length ? String(offset + pageSize) : null;
    return {
        records: page.map((r) => representation(org, childObject, r, tree)),
        count: page.length,
        currentPageToken: String(offset),
        currentPageUrl: `/preview/related-list-records/${parent.Id}/${relation.relationshipName}?pageToken=${offset}`,
        nextPageToken: next,
        nextPageUrl: next ? `/preview/related-list-records/${parent.Id}/${relation.relationshipName}?pageToken=${next}` : null,
        previousPageToken: offset > 0 ? String(Math.max(0, offset - pageSize)) : null,
        previousPageUrl: null,
        listReference: { parentObjectApiName: parentObject.apiName, relatedListId: relation.relationshipName, inContextOfRecordId: parent.Id, objectApiName: childObject.apiName },
        fields: request.fields ?? [],
        optionalFields: request.optionalFields ?? [],
        sortBy: request.sortBy ?? [],
        pageSize,
        totalCount: records.length,
        recordIds: page.map((r) => r.Id),
    };
}

function fieldDescription(org: Org, field: FieldInfo) {
    return {
        apiName: field.apiName,
        label: field.label,
        dataType: field.dataType,
        required: field.required,
        updateable: field.updateable,
        createable: field.updateable,
        calculated: Boolean(field.formula),
        custom: field.apiName.endsWith('__c'),
        externalId: Boolean(field.externalId),
        unique: Boolean(field.unique),
        length: field.length ?? 0,
        scale: field.scale ?? 0,
        nameField: field.apiName === 'Name',
        reference: field.dataType === 'Reference',
        relationshipName: field.relationshipName ?? null,
        referenceToInfos: (field.referenceTo ?? []).map((apiName) => ({ apiName, nameFields: ['Name'] })),
        sortable: true,
        filterable: true,
    };
}

export function objectInfo(org: Org, apiName: string) {
    const object = org.objectInfo(apiName);
    return {
        apiName: object.apiName,
        label: object.label,
        labelPlural: object.labelPlural,
        keyPrefix: object.keyPrefix,
        custom: object.custom,
        createable: true,
        updateable: true,
        deletable: true,
        queryable: true,
        nameFields: ['Name'],
        defaultRecordTypeId: '012000000000000AAA',
        recordTypeInfos: { '012000000000000AAA': { available: true, defaultRecordTypeMapping: true, master: true, name: 'Master', recordTypeId: '012000000000000AAA' } },
        childRelationships: object.childRelationships.map((r) => ({ childObjectApiName: r.childObjectApiName, fieldName: r.fieldName, relationshipName: r.relationshipName, junctionIdListNames: [], junctionReferenceTo: [] })),
        fields: Object.fromEntries([...object.fields.values()].map((f) => [f.apiName, fieldDescription(org, f)])),
        themeInfo: null,
    };
}

function picklistOf(field: FieldInfo) {
    return {
        controllerValues: {},
        defaultValue: field.defaultValue ? { attributes: null, label: String(field.defaultValue), validFor: [], value: String(field.defaultValue) } : null,
        url: '',
        values: (field.picklistValues ?? []).map((value) => ({ attributes: null, label: value, validFor: [], value })),
    };
}

export function picklistValues(org: Org, qualifiedField: string) {
    const [objectName, fieldName] = qualifiedField.split('.');
    const object = org.objectInfo(objectName ?? '');
    const field = object.fields.get(fieldName ?? '');
    if (!field || field.dataType !== 'Picklist') throw new UiApiError(400, 'INVALID_FIELD', `${qualifiedField} is not a picklist field.`);
    return picklistOf(field);
}

export function picklistValuesByRecordType(org: Org, objectApiName: string) {
    const object = org.objectInfo(objectApiName);
    return {
        eTag: `${objectApiName}-picklists`,
        picklistFieldValues: Object.fromEntries([...object.fields.values()].filter((f) => f.dataType === 'Picklist').map((f) => [f.apiName, picklistOf(f)])),
    };
}
