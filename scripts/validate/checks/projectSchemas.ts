import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { ErrorObject } from 'ajv';
import { Check, FindingInput } from '../types';

const name = 'project-schemas';

const schemaFiles = [
    { file: 'sfdx-project.json', schema: '@salesforce/schemas/sfdx-project.schema.json', required: true },
    { file: 'config/project-scratch-def.json', schema: '@salesforce/schemas/project-scratch-def.schema.json', required: false },
] as const;

/**
 * ajv reports the failures of every alternative of an anyOf, which reads as contradictory advice.
 * Fold everything under a failed anyOf into one message naming each distinct reason.
 */
function foldAlternatives(errors: readonly ErrorObject[]): string[] {
    const alternatives = errors.filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf').map((error) => error.instancePath);
    const covering = (error: ErrorObject) =>
        alternatives.find((prefix) => error.instancePath === prefix || error.instancePath.startsWith(`${prefix}/`));
    const messages: string[] = [];
    const folded = new Map<string, Set<string>>();
    for (const error of errors) {
        const prefix = covering(error);
        if (prefix === undefined) {
            messages.push(describe(error));
        } else if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') {
            const reasons = folded.get(prefix) ?? new Set<string>();
            reasons.add(describe(error));
            folded.set(prefix, reasons);
        }
    }
    for (const [prefix, reasons] of folded) {
        messages.push(`${prefix || '(top level)'} matches none of the allowed forms: ${[...reasons].join('; ')}`);
    }
    return [...new Set(messages)];
}

function describe(error: ErrorObject): string {
    const where = error.instancePath || '(top level)';
    const detail = error.params && 'additionalProperty' in error.params
        ? ` "${String(error.params.additionalProperty)}"`
        : error.params && 'allowedValues' in error.params
            ? ` (${(error.params.allowedValues as unknown[]).join(', ')})`
            : '';
    return `${where} ${error.message ?? 'is invalid'}${detail}`;
}

/** sfdx-project.json and the scratch org definition, against the JSON schemas Salesforce publishes. */
export const projectSchemasCheck: Check = {
    name,
    description: 'sfdx-project.json and config/project-scratch-def.json match the @salesforce/schemas JSON schemas',
    async run(project) {
        const findings: FindingInput[] = [];
        for (const { file, schema, required } of schemaFiles) {
            const absolute = path.join(project.root, file);
            if (!existsSync(absolute)) {
                if (required) {
                    findings.push({ check: name, file, message: `${file} is missing.`, fix: `Add ${file}.` });
                }
                continue;
            }
            let data: unknown;
            try {
                data = JSON.parse(readFileSync(absolute, 'utf8'));
            } catch (error) {
                findings.push({
                    check: name,
                    file,
                    message: `${file} is not valid JSON: ${(error as Error).message}`,
                    fix: 'Correct the JSON syntax.',
                });
                continue;
            }
            // The published schemas use keywords ajv does not know (e.g. markdownDescription): not strict.
            const ajv = new Ajv({ allErrors: true, strict: false });
            const validate = ajv.compile(JSON.parse(readFileSync(require.resolve(schema), 'utf8')) as object);
            if (validate(data)) continue;
            for (const message of foldAlternatives(validate.errors ?? [])) {
                findings.push({
                    check: name,
                    file,
                    message: `${file}: ${message}.`,
                    fix: `Correct the property named as ${schema.split('/').pop()} requires (its descriptions are in node_modules/${schema}).`,
                });
            }
        }
        return findings;
    },
};
