import path from 'node:path';
import type { SourceComponent } from '@salesforce/source-deploy-retrieve';
import { Check, FindingInput } from '../types';

const name = 'unresolved-files';

function collectComponentFiles(component: SourceComponent, into: Set<string>): void {
    if (component.xml) into.add(path.resolve(component.xml));
    // A decomposed type's content folder (objects/Foo__c/) holds whatever lies in it; only the files
    // resolved as its children are deployed. Bundles and static resources deploy their whole folder.
    if (component.type.strategies?.adapter !== 'decomposed') {
        for (const file of component.walkContent()) into.add(path.resolve(file));
    }
    for (const childComponent of component.getChildren()) collectComponentFiles(childComponent, into);
}

/**
 * SDR silently leaves out a file it cannot place (a misnamed `Field.field.xml`, a stray file in a
 * bundle): the deploy then lacks it without any error. Every file the org should see must belong to
 * a resolved component; .forceignore excludes the TypeScript sources and tests on purpose.
 */
export const unresolvedFilesCheck: Check = {
    name,
    description: 'every file under the package directories belongs to a resolved component',
    async run(project) {
        let componentSet;
        try {
            componentSet = await project.componentSet();
        } catch {
            project.note(name, 'skipped: source-deploy-retrieve cannot resolve the source (see sdr-convert)');
            return [];
        }
        const resolved = new Set<string>();
        for (const component of componentSet.getSourceComponents()) collectComponentFiles(component, resolved);
        const findings: FindingInput[] = [];
        const files = await project.deployableFiles();
        for (const file of files) {
            if (resolved.has(path.resolve(file))) continue;
            findings.push({
                check: name,
                file: project.relative(file),
                message: 'This file belongs to no metadata component: source-deploy-retrieve leaves it out of the deploy without an error.',
                fix: hintFor(file),
            });
        }
        project.note(name, `${files.length} deployable files, ${resolved.size} resolved to components`);
        return findings;
    },
};

function hintFor(file: string): string {
    const base = path.basename(file);
    if (/[\\/]fields[\\/]/.test(file)) return `Name field files <Field>.field-meta.xml (this one is ${base}).`;
    if (/[\\/]lwc[\\/]/.test(file)) {
        return 'A Lightning web component bundle holds <name>.js, <name>.html, <name>.css and <name>.js-meta.xml; move other files out, or add them to .forceignore if the org must never see them.';
    }
    if (base.endsWith('.xml') && !base.endsWith('-meta.xml')) {
        return 'Source-format metadata files end in -meta.xml (e.g. Foo.permissionset-meta.xml); rename the file.';
    }
    return 'Rename or move the file to the source-format path of its metadata type, or add it to .forceignore if it must not be deployed.';
}
