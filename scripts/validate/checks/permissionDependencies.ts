import { cite } from '../../../platform/citation';
import { FieldGrant, fieldGrantProblems } from '../../../platform/permissions/fieldPermissionRules';
import { ObjectAccess, objectAccessElement, ObjectGrant } from '../../../platform/permissions/objectAccess';
import { missingParentReads } from '../../../platform/permissions/parentObjectDependencies';
import { missingSameObjectPermissions } from '../../../platform/permissions/sameObjectDependencies';
import { MetadataFile, metadataKinds, readMetadataFiles } from '../metadataFiles';
import { Check, FindingInput, ProjectContext } from '../types';
import { lineOfElement, text, toArray, XmlNode } from '../xml';

const name = 'permission-dependencies';

export function objectGrantsOf(set: MetadataFile): ObjectGrant[] {
    return toArray<XmlNode>(set.node.objectPermissions).map((entry) => {
        const granted = (kind: ObjectAccess) => text(entry, objectAccessElement[kind]) === 'true';
        return {
            object: text(entry, 'object') ?? '',
            read: granted('read'),
            create: granted('create'),
            edit: granted('edit'),
            delete: granted('delete'),
            viewAll: granted('viewAll'),
            modifyAll: granted('modifyAll'),
        };
    });
}

function fieldGrantsOf(set: MetadataFile): FieldGrant[] {
    return toArray<XmlNode>(set.node.fieldPermissions).map((entry) => ({
        field: text(entry, 'field') ?? '',
        readable: text(entry, 'readable') === 'true',
        editable: text(entry, 'editable') === 'true',
    }));
}

function objectFindings(project: ProjectContext, set: MetadataFile, grants: readonly ObjectGrant[]): FindingInput[] {
    const findings: FindingInput[] = [];
    for (const grant of grants) {
        for (const missing of missingSameObjectPermissions(grant)) {
            const elements = missing.missing.map((kind) => `<${objectAccessElement[kind]}>`).join(' and ');
            findings.push({
                check: name,
                file: project.relative(set.file),
                line: lineOfElement(set.text, 'object', grant.object),
                message: `${set.name} grants ${objectAccessElement[missing.permission]} on ${grant.object} without ${elements} (${cite(missing.citation)}): the deploy fails.`,
                fix: `Set ${missing.missing.map((kind) => `<${objectAccessElement[kind]}>true</${objectAccessElement[kind]}>`).join(' and ')} for ${grant.object}, or drop ${objectAccessElement[missing.permission]}.`,
            });
        }
    }
    for (const missing of missingParentReads(grants)) {
        findings.push({
            check: name,
            file: project.relative(set.file),
            line: lineOfElement(set.text, 'object', missing.object),
            message: `${set.name} grants Read on ${missing.object} but not on ${missing.parent}: Read ${missing.object} depends on Read ${missing.parent} (${cite(missing.citation)}); the deploy fails.`,
            fix: `Add <objectPermissions> for ${missing.parent} with <allowRead>true</allowRead> (nothing more is needed; sharing still decides which records are seen).`,
        });
    }
    return findings;
}

function fieldFindings(project: ProjectContext, set: MetadataFile, grants: readonly ObjectGrant[]): FindingInput[] {
    const byObject = new Map(grants.map((grant) => [grant.object.toLowerCase(), grant]));
    const findings: FindingInput[] = [];
    for (const fieldGrant of fieldGrantsOf(set)) {
        const object = (fieldGrant.field.split('.')[0] ?? '').toLowerCase();
        for (const problem of fieldGrantProblems(fieldGrant, byObject.get(object))) {
            findings.push({
                check: name,
                severity: problem.rejected ? 'error' : 'warning',
                file: project.relative(set.file),
                line: lineOfElement(set.text, 'field', fieldGrant.field),
                message: `${set.name}: ${problem.message} (${cite(problem.citation)}).`,
                fix: problem.fix,
            });
        }
    }
    return findings;
}

/**
 * Object permissions that need others (same object: create/edit/delete/view all/modify all need
 * read, delete needs edit, modify all needs all; parents: Opportunity, Contact, Contract and Case
 * need Account), and field permissions the permission set's object permissions do not carry.
 */
export const permissionDependenciesCheck: Check = {
    name,
    description: 'object permissions include the permissions they depend on; field permissions fit the object permissions',
    async run(project) {
        const sets = await readMetadataFiles(project, metadataKinds.permissionSet);
        const findings: FindingInput[] = [];
        for (const set of sets) {
            const grants = objectGrantsOf(set);
            findings.push(...objectFindings(project, set, grants), ...fieldFindings(project, set, grants));
        }
        project.note(name, `${sets.length} permission sets checked`);
        return findings;
    },
};
