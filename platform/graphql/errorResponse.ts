import type { GraphqlViolation } from './violation';
import type { QueryLocation } from './queryShape';

/**
 * The platform's answer to a query it rejects: HTTP 200 with `data: null` and `errors`, each error
 * with its message, locations and path, and its ErrorType.
 *
 * GraphQL API Developer Guide, "Status Codes and Error Responses"
 * (https://developer.salesforce.com/docs/platform/graphql/guide/query-status.html):
 * "GraphQL API can also return a 200 OK in cases where the request contains an error, such as an
 * invalid object name or field. The error is represented by the GraphQLErrorRepresentation type."
 * and "ValidationError- The request isn't valid against the GraphQL API schema."
 * The page names the ErrorType values but shows no full example; message, locations and path are
 * the GraphQL specification's error fields, and ErrorType is carried in `extensions`.
 */
export type GraphqlErrorType = 'InvalidSyntax' | 'ValidationError' | 'DataFetchingException' | 'OperationNotSupported' | 'ExecutionAborted';

export interface GraphqlErrorRepresentation {
    message: string;
    locations: QueryLocation[];
    path?: string[];
    extensions: { ErrorType: GraphqlErrorType };
}

export function graphqlError(errorType: GraphqlErrorType, message: string, location?: QueryLocation, path?: readonly string[]): GraphqlErrorRepresentation {
    return {
        message,
        locations: location ? [location] : [],
        ...(path && path.length ? { path: [...path] } : {}),
        extensions: { ErrorType: errorType },
    };
}

/** A rule violation as the platform reports it: a ValidationError naming the limit and the fix. */
export function violationError(violation: GraphqlViolation): GraphqlErrorRepresentation {
    return graphqlError('ValidationError', `${violation.message} ${violation.fix}`, violation.location, violation.path);
}
