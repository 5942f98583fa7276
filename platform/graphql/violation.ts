import type { QueryLocation } from './queryShape';

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
    /** The Salesforce page the rule encodes. */
    readonly source: string;
    check(shape: import('./queryShape').QueryShape): GraphqlViolation[];
}
