import type { Citation } from '../citation';
import type { ObjectGrant } from './objectAccess';

export interface FieldGrant {
    /** Object.Field */
    readonly field: string;
    readonly readable: boolean;
    readonly editable: boolean;
}

export type FieldGrantProblemKind = 'edit-without-read' | 'no-object-read' | 'edit-without-object-edit';

export interface FieldGrantProblem {
    readonly kind: FieldGrantProblemKind;
    /** Whether the deploy fails (error) or the grant only gives nothing on its own (warning). */
    readonly rejected: boolean;
    readonly message: string;
    readonly fix: string;
    readonly citation: Citation;
}

const fieldPermissionsUrl = 'https://developer.salesforce.com/docs/platform/object-reference/references/standard-objects/object-fieldpermissions.html';
const objectPermissionsUrl = 'https://developer.salesforce.com/docs/platform/object-reference/references/standard-objects/object-objectpermissions.html';

/**
 * Object Reference, FieldPermissions, PermissionsEdit: "Requires PermissionsRead for the same field to
 * be true."
 */
export const editRequiresReadCitation: Citation = {
    page: 'Object Reference, FieldPermissions',
    url: fieldPermissionsUrl,
    quote: 'PermissionsEdit: If true, users assigned to the parent PermissionSet can edit this field. Requires PermissionsRead for the same field to be true.',
};

/**
 * Object Reference, ObjectPermissions: "To grant a user access to an object, associate an
 * ObjectPermissions record with a PermissionSet that's assigned to a user." Field-level security does
 * not grant the object: a field grant without the object permission in the same permission set works
 * only where the profile or another permission set grants the object.
 */
export const objectAccessCitation: Citation = {
    page: 'Object Reference, ObjectPermissions',
    url: objectPermissionsUrl,
    quote: "To grant a user access to an object, associate an ObjectPermissions record with a PermissionSet that's assigned to a user.",
};

/** What is wrong with a field grant next to the permission set's object grant for that field's object. */
export function fieldGrantProblems(grant: FieldGrant, objectGrant: ObjectGrant | undefined): FieldGrantProblem[] {
    const object = grant.field.split('.')[0] ?? grant.field;
    const problems: FieldGrantProblem[] = [];
    if (grant.editable && !grant.readable) {
        problems.push({
            kind: 'edit-without-read',
            rejected: true,
            message: `${grant.field} is editable but not readable`,
            fix: `Set <readable>true</readable> for ${grant.field}, or <editable>false</editable>.`,
            citation: editRequiresReadCitation,
        });
    }
    if ((grant.readable || grant.editable) && !objectGrant?.read) {
        problems.push({
            kind: 'no-object-read',
            rejected: false,
            message: `${grant.field} is granted but the permission set does not grant Read on ${object}: the field grant gives nothing on its own`,
            fix: `Add <objectPermissions> with <allowRead>true</allowRead> for ${object}, or remove the field grant.`,
            citation: objectAccessCitation,
        });
    } else if (grant.editable && !objectGrant?.edit && !objectGrant?.create) {
        problems.push({
            kind: 'edit-without-object-edit',
            rejected: false,
            message: `${grant.field} is editable but the permission set grants neither Create nor Edit on ${object}: nobody can write the field through it`,
            fix: `Set <editable>false</editable> for ${grant.field}, or grant Edit on ${object} if its users should write it.`,
            citation: objectAccessCitation,
        });
    }
    return problems;
}
