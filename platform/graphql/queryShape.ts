// The shape of a UI API GraphQL query as the platform's limits see it: the record queries under
// uiapi { query { … } }, and inside each node its fields, parent relationships and child
// relationships. Read from the document alone (no schema), so validate and the preview share it.
import {
    type DocumentNode,
    type FieldNode,
    type FragmentDefinitionNode,
    Kind,
    type OperationDefinitionNode,
    type SelectionSetNode,
    type ValueNode,
} from 'graphql';

export interface QueryLocation {
    /** 1-based, in the query text. */
    readonly line: number;
    readonly column: number;
}

/** `first` as written: a number, a variable the caller did not give, or absent. */
export type FirstArgument = { kind: 'number'; value: number } | { kind: 'variable'; name: string } | { kind: 'absent' } | { kind: 'other'; text: string };

/** A connection: a record query under uiapi.query, or a child relationship inside a node. */
export interface ConnectionShape {
    /** The response key (alias or name). */
    readonly key: string;
    /** The object (record query) or child relationship name. */
    readonly name: string;
    readonly first: FirstArgument;
    readonly location?: QueryLocation;
    /** Response path, e.g. uiapi/query/Opportunity. */
    readonly path: readonly string[];
    /** The node selected under edges, if any. */
    readonly node?: NodeShape;
}

export interface NodeShape {
    /** Fields selected with { value … } or as scalars (Id, ApiName, …). */
    readonly fields: ReadonlyArray<{ readonly name: string; readonly location?: QueryLocation; readonly path: readonly string[] }>;
    /** Child-to-parent relationships (Owner { … }, Goal_Plan__r { … }). */
    readonly parents: ReadonlyArray<{ readonly name: string; readonly location?: QueryLocation; readonly path: readonly string[]; readonly node: NodeShape }>;
    /** Parent-to-child relationships (Contacts(first: 5) { edges … }). */
    readonly children: readonly ConnectionShape[];
}

export interface QueryShape {
    /** The record queries (subqueries) under uiapi { query { … } }, aliases included. */
    readonly recordQueries: readonly ConnectionShape[];
}

/** The selections of a node that hold a field's value rather than a related record. */
const VALUE_SELECTIONS = new Set(['value', 'displayValue', 'label', 'format', '__typename']);
/** The selections that make a field a connection (a child relationship) rather than a parent. */
const CONNECTION_SELECTIONS = new Set(['edges', 'totalCount', 'pageInfo']);

interface Walk {
    readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
    readonly variables: Readonly<Record<string, unknown>>;
}

function locationOf(node: FieldNode): QueryLocation | undefined {
    const token = node.loc?.startToken;
    return token ? { line: token.line, column: token.column } : undefined;
}

/** Fields of a selection set with fragments spread in (type conditions are not needed for shape). */
function fieldsOf(walk: Walk, selectionSet: SelectionSetNode | undefined, seen = new Set<string>()): FieldNode[] {
    const out: FieldNode[] = [];
    for (const selection of selectionSet?.selections ?? []) {
        if (selection.kind === Kind.FIELD) out.push(selection);
        else if (selection.kind === Kind.INLINE_FRAGMENT) out.push(...fieldsOf(walk, selection.selectionSet, seen));
        else if (!seen.has(selection.name.value)) {
            const fragment = walk.fragments.get(selection.name.value);
            if (fragment) out.push(...fieldsOf(walk, fragment.selectionSet, new Set([...seen, selection.name.value])));
        }
    }
    return out;
}

function firstOf(walk: Walk, node: FieldNode): FirstArgument {
    const argument = node.arguments?.find((arg) => arg.name.value === 'first');
    if (!argument) return { kind: 'absent' };
    return firstValue(walk, argument.value);
}

function firstValue(walk: Walk, value: ValueNode): FirstArgument {
    if (value.kind === Kind.INT) return { kind: 'number', value: Number(value.value) };
    if (value.kind === Kind.VARIABLE) {
        const given = walk.variables[value.name.value];
        if (typeof given === 'number') return { kind: 'number', value: given };
        if (typeof given === 'string' && /^\d+$/.test(given)) return { kind: 'number', value: Number(given) };
        return { kind: 'variable', name: value.name.value };
    }
    return { kind: 'other', text: value.kind };
}

const keyOf = (node: FieldNode) => node.alias?.value ?? node.name.value;

function isConnection(walk: Walk, field: FieldNode): boolean {
    return (field.arguments?.length ?? 0) > 0 || fieldsOf(walk, field.selectionSet).some((f) => CONNECTION_SELECTIONS.has(f.name.value));
}

function connectionShape(walk: Walk, field: FieldNode, path: readonly string[]): ConnectionShape {
    const ownPath = [...path, keyOf(field)];
    let node: NodeShape | undefined;
    for (const part of fieldsOf(walk, field.selectionSet)) {
        if (part.name.value !== 'edges') continue;
        const nodeField = fieldsOf(walk, part.selectionSet).find((f) => f.name.value === 'node');
        if (nodeField) node = nodeShape(walk, nodeField, [...ownPath, keyOf(part), keyOf(nodeField)]);
    }
    return { key: keyOf(field), name: field.name.value, first: firstOf(walk, field), location: locationOf(field), path: ownPath, node };
}

function nodeShape(walk: Walk, nodeField: FieldNode, path: readonly string[]): NodeShape {
    const fields: Array<NodeShape['fields'][number]> = [];
    const parents: Array<NodeShape['parents'][number]> = [];
    const children: ConnectionShape[] = [];
    for (const field of fieldsOf(walk, nodeField.selectionSet)) {
        const fieldPath = [...path, keyOf(field)];
        const inner = fieldsOf(walk, field.selectionSet);
        if (field.name.value === '__typename') continue;
        if (inner.length === 0 || inner.every((f) => VALUE_SELECTIONS.has(f.name.value))) {
            fields.push({ name: field.name.value, location: locationOf(field), path: fieldPath });
        } else if (isConnection(walk, field)) {
            children.push(connectionShape(walk, field, path));
        } else {
            parents.push({ name: field.name.value, location: locationOf(field), path: fieldPath, node: nodeShape(walk, field, fieldPath) });
        }
    }
    return { fields, parents, children };
}

/**
 * The shape of the first operation (or the named one) of a parsed query. `variables` resolve a
 * `first: $n`; without them such a `first` stays a variable.
 */
export function queryShape(document: DocumentNode, variables: Readonly<Record<string, unknown>> = {}, operationName?: string): QueryShape {
    const fragments = new Map(
        document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
    );
    const walk: Walk = { fragments, variables };
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
    const recordQueries: ConnectionShape[] = [];
    for (const uiapi of fieldsOf(walk, operation?.selectionSet).filter((f) => f.name.value === 'uiapi')) {
        for (const query of fieldsOf(walk, uiapi.selectionSet).filter((f) => f.name.value === 'query')) {
            for (const record of fieldsOf(walk, query.selectionSet)) {
                if (record.name.value !== '__typename') recordQueries.push(connectionShape(walk, record, [keyOf(uiapi), keyOf(query)]));
            }
        }
    }
    return { recordQueries };
}
