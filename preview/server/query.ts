// Filtering, ordering and value formatting shared by the GraphQL executor and the record and
// related-list endpoints. Filters use the UI API GraphQL `where` shape:
// { Field: { eq: v } }, { and: [...] }, { or: [...] }, { not: {...} }, { Parent__r: { Field: {...} } }.
import { addDays, endOfMonth, endOfQuarter, endOfWeek, endOfYear, format, startOfMonth, startOfQuarter, startOfWeek, startOfYear, subMonths, subWeeks, subYears, addMonths, addWeeks, addYears } from 'date-fns';
import type { FieldInfo, ObjectInfo } from './schema';
import { type FieldValue, type Org, type OrgRecord, sameId } from './org';

/** A problem in a query the panel sent: reported back, never a crash. */
export class QueryError extends Error {}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/** The day range of a date literal such as TODAY or LAST_MONTH. */
export function dateLiteralRange(literal: string, now: Date): [string, string] {
    switch (literal.toUpperCase()) {
        case 'TODAY':
            return [iso(now), iso(now)];
        case 'YESTERDAY':
            return [iso(addDays(now, -1)), iso(addDays(now, -1))];
        case 'TOMORROW':
            return [iso(addDays(now, 1)), iso(addDays(now, 1))];
        case 'THIS_WEEK':
            return [iso(startOfWeek(now)), iso(endOfWeek(now))];
        case 'LAST_WEEK':
            return [iso(startOfWeek(subWeeks(now, 1))), iso(endOfWeek(subWeeks(now, 1)))];
        case 'NEXT_WEEK':
            return [iso(startOfWeek(addWeeks(now, 1))), iso(endOfWeek(addWeeks(now, 1)))];
        case 'THIS_MONTH':
            return [iso(startOfMonth(now)), iso(endOfMonth(now))];
        case 'LAST_MONTH':
            return [iso(startOfMonth(subMonths(now, 1))), iso(endOfMonth(subMonths(now, 1)))];
        case 'NEXT_MONTH':
            return [iso(startOfMonth(addMonths(now, 1))), iso(endOfMonth(addMonths(now, 1)))];
        case 'THIS_QUARTER':
            return [iso(startOfQuarter(now)), iso(endOfQuarter(now))];
        case 'THIS_YEAR':
            return [iso(startOfYear(now)), iso(endOfYear(now))];
        case 'LAST_YEAR':
            return [iso(startOfYear(subYears(now, 1))), iso(endOfYear(subYears(now, 1)))];
        case 'NEXT_YEAR':
            return [iso(startOfYear(addYears(now, 1))), iso(endOfYear(addYears(now, 1)))];
        default:
            throw new QueryError(`Unknown date literal ${literal}: use TODAY, YESTERDAY, TOMORROW, THIS_WEEK, LAST_WEEK, NEXT_WEEK, THIS_MONTH, LAST_MONTH, NEXT_MONTH, THIS_QUARTER, THIS_YEAR, LAST_YEAR or NEXT_YEAR.`);
    }
}

type Operand = { kind: 'scalar'; value: unknown } | { kind: 'range'; from: string; to: string };

/** A filter operand: a plain value, or for dates { value }, { literal } or { range: { last_n_days } }. */
function operand(field: FieldInfo, raw: unknown, now: Date): Operand {
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
        const object = raw as { value?: unknown; literal?: string; range?: Record<string, number> };
        if ('value' in object) return { kind: 'scalar', value: object.value };
        if (object.literal) {
            const [from, to] = dateLiteralRange(object.literal, now);
            return { kind: 'range', from, to };
        }
        if (object.range) {
            const [key, n] = Object.entries(object.range)[0] ?? [];
            if (key === 'last_n_days' && typeof n === 'number') return { kind: 'range', from: iso(addDays(now, -n)), to: iso(now) };
            if (key === 'next_n_days' && typeof n === 'number') return { kind: 'range', from: iso(now), to: iso(addDays(now, n)) };
            throw new QueryError(`Unsupported date range on ${field.apiName}: ${JSON.stringify(object.range)}; use last_n_days or next_n_days.`);
        }
        throw new QueryError(`Cannot read the filter value ${JSON.stringify(raw)} on ${field.apiName}: use { value: … } or { literal: … }.`);
    }
    return { kind: 'scalar', value: raw };
}

function comparable(field: FieldInfo, value: unknown): string | number | boolean | null {
    if (value === null || value === undefined) return null;
    if (field.dataType === 'DateTime' && typeof value === 'string') return value.length === 10 ? value : new Date(value).toISOString();
    if (typeof value === 'string' && (field.dataType === 'Reference' || field.dataType === 'Id')) return value.slice(0, 15);
    if (typeof value === 'string' && ['String', 'TextArea', 'Picklist', 'Url', 'Email', 'Phone'].includes(field.dataType)) return value.toLowerCase();
    return value as string | number | boolean;
}

