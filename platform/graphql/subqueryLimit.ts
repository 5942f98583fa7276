import type { QueryShape } from './queryShape';
import { cite } from '../citation';
import { type GraphqlRule, type GraphqlViolation, QUERY_LIMITS_PAGE } from './violation';

/**
 * At most 10 record queries (subqueries) per GraphQL query; every alias is its own subquery.
 *
 * GraphQL API Developer Guide, "GraphQL API Query Limitations"
 * (https://developer.salesforce.com/docs/platform/graphql/guide/query-limits.html):
 * "Each GraphQL query can contain up to 10 subqueries."
 */
export const MAX_SUBQUERIES = 10;

export const subqueryLimit: GraphqlRule = {
    id: 'graphql-subqueries',
    citation: { ...QUERY_LIMITS_PAGE, quote: 'Each GraphQL query can contain up to 10 subqueries.' },
    check(shape: QueryShape): GraphqlViolation[] {
        const count = shape.recordQueries.length;
        if (count <= MAX_SUBQUERIES) return [];
        const extra = shape.recordQueries[MAX_SUBQUERIES]!;
        return [
            {
                rule: this.id,
                severity: 'error',
                message: `The query has ${count} subqueries (${shape.recordQueries.map((q) => q.key).join(', ')}); a UI API GraphQL query can contain up to ${MAX_SUBQUERIES} (${cite(this.citation)}).`,
                fix: `Split it into queries of at most ${MAX_SUBQUERIES} subqueries each (one @wire per query), e.g. the plan's records in one and the activity counts in another.`,
                location: extra.location,
                path: extra.path,
            },
        ];
    },
};
