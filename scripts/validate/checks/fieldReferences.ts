import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isCustomName, SchemaIndex } from '../schemaIndex';
import { listViewStandardColumns } from '../standardFields';
import { Check, FindingInput, ProjectContext } from '../types';
import { lineAt, lineOfElement, readXml, text, toArray, XmlNode } from '../xml';

const name = 'field-references';

/** Every value of elements called `key`, at any depth. */
function collectValues(node: unknown, key: string, into: string[] = []): string[] {
    if (Array.isArray(node)) {
        for (const item of node) collectValues(item, key, into);
    } else if (node && typeof node === 'object') {
        for (const [childKey, value] of Object.entries(node as XmlNode)) {
            if (childKey === key) {
                for (const item of toArray(value)) if (typeof item === 'string') into.push(item);
            } else {
                collectValues(value, key, into);
            }
        }
    }
    return into;
}

interface Reference {
    readonly file: string;
    readonly line?: number;
    readonly object: string;
    /** Field or relationship path; empty for a reference to the object itself. */
    readonly fieldPath: string;
    readonly where: string;
}

async function flexiPageReferences(file: string): Promise<Reference[]> {
    const parsed = await readXml(file);
    const page = parsed?.root.FlexiPage;
    const object = text(page, 'sobjectType');
    if (!parsed || !object) return [];
    return collectValues(page, 'fieldItem')
        .filter((item) => item.startsWith('Record.'))
        .map((item) => ({
            file,
            line: lineOfElement(parsed.text, 'fieldItem', item),
            object,
            fieldPath: item.slice('Record.'.length),
            where: `FlexiPage field ${item}`,
        }));
}

async function permissionSetReferences(file: string): Promise<Reference[]> {
    const parsed = await readXml(file);
    if (!parsed) return [];
    const references: Reference[] = [];
    for (const permission of toArray<XmlNode>((parsed.root.PermissionSet as XmlNode | undefined)?.fieldPermissions)) {
        const field = text(permission, 'field') ?? '';
        const dot = field.indexOf('.');
        references.push({
            file,
            line: lineOfElement(parsed.text, 'field', field),
            object: dot > 0 ? field.slice(0, dot) : field,
            fieldPath: dot > 0 ? field.slice(dot + 1) : '',
            where: `fieldPermissions ${field}`,
        });
    }
    for (const permission of toArray<XmlNode>((parsed.root.PermissionSet as XmlNode | undefined)?.objectPermissions)) {
        const object = text(permission, 'object') ?? '';
        references.push({ file, line: lineOfElement(parsed.text, 'object', object), object, fieldPath: '', where: `objectPermissions ${object}` });
    }
    return references;
}

async function layoutReferences(file: string): Promise<Reference[]> {
    const parsed = await readXml(file);
    if (!parsed) return [];
    // objects' layouts are named <Object>-<Layout Name>.layout-meta.xml
    const object = path.basename(file).split('-')[0]!;
    const sections = (parsed.root.Layout as XmlNode | undefined)?.layoutSections;
    return collectValues(sections, 'field').map((field) => ({
        file,
        line: lineOfElement(parsed.text, 'field', field),
        object,
        fieldPath: field,
        where: `layout item ${field}`,
    }));
}

async function compactLayoutReferences(file: string): Promise<Reference[]> {
    const parsed = await readXml(file);
    if (!parsed) return [];
    const object = path.basename(path.dirname(path.dirname(file)));
    return toArray<string>((parsed.root.CompactLayout as XmlNode | undefined)?.fields).map((field) => ({
        file,
        line: lineOfElement(parsed.text, 'fields', field),
        object,
        fieldPath: field,
        where: `compact layout field ${field}`,
    }));
}

/** The object a lookup or master-detail points to must exist too. */
async function lookupTargetReferences(file: string): Promise<Reference[]> {
    const parsed = await readXml(file);
    const target = text(parsed?.root.CustomField, 'referenceTo');
    if (!parsed || !target) return [];
    return [{ file, line: lineOfElement(parsed.text, 'referenceTo', target), object: target, fieldPath: '', where: `lookup to ${target}` }];
}

