// Executes the UI API GraphQL queries the panels send, over the in-memory org:
// uiapi { query { Object(where, orderBy, first, after) { edges { node { Id Field { value displayValue }
// Parent__r { … } Children__r(…) { edges { node { … } } } } } totalCount pageInfo { … } } } }.
// Unknown objects and fields are reported as GraphQL validation errors, as the platform does, and
// the platform's documented limits (platform/graphql: subqueries, first, relationship levels,
// supported objects) are checked before anything runs, with the platform's error shape.
import {
    type DocumentNode,
    type FieldNode,
    type FragmentDefinitionNode,
    GraphQLError,
    Kind,
    type OperationDefinitionNode,
    type SelectionSetNode,
    parse,
    valueFromASTUntyped,
} from 'graphql';
import { type GraphqlErrorRepresentation, graphqlError, violationError } from '../../platform/graphql/errorResponse';
import { DEFAULT_FIRST } from '../../platform/graphql/recordLimit';
import { checkGraphqlQuery } from '../../platform/graphql/rules';
import type { FieldInfo, ObjectInfo } from './schema';
import type { Org, OrgRecord } from './org';
import { QueryError, childrenOf, displayValueOf, matches, parentOf, sortKeysFromOrderBy, sortRecords } from './query';

export interface GraphQlResponse {
    data: Record<string, unknown> | null;
    errors: GraphqlErrorRepresentation[];
    /** Every record id in the result: the client refreshes the wire when one of them changes. */
    recordIds: string[];
}

class ValidationError extends Error {
    constructor(
        message: string,
        readonly node: FieldNode,
        readonly path: string[],
    ) {
        super(message);
    }
}

interface Context {
    org: Org;
    variables: Record<string, unknown>;
    fragments: Map<string, FragmentDefinitionNode>;
    recordIds: Set<string>;
}

const VALUE_TYPENAMES: Record<string, string> = {
    Id: 'IDValue',
    String: 'StringValue',
    TextArea: 'TextAreaValue',
    Reference: 'IDValue',
    Date: 'DateValue',
    DateTime: 'DateTimeValue',
    Currency: 'CurrencyValue',
    Double: 'DoubleValue',
    Int: 'IntValue',
    Percent: 'PercentValue',
    Boolean: 'BooleanValue',
    Picklist: 'PicklistValue',
    Url: 'UrlValue',
    Email: 'EmailValue',
    Phone: 'PhoneValue',
};

/** Fields of a selection set, with fragments spread in (type conditions checked against typename). */
function fieldsOf(ctx: Context, selectionSet: SelectionSetNode | undefined, typename: string): FieldNode[] {
    const out: FieldNode[] = [];
    for (const selection of selectionSet?.selections ?? []) {
        if (selection.kind === Kind.FIELD) out.push(selection);
        else if (selection.kind === Kind.INLINE_FRAGMENT) {
            const on = selection.typeCondition?.name.value;
            if (!on || on === typename || on === 'Record') out.push(...fieldsOf(ctx, selection.selectionSet, typename));
        } else {
            const fragment = ctx.fragments.get(selection.name.value);
            if (!fragment) throw new GraphQLError(`Unknown fragment "${selection.name.value}".`);
            const on = fragment.typeCondition.name.value;
            if (on === typename || on === 'Record') out.push(...fieldsOf(ctx, fragment.selectionSet, typename));
        }
    }
    return out;
}

function argsOf(ctx: Context, node: FieldNode): Record<string, unknown> {
    const args: Record<string, unknown> = {};
    for (const arg of node.arguments ?? []) args[arg.name.value] = valueFromASTUntyped(arg.value, ctx.variables);
    return args;
}

const keyOf = (node: FieldNode) => node.alias?.value ?? node.name.value;

