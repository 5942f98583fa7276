import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { findLwcBundles } from '../lwcBundles';
import { Check, FindingInput } from '../types';

const name = 'tsconfig-paths';

/**
 * TypeScript resolves `import x from 'c/foo'` through tsconfig.json `paths`. The LWC module
 * resolution has no wildcard form, so each bundle gets its own exact entry.
 */
export const tsconfigPathsCheck: Check = {
    name,
    description: 'every TypeScript bundle has its own c/<name> entry in tsconfig.json paths',
    async run(project) {
        const bundles = (await findLwcBundles(project)).filter((bundle) => existsSync(path.join(bundle.dir, `${bundle.name}.ts`)));
        const tsconfigFile = path.join(project.root, 'tsconfig.json');
        if (bundles.length === 0) return [];
        if (!existsSync(tsconfigFile)) {
            return [{
                check: name,
                file: 'tsconfig.json',
                message: `${bundles.length} bundles have TypeScript sources but the project has no tsconfig.json.`,
                fix: 'Add a tsconfig.json with compilerOptions.paths entries "c/<name>": ["<package dir>/…/lwc/<name>/<name>.ts"].',
            }];
        }
        // tsconfig.json allows comments and trailing commas: read it the way tsc does.
        const parsed = ts.parseConfigFileTextToJson(tsconfigFile, readFileSync(tsconfigFile, 'utf8'));
        if (parsed.error) {
            return [{
                check: name,
                file: 'tsconfig.json',
                message: `tsconfig.json cannot be read: ${ts.flattenDiagnosticMessageText(parsed.error.messageText, ' ')}`,
                fix: 'Correct the JSON syntax of tsconfig.json.',
            }];
        }
        const compilerOptions = (parsed.config?.compilerOptions ?? {}) as { baseUrl?: string; paths?: Record<string, string[]> };
        const baseDir = path.resolve(project.root, compilerOptions.baseUrl ?? '.');
        const paths = compilerOptions.paths ?? {};
        const findings: FindingInput[] = [];
        for (const key of Object.keys(paths)) {
            if (key.includes('*') && key.startsWith('c/')) {
                findings.push({
                    check: name,
                    file: 'tsconfig.json',
                    message: `compilerOptions.paths has the wildcard entry "${key}": the LWC module resolution has no such form.`,
                    fix: `Replace "${key}" with one entry per bundle: "c/<name>": ["force-app/main/default/lwc/<name>/<name>.ts"].`,
                });
            }
        }
        const bundleNames = new Set(bundles.map((bundle) => bundle.name));
        for (const bundle of bundles) {
            const key = `c/${bundle.name}`;
            const expected = project.relative(path.join(bundle.dir, `${bundle.name}.ts`));
            const expectedFromBase = path.relative(baseDir, path.join(bundle.dir, `${bundle.name}.ts`)).split(path.sep).join('/');
            const entry = paths[key];
            if (!entry) {
                findings.push({
                    check: name,
                    file: 'tsconfig.json',
                    message: `No compilerOptions.paths entry for ${key}.`,
                    fix: `Add "${key}": ["${expectedFromBase}"] to compilerOptions.paths.`,
                });
            } else if (!entry.some((target) => path.resolve(baseDir, target) === path.join(bundle.dir, `${bundle.name}.ts`))) {
                findings.push({
                    check: name,
                    file: 'tsconfig.json',
                    message: `compilerOptions.paths "${key}" points to ${JSON.stringify(entry)}, not to ${expected}.`,
                    fix: `Set "${key}": ["${expectedFromBase}"].`,
                });
            }
        }
        for (const key of Object.keys(paths)) {
            if (!key.startsWith('c/') || key.includes('*')) continue;
            if (!bundleNames.has(key.slice(2))) {
                findings.push({
                    check: name,
                    severity: 'warning',
                    file: 'tsconfig.json',
                    message: `compilerOptions.paths "${key}" names no TypeScript bundle in the project.`,
                    fix: `Remove the entry, or create lwc/${key.slice(2)}/${key.slice(2)}.ts.`,
                });
            }
        }
        return findings;
    },
};