async function listViewReferences(file: string, schema: SchemaIndex, warnings: FindingInput[], project: ProjectContext): Promise<Reference[]> {
    const parsed = await readXml(file);
    if (!parsed) return [];
    const object = path.basename(path.dirname(path.dirname(file)));
    const view = parsed.root.ListView as XmlNode | undefined;
    const tokens = [
        ...toArray<string>(view?.columns).map((column) => ({ token: column, tag: 'columns' })),
        ...toArray<XmlNode>(view?.filters).map((filter) => ({ token: text(filter, 'field') ?? '', tag: 'field' })),
    ];
    const legacyColumns = new Set(listViewStandardColumns[isCustomName(object) ? '*custom*' : object] ?? []);
    const references: Reference[] = [];
    for (const { token, tag } of tokens) {
        const line = lineOfElement(parsed.text, tag, token);
        // Custom fields appear by API name, possibly after a legacy prefix (OPPORTUNITY.Foo__c).
        const lastSegment = token.split('.').pop() ?? token;
        if (isCustomName(lastSegment)) {
            references.push({ file, line, object, fieldPath: lastSegment, where: `list view column ${token}` });
        } else if (token === token.toUpperCase()) {
            if (!legacyColumns.has(token) && schema.hasObject(object)) {
                warnings.push({
                    check: name,
                    severity: 'warning',
                    file: project.relative(file),
                    line,
                    message: `List view column ${token} is not on the kept list of standard list-view columns of ${object}; it cannot be verified offline.`,
                    fix: 'If the column is right (retrieve a list view from an org to see the token), add it to listViewStandardColumns in scripts/validate/standardFields.ts.',
                });
            }
        } else {
            references.push({ file, line, object, fieldPath: token, where: `list view column ${token}` });
        }
    }
    return references;
}

const SCHEMA_IMPORT = /['"]@salesforce\/schema\/([^'"]+)['"]/g;

async function schemaImportReferences(file: string): Promise<Reference[]> {
    const source = await readFile(file, 'utf8');
    const references: Reference[] = [];
    for (const match of source.matchAll(SCHEMA_IMPORT)) {
        const specifier = match[1]!;
        const dot = specifier.indexOf('.');
        references.push({
            file,
            line: lineAt(source, match.index),
            object: dot > 0 ? specifier.slice(0, dot) : specifier,
            fieldPath: dot > 0 ? specifier.slice(dot + 1) : '',
            where: `import '@salesforce/schema/${specifier}'`,
        });
    }
    return references;
}

/** The component sources to read imports from: the .ts source, or the .js where a bundle has no .ts. */
export function componentSources(project: ProjectContext, files: readonly string[]): string[] {
    const inBundle = files.filter((file) => {
        const relative = project.relative(file);
        return /(^|\/)lwc\/[^/]+\//.test(relative) && !/(^|\/)__tests__\//.test(relative);
    });
    const ts = new Set(inBundle.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts')));
    const js = inBundle.filter((file) => file.endsWith('.js') && !ts.has(file.replace(/\.js$/, '.ts')));
    return [...ts, ...js];
}

/**
 * A field named in metadata or imported by a component must exist, or the deploy fails (FlexiPage,
 * permission set, layout, list view) or the component breaks at run time (schema import).
 */
export const fieldReferencesCheck: Check = {
    name,
    description: 'every field named in FlexiPages, permission sets, layouts, compact layouts, list views and schema imports, and every lookup target, exists',
    async run(project) {
        const schema = await SchemaIndex.load(project);
        const deployable = await project.deployableFiles();
        const findings: FindingInput[] = [];
        const references: Reference[] = [];
        for (const file of deployable) {
            if (file.endsWith('.flexipage-meta.xml')) references.push(...(await flexiPageReferences(file)));
            else if (file.endsWith('.permissionset-meta.xml')) references.push(...(await permissionSetReferences(file)));
            else if (file.endsWith('.layout-meta.xml')) references.push(...(await layoutReferences(file)));
            else if (file.endsWith('.listView-meta.xml')) references.push(...(await listViewReferences(file, schema, findings, project)));
            else if (file.endsWith('.compactLayout-meta.xml')) references.push(...(await compactLayoutReferences(file)));
            else if (file.endsWith('.field-meta.xml')) references.push(...(await lookupTargetReferences(file)));
        }
        for (const file of componentSources(project, await project.allFiles())) references.push(...(await schemaImportReferences(file)));

        for (const reference of references) {
            if (reference.fieldPath === '') {
                if (schema.hasObject(reference.object)) continue;
                const custom = isCustomName(reference.object);
                findings.push({
                    check: name,
                    file: project.relative(reference.file),
                    line: reference.line,
                    message: `${reference.where}: object ${reference.object} ${custom ? 'does not exist in the project' : 'is not on the kept list of standard objects'}.`,
                    fix: custom
                        ? `Create objects/${reference.object}/${reference.object}.object-meta.xml or correct the name.`
                        : `Correct the name; if ${reference.object} is a real standard object, add it to scripts/validate/standardFields.ts.`,
                });
                continue;
            }
            const resolution = schema.resolve(reference.object, reference.fieldPath);
            if (resolution.ok) continue;
            findings.push({
                check: name,
                file: project.relative(reference.file),
                line: reference.line,
                message: `${reference.where}: ${resolution.reason}`,
                fix: resolution.fix,
            });
        }
        project.note(name, `${references.length} field and object references checked`);
        return findings;
    },
};
