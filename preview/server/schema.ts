// Object and field descriptions of the in-memory org. Goal Coach objects come from the field
// metadata in force-app when it is there, else from docs/data-model.md (the contract); standard
// objects from the columns of the sample export.
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export type DataType =
    | 'Id'
    | 'String'
    | 'TextArea'
    | 'Reference'
    | 'Date'
    | 'DateTime'
    | 'Currency'
    | 'Double'
    | 'Int'
    | 'Percent'
    | 'Boolean'
    | 'Picklist'
    | 'Url'
    | 'Email'
    | 'Phone';

export interface FieldInfo {
    apiName: string;
    label: string;
    dataType: DataType;
    required: boolean;
    /** False for Id, system and formula fields. */
    updateable: boolean;
    length?: number;
    scale?: number;
    referenceTo?: string[];
    /** The parent relationship name, e.g. Goal_Plan__r or Owner. */
    relationshipName?: string;
    masterDetail?: boolean;
    picklistValues?: string[];
    restrictedPicklist?: boolean;
    defaultValue?: unknown;
    unique?: boolean;
    externalId?: boolean;
    /** An auto-number Name, e.g. CS-{00000}. */
    autoNumber?: string;
    /** Division formula `A / B`, the only formula shape the data model uses. */
    formula?: { numerator: string; denominator: string };
}

export interface ChildRelationship {
    relationshipName: string;
    childObjectApiName: string;
    fieldName: string;
}

export interface ObjectInfo {
    apiName: string;
    label: string;
    labelPlural: string;
    keyPrefix: string;
    custom: boolean;
    /** Org-wide default: Private records are seen by their owner and the owner's managers. */
    sharingModel: 'Private' | 'Read' | 'ReadWrite' | 'ControlledByParent';
    fields: Map<string, FieldInfo>;
    childRelationships: ChildRelationship[];
}

export class Schema {
    readonly objects = new Map<string, ObjectInfo>();

    object(apiName: string): ObjectInfo | undefined {
        return this.objects.get(apiName);
    }

    /** The object for an id, by key prefix. */
    objectForId(id: string): ObjectInfo | undefined {
        const prefix = id.slice(0, 3);
        for (const object of this.objects.values()) if (object.keyPrefix === prefix) return object;
        return undefined;
    }

    /** The reference field whose relationship name is `name` (Owner → OwnerId). */
    relationshipField(object: ObjectInfo, name: string): FieldInfo | undefined {
        for (const field of object.fields.values()) if (field.relationshipName === name) return field;
        return undefined;
    }

    childRelationship(object: ObjectInfo, name: string): ChildRelationship | undefined {
        return object.childRelationships.find((r) => r.relationshipName === name);
    }

    /** Fills every object's child relationships from the reference fields. */
    linkRelationships(childNames: Record<string, string> = {}): void {
        for (const object of this.objects.values()) object.childRelationships = [];
        for (const child of this.objects.values()) {
            for (const field of child.fields.values()) {
                if (field.dataType !== 'Reference' || !field.referenceTo) continue;
                // System lookups (CreatedById, OwnerId of custom objects) have no child relationship.
                const key = `${child.apiName}.${field.apiName}`;
                if (!(key in childNames) && !field.apiName.endsWith('__c')) continue;
                for (const parentName of field.referenceTo) {
                    const parent = this.objects.get(parentName);
                    if (!parent) continue;
                    const relationshipName = childNames[key] ?? defaultChildRelationshipName(child);
                    if (parent.childRelationships.some((r) => r.relationshipName === relationshipName)) continue;
                    parent.childRelationships.push({ relationshipName, childObjectApiName: child.apiName, fieldName: field.apiName });
                }
            }
        }
    }
}

function defaultChildRelationshipName(child: ObjectInfo): string {
    if (child.custom) return `${child.labelPlural.replace(/[^A-Za-z0-9]+/g, '_')}__r`;
    return child.labelPlural.replace(/[^A-Za-z0-9]/g, '');
}

function labelOf(apiName: string): string {
    return apiName
        .replace(/__c$|__r$/, '')
        .replace(/Id$/, '')
        .replace(/_/g, ' ')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .trim();
}

