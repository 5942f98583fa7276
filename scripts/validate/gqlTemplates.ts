import { readFile } from 'node:fs/promises';
import { lineAt } from './xml';

/** A gql`…` tagged template in a component's source. */
export interface GqlTemplate {
    readonly file: string;
    /** Line of the template's first character in the file (1-based). */
    readonly line: number;
    readonly text: string;
    /** The template interpolates `${…}`: its text is not the query the platform sees. */
    readonly interpolated: boolean;
}

const GQL_TEMPLATE = /\bgql\s*`((?:\\[\s\S]|[^`\\])*)`/g;

/** Every gql`…` query written in a source file. */
export async function gqlTemplates(file: string): Promise<GqlTemplate[]> {
    const source = await readFile(file, 'utf8');
    const templates: GqlTemplate[] = [];
    for (const match of source.matchAll(GQL_TEMPLATE)) {
        const text = match[1]!;
        const start = match.index + match[0].indexOf('`') + 1;
        templates.push({ file, line: lineAt(source, start), text, interpolated: text.includes('${') });
    }
    return templates;
}

/** The file line of a line inside the template (both 1-based). */
export function fileLine(template: GqlTemplate, queryLine: number): number {
    return template.line + queryLine - 1;
}