function connection(ctx: Context, object: ObjectInfo, candidates: OrgRecord[], node: FieldNode, path: string[]): Record<string, unknown> {
    const args = argsOf(ctx, node);
    for (const name of Object.keys(args)) {
        if (!['where', 'orderBy', 'first', 'after', 'scope', 'upperBound'].includes(name)) {
            throw new ValidationError(`Validation error (UnknownArgument@[${path.join('/')}]) : Unknown field argument '${name}'`, node, path);
        }
    }
    let records: OrgRecord[];
    try {
        records = candidates.filter((record) => ctx.org.canSee(record) && matches(ctx.org, object, record, args.where));
        records = sortRecords(ctx.org, object, records, sortKeysFromOrderBy(args.orderBy));
    } catch (error) {
        if (error instanceof QueryError) throw new ValidationError(error.message, node, path);
        throw error;
    }
    if (args.scope && args.scope !== 'EVERYTHING' && args.scope !== 'MINE') {
        throw new ValidationError(`Unsupported scope ${String(args.scope)} in the preview: use EVERYTHING or MINE.`, node, path);
    }
    if (args.scope === 'MINE') records = records.filter((r) => r.OwnerId === ctx.org.currentUserId);
    const first = args.first === undefined || args.first === null ? DEFAULT_FIRST : Number(args.first);
    // Its upper bound is the platform rule checked before execution (platform/graphql/recordLimit).
    if (!Number.isInteger(first) || first < 0) {
        throw new ValidationError(`first must be a whole number of records; got ${String(args.first)}.`, node, path);
    }
    const offset = typeof args.after === 'string' ? Number(Buffer.from(args.after, 'base64').toString('utf8').replace(/^offset:/, '')) + 1 : 0;
    const page = records.slice(offset, offset + first);
    const typename = object.apiName;
    const result: Record<string, unknown> = {};
    for (const field of fieldsOf(ctx, node.selectionSet, `${typename}Connection`)) {
        const name = field.name.value;
        const fieldPath = [...path, keyOf(field)];
        if (name === 'edges') {
            result[keyOf(field)] = page.map((record, i) => {
                const edge: Record<string, unknown> = {};
                for (const edgeField of fieldsOf(ctx, field.selectionSet, `${typename}Edge`)) {
                    const edgeName = edgeField.name.value;
                    if (edgeName === 'node') edge[keyOf(edgeField)] = nodeOf(ctx, object, record, edgeField, [...fieldPath, 'node']);
                    else if (edgeName === 'cursor') edge[keyOf(edgeField)] = Buffer.from(`offset:${offset + i}`).toString('base64');
                    else if (edgeName === '__typename') edge[keyOf(edgeField)] = `${typename}Edge`;
                    else throw new ValidationError(`Validation error (FieldUndefined@[${[...fieldPath, edgeName].join('/')}]) : Field '${edgeName}' in type '${typename}Edge' is undefined`, edgeField, fieldPath);
                }
                return edge;
            });
        } else if (name === 'totalCount') result[keyOf(field)] = records.length;
        else if (name === 'pageInfo') {
            const info: Record<string, unknown> = {};
            for (const f of fieldsOf(ctx, field.selectionSet, 'PageInfo')) {
                const values: Record<string, unknown> = {
                    hasNextPage: offset + first < records.length,
                    hasPreviousPage: offset > 0,
                    startCursor: page.length ? Buffer.from(`offset:${offset}`).toString('base64') : null,
                    endCursor: page.length ? Buffer.from(`offset:${offset + page.length - 1}`).toString('base64') : null,
                    __typename: 'PageInfo',
                };
                if (!(f.name.value in values)) throw new ValidationError(`Validation error (FieldUndefined@[${fieldPath.join('/')}]) : Field '${f.name.value}' in type 'PageInfo' is undefined`, f, fieldPath);
                info[keyOf(f)] = values[f.name.value];
            }
            result[keyOf(field)] = info;
        } else if (name === '__typename') result[keyOf(field)] = `${typename}Connection`;
        else throw new ValidationError(`Validation error (FieldUndefined@[${fieldPath.join('/')}]) : Field '${name}' in type '${typename}Connection' is undefined`, field, fieldPath);
    }
    return result;
}

