import type { ConnectionShape, QueryShape } from './queryShape';
import { cite } from '../citation';
import { type GraphqlRule, type GraphqlViolation, QUERY_LIMITS_PAGE } from './violation';

/**
 * `first` of every record query and child relationship is at most 2000.
 *
 * GraphQL API Developer Guide, "GraphQL API Query Limitations"
 * (https://developer.salesforce.com/docs/platform/graphql/guide/query-limits.html):
 * "Each subquery can return up to 2000 records within the same GraphQL query."
 * and "By default, the first 10 records are returned."
 */
export const MAX_FIRST = 2000;
export const DEFAULT_FIRST = 10;

/** Every connection of the query: record queries and, inside their nodes, child relationships. */
export function allConnections(shape: QueryShape): ConnectionShape[] {
    const out: ConnectionShape[] = [];
    const visit = (connection: ConnectionShape) => {
        out.push(connection);
        const walkNode = (node: NonNullable<ConnectionShape['node']>) => {
            node.children.forEach(visit);
            node.parents.forEach((parent) => walkNode(parent.node));
        };
        if (connection.node) walkNode(connection.node);
    };
    shape.recordQueries.forEach(visit);
    return out;
}

export const recordLimit: GraphqlRule = {
    id: 'graphql-first',
    citation: { ...QUERY_LIMITS_PAGE, quote: 'Each subquery can return up to 2000 records within the same GraphQL query.' },
    check(shape: QueryShape): GraphqlViolation[] {
        const violations: GraphqlViolation[] = [];
        for (const connection of allConnections(shape)) {
            const first = connection.first;
            if (first.kind !== 'number' || (Number.isInteger(first.value) && first.value >= 0 && first.value <= MAX_FIRST)) continue;
            violations.push({
                rule: this.id,
                severity: 'error',
                message: `${connection.key} asks for first: ${first.value}; a subquery can return up to ${MAX_FIRST} records (${cite(this.citation)}).`,
                fix: `Use first of at most ${MAX_FIRST} and page on with after: pageInfo.endCursor.`,
                location: connection.location,
                path: connection.path,
            });
        }
        return violations;
    },
};
