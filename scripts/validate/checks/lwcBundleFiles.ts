import { existsSync } from 'node:fs';
import path from 'node:path';
import { Check, FindingInput } from '../types';
import { findLwcBundles } from '../lwcBundles';

const name = 'lwc-bundle-files';

/** SDR accepts a bundle without its js-meta.xml or without the compiled .js; the deploy does not. */
export const lwcBundleFilesCheck: Check = {
    name,
    description: 'every Lightning web component bundle has <name>.js and <name>.js-meta.xml',
    async run(project) {
        const findings: FindingInput[] = [];
        const bundles = await findLwcBundles(project);
        for (const bundle of bundles) {
            const js = path.join(bundle.dir, `${bundle.name}.js`);
            const meta = path.join(bundle.dir, `${bundle.name}.js-meta.xml`);
            if (!existsSync(js)) {
                const ts = existsSync(path.join(bundle.dir, `${bundle.name}.ts`));
                findings.push({
                    check: name,
                    file: project.relative(bundle.dir),
                    message: `Bundle ${bundle.name} has no ${bundle.name}.js${ts ? ' (its .ts source was not compiled)' : ''}.`,
                    fix: ts
                        ? 'Run `npm run build` (tsc -p tsconfig.build.json) before validating or deploying, and make sure tsconfig.build.json includes the bundle.'
                        : `Add ${bundle.name}.js, or ${bundle.name}.ts and build it; the file name must match the folder name.`,
                });
            }
            if (!existsSync(meta)) {
                findings.push({
                    check: name,
                    file: project.relative(bundle.dir),
                    message: `Bundle ${bundle.name} has no ${bundle.name}.js-meta.xml.`,
                    fix: `Add ${bundle.name}.js-meta.xml with <apiVersion> and <isExposed> (and <targets> if it goes on a Lightning page).`,
                });
            }
        }
        project.note(name, `${bundles.length} bundles checked`);
        return findings;
    },
};