function valueObject(ctx: Context, info: FieldInfo, record: OrgRecord, node: FieldNode, path: string[]): Record<string, unknown> {
    const value = ctx.org.valueOf(record, info);
    const out: Record<string, unknown> = {};
    const typename = VALUE_TYPENAMES[info.dataType] ?? 'StringValue';
    if (!node.selectionSet) {
        throw new ValidationError(`Validation error (SubselectionRequired@[${path.join('/')}]) : Sub selection required for type '${typename}' of field '${info.apiName}'`, node, path);
    }
    for (const f of fieldsOf(ctx, node.selectionSet, typename)) {
        switch (f.name.value) {
            case 'value':
                out[keyOf(f)] = value;
                break;
            case 'displayValue':
                out[keyOf(f)] = displayValueOf(info, value);
                break;
            case 'label':
                out[keyOf(f)] = info.dataType === 'Picklist' ? value : null;
                break;
            case 'format':
                out[keyOf(f)] = null;
                break;
            case '__typename':
                out[keyOf(f)] = typename;
                break;
            default:
                throw new ValidationError(`Validation error (FieldUndefined@[${[...path, f.name.value].join('/')}]) : Field '${f.name.value}' in type '${typename}' is undefined`, f, path);
        }
    }
    return out;
}

function nodeOf(ctx: Context, object: ObjectInfo, record: OrgRecord, node: FieldNode, path: string[]): Record<string, unknown> {
    ctx.recordIds.add(record.Id);
    const out: Record<string, unknown> = {};
    for (const f of fieldsOf(ctx, node.selectionSet, object.apiName)) {
        const name = f.name.value;
        const fieldPath = [...path, keyOf(f)];
        if (name === 'Id') out[keyOf(f)] = record.Id;
        else if (name === 'ApiName' || name === '__typename') out[keyOf(f)] = object.apiName;
        else if (name === 'WeakEtag') out[keyOf(f)] = Date.parse(String(record.SystemModstamp ?? '')) || 0;
        else if (name === 'DisplayValue') out[keyOf(f)] = typeof record.Name === 'string' ? record.Name : null;
        else if (object.fields.has(name)) out[keyOf(f)] = valueObject(ctx, object.fields.get(name)!, record, f, fieldPath);
        else {
            const reference = ctx.org.schema.relationshipField(object, name);
            if (reference) {
                const parent = parentOf(ctx.org, record, reference);
                out[keyOf(f)] = parent && ctx.org.canSee(parent) ? nodeOf(ctx, ctx.org.objectInfo(parent.apiName), parent, f, fieldPath) : null;
                continue;
            }
            const children = ctx.org.schema.childRelationship(object, name);
            if (children) {
                const childObject = ctx.org.objectInfo(children.childObjectApiName);
                out[keyOf(f)] = connection(ctx, childObject, childrenOf(ctx.org, record, children.childObjectApiName, children.fieldName), f, fieldPath);
                continue;
            }
            // @optional: a field the org lacks (or the viewer cannot read) is left out, not an error.
            if (f.directives?.some((d) => d.name.value === 'optional')) continue;
            throw new ValidationError(`Validation error (FieldUndefined@[${fieldPath.join('/')}]) : Field '${name}' in type '${object.apiName}' is undefined`, f, fieldPath);
        }
    }
    return out;
}