function pluralOf(label: string): string {
    if (/[^aeiou]y$/.test(label)) return label.slice(0, -1) + 'ies';
    if (/(s|x|ch|sh)$/.test(label)) return label + 'es';
    return label + 's';
}

export function field(apiName: string, dataType: DataType, extra: Partial<FieldInfo> = {}): FieldInfo {
    return { apiName, label: labelOf(apiName) || apiName, dataType, required: false, updateable: true, ...extra };
}

function systemFields(custom: boolean, owned: boolean): FieldInfo[] {
    const fields = [
        field('Id', 'Id', { updateable: false, label: 'Record ID' }),
        field('CreatedDate', 'DateTime', { updateable: false }),
        field('LastModifiedDate', 'DateTime', { updateable: false }),
        field('SystemModstamp', 'DateTime', { updateable: false }),
        field('CreatedById', 'Reference', { updateable: false, referenceTo: ['User'], relationshipName: 'CreatedBy', label: 'Created By' }),
        field('LastModifiedById', 'Reference', { updateable: false, referenceTo: ['User'], relationshipName: 'LastModifiedBy', label: 'Last Modified By' }),
    ];
    if (owned) fields.push(field('OwnerId', 'Reference', { referenceTo: ['User'], relationshipName: 'Owner', label: 'Owner' }));
    if (custom) fields.push(field('Name', 'String', { required: true, length: 80 }));
    return fields;
}

export function makeObject(
    apiName: string,
    keyPrefix: string,
    fields: FieldInfo[],
    options: { custom: boolean; owned: boolean; label?: string; sharingModel?: ObjectInfo['sharingModel'] },
): ObjectInfo {
    const label = options.label ?? labelOf(apiName);
    const object: ObjectInfo = {
        apiName,
        label,
        labelPlural: pluralOf(label),
        keyPrefix,
        custom: options.custom,
        sharingModel: options.sharingModel ?? 'ReadWrite',
        fields: new Map(),
        childRelationships: [],
    };
    for (const f of [...systemFields(options.custom, options.owned), ...fields]) object.fields.set(f.apiName, f);
    return object;
}

// ---------------------------------------------------------------- the data model document

/** Parses a type cell of docs/data-model.md, e.g. `Picklist (restricted): A, B`, `Lookup(User), required`. */
export function parseTypeCell(apiName: string, typeCell: string, notes: string): FieldInfo {
    const text = typeCell.trim();
    const required = /\brequired\b/i.test(text);
    const unique = /\bunique\b/i.test(text);
    const externalId = /external id/i.test(text);
    const defaultMatch = /default ([^,|]+)/i.exec(text) ?? /^default ([^,;.|]+)/i.exec(notes.trim());
    const size = /\((\d+)(?:,(\d+))?\)/.exec(text);
    const base = { required, unique, externalId };
    let info: FieldInfo;
    const lookup = /^(Lookup|Master-Detail)\((\w+)\)/i.exec(text);
    if (lookup) {
        const masterDetail = lookup[1]!.toLowerCase() === 'master-detail';
        info = field(apiName, 'Reference', {
            ...base,
            required: required || masterDetail,
            masterDetail,
            referenceTo: [lookup[2]!],
            relationshipName: apiName.replace(/__c$/, '__r'),
        });
    } else if (/^Picklist/i.test(text)) {
        const values = text.includes(':') ? text.slice(text.indexOf(':') + 1).split(',').map((v) => v.trim()).filter(Boolean) : [];
        info = field(apiName, 'Picklist', { ...base, picklistValues: values, restrictedPicklist: /\(restricted\)/i.test(text) });
    } else if (/^Formula/i.test(text)) {
        const formula = /`\s*(\w+)\s*\/\s*(\w+)\s*`/.exec(notes);
        const dataType: DataType = /currency/i.test(text) ? 'Currency' : 'Double';
        info = field(apiName, dataType, { ...base, updateable: false, ...(formula ? { formula: { numerator: formula[1]!, denominator: formula[2]! } } : {}) });
    } else if (/^Date\/Time/i.test(text)) info = field(apiName, 'DateTime', base);
    else if (/^Date/i.test(text)) info = field(apiName, 'Date', base);
    else if (/^Currency/i.test(text)) info = field(apiName, 'Currency', { ...base, scale: Number(size?.[2] ?? 2) });
    else if (/^Percent/i.test(text)) info = field(apiName, 'Percent', { ...base, scale: Number(size?.[2] ?? 0) });
    else if (/^Number/i.test(text)) info = field(apiName, 'Double', { ...base, scale: Number(size?.[2] ?? 0) });
    else if (/^Checkbox/i.test(text)) info = field(apiName, 'Boolean', { ...base, defaultValue: /default true/i.test(text) });
    else if (/^URL/i.test(text)) info = field(apiName, 'Url', { ...base, length: 255 });
    else if (/Text Area/i.test(text)) info = field(apiName, 'TextArea', { ...base, length: Number(size?.[1] ?? 255) });
    else info = field(apiName, 'String', { ...base, length: Number(size?.[1] ?? 255) });
    if (defaultMatch && info.defaultValue === undefined && info.dataType !== 'Boolean') {
        const raw = defaultMatch[1]!.trim();
        info.defaultValue = info.dataType === 'Double' || info.dataType === 'Currency' ? Number(raw) : raw;
    }
    return info;
}

