import type { Citation } from '../citation';
import type { ObjectAccess, ObjectGrant } from './objectAccess';

const objectPermissionsPage = (quote: string): Citation => ({
    page: 'Object Reference, ObjectPermissions',
    url: 'https://developer.salesforce.com/docs/platform/object-reference/references/standard-objects/object-objectpermissions.html',
    quote,
});

interface SameObjectDependency {
    readonly permission: ObjectAccess;
    readonly requires: readonly ObjectAccess[];
    readonly citation: Citation;
}

/**
 * What each object permission needs on the same object, as the platform enforces it when a permission
 * set is saved or deployed.
 *
 * Object Reference, ObjectPermissions: PermissionsCreate "Requires PermissionsRead for the same object
 * to be true."; PermissionsEdit "Requires PermissionsRead for the same object to be true.";
 * PermissionsDelete "Requires PermissionsRead and PermissionsEdit for the same object to be true.";
 * PermissionsViewAllRecords "Requires PermissionsRead for the same object to be true.";
 * PermissionsModifyAllRecords "Requires PermissionsDelete, PermissionsEdit, PermissionsRead, and
 * PermissionsViewAllRecords for the same object to be true."
 */
export const sameObjectDependencies: readonly SameObjectDependency[] = [
    { permission: 'create', requires: ['read'], citation: objectPermissionsPage('PermissionsCreate: Requires PermissionsRead for the same object to be true.') },
    { permission: 'edit', requires: ['read'], citation: objectPermissionsPage('PermissionsEdit: Requires PermissionsRead for the same object to be true.') },
    { permission: 'delete', requires: ['read', 'edit'], citation: objectPermissionsPage('PermissionsDelete: Requires PermissionsRead and PermissionsEdit for the same object to be true.') },
    { permission: 'viewAll', requires: ['read'], citation: objectPermissionsPage('PermissionsViewAllRecords: Requires PermissionsRead for the same object to be true.') },
    {
        permission: 'modifyAll',
        requires: ['read', 'edit', 'delete', 'viewAll'],
        citation: objectPermissionsPage('PermissionsModifyAllRecords: Requires PermissionsDelete, PermissionsEdit, PermissionsRead, and PermissionsViewAllRecords for the same object to be true.'),
    },
];

export interface MissingDependency {
    readonly object: string;
    readonly permission: ObjectAccess;
    readonly missing: readonly ObjectAccess[];
    readonly citation: Citation;
}

/** The granted permissions of `grant` whose same-object requirements are not granted with them. */
export function missingSameObjectPermissions(grant: ObjectGrant): MissingDependency[] {
    return sameObjectDependencies
        .filter((dependency) => grant[dependency.permission])
        .map((dependency) => ({ ...dependency, object: grant.object, missing: dependency.requires.filter((required) => !grant[required]) }))
        .filter((dependency) => dependency.missing.length > 0);
}
