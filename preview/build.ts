// Builds the preview bundle: the deployed components (force-app lwc, TypeScript transpiled as the
// org build does), the local lightning/* data modules and the host page, compiled by open-source
// LWC with lightning-base-components. Nothing in force-app is copied into the repository or edited:
// the staging folder lives under artifacts/ (git-ignored).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { rollup, type Plugin, type RollupLog } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { XMLParser } from 'fast-xml-parser';

export const repoRoot = path.resolve(__dirname, '..');
export const defaultOutDir = path.join(repoRoot, 'artifacts', 'preview');
const componentsDir = path.join(repoRoot, 'force-app', 'main', 'default', 'lwc');
const coachingPageFile = path.join(repoRoot, 'force-app', 'main', 'default', 'flexipages', 'Goal_Coach_Coaching.flexipage-meta.xml');
const previewModulesDir = path.join(__dirname, 'modules');
const appDir = path.join(__dirname, 'app');
const lbcDir = path.dirname(require.resolve('lightning-base-components/package.json'));
const sldsDir = path.dirname(require.resolve('@salesforce-ux/design-system/package.json'));

/** A component that a Lightning page can place, read from its js-meta.xml. */
export interface PanelInfo {
    name: string;
    tag: string;
    masterLabel: string;
    targets: string[];
    /** Objects of the record pages it supports; empty when it is not limited. */
    objects: string[];
}

export interface BuildResult {
    outDir: string;
    panels: PanelInfo[];
    components: string[];
    warnings: number;
    durationMs: number;
}

export interface BuildOptions {
    outDir?: string;
    /** Called with progress lines; silent when absent. */
    log?: (line: string) => void;
}

const tsOptions: ts.CompilerOptions = {
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    isolatedModules: true,
    experimentalDecorators: false,
    useDefineForClassFields: true,
    verbatimModuleSyntax: false,
};

function kebab(name: string): string {
    return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Copies a component folder to the staging tree, TypeScript transpiled to JavaScript. */
function stageComponent(sourceDir: string, targetDir: string): void {
    fs.mkdirSync(targetDir, { recursive: true });
    for (const entry of fs.readdirSync(sourceDir, { withFileTypes: true })) {
        if (entry.name === '__tests__' || entry.name.startsWith('.')) continue;
        const from = path.join(sourceDir, entry.name);
        if (entry.isDirectory()) {
            stageComponent(from, path.join(targetDir, entry.name));
        } else if (entry.name.endsWith('.d.ts')) {
            continue;
        } else if (entry.name.endsWith('.ts')) {
            const source = fs.readFileSync(from, 'utf8');
            const out = ts.transpileModule(source, { compilerOptions: tsOptions, fileName: from });
            fs.writeFileSync(path.join(targetDir, entry.name.replace(/\.ts$/, '.js')), out.outputText);
        } else if (entry.name.endsWith('.js') && fs.existsSync(from.replace(/\.js$/, '.ts'))) {
            // tsc output of `npm run build`, possibly stale: the .ts is transpiled instead.
            continue;
        } else {
            fs.copyFileSync(from, path.join(targetDir, entry.name));
        }
    }
}

function listDirs(dir: string): string[] {
    if (!fs.existsSync(dir)) return [];
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
        .map((e) => e.name)
        .sort();
}

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['target', 'targetConfig', 'object'].includes(name) });

export function readPanelInfo(name: string, metaFile: string): PanelInfo | null {
    if (!fs.existsSync(metaFile)) return null;
    const meta = xml.parse(fs.readFileSync(metaFile, 'utf8'))?.LightningComponentBundle;
    if (!meta || String(meta.isExposed) !== 'true') return null;
    const targets: string[] = (meta.targets?.target ?? []).map(String);
    const objects = new Set<string>();
    for (const config of meta.targetConfigs?.targetConfig ?? []) {
        for (const object of config?.objects?.object ?? []) objects.add(String(object));
    }
    return { name, tag: `c-${kebab(name)}`, masterLabel: String(meta.masterLabel ?? name), targets, objects: [...objects] };
}