export interface DocObject {
    apiName: string;
    fields: FieldInfo[];
    hasOwner: boolean;
}

/** The custom objects of docs/data-model.md: one `## Object__c — …` section with a field table each. */
export function parseDataModelDoc(markdown: string): DocObject[] {
    const objects: DocObject[] = [];
    let current: DocObject | null = null;
    for (const line of markdown.split(/\r?\n/)) {
        const heading = /^##\s+(\w+__c)\b(.*)$/.exec(line);
        if (heading) {
            const title = heading[2] ?? '';
            current = { apiName: heading[1]!, fields: [], hasOwner: !/master-detail/i.test(title) };
            objects.push(current);
            continue;
        }
        if (/^##\s/.test(line)) {
            current = null;
            continue;
        }
        if (!current) continue;
        const cells = line.split('|').map((c) => c.trim());
        if (cells.length < 4 || !/^\w+$/.test(cells[1] ?? '') || cells[1] === 'field') continue;
        const [, name, type, notes] = cells as [string, string, string, string];
        if (name === 'Name') {
            continue; // Name is a system field of every custom object.
        }
        current.fields.push(parseTypeCell(name, type, notes ?? ''));
    }
    return objects;
}

// ---------------------------------------------------------------- force-app field metadata

const xml = new XMLParser({ ignoreAttributes: true, isArray: (name) => name === 'value' });

/** A parsed metadata XML element: nested elements and text values. */
interface XmlElement {
    [name: string]: XmlElement | XmlElement[] | string | number | boolean | undefined;
}

