import type { NodeShape, QueryShape } from '../../platform/graphql/queryShape';
import type { QueryLocation } from '../../platform/graphql/queryShape';
import type { SchemaIndex } from './schemaIndex';

/** Node fields UI API GraphQL adds to every record type; they are not fields of the object. */
const RECORD_FIELDS = new Set(['Id', 'ApiName', 'WeakEtag', 'DisplayValue', 'LastModifiedById', 'LastModifiedDate', 'SystemModstamp', 'RecordTypeId']);

export interface FieldProblem {
    readonly severity: 'error' | 'warning';
    readonly message: string;
    readonly fix: string;
    readonly location?: QueryLocation;
}

/**
 * Every field and parent relationship a query selects exists on its object, in force-app or on the
 * kept list of standard fields. Child relationships cannot be resolved offline (the kept list has no
 * child relationship names) and are reported as warnings.
 */
export function graphqlFieldProblems(shape: QueryShape, schema: SchemaIndex): FieldProblem[] {
    const problems: FieldProblem[] = [];
    const visit = (object: string, prefix: string, node: NodeShape) => {
        for (const field of node.fields) {
            if (prefix === '' && RECORD_FIELDS.has(field.name)) continue;
            const resolution = schema.resolve(object, prefix + field.name);
            if (!resolution.ok) problems.push({ severity: 'error', message: `${field.path.join('/')}: ${resolution.reason}`, fix: resolution.fix, location: field.location });
        }
        for (const parent of node.parents) visit(object, `${prefix}${parent.name}.`, parent.node);
        for (const child of node.children) {
            problems.push({
                severity: 'warning',
                message: `${child.path.join('/')}: child relationship ${child.name} of ${object} cannot be verified offline.`,
                fix: `Check the relationship name in Setup (Object Manager > ${object} > Fields) or query the child object directly.`,
                location: child.location,
            });
        }
    };
    for (const query of shape.recordQueries) {
        if (!schema.hasObject(query.name)) continue; // the supported-objects rule reports it
        if (query.node) visit(query.name, '', query.node);
    }
    return problems;
}