/** One region of a Lightning app page and the components it places, with their properties. */
export interface AppPageRegion {
    name: string;
    components: Array<{ name: string; properties: Record<string, string> }>;
}

const flexiXml = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['flexiPageRegions', 'itemInstances', 'componentInstanceProperties'].includes(name),
});

/** The Goal Coach components of a FlexiPage (`c:` names), region by region, as the page places them. */
export function readAppPage(file: string): { label: string; regions: AppPageRegion[] } | null {
    if (!fs.existsSync(file)) return null;
    const page = flexiXml.parse(fs.readFileSync(file, 'utf8'))?.FlexiPage;
    if (!page) return null;
    const regions: AppPageRegion[] = [];
    for (const region of page.flexiPageRegions ?? []) {
        const components: AppPageRegion['components'] = [];
        for (const item of region.itemInstances ?? []) {
            const instance = item?.componentInstance;
            const name = String(instance?.componentName ?? '');
            if (!name.startsWith('c:')) continue;
            const properties: Record<string, string> = {};
            for (const property of instance.componentInstanceProperties ?? []) properties[String(property.name)] = String(property.value);
            components.push({ name: name.slice(2), properties });
        }
        regions.push({ name: String(region.name), components });
    }
    return { label: String(page.masterLabel ?? 'App page'), regions };
}

/** Writes the Coaching app page's layout as a module the host page imports (preview/appPage). */
function writeAppPageLayout(stageDir: string): void {
    const dir = path.join(stageDir, 'preview', 'appPage');
    fs.mkdirSync(dir, { recursive: true });
    const layout = readAppPage(coachingPageFile);
    fs.writeFileSync(path.join(dir, 'appPage.js'), `// Generated by preview/build.ts from the Coaching FlexiPage\nexport const coachingPage = ${JSON.stringify(layout)};\n`);
}

/** Resolves the @salesforce/* scoped modules: schema tokens, the current user, i18n and labels. */
function salesforceScopedModules(): Plugin {
    const prefix = '\0sf-scoped:';
    const scopedDir = path.join(lbcDir, 'scopedImports');
    return {
        name: 'salesforce-scoped-modules',
        resolveId(source) {
            if (!source.startsWith('@salesforce/')) return null;
            const [, type, ...rest] = source.split('/');
            const scopedFile = path.join(scopedDir, `@salesforce-${type}-${rest.join('/')}.js`);
            if (type !== 'schema' && type !== 'user' && fs.existsSync(scopedFile)) return scopedFile;
            if (['schema', 'user', 'label', 'i18n', 'client', 'customPermission', 'userPermission', 'gate'].includes(type ?? '')) {
                return prefix + source;
            }
            return null;
        },
        load(id) {
            if (!id.startsWith(prefix)) return null;
            const source = id.slice(prefix.length);
            const [, type, ...restParts] = source.split('/');
            const rest = restParts.join('/');
            switch (type) {
                case 'schema': {
                    // The same shape the platform (and sfdx-lwc-jest) gives: { objectApiName, fieldApiName }.
                    const [objectApiName, ...fieldPath] = rest.split('.');
                    const token = fieldPath.length ? { objectApiName, fieldApiName: fieldPath.join('.') } : { objectApiName };
                    return `export default ${JSON.stringify(token)};`;
                }
                case 'user':
                    if (rest === 'Id') return `import { currentUserId } from 'preview/org'; export default currentUserId();`;
                    if (rest === 'isGuest') return 'export default false;';
                    return `export default undefined;`;
                case 'label':
                    return `export default ${JSON.stringify(rest)};`;
                case 'customPermission':
                case 'userPermission':
                    return 'export default true;';
                case 'gate':
                    return 'export default { isOpen() { return false; } };';
                default:
                    return 'export default undefined;';
            }
        },
    };
}