function xmlField(apiName: string, meta: XmlElement): FieldInfo | null {
    const type = String(meta.type ?? '');
    const required = String(meta.required) === 'true';
    const base = { required, unique: String(meta.unique) === 'true', externalId: String(meta.externalId) === 'true', label: String(meta.label ?? labelOf(apiName)) };
    if (meta.formula) {
        // The data model's formulas are guarded divisions: IF(ISBLANK(B) || B = 0, NULL, A / B).
        const formula = /(\w+)\s*\/\s*(\w+)/.exec(String(meta.formula));
        return field(apiName, type === 'Currency' ? 'Currency' : 'Double', {
            ...base,
            updateable: false,
            ...(formula ? { formula: { numerator: formula[1]!, denominator: formula[2]! } } : {}),
        });
    }
    switch (type) {
        case 'Lookup':
        case 'MasterDetail':
            return field(apiName, 'Reference', {
                ...base,
                required: required || type === 'MasterDetail',
                masterDetail: type === 'MasterDetail',
                referenceTo: [String(meta.referenceTo)],
                // <relationshipName> names the child relationship on the parent; the parent one is Field__r.
                relationshipName: apiName.replace(/__c$/, '__r'),
            });
        case 'Picklist': {
            const valueSet = (meta.valueSet ?? {}) as XmlElement;
            const entries = (((valueSet.valueSetDefinition ?? {}) as XmlElement).value ?? []) as XmlElement[];
            const values = entries.map((v) => String(v.fullName));
            const defaultEntry = entries.find((v) => String(v.default) === 'true');
            const defaultValue = defaultEntry ? String(defaultEntry.fullName) : undefined;
            return field(apiName, 'Picklist', { ...base, picklistValues: values, restrictedPicklist: String(valueSet.restricted) === 'true', defaultValue });
        }
        case 'Checkbox':
            return field(apiName, 'Boolean', { ...base, defaultValue: String(meta.defaultValue) === 'true' });
        case 'Date':
            return field(apiName, 'Date', base);
        case 'DateTime':
            return field(apiName, 'DateTime', base);
        case 'Currency':
            return field(apiName, 'Currency', { ...base, scale: Number(meta.scale ?? 2) });
        case 'Percent':
            return field(apiName, 'Percent', { ...base, scale: Number(meta.scale ?? 0) });
        case 'Number': {
            const defaultValue = meta.defaultValue !== undefined ? Number(meta.defaultValue) : undefined;
            return field(apiName, 'Double', { ...base, scale: Number(meta.scale ?? 0), ...(defaultValue !== undefined ? { defaultValue } : {}) });
        }
        case 'Url':
            return field(apiName, 'Url', { ...base, length: 255 });
        case 'TextArea':
        case 'LongTextArea':
            return field(apiName, 'TextArea', { ...base, length: Number(meta.length ?? 255) });
        case 'Text':
            return field(apiName, 'String', { ...base, length: Number(meta.length ?? 255) });
        default:
            return null;
    }
}

export interface ObjectMetadata {
    fields: FieldInfo[];
    childNames: Record<string, string>;
    label?: string;
    /** Controlled by parent (master-detail): no OwnerId. */
    hasOwner: boolean;
    sharingModel?: ObjectInfo['sharingModel'];
    /** An auto-number Name is not writable. */
    autoNumberName?: { displayFormat: string };
    nameLabel?: string;
}

/** Reads force-app/main/default/objects/<Object__c>; null when the object has no metadata yet. */
export function readObjectMetadata(objectsDir: string, apiName: string): ObjectMetadata | null {
    const fieldsDir = path.join(objectsDir, apiName, 'fields');
    if (!fs.existsSync(fieldsDir)) return null;
    const fields: FieldInfo[] = [];
    const childNames: Record<string, string> = {};
    for (const file of fs.readdirSync(fieldsDir).filter((f) => f.endsWith('.field-meta.xml')).sort()) {
        const meta = xml.parse(fs.readFileSync(path.join(fieldsDir, file), 'utf8'))?.CustomField;
        if (!meta) continue;
        const apiField = file.replace(/\.field-meta\.xml$/, '');
        const info = xmlField(apiField, meta);
        if (!info) continue;
        fields.push(info);
        if (meta.relationshipName) childNames[`${apiName}.${apiField}`] = `${meta.relationshipName}__r`;
    }
    const result: ObjectMetadata = { fields, childNames, hasOwner: !fields.some((f) => f.masterDetail) };
    const objectFile = path.join(objectsDir, apiName, `${apiName}.object-meta.xml`);
    if (fs.existsSync(objectFile)) {
        const meta = xml.parse(fs.readFileSync(objectFile, 'utf8'))?.CustomObject;
        if (meta?.label) result.label = String(meta.label);
        if (meta?.sharingModel) {
            result.hasOwner = String(meta.sharingModel) !== 'ControlledByParent';
            result.sharingModel = String(meta.sharingModel) as ObjectInfo['sharingModel'];
        }
        if (meta?.nameField?.label) result.nameLabel = String(meta.nameField.label);
        if (meta?.nameField?.type === 'AutoNumber') result.autoNumberName = { displayFormat: String(meta.nameField.displayFormat ?? '{0}') };
    }
    return result;
}
