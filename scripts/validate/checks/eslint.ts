import { existsSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { Check, FindingInput } from '../types';

const name = 'eslint';

/** Runs the project's eslint.config.js (the same run as `npm run lint`); errors fail the validation. */
export const eslintCheck: Check = {
    name,
    description: 'ESLint (LWC platform rules for components, typescript-eslint for the Node side) reports no errors',
    async run(project) {
        if (!existsSync(path.join(project.root, 'eslint.config.js'))) {
            return [{
                check: name,
                file: 'eslint.config.js',
                message: 'The project has no eslint.config.js.',
                fix: 'Add an ESLint 9 flat config eslint.config.js at the project root.',
            }];
        }
        const eslint = new ESLint({ cwd: project.root, errorOnUnmatchedPattern: false });
        const results = await eslint.lintFiles(['.']);
        const findings: FindingInput[] = [];
        let warnings = 0;
        for (const result of results) {
            for (const message of result.messages) {
                if (message.severity !== 2) {
                    warnings++;
                    continue;
                }
                findings.push({
                    check: name,
                    file: project.relative(result.filePath),
                    line: message.line,
                    message: `${message.message}${message.ruleId ? ` (${message.ruleId})` : ''}`,
                    fix: message.ruleId
                        ? `Change the code to satisfy ${message.ruleId}; \`npm run lint\` shows the same report.`
                        : 'Fix the syntax error at that line.',
                });
            }
        }
        project.note(name, `${results.length} files linted, ${findings.length} errors, ${warnings} warnings`);
        return findings;
    },
};
