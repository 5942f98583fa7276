import {
    customObjectStandardFields,
    customObjectStandardRelationships,
    standardObjects,
} from './standardFields';
import { ProjectContext } from './types';
import { readXml, text } from './xml';

/** A custom field as declared in `objects/<Object>/fields/<Field>.field-meta.xml`. */
export interface CustomFieldInfo {
    readonly object: string;
    readonly name: string;
    readonly file: string;
    readonly type: string;
    readonly required: boolean;
    readonly isFormula: boolean;
    readonly referenceTo?: string;
}

interface ObjectSchema {
    readonly name: string;
    readonly inProject: boolean;
    readonly standard: boolean;
    readonly fields: Map<string, string>;
    readonly relationships: Map<string, { name: string; targets: readonly string[] }>;
}

export type Resolution = { ok: true; object: string; field: string } | { ok: false; reason: string; fix: string };

const FIELD_FILE = /[\\/]objects[\\/]([^\\/]+)[\\/]fields[\\/]([^\\/]+)\.field-meta\.xml$/;
const OBJECT_FILE = /[\\/]objects[\\/]([^\\/]+)[\\/]([^\\/]+)\.object-meta\.xml$/;

/** Custom objects and fields end in a suffix; standard ones never have a double underscore suffix. */
export function isCustomName(apiName: string): boolean {
    return /__(c|r|mdt|e|x|b|kav|share)$/i.test(apiName);
}

/** The objects and fields the project defines, merged with the kept list of standard ones. */
export class SchemaIndex {
    private readonly objects = new Map<string, ObjectSchema>();
    readonly customFields: CustomFieldInfo[] = [];

    private constructor() {}

    static async load(project: ProjectContext): Promise<SchemaIndex> {
        const index = new SchemaIndex();
        for (const [name, definition] of Object.entries(standardObjects)) {
            const schema = index.ensureObject(name, false);
            for (const field of definition.fields) schema.fields.set(field.toLowerCase(), field);
            for (const [relationship, target] of Object.entries(definition.relationships)) {
                schema.relationships.set(relationship.toLowerCase(), {
                    name: relationship,
                    targets: typeof target === 'string' ? [target] : target,
                });
            }
        }
        const files = await project.deployableFiles();
        for (const file of files) {
            const objectMatch = OBJECT_FILE.exec(file);
            if (objectMatch && objectMatch[1] === objectMatch[2]) index.ensureObject(objectMatch[1]!, true);
        }
        for (const file of files) {
            const match = FIELD_FILE.exec(file);
            if (!match) continue;
            const parsed = await readXml(file);
            const field = parsed?.root.CustomField;
            const info: CustomFieldInfo = {
                object: match[1]!,
                name: match[2]!,
                file,
                type: text(field, 'type') ?? '',
                required: text(field, 'required') === 'true',
                isFormula: text(field, 'formula') !== undefined,
                referenceTo: text(field, 'referenceTo'),
            };
            index.customFields.push(info);
            const schema = index.ensureObject(info.object, true);
            schema.fields.set(info.name.toLowerCase(), info.name);
            const relationshipName = info.name.replace(/__c$/i, '__r');
            if (info.referenceTo && relationshipName !== info.name) {
                schema.relationships.set(relationshipName.toLowerCase(), { name: relationshipName, targets: [info.referenceTo] });
            }
        }
        // A detail object of a master-detail relationship has no owner.
        for (const schema of index.objects.values()) {
            if (!schema.standard && index.customFields.some((f) => sameName(f.object, schema.name) && f.type === 'MasterDetail')) {
                schema.fields.delete('ownerid');
                schema.relationships.delete('owner');
            }
        }
        return index;
    }