function compare(a: string | number | boolean, b: string | number | boolean): number {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    const left = String(a);
    const right = String(b);
    // A DateTime compared with a day: compare the day part.
    const width = Math.min(left.length, right.length) === 10 ? 10 : Math.max(left.length, right.length);
    return left.slice(0, width) < right.slice(0, width) ? -1 : left.slice(0, width) > right.slice(0, width) ? 1 : 0;
}

function likeToRegExp(pattern: string): RegExp {
    const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
    return new RegExp(`^${escaped}$`, 'is');
}

function testOperator(field: FieldInfo, op: string, raw: unknown, actual: FieldValue, now: Date): boolean {
    const value = comparable(field, actual);
    if (op === 'in' || op === 'nin') {
        if (!Array.isArray(raw)) throw new QueryError(`${field.apiName}: "${op}" needs a list of values.`);
        const found = raw.some((item) => {
            const candidate = operand(field, item, now);
            return candidate.kind === 'scalar' && comparable(field, candidate.value) === value;
        });
        return op === 'in' ? found : !found;
    }
    if (op === 'like') {
        if (typeof raw !== 'string') throw new QueryError(`${field.apiName}: "like" needs a string pattern.`);
        return typeof actual === 'string' && likeToRegExp(raw).test(actual);
    }
    if (op === 'includes' || op === 'excludes') {
        const values = String(actual ?? '').split(';');
        const wanted = Array.isArray(raw) ? raw.map(String) : [String(raw)];
        const hit = wanted.some((w) => values.includes(w));
        return op === 'includes' ? hit : !hit;
    }
    const target = operand(field, raw, now);
    if (target.kind === 'range') {
        if (value === null) return op === 'ne';
        const day = String(value).slice(0, 10);
        switch (op) {
            case 'eq':
                return day >= target.from && day <= target.to;
            case 'ne':
                return day < target.from || day > target.to;
            case 'gt':
                return day > target.to;
            case 'gte':
                return day >= target.from;
            case 'lt':
                return day < target.from;
            case 'lte':
                return day <= target.to;
        }
    }
    const expected = comparable(field, target.kind === 'scalar' ? target.value : null);
    if (op === 'eq') return expected === null ? value === null : value !== null && compare(value, expected) === 0;
    if (op === 'ne') return expected === null ? value !== null : value === null || compare(value, expected) !== 0;
    if (value === null || expected === null) return false;
    switch (op) {
        case 'gt':
            return compare(value, expected) > 0;
        case 'gte':
            return compare(value, expected) >= 0;
        case 'lt':
            return compare(value, expected) < 0;
        case 'lte':
            return compare(value, expected) <= 0;
        default:
            throw new QueryError(`Unknown operator "${op}" on ${field.apiName}: use eq, ne, gt, gte, lt, lte, in, nin, like, includes or excludes.`);
    }
}

export function parentOf(org: Org, record: OrgRecord, field: FieldInfo): OrgRecord | undefined {
    const id = record[field.apiName];
    return typeof id === 'string' ? org.get(id) : undefined;
}

/** True when the record passes the `where` filter. */
export function matches(org: Org, object: ObjectInfo, record: OrgRecord, where: unknown): boolean {
    if (where === null || where === undefined) return true;
    if (typeof where !== 'object' || Array.isArray(where)) throw new QueryError(`A where filter on ${object.apiName} must be an object, got ${JSON.stringify(where)}.`);
    for (const [key, condition] of Object.entries(where as Record<string, unknown>)) {
        if (key === 'and' || key === 'or') {
            if (!Array.isArray(condition)) throw new QueryError(`"${key}" on ${object.apiName} needs a list of filters.`);
            const results = condition.map((c) => matches(org, object, record, c));
            if (key === 'and' ? !results.every(Boolean) : !results.some(Boolean)) return false;
            continue;
        }
        if (key === 'not') {
            if (matches(org, object, record, condition)) return false;
            continue;
        }
        const field = object.fields.get(key);
        if (field) {
            if (!condition || typeof condition !== 'object') throw new QueryError(`The filter on ${object.apiName}.${key} must be an object such as { eq: … }.`);
            for (const [op, raw] of Object.entries(condition as Record<string, unknown>)) {
                if (!testOperator(field, op, raw, org.valueOf(record, field), org.now())) return false;
            }
            continue;
        }
        const reference = org.schema.relationshipField(object, key);
        if (reference) {
            const parent = parentOf(org, record, reference);
            if (!parent) return false;
            if (!matches(org, org.objectInfo(parent.apiName), parent, condition)) return false;
            continue;
        }
        throw new QueryError(`Cannot filter ${object.apiName} by "${key}": no such field or relationship.`);
    }
    return true;
}

