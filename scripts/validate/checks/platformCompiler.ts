import { existsSync, readdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { findLwcBundles, LwcBundle } from '../lwcBundles';
import { extraLightningModules } from '../standardFields';
import { Check, FindingInput, ProjectContext } from '../types';

const name = 'lwc-platform-compiler';

/** @lwc/errors DiagnosticLevel: Fatal = 0, Error = 1, Warning = 2, Log = 3. */
const LEVEL_ERROR = 1;
const LEVEL_WARNING = 2;

/**
 * The `lightning/*` modules and `<lightning-*>` components known to exist: the base components'
 * published sources and the stubs sfdx-lwc-jest provides for the platform modules, plus any listed
 * in standardFields.ts. Undefined when neither package is installed (the check is then skipped).
 */
function knownLightningModules(): Set<string> | undefined {
    const known = new Set<string>(extraLightningModules);
    let found = false;
    for (const [pkg, folder] of [
        ['lightning-base-components', 'src/lightning'],
        ['@salesforce/sfdx-lwc-jest', 'src/lightning-stubs'],
    ] as const) {
        try {
            const dir = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), folder);
            for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) known.add(entry.name);
            found = true;
        } catch {
            // not installed: fall through
        }
    }
    return found ? known : undefined;
}

const kebab = (bundleName: string) => bundleName.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
const camel = (kebabName: string) => kebabName.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/** The files the org receives: the tsc output and templates, without TypeScript sources or tests. */
async function bundleFiles(project: ProjectContext, bundle: LwcBundle): Promise<Record<string, string>> {
    const files: Record<string, string> = {};
    const entries = await readdir(bundle.dir, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
        if (!entry.isFile()) continue;
        const absolute = path.join(entry.parentPath, entry.name);
        const relative = path.relative(bundle.dir, absolute).split(path.sep).join('/');
        if (relative.split('/').includes('__tests__') || absolute.endsWith('.ts') || project.forceIgnore.denies(absolute)) continue;
        files[relative] = await readFile(absolute, 'utf8');
    }
    return files;
}

type Compile = typeof import('@lwc/sfdc-lwc-compiler').compile;

async function compileBundle(
    compile: Compile,
    project: ProjectContext,
    bundle: LwcBundle,
    kebabNames: Set<string>,
    bundleNames: Set<string>,
    lightningModules: Set<string> | undefined,
): Promise<FindingInput[]> {
    const findings: FindingInput[] = [];
    const bundlePath = project.relative(bundle.dir);
    const files = await bundleFiles(project, bundle);
    // Compile for the API version the bundle declares: template and class features depend on it.
    const apiVersion = Number(/<apiVersion>\s*([\d.]+)\s*<\/apiVersion>/.exec(files[`${bundle.name}.js-meta.xml`] ?? '')?.[1]);
    let output;
    try {
        output = await compile({
            bundle: {
                namespace: 'c',
                name: bundle.name,
                type: 'platform',
                files,
                options: Number.isFinite(apiVersion) ? { apiVersion } : undefined,
            },
            compilerConfigs: [{ outputConfig: { minify: false, env: { NODE_ENV: 'production' } } }],
        });
    } catch (error) {
        return [{
            check: name,
            file: bundlePath,
            message: `The platform compiler rejected the bundle: ${(error as Error).message}`,
            fix: 'Correct the bundle so that it holds <name>.js, <name>.html and <name>.js-meta.xml as plain text files.',
        }];
    }
    for (const diagnostic of output.diagnostics) {
        if (diagnostic.level > LEVEL_WARNING) continue;
        const isError = diagnostic.level <= LEVEL_ERROR;
        findings.push({
            check: name,
            severity: isError ? 'error' : 'warning',
            file: diagnostic.filename ? `${bundlePath}/${diagnostic.filename}` : bundlePath,
            line: diagnostic.location?.line && diagnostic.location.line > 0 ? diagnostic.location.line : undefined,
            message: diagnostic.message,
            fix: diagnostic.filename?.endsWith('.js') && existsSync(path.join(bundle.dir, `${bundle.name}.ts`))
                ? `Fix the TypeScript source ${bundle.name}.ts (the line is in the compiled ${diagnostic.filename}) and rebuild.`
                : 'Fix the code at that line; the org runs the same compiler at deploy.',
        });
    }
    // The compiler does not resolve other custom components: check them against the project.
    for (const reference of output.metadata?.references ?? []) {
        const id = reference.id;
        let missing: string | undefined;
        if (reference.type === 'module' && id.startsWith('c/') && !bundleNames.has(id.slice(2))) missing = `module ${id}`;
        if (reference.type === 'component' && id.startsWith('c-') && !kebabNames.has(id.slice(2))) missing = `component <${id}>`;
        if (lightningModules && reference.type === 'module' && id.startsWith('lightning/') && !lightningModules.has(id.slice('lightning/'.length))) {
            missing = `module ${id}`;
        }
        if (lightningModules && reference.type === 'component' && id.startsWith('lightning-') && !lightningModules.has(camel(id.slice('lightning-'.length)))) {
            missing = `component <${id}>`;
        }
        if (!missing) continue;
        const location = reference.locations?.[0] as { startLine?: number } | undefined;
        findings.push({
            check: name,
            file: reference.file ? `${bundlePath}/${reference.file}` : bundlePath,
            line: location?.startLine,
            message: id.startsWith('lightning')
                ? `${bundle.name} uses ${missing}, which is no known Lightning base component or platform module: the deploy fails.`
                : `${bundle.name} uses ${missing}, which is no bundle in the project: the deploy fails.`,
            fix: id.startsWith('lightning')
                ? 'Correct the name (see the Lightning component reference); if it is a real platform module, add it to extraLightningModules in scripts/validate/standardFields.ts.'
                : 'Create the bundle, or correct the name (c/fooBar imports and <c-foo-bar> tags both name the folder lwc/fooBar).',
        });
    }
    return findings;
}

/**
 * Compiles every bundle with the compiler the org uses at deploy (linting included). It compiles
 * the tsc output: for customer bundles it ignores .ts files.
 */
export const platformCompilerCheck: Check = {
    name,
    description: 'every Lightning web component bundle compiles with the Salesforce platform compiler',
    async run(project) {
        const bundles = (await findLwcBundles(project)).filter((bundle) => existsSync(path.join(bundle.dir, `${bundle.name}.js`)));
        const bundleNames = new Set(bundles.map((bundle) => bundle.name));
        const kebabNames = new Set([...bundleNames].map(kebab));
        const lightningModules = knownLightningModules();
        const findings: FindingInput[] = [];
        // Loaded on demand: it pulls in ESM-only @lwc packages that only Node's require(esm) loads.
        const { compile } = await import('@lwc/sfdc-lwc-compiler');
        const started = Date.now();
        // One at a time: the compiler is CPU-bound, so running bundles side by side gains nothing.
        for (const bundle of bundles) {
            findings.push(...(await compileBundle(compile, project, bundle, kebabNames, bundleNames, lightningModules)));
        }
        project.note(name, `${bundles.length} bundles compiled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return findings;
    },
};