/** Writes the list of panels as a module the host page imports (each panel its own chunk). */
function writePanelRegistry(stageDir: string, panels: PanelInfo[]): void {
    const dir = path.join(stageDir, 'preview', 'panels');
    fs.mkdirSync(dir, { recursive: true });
    const entries = panels
        .map((p) => `    { info: ${JSON.stringify(p)}, load: () => import('c/${p.name}') },`)
        .join('\n');
    fs.writeFileSync(path.join(dir, 'panels.js'), `// Generated by preview/build.ts\nexport const panels = [\n${entries}\n];\n`);
}

// Warnings raised by lightning-base-components' own templates and sources, not by our code.
function isThirdPartyWarning(log: RollupLog): boolean {
    const where = log.id ?? log.loc?.file ?? '';
    return where.includes(`${path.sep}node_modules${path.sep}`) || log.code === 'CIRCULAR_DEPENDENCY';
}

/**
 * Runs `work` while holding a lock folder, so that two test runs in the same tree do not build into
 * the same folders at once. A lock older than `staleMs` is left over from a killed run and is taken.
 */
async function withLock<T>(lockDir: string, work: () => Promise<T>, staleMs = 5 * 60_000): Promise<T> {
    fs.mkdirSync(path.dirname(lockDir), { recursive: true });
    for (;;) {
        try {
            fs.mkdirSync(lockDir);
            fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
            break;
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
            const lockedAt = fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
            if (Date.now() - lockedAt > staleMs || !holderAlive(lockDir)) fs.rmSync(lockDir, { recursive: true, force: true });
            else await new Promise((resolve) => setTimeout(resolve, 500));
        }
    }
    try {
        return await work();
    } finally {
        fs.rmSync(lockDir, { recursive: true, force: true });
    }
}

