import type { Citation } from '../citation';
import type { QueryLocation, QueryShape } from './queryShape';

/** What a GraphQL rule found: where in the query, what the platform does, and how to fix it. */
export interface GraphqlViolation {
    /** The rule's id, e.g. `graphql-subqueries`. */
    readonly rule: string;
    /** `error`: the platform rejects the query; `warning`: it may work but is not documented as supported. */
    readonly severity: 'error' | 'warning';
    readonly message: string;
    readonly fix: string;
    readonly location?: QueryLocation;
    readonly path: readonly string[];
}

/** A rule reads the query's shape and says what the platform would reject. */
export interface GraphqlRule {
    readonly id: string;
    /** The Salesforce page and sentence the rule encodes; every violation quotes it. */
    readonly citation: Citation;
    check(shape: QueryShape): GraphqlViolation[];
}

/** The GraphQL API guide's limits page, which most GraphQL rules encode. */
export const QUERY_LIMITS_PAGE = {
    page: 'GraphQL API Developer Guide, GraphQL API Query Limitations',
    url: 'https://developer.salesforce.com/docs/platform/graphql/guide/query-limits.html',
} as const;