function uiapiQuery(ctx: Context, node: FieldNode, path: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const f of fieldsOf(ctx, node.selectionSet, 'RecordQuery')) {
        const name = f.name.value;
        const fieldPath = [...path, keyOf(f)];
        if (name === '__typename') {
            out[keyOf(f)] = 'RecordQuery';
            continue;
        }
        const object = ctx.org.schema.object(name);
        if (!object) throw new ValidationError(`Validation error (FieldUndefined@[${fieldPath.join('/')}]) : Field '${name}' in type 'RecordQuery' is undefined`, f, fieldPath);
        out[keyOf(f)] = connection(ctx, object, ctx.org.all(name), f, fieldPath);
    }
    return out;
}

/** A query the platform refuses: HTTP 200, no data, the errors (platform/graphql/errorResponse). */
function rejected(...errors: GraphqlErrorRepresentation[]): GraphQlResponse {
    return { data: null, errors, recordIds: [] };
}

export function executeGraphql(org: Org, query: string, variables: Record<string, unknown> = {}, operationName?: string): GraphQlResponse {
    let document: DocumentNode;
    try {
        document = parse(query);
    } catch (error) {
        const e = error as GraphQLError;
        return { data: null, errors: [graphqlError('InvalidSyntax', `Invalid Syntax : ${e.message}`, e.locations?.[0])], recordIds: [] };
    }
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
    if (!operation) return rejected(graphqlError('OperationNotSupported', `No operation${operationName ? ` named ${operationName}` : ''} in the query.`));
    if (operation.operation !== 'query') return rejected(graphqlError('OperationNotSupported', 'The UI API GraphQL endpoint runs queries only; write with createRecord / updateRecord.'));
    const resolvedVariables: Record<string, unknown> = {};
    for (const definition of operation.variableDefinitions ?? []) {
        const name = definition.variable.name.value;
        if (name in variables) resolvedVariables[name] = variables[name];
        else if (definition.defaultValue) resolvedVariables[name] = valueFromASTUntyped(definition.defaultValue);
        else if (definition.type.kind === Kind.NON_NULL_TYPE) {
            return rejected(graphqlError('ValidationError', `Variable '${name}' has an invalid value: null. Expected type '${definition.type.type.kind === Kind.NAMED_TYPE ? definition.type.type.name.value : 'value'}!' to be non-null.`));
        }
    }
    // What a real org refuses (more than 10 subqueries, first over 2000, unsupported objects) is
    // refused here too, so the end-to-end tests fail where the org would.
    const refusals = checkGraphqlQuery(document, resolvedVariables, operation.name?.value).filter((v) => v.severity === 'error');
    if (refusals.length) return rejected(...refusals.map(violationError));
    const ctx: Context = {
        org,
        variables: resolvedVariables,
        fragments: new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f])),
        recordIds: new Set(),
    };
    try {
        const data: Record<string, unknown> = {};
        for (const top of fieldsOf(ctx, operation.selectionSet, 'Query')) {
            if (top.name.value !== 'uiapi') throw new ValidationError(`Validation error (FieldUndefined@[${top.name.value}]) : Field '${top.name.value}' in type 'Query' is undefined`, top, [top.name.value]);
            const uiapi: Record<string, unknown> = {};
            for (const section of fieldsOf(ctx, top.selectionSet, 'UIAPI')) {
                const path = [keyOf(top), keyOf(section)];
                if (section.name.value === 'query') uiapi[keyOf(section)] = uiapiQuery(ctx, section, path);
                else if (section.name.value === '__typename') uiapi[keyOf(section)] = 'UIAPI';
                else throw new ValidationError(`The preview org answers uiapi { query { … } } only; "${section.name.value}" is not available here.`, section, path);
            }
            data[keyOf(top)] = uiapi;
        }
        return { data, errors: [], recordIds: [...ctx.recordIds] };
    } catch (error) {
        if (error instanceof ValidationError) {
            const loc = error.node.loc?.startToken;
            return rejected(graphqlError('ValidationError', error.message, loc ? { line: loc.line, column: loc.column } : undefined, error.path));
        }
        if (error instanceof GraphQLError) return rejected(graphqlError('ValidationError', error.message));
        throw error;
    }
}
