import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { Check, FindingInput } from '../types';

const name = 'sdr-convert';

/**
 * Resolves the package directories with source-deploy-retrieve, writes package.xml and converts
 * the source to Metadata API format in a temporary folder: what `sf project deploy` does first.
 */
export const sdrConversionCheck: Check = {
    name,
    description: 'source converts to Metadata API format (package.xml and a convertible tree)',
    async run(project) {
        const findings: FindingInput[] = [];
        let componentSet;
        try {
            componentSet = await project.componentSet();
        } catch (error) {
            // SDR's messages start with the absolute path of the file it could not place.
            const message = (error as Error).message;
            const pathInMessage = /^(\/[^:]+|[A-Za-z]:\\[^:]+):/.exec(message)?.[1];
            const file = pathInMessage?.startsWith(project.root) ? project.relative(pathInMessage) : 'sfdx-project.json';
            return [{
                check: name,
                file,
                message: `source-deploy-retrieve cannot resolve the package directories: ${message.split(project.root + path.sep).join('')}.`,
                fix: 'Rename or move the file so that it follows the source format of its type (e.g. permissionsets/<Name>.permissionset-meta.xml, objects/<Object>/fields/<Field>.field-meta.xml), or add it to .forceignore.',
            }];
        }
        const components = componentSet.getSourceComponents().toArray();
        if (components.length === 0) {
            project.note(name, 'no components in the package directories');
            return findings;
        }
        const countByType = new Map<string, number>();
        for (const component of components) {
            countByType.set(component.type.name, (countByType.get(component.type.name) ?? 0) + 1);
            for (const childComponent of component.getChildren()) {
                countByType.set(childComponent.type.name, (countByType.get(childComponent.type.name) ?? 0) + 1);
            }
        }
        const outputDirectory = await mkdtemp(path.join(tmpdir(), 'goal-coach-validate-'));
        try {
            const packageXml = await componentSet.getPackageXml();
            await writeFile(path.join(outputDirectory, 'package.xml'), packageXml);
            const result = await new MetadataConverter().convert(componentSet, 'metadata', {
                type: 'directory',
                outputDirectory,
                packageName: 'goal-coach',
                genUniqueDir: false,
            });
            const total = [...countByType.values()].reduce((sum, count) => sum + count, 0);
            project.note(name, `${total} components (${result.converted?.length ?? 0} top-level, the rest their children) converted to Metadata API format`);
            for (const [type, count] of [...countByType.entries()].sort(([a], [b]) => a.localeCompare(b))) {
                project.note(name, `${type}: ${count}`);
            }
        } catch (error) {
            findings.push({
                check: name,
                file: 'force-app',
                message: `Conversion to Metadata API format failed: ${(error as Error).message}`,
                fix: 'Correct the component named in the message; the same error would stop a deploy.',
            });
        } finally {
            await rm(outputDirectory, { recursive: true, force: true });
        }
        return findings;
    },
};
