// Reads the project's metadata files of one kind into their parsed root element, so that the
// platform-rule checks work on values rather than on paths and XML.
import path from 'node:path';
import { ProjectContext } from './types';
import { readXml, XmlNode } from './xml';

export interface MetadataFile {
    /** Absolute path. */
    readonly file: string;
    /** The component's name as its file names it (e.g. Goal_Plan__c, Goal_Coach_Rep). */
    readonly name: string;
    /** The object folder the file sits in, for object children (fields, list views); else undefined. */
    readonly object?: string;
    readonly text: string;
    /** The root element's content (e.g. the <CustomField> element). */
    readonly node: XmlNode;
}

export interface MetadataKind {
    readonly suffix: string;
    readonly rootElement: string;
    /** For object children: the folder under objects/<Object>/ that holds them. */
    readonly objectFolder?: string;
}

export const metadataKinds = {
    object: { suffix: '.object-meta.xml', rootElement: 'CustomObject' },
    field: { suffix: '.field-meta.xml', rootElement: 'CustomField', objectFolder: 'fields' },
    listView: { suffix: '.listView-meta.xml', rootElement: 'ListView', objectFolder: 'listViews' },
    permissionSet: { suffix: '.permissionset-meta.xml', rootElement: 'PermissionSet' },
    app: { suffix: '.app-meta.xml', rootElement: 'CustomApplication' },
    tab: { suffix: '.tab-meta.xml', rootElement: 'CustomTab' },
    flexiPage: { suffix: '.flexipage-meta.xml', rootElement: 'FlexiPage' },
    layout: { suffix: '.layout-meta.xml', rootElement: 'Layout' },
} as const satisfies Record<string, MetadataKind>;

function objectOf(file: string, kind: MetadataKind): string | undefined {
    const parts = file.split(path.sep);
    const at = parts.lastIndexOf('objects');
    if (at < 0) return undefined;
    if (kind.objectFolder) return parts[at + 2] === kind.objectFolder ? parts[at + 1] : undefined;
    return parts[at + 1];
}

/** The deployable, well-formed files of one metadata kind (malformed XML is the xml check's finding). */
export async function readMetadataFiles(project: ProjectContext, kind: MetadataKind): Promise<MetadataFile[]> {
    const files = (await project.deployableFiles()).filter((file) => file.endsWith(kind.suffix));
    const result: MetadataFile[] = [];
    for (const file of files) {
        const object = objectOf(file, kind);
        if (kind.objectFolder && !object) continue;
        const parsed = await readXml(file);
        const node = parsed?.root[kind.rootElement];
        if (!parsed || !node || typeof node !== 'object') continue;
        result.push({ file, name: path.basename(file, kind.suffix), object, text: parsed.text, node: node as XmlNode });
    }
    return result;
}