    private ensureObject(name: string, inProject: boolean): ObjectSchema {
        const key = name.toLowerCase();
        let schema = this.objects.get(key);
        if (!schema) {
            const standard = !isCustomName(name);
            schema = { name, inProject, standard, fields: new Map(), relationships: new Map() };
            if (!standard) {
                for (const field of customObjectStandardFields) schema.fields.set(field.toLowerCase(), field);
                for (const [relationship, target] of Object.entries(customObjectStandardRelationships)) {
                    schema.relationships.set(relationship.toLowerCase(), {
                        name: relationship,
                        targets: typeof target === 'string' ? [target] : target,
                    });
                }
            }
            this.objects.set(key, schema);
        } else if (inProject && !schema.inProject) {
            this.objects.set(key, { ...schema, inProject: true });
            schema = this.objects.get(key)!;
        }
        return schema;
    }

    /** Whether the object exists: a custom object in the project, or a standard object on the kept list. */
    hasObject(name: string): boolean {
        const schema = this.objects.get(name.toLowerCase());
        return schema !== undefined && (schema.standard || schema.inProject);
    }

    /**
     * Resolves `Object` + `Field` or a relationship path (`Object` + `Account.Name`, `Rep__r.Name`):
     * every segment but the last must be a lookup's relationship name.
     */
    resolve(objectName: string, fieldPath: string): Resolution {
        const segments = fieldPath.split('.');
        const start = this.objectOrError(objectName);
        if ('reason' in start) return start;
        let current: ObjectSchema = start;
        for (let i = 0; i < segments.length - 1; i++) {
            const segment = segments[i]!;
            const relationship = current.relationships.get(segment.toLowerCase());
            if (!relationship) {
                const hint = /__c$/i.test(segment)
                    ? ` A relationship path uses the relationship name (${segment.replace(/__c$/i, '__r')}), not the field name.`
                    : '';
                return {
                    ok: false,
                    reason: `${segment} is not a relationship of ${current.name} (in ${objectName}.${fieldPath}).${hint}`,
                    fix: `Use a lookup's relationship name (e.g. Owner, Account, Rep__r), or define the lookup field ${segment.replace(/__r$/i, '__c')} on ${current.name}.`,
                };
            }
            const field = segments[i + 1]!;
            const reachable: ObjectSchema[] = relationship.targets
                .map((target) => this.objects.get(target.toLowerCase()))
                .filter((schema): schema is ObjectSchema => schema !== undefined);
            if (reachable.length === 0) {
                return {
                    ok: false,
                    reason: `${current.name}.${relationship.name} points to ${relationship.targets.join(' or ')}, which is neither in force-app nor on the kept list of standard objects.`,
                    fix: 'Add the object and its fields to scripts/validate/standardFields.ts (or to force-app if it is custom).',
                };
            }
            // A polymorphic lookup (Task.What) continues on whichever target has the next segment.
            const next = field.toLowerCase();
            current = reachable.find((schema) => schema.fields.has(next) || schema.relationships.has(next)) ?? reachable[0]!;
        }
        const last = segments[segments.length - 1]!;
        const field = current.fields.get(last.toLowerCase());
        if (field) return { ok: true, object: current.name, field };
        return {
            ok: false,
            reason: `${current.name}.${last} does not exist${current.standard ? ' (neither in force-app nor on the kept list of standard fields)' : ''}.`,
            fix: isCustomName(last) || !current.standard
                ? `Define the field in objects/${current.name}/fields/${last}.field-meta.xml, or correct the API name.`
                : `Correct the API name; if ${last} is a real standard field of ${current.name}, add it to scripts/validate/standardFields.ts.`,
        };
    }

    private objectOrError(name: string): ObjectSchema | { ok: false; reason: string; fix: string } {
        const schema = this.objects.get(name.toLowerCase());
        if (schema && (schema.standard || schema.inProject)) return schema;
        if (isCustomName(name)) {
            return {
                ok: false,
                reason: `Custom object ${name} does not exist in the project.`,
                fix: `Create objects/${name}/${name}.object-meta.xml, or correct the object's API name.`,
            };
        }
        return {
            ok: false,
            reason: `${name} is not on the kept list of standard objects.`,
            fix: `Correct the object name; if ${name} is a real standard object, add it and its fields to scripts/validate/standardFields.ts.`,
        };
    }
}

function sameName(a: string, b: string): boolean {
    return a.toLowerCase() === b.toLowerCase();
}