/** False when the process that took the lock has exited (a killed test run). */
function holderAlive(lockDir: string): boolean {
    let pid: number;
    try {
        pid = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
    } catch {
        return true; // just created (the holder is writing its pid) or just released
    }
    if (!Number.isInteger(pid) || pid <= 0) return true;
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

/** True when the bundle is newer than every input of the build. */
export function isBuildFresh(outDir = defaultOutDir): boolean {
    const bundle = path.join(outDir, 'dist', 'main.js');
    if (!fs.existsSync(bundle)) return false;
    const built = fs.statSync(bundle).mtimeMs;
    const inputs = [componentsDir, coachingPageFile, previewModulesDir, appDir, __filename, path.join(repoRoot, 'package-lock.json')];
    return inputs.every((input) => newestMtime(input) < built);
}

function newestMtime(target: string): number {
    const stat = fs.statSync(target, { throwIfNoEntry: false });
    if (!stat) return 0;
    if (!stat.isDirectory()) return stat.mtimeMs;
    let newest = stat.mtimeMs;
    for (const entry of fs.readdirSync(target)) {
        if (entry === 'node_modules' || entry === '__tests__') continue;
        newest = Math.max(newest, newestMtime(path.join(target, entry)));
    }
    return newest;
}

/** Builds unless the last build is still fresh (or another run just made it fresh). */
export async function ensurePreviewBuilt(options: BuildOptions = {}): Promise<BuildResult | null> {
    const outDir = options.outDir ?? defaultOutDir;
    return withLock(path.join(outDir, '.build-lock'), async () => (isBuildFresh(outDir) ? null : buildUnlocked(options)));
}

export async function buildPreview(options: BuildOptions = {}): Promise<BuildResult> {
    return withLock(path.join(options.outDir ?? defaultOutDir, '.build-lock'), () => buildUnlocked(options));
}

async function buildUnlocked(options: BuildOptions): Promise<BuildResult> {
    const started = performance.now();
    const log = options.log ?? (() => undefined);
    const outDir = options.outDir ?? defaultOutDir;
    const stageDir = path.join(outDir, 'stage', 'modules');
    // Built beside the served folder, then swapped in, so a running server never sees half a build.
    const finalDistDir = path.join(outDir, 'dist');
    const distDir = path.join(outDir, `dist-${process.pid}`);
    fs.rmSync(path.join(outDir, 'stage'), { recursive: true, force: true });
    fs.rmSync(distDir, { recursive: true, force: true });
    fs.mkdirSync(stageDir, { recursive: true });

    const components = listDirs(componentsDir).filter((name) =>
        fs.readdirSync(path.join(componentsDir, name)).some((f) => f === `${name}.ts` || f === `${name}.js` || f === `${name}.html`),
    );
    for (const name of components) stageComponent(path.join(componentsDir, name), path.join(stageDir, 'c', name));
    for (const namespace of listDirs(previewModulesDir)) {
        for (const name of listDirs(path.join(previewModulesDir, namespace))) {
            stageComponent(path.join(previewModulesDir, namespace, name), path.join(stageDir, namespace, name));
        }
    }
    // The module resolver wants a package.json above the namespace folders.
    fs.writeFileSync(path.join(outDir, 'stage', 'package.json'), JSON.stringify({ name: 'goal-coach-preview-stage', private: true }) + '\n');
    stageComponent(appDir, path.join(outDir, 'stage', 'app'));

    const panels = components
        .map((name) => readPanelInfo(name, path.join(componentsDir, name, `${name}.js-meta.xml`)))
        .filter((p): p is PanelInfo => p !== null);
    writePanelRegistry(stageDir, panels);
    writeAppPageLayout(stageDir);
    log(`staged ${components.length} component(s), ${panels.length} panel(s): ${panels.map((p) => p.name).join(', ') || 'none yet'}`);

    let warnings = 0;
    const bundle = await rollup({
        input: path.join(outDir, 'stage', 'app', 'main.js'),
        plugins: [
            replace({
                preventAssignment: true,
                values: { 'import.meta.env.SSR': 'false', 'process.env.NODE_ENV': JSON.stringify('development') },
            }),
            salesforceScopedModules(),
            lwc({
                rootDir: stageDir,
                modules: [{ dir: stageDir }, { npm: 'lightning-base-components' }],
                enableDynamicComponents: true,
            }),
        ],
        onwarn(warning, defaultHandler) {
            if (warning.code === 'UNRESOLVED_IMPORT') {
                // The browser could not load it either: stop with what to do.
                throw new Error(
                    `${warning.exporter ?? warning.message} (imported by ${path.relative(repoRoot, warning.id ?? '?')}) is not available in the preview. ` +
                        'If it is a platform module, add a local implementation under preview/modules/<namespace>/<name>/.',
                );
            }
            if (isThirdPartyWarning(warning)) return;
            warnings += 1;
            defaultHandler(warning);
        },
    });
    await bundle.write({ dir: distDir, format: 'esm', entryFileNames: 'main.js', chunkFileNames: 'chunks/[name]-[hash].js' });
    await bundle.close();

    // Static assets: SLDS stylesheet, icons and the host page.
    const assetsOut = path.join(distDir, 'assets');
    fs.cpSync(path.join(sldsDir, 'assets', 'styles'), path.join(assetsOut, 'styles'), { recursive: true });
    fs.cpSync(path.join(sldsDir, 'assets', 'icons'), path.join(assetsOut, 'icons'), { recursive: true });
    fs.cpSync(path.join(sldsDir, 'assets', 'images'), path.join(assetsOut, 'images'), { recursive: true });
    for (const file of ['index.html', 'preview.css']) fs.copyFileSync(path.join(appDir, file), path.join(distDir, file));
    fs.writeFileSync(path.join(distDir, 'panels.json'), JSON.stringify(panels, null, 2) + '\n');

    const oldDistDir = path.join(outDir, `dist-old-${process.pid}`);
    if (fs.existsSync(finalDistDir)) fs.renameSync(finalDistDir, oldDistDir);
    fs.renameSync(distDir, finalDistDir);
    fs.rmSync(oldDistDir, { recursive: true, force: true });

    const durationMs = Math.round(performance.now() - started);
    log(`built ${path.relative(repoRoot, finalDistDir)} in ${(durationMs / 1000).toFixed(1)} s`);
    return { outDir: finalDistDir, panels, components, warnings, durationMs };
}
