import type { NodeShape, QueryShape } from './queryShape';
import { allConnections } from './recordLimit';
import { cite } from '../citation';
import { type GraphqlRule, type GraphqlViolation, QUERY_LIMITS_PAGE } from './violation';

/**
 * Child-to-parent relationships: up to 5 levels in a path, up to 55 in a query.
 *
 * GraphQL API Developer Guide, "GraphQL API Query Limitations"
 * (https://developer.salesforce.com/docs/platform/graphql/guide/query-limits.html):
 * "A query can specify up to 55 child-to-parent relationships." and
 * "You can specify up to five levels in a child-to-parent relationship."
 */
export const MAX_PARENT_LEVELS = 5;
export const MAX_PARENT_RELATIONSHIPS = 55;

export const parentRelationshipLimit: GraphqlRule = {
    id: 'graphql-parent-relationships',
    citation: {
        ...QUERY_LIMITS_PAGE,
        quote: 'A query can specify up to 55 child-to-parent relationships. … You can specify up to five levels in a child-to-parent relationship.',
    },
    check(shape: QueryShape): GraphqlViolation[] {
        const violations: GraphqlViolation[] = [];
        let count = 0;
        const visit = (node: NodeShape, level: number) => {
            for (const parent of node.parents) {
                count += 1;
                if (level + 1 > MAX_PARENT_LEVELS) {
                    violations.push({
                        rule: this.id,
                        severity: 'error',
                        message: `${parent.path.join('/')} is child-to-parent level ${level + 1}; a query can specify up to ${MAX_PARENT_LEVELS} levels (${cite(this.citation)}).`,
                        fix: 'Query the distant parent in its own subquery by id instead of nesting deeper.',
                        location: parent.location,
                        path: parent.path,
                    });
                }
                visit(parent.node, level + 1);
            }
        };
        for (const connection of allConnections(shape)) if (connection.node) visit(connection.node, 0);
        if (count > MAX_PARENT_RELATIONSHIPS) {
            violations.push({
                rule: this.id,
                severity: 'error',
                message: `The query specifies ${count} child-to-parent relationships; a query can specify up to ${MAX_PARENT_RELATIONSHIPS} (${cite(this.citation)}).`,
                fix: 'Split the query, or select fewer parent relationships.',
                path: [],
            });
        }
        return violations;
    },
};
