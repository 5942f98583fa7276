import { forbiddenFieldPermissionReason, readOnlyFieldReason } from '../../../platform/permissions/fieldPermissionTargets';
import { SchemaIndex } from '../schemaIndex';
import { Check, FindingInput } from '../types';
import { lineOfElement, readXml, text, toArray, XmlNode } from '../xml';

const name = 'field-security';

interface Grant {
    readonly file: string;
    readonly line?: number;
    readonly editable: boolean;
    readonly readable: boolean;
}

/**
 * A custom field without field-level security in any permission set is invisible to every user;
 * a permission set that grants FLS on a master-detail or required field fails to deploy
 * (the rule and its source: platform/permissions/fieldPermissionTargets.ts).
 */
export const fieldSecurityCheck: Check = {
    name,
    description: 'every custom field has field-level security in a permission set, except those the platform forbids there',
    async run(project) {
        const schema = await SchemaIndex.load(project);
        const grants = new Map<string, Grant[]>();
        const permissionSets = (await project.deployableFiles()).filter((file) => file.endsWith('.permissionset-meta.xml'));
        for (const file of permissionSets) {
            const parsed = await readXml(file);
            if (!parsed) continue;
            for (const permission of toArray<XmlNode>((parsed.root.PermissionSet as XmlNode | undefined)?.fieldPermissions)) {
                const field = text(permission, 'field') ?? '';
                const list = grants.get(field.toLowerCase()) ?? [];
                list.push({
                    file,
                    line: lineOfElement(parsed.text, 'field', field),
                    editable: text(permission, 'editable') === 'true',
                    readable: text(permission, 'readable') === 'true',
                });
                grants.set(field.toLowerCase(), list);
            }
        }

        const findings: FindingInput[] = [];
        for (const field of schema.customFields) {
            // Standard fields kept in source (picklist values of StageName) and the fields of custom
            // metadata, platform events, big and external objects take no field-level security.
            if (!/__c$/i.test(field.name) || /__(mdt|e|b|x)$/i.test(field.object)) continue;
            const qualified = `${field.object}.${field.name}`;
            const fieldGrants = grants.get(qualified.toLowerCase()) ?? [];
            const forbidden = forbiddenFieldPermissionReason(field);
            if (forbidden) {
                for (const grant of fieldGrants) {
                    findings.push({
                        check: name,
                        file: project.relative(grant.file),
                        line: grant.line,
                        message: `fieldPermissions for ${qualified}, ${forbidden}: the deploy fails ("You cannot deploy to a required field").`,
                        fix: `Remove the <fieldPermissions> entry for ${qualified}; the platform always grants access to ${forbidden.replace(/^an? /, '')}s.`,
                    });
                }
                continue;
            }
            if (!fieldGrants.some((grant) => grant.readable || grant.editable)) {
                findings.push({
                    check: name,
                    file: project.relative(field.file),
                    message: `${qualified} has no field-level security in any permission set: no user can see it.`,
                    fix: `Add <fieldPermissions><editable>…</editable><field>${qualified}</field><readable>true</readable></fieldPermissions> to the permission set(s) of the users who need it.`,
                });
            }
            const readOnly = readOnlyFieldReason(field);
            if (readOnly) {
                for (const grant of fieldGrants.filter((g) => g.editable)) {
                    findings.push({
                        check: name,
                        file: project.relative(grant.file),
                        line: grant.line,
                        message: `${qualified} is ${readOnly} but is granted editable: the deploy fails.`,
                        fix: `Set <editable>false</editable> for ${qualified}.`,
                    });
                }
            }
        }
        project.note(name, `${schema.customFields.length} custom fields, ${permissionSets.length} permission sets`);
        return findings;
    },
};
