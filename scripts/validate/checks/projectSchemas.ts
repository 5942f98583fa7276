import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { ErrorObject } from 'ajv';
import { Check, FindingInput } from '../types';

const name = 'project-schemas';

const schemaFiles = [
    { file: 'sfdx-project.json', schema: '@salesforce/schemas/sfdx-project.schema.json', required: true },
    { file: 'config/project-scratch-def.json', schema: '@salesforce/schemas/project-scratch-def.schema.json', required: false },
] as const;

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
            for (const error of validate.errors ?? []) {
                findings.push({
                    check: name,
                    file,
                    message: `${file}: ${describe(error)}.`,
                    fix: `Correct ${error.instancePath || 'the file'} as the schema ${schema.split('/').pop()} requires (see its description in node_modules/${schema}).`,
                });
            }
        }
        return findings;
    },
};
