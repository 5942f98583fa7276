import { type DocumentNode, GraphQLError, parse } from 'graphql';
import { queryShape } from '../../../platform/graphql/queryShape';
import { checkGraphqlQuery } from '../../../platform/graphql/rules';
import { fileLine, GqlTemplate, gqlTemplates } from '../gqlTemplates';
import { graphqlFieldProblems } from '../graphqlFields';
import { SchemaIndex } from '../schemaIndex';
import { Check, FindingInput, ProjectContext } from '../types';
import { componentSources } from './fieldReferences';

const name = 'graphql-queries';

function parseTemplate(template: GqlTemplate, project: ProjectContext, findings: FindingInput[]): DocumentNode | undefined {
    const file = project.relative(template.file);
    if (template.interpolated) {
        findings.push({
            check: name,
            severity: 'warning',
            file,
            line: template.line,
            message: 'This gql query interpolates ${…}, so its text cannot be checked offline.',
            fix: 'Pass dynamic values as GraphQL variables instead of interpolating them.',
        });
        return undefined;
    }
    try {
        return parse(template.text);
    } catch (error) {
        const syntax = error as GraphQLError;
        const line = syntax.locations?.[0]?.line;
        findings.push({
            check: name,
            file,
            line: line ? fileLine(template, line) : template.line,
            message: `The gql query does not parse: ${syntax.message}`,
            fix: 'Correct the GraphQL syntax; the platform answers InvalidSyntax and the component gets only errors.',
        });
        return undefined;
    }
}

/**
 * Every gql query of the components is parsed and held to the platform's UI API GraphQL rules
 * (platform/graphql: subqueries, first, relationship levels, supported objects), and every field it
 * selects exists.
 */
export const graphqlQueriesCheck: Check = {
    name,
    description: 'every gql query of force-app parses, keeps UI API GraphQL limits, queries supported objects and selects existing fields',
    async run(project) {
        const schema = await SchemaIndex.load(project);
        const findings: FindingInput[] = [];
        let queries = 0;
        for (const source of componentSources(project, await project.allFiles())) {
            for (const template of await gqlTemplates(source)) {
                const document = parseTemplate(template, project, findings);
                if (!document) continue;
                queries += 1;
                const file = project.relative(template.file);
                const lineOf = (location?: { line: number }) => (location ? fileLine(template, location.line) : template.line);
                for (const violation of checkGraphqlQuery(document)) {
                    findings.push({ check: name, severity: violation.severity, file, line: lineOf(violation.location), message: violation.message, fix: violation.fix });
                }
                for (const problem of graphqlFieldProblems(queryShape(document), schema)) {
                    findings.push({ check: name, severity: problem.severity, file, line: lineOf(problem.location), message: problem.message, fix: problem.fix });
                }
            }
        }
        project.note(name, `${queries} gql queries checked`);
        return findings;
    },
};
