// Every UI API GraphQL rule, run over a query's shape: `npm run validate` runs them over each gql
// query in force-app, and the preview's GraphQL server over each query it is sent.
import type { DocumentNode } from 'graphql';
import { childRelationshipLimit } from './childRelationshipLimit';
import { parentRelationshipLimit } from './parentRelationshipLimit';
import { queryShape } from './queryShape';
import { recordLimit } from './recordLimit';
import { subqueryLimit } from './subqueryLimit';
import { supportedObjects } from './supportedObjects';
import type { GraphqlRule, GraphqlViolation } from './violation';

export const graphqlRules: readonly GraphqlRule[] = [subqueryLimit, recordLimit, parentRelationshipLimit, childRelationshipLimit, supportedObjects];

/** What the platform would reject (errors) or may not serve (warnings) in a parsed query. */
export function checkGraphqlQuery(
    document: DocumentNode,
    variables: Readonly<Record<string, unknown>> = {},
    operationName?: string,
): GraphqlViolation[] {
    const shape = queryShape(document, variables, operationName);
    return graphqlRules.flatMap((rule) => rule.check(shape));
}
