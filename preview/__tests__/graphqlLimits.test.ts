// The preview's GraphQL server refuses what a real org refuses, with the platform's error shape,
// so an end-to-end test of a panel fails where the org would fail it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { executeGraphql } from '../server/graphql';
import { buildSampleOrg } from '../server/sampleOrg';

const ANA = '005000000000002AAA';
const restoredPanel = path.join(__dirname, '../../scripts/validate/__tests__/fixtures/graphql-subqueries/force-app/main/default/lwc/goalPlanPanel/goalPlanPanel.ts');

async function sampleOrg() {
    const { org } = await buildSampleOrg({
        exportDir: path.join(__dirname, 'fixtures', 'export'),
        analysisJson: path.join(__dirname, 'fixtures', 'no-analysis.json'),
        heavyRep: false,
        now: () => new Date('2026-06-30T12:00:00.000Z'),
    });
    return org;
}

/** The one gql query of the goal-plan panel before it was split (11 subqueries). */
async function formerGoalPlanQuery(): Promise<string> {
    const source = await readFile(restoredPanel, 'utf8');
    const match = /\bgql`([^`]*)`/.exec(source);
    if (!match) throw new Error('no gql query in the restored panel');
    return match[1]!;
}

const variables = { repId: ANA, planKey: `${ANA}:2026-01-01`, periodStart: '2026-01-01', periodStartTime: '2026-01-01T08:00:00.000Z', today: '2026-06-30' };

describe('preview GraphQL server: platform limits', () => {
    test('refuses a query of 11 subqueries with a ValidationError and no data', async () => {
        const org = await sampleOrg();
        const answer = executeGraphql(org, await formerGoalPlanQuery(), variables);
        expect(answer.data).toBeNull();
        expect(answer.errors).toHaveLength(1);
        expect(answer.errors[0]).toMatchObject({
            message: expect.stringContaining('The query has 11 subqueries'),
            extensions: { ErrorType: 'ValidationError' },
            path: ['uiapi', 'query', 'OpportunitiesCreated'],
        });
        expect(answer.errors[0]!.locations[0]!.line).toBeGreaterThan(1);
    });

    test('answers the same query once it keeps to 10 subqueries', async () => {
        const org = await sampleOrg();
        const withoutAlias = (await formerGoalPlanQuery()).replace(/OpportunitiesCreated: Opportunity\([\s\S]*?\{\s*totalCount\s*\}/, '');
        const answer = executeGraphql(org, withoutAlias, variables);
        expect(answer.errors).toEqual([]);
        expect(Object.keys((answer.data as { uiapi: { query: object } }).uiapi.query)).toHaveLength(10);
    });

    test('refuses first over 2000, also when it comes from a variable', async () => {
        const org = await sampleOrg();
        const query = 'query big($n: Int) { uiapi { query { Opportunity(first: $n) { edges { node { Id } } } } } }';
        expect(executeGraphql(org, query, { n: 2000 }).errors).toEqual([]);
        const refused = executeGraphql(org, query, { n: 2001 });
        expect(refused.data).toBeNull();
        expect(refused.errors[0]).toMatchObject({ message: expect.stringContaining('up to 2000 records'), extensions: { ErrorType: 'ValidationError' } });
    });

    test('refuses an object User Interface API does not support', async () => {
        const org = await sampleOrg();
        const refused = executeGraphql(org, 'query { uiapi { query { Solution(first: 1) { totalCount } } } }');
        expect(refused.data).toBeNull();
        expect(refused.errors[0]).toMatchObject({ message: expect.stringContaining('Solution is not on the kept list'), extensions: { ErrorType: 'ValidationError' } });
    });

    test('a syntax error is an InvalidSyntax error', async () => {
        const org = await sampleOrg();
        const refused = executeGraphql(org, 'query { uiapi { query { Opportunity( } } }');
        expect(refused.errors[0]).toMatchObject({ extensions: { ErrorType: 'InvalidSyntax' } });
    });
});
