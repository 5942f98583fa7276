import type { QueryShape } from './queryShape';
import { cite } from '../citation';
import type { GraphqlRule, GraphqlViolation } from './violation';

/**
 * Parent-to-child relationships: one level only (no child relationship inside a child relationship).
 *
 * LWC Developer Guide, "Children and Parent Relationships" (GraphQL wire adapter)
 * (https://developer.salesforce.com/docs/platform/lwc/guide/reference-graphql-relationships.html):
 * "The GraphQL wire adapter only supports one level of child relationships. For example, you can
 * request contacts on an account record, but not any child relationships of those contacts."
 */
export const MAX_CHILD_LEVELS = 1;

export const childRelationshipLimit: GraphqlRule = {
    id: 'graphql-child-relationships',
    citation: {
        page: 'LWC Developer Guide, Children and Parent Relationships',
        url: 'https://developer.salesforce.com/docs/platform/lwc/guide/reference-graphql-relationships.html',
        quote: 'The GraphQL wire adapter only supports one level of child relationships.',
    },
    check(shape: QueryShape): GraphqlViolation[] {
        const violations: GraphqlViolation[] = [];
        const visitNode = (node: NonNullable<(typeof shape.recordQueries)[number]['node']>, level: number) => {
            for (const child of node.children) {
                if (level + 1 > MAX_CHILD_LEVELS) {
                    violations.push({
                        rule: this.id,
                        severity: 'error',
                        message: `${child.path.join('/')} is a child relationship inside a child relationship; the GraphQL wire adapter supports one level (${cite(this.citation)}).`,
                        fix: `Query ${child.name} as its own subquery, filtered by its parent's id.`,
                        location: child.location,
                        path: child.path,
                    });
                }
                if (child.node) visitNode(child.node, level + 1);
            }
            for (const parent of node.parents) visitNode(parent.node, level);
        };
        for (const recordQuery of shape.recordQueries) if (recordQuery.node) visitNode(recordQuery.node, 0);
        return violations;
    },
};
