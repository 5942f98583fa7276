// The GraphQL rules read the query's shape the same way whether subqueries are aliased or come
// through fragments, so neither validate nor the preview can be slipped past.
import { parse } from 'graphql';
import { queryShape } from '../queryShape';
import { checkGraphqlQuery } from '../rules';

const subqueries = (count: number) =>
    Array.from({ length: count }, (_, i) => `q${i}: Opportunity(first: 1) { totalCount }`).join('\n');

describe('platform GraphQL rules', () => {
    test('every alias is a subquery: 10 pass, 11 fail', () => {
        expect(checkGraphqlQuery(parse(`query { uiapi { query { ${subqueries(10)} } } }`))).toEqual([]);
        const violations = checkGraphqlQuery(parse(`query { uiapi { query { ${subqueries(11)} } } }`));
        expect(violations.map((v) => [v.rule, v.severity, v.path.join('/')])).toEqual([['graphql-subqueries', 'error', 'uiapi/query/q10']]);
    });

    test('subqueries spread from a fragment count too', () => {
        const query = `fragment Deals on RecordQuery { ${subqueries(11)} } query { uiapi { query { ...Deals } } }`;
        expect(queryShape(parse(query)).recordQueries).toHaveLength(11);
    });

    test('classifies value fields, parent relationships and child relationships', () => {
        const shape = queryShape(
            parse(`query { uiapi { query { Account(first: 5) { edges { node {
                Id Name { value } Owner { Name { value } } Contacts(first: 3) { edges { node { Id } } }
            } } } } } }`),
        );
        const node = shape.recordQueries[0]!.node!;
        expect(node.fields.map((f) => f.name)).toEqual(['Id', 'Name']);
        expect(node.parents.map((p) => p.name)).toEqual(['Owner']);
        expect(node.children.map((c) => [c.name, c.first])).toEqual([['Contacts', { kind: 'number', value: 3 }]]);
    });

    test('a first from a variable is checked once the variable is known', () => {
        const document = parse('query q($n: Int) { uiapi { query { Opportunity(first: $n) { totalCount } } } }');
        expect(checkGraphqlQuery(document)).toEqual([]);
        expect(checkGraphqlQuery(document, { n: 2001 }).map((v) => v.rule)).toEqual(['graphql-first']);
    });
});
