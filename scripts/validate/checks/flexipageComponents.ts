import { existsSync } from 'node:fs';
import path from 'node:path';
import { findLwcBundles } from '../lwcBundles';
import { Check, FindingInput } from '../types';
import { child, lineOfElement, readXml, text, toArray, XmlNode } from '../xml';

const name = 'flexipage-components';

/** The js-meta.xml target a component needs to be placed on each FlexiPage type. */
const targetForPageType: Readonly<Record<string, string>> = {
    RecordPage: 'lightning__RecordPage',
    AppPage: 'lightning__AppPage',
    HomePage: 'lightning__HomePage',
    UtilityBar: 'lightning__UtilityBar',
    CommAppPage: 'lightningCommunity__Page',
    CommObjectPage: 'lightningCommunity__Page',
    CommRecordPage: 'lightningCommunity__Page',
    CommThemeLayoutPage: 'lightningCommunity__Page',
};

function collectComponentNames(node: unknown, into: string[] = []): string[] {
    if (Array.isArray(node)) {
        for (const item of node) collectComponentNames(item, into);
    } else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node as XmlNode)) {
            if (key === 'componentName' && typeof value === 'string') into.push(value);
            else collectComponentNames(value, into);
        }
    }
    return into;
}

interface BundleMeta {
    readonly file: string;
    readonly isExposed: boolean;
    readonly targets: Set<string>;
    /** target -> objects its targetConfig restricts it to (absent: any object). */
    readonly objectsByTarget: Map<string, Set<string>>;
}

async function readBundleMeta(file: string): Promise<BundleMeta | undefined> {
    const parsed = await readXml(file);
    const bundle = parsed?.root.LightningComponentBundle as XmlNode | undefined;
    if (!bundle) return undefined;
    const objectsByTarget = new Map<string, Set<string>>();
    for (const config of toArray<XmlNode>(child(bundle, 'targetConfigs')?.targetConfig)) {
        const objects = toArray<string>(child(config, 'objects')?.object);
        if (objects.length === 0) continue;
        for (const target of String(config['@_targets'] ?? '').split(',').map((t) => t.trim()).filter(Boolean)) {
            objectsByTarget.set(target, new Set(objects));
        }
    }
    return {
        file,
        isExposed: text(bundle, 'isExposed') === 'true',
        targets: new Set(toArray<string>(child(bundle, 'targets')?.target)),
        objectsByTarget,
    };
}

/**
 * A FlexiPage naming a component that does not exist, is not exposed, or lacks the page's target
 * fails to deploy. Custom components are named `c:camelCaseName` in FlexiPage XML.
 */
export const flexipageComponentsCheck: Check = {
    name,
    description: 'every custom component on a FlexiPage exists, is exposed and declares the page target',
    async run(project) {
        const bundles = new Map((await findLwcBundles(project)).map((bundle) => [bundle.name, bundle]));
        const findings: FindingInput[] = [];
        const pages = (await project.deployableFiles()).filter((file) => file.endsWith('.flexipage-meta.xml'));
        let placed = 0;
        for (const file of pages) {
            const parsed = await readXml(file);
            const page = parsed?.root.FlexiPage as XmlNode | undefined;
            if (!parsed || !page) continue;
            const pageType = text(page, 'type') ?? '';
            const sobjectType = text(page, 'sobjectType');
            const relativeFile = project.relative(file);
            for (const componentName of collectComponentNames(page.flexiPageRegions)) {
                const line = lineOfElement(parsed.text, 'componentName', componentName);
                const wrongForm = /^c(?:__|-)(.+)$/.exec(componentName);
                if (wrongForm) {
                    findings.push({
                        check: name,
                        file: relativeFile,
                        line,
                        message: `Component name ${componentName} is not the FlexiPage form.`,
                        fix: `Write it c:${wrongForm[1]!.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())} (namespace, colon, the bundle's folder name).`,
                    });
                    continue;
                }
                // The project's own components: c:, or the namespace of a namespaced project.
                const prefix = [`c:`, project.sfdxProject.namespace ? `${project.sfdxProject.namespace}:` : undefined]
                    .find((candidate) => candidate && componentName.startsWith(candidate));
                if (!prefix) continue; // platform components (flexipage:, force:, runtime_…)
                placed++;
                const bundleName = componentName.slice(prefix.length);
                const bundle = bundles.get(bundleName);
                if (!bundle) {
                    findings.push({
                        check: name,
                        file: relativeFile,
                        line,
                        message: `${componentName}: no Lightning web component bundle lwc/${bundleName} in the project.`,
                        fix: `Create the bundle lwc/${bundleName}, or correct the name (it is case-sensitive and matches the bundle folder).`,
                    });
                    continue;
                }
                const metaFile = path.join(bundle.dir, `${bundleName}.js-meta.xml`);
                const meta = existsSync(metaFile) ? await readBundleMeta(metaFile) : undefined;
                if (!meta) {
                    findings.push({
                        check: name,
                        file: relativeFile,
                        line,
                        message: `${componentName}: the bundle has no readable ${bundleName}.js-meta.xml.`,
                        fix: `Add a well-formed ${bundleName}.js-meta.xml that exposes the component.`,
                    });
                    continue;
                }
                const metaRelative = project.relative(meta.file);
                if (!meta.isExposed) {
                    findings.push({
                        check: name,
                        file: metaRelative,
                        message: `${bundleName} is placed on ${relativeFile} but is not exposed.`,
                        fix: 'Set <isExposed>true</isExposed> in the js-meta.xml.',
                    });
                }
                const target = targetForPageType[pageType];
                if (!target) continue;
                if (!meta.targets.has(target)) {
                    findings.push({
                        check: name,
                        file: metaRelative,
                        message: `${bundleName} is placed on a ${pageType} (${relativeFile}) but does not declare the target ${target}.`,
                        fix: `Add <target>${target}</target> to <targets> in the js-meta.xml.`,
                    });
                    continue;
                }
                const allowedObjects = meta.objectsByTarget.get(target);
                if (sobjectType && allowedObjects && !allowedObjects.has(sobjectType)) {
                    findings.push({
                        check: name,
                        file: metaRelative,
                        message: `${bundleName} is placed on the ${sobjectType} record page ${relativeFile}, but its targetConfig for ${target} allows only ${[...allowedObjects].join(', ')}.`,
                        fix: `Add <object>${sobjectType}</object> to the targetConfig's <objects>, or remove the component from the page.`,
                    });
                }
            }
        }
        project.note(name, `${pages.length} FlexiPages, ${placed} custom component placements`);
        return findings;
    },
};