export interface SortKey {
    path: string[];
    descending: boolean;
    nullsLast: boolean;
}

/** Sort keys from a GraphQL orderBy: { Field: { order: ASC|DESC, nulls: FIRST|LAST } } or a relationship. */
export function sortKeysFromOrderBy(orderBy: unknown, prefix: string[] = []): SortKey[] {
    if (!orderBy || typeof orderBy !== 'object') return [];
    const keys: SortKey[] = [];
    for (const [name, spec] of Object.entries(orderBy as Record<string, unknown>)) {
        const s = spec as { order?: string; nulls?: string };
        if (s && typeof s === 'object' && ('order' in s || 'nulls' in s)) {
            const descending = String(s.order ?? 'ASC').toUpperCase() === 'DESC';
            keys.push({ path: [...prefix, name], descending, nullsLast: s.nulls ? String(s.nulls).toUpperCase() === 'LAST' : descending });
        } else {
            keys.push(...sortKeysFromOrderBy(spec, [...prefix, name]));
        }
    }
    return keys;
}

/** Follows a path such as ['Owner', 'Name'] from a record. */
export function valueAtPath(org: Org, object: ObjectInfo, record: OrgRecord, path: string[]): { field: FieldInfo; value: FieldValue } {
    const [head, ...rest] = path;
    if (!head) throw new QueryError(`Empty field path on ${object.apiName}.`);
    if (rest.length === 0) {
        const field = object.fields.get(head);
        if (!field) throw new QueryError(`No field ${head} on ${object.apiName}.`);
        return { field, value: org.valueOf(record, field) };
    }
    const reference = org.schema.relationshipField(object, head);
    if (!reference) throw new QueryError(`No relationship ${head} on ${object.apiName}.`);
    const parent = parentOf(org, record, reference);
    const parentObject = org.schema.object(parent?.apiName ?? reference.referenceTo?.[0] ?? '');
    if (!parentObject) throw new QueryError(`The relationship ${object.apiName}.${head} points at an object the preview org lacks.`);
    if (!parent) {
        const field = parentObject.fields.get(rest[rest.length - 1]!);
        if (!field) throw new QueryError(`No field ${rest.join('.')} on ${parentObject.apiName}.`);
        return { field, value: null };
    }
    return valueAtPath(org, parentObject, parent, rest);
}

export function sortRecords(org: Org, object: ObjectInfo, records: OrgRecord[], keys: SortKey[]): OrgRecord[] {
    if (!keys.length) return records;
    const decorated = records.map((record) => ({ record, values: keys.map((k) => comparableForSort(valueAtPath(org, object, record, k.path))) }));
    decorated.sort((a, b) => {
        for (let i = 0; i < keys.length; i++) {
            const key = keys[i]!;
            const left = a.values[i];
            const right = b.values[i];
            if (left === right) continue;
            if (left === null || left === undefined) return key.nullsLast ? 1 : -1;
            if (right === null || right === undefined) return key.nullsLast ? -1 : 1;
            const order = compare(left, right);
            if (order !== 0) return key.descending ? -order : order;
        }
        return 0;
    });
    return decorated.map((d) => d.record);
}

function comparableForSort({ field, value }: { field: FieldInfo; value: FieldValue }): string | number | boolean | null {
    if (value === null) return null;
    if (typeof value === 'string' && ['String', 'TextArea', 'Picklist'].includes(field.dataType)) return value.toLowerCase();
    return value;
}

const currencyFormat = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** The displayValue the UI API gives: formatted numbers and dates, picklist labels; null for text. */
export function displayValueOf(field: FieldInfo, value: FieldValue): string | null {
    if (value === null || value === undefined) return null;
    switch (field.dataType) {
        case 'Currency':
            return typeof value === 'number' ? currencyFormat.format(value) : null;
        case 'Percent':
            return typeof value === 'number' ? `${value}%` : null;
        case 'Double':
        case 'Int':
            return typeof value === 'number' ? value.toLocaleString('en-US') : null;
        case 'Date':
            return typeof value === 'string' ? new Date(`${value}T00:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC' }) : null;
        case 'DateTime':
            return typeof value === 'string' ? new Date(value).toLocaleString('en-US', { timeZone: 'UTC' }) : null;
        case 'Picklist':
            return String(value);
        case 'Boolean':
            return null;
        default:
            return null;
    }
}

/** The child records of a parent through a child relationship, e.g. Goal_Plan__c.Learning_Goals__r. */
export function childrenOf(org: Org, parent: OrgRecord, childObjectApiName: string, fieldName: string): OrgRecord[] {
    return org.all(childObjectApiName).filter((child) => sameId(child[fieldName], parent.Id));
}
