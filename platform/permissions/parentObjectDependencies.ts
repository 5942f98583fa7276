import type { Citation } from '../citation';
import type { ObjectGrant } from './objectAccess';

/**
 * Standard objects whose Read permission depends on Read of a parent object.
 *
 * Tooling API, PermissionDependency: "Represents permission dependencies for a specified permission."
 * The org lists each pair there (RequiredPermission: "The permission that is required to be enabled
 * for the dependent permission to be enabled."), and a deploy that breaks one fails with
 * "Permission Read <Object> depends on permission(s): Read Accounts" (reported for Contracts:
 * "Permission Read Contracts depends on permission(s): Read Accounts"). Opportunity Read requiring
 * Account Read is the deploy failure of this project's permission sets (issue 9). Contact and Case
 * are listed from the same Account hierarchy; an org's own PermissionDependency rows are the proof.
 */
export const permissionDependencyCitation: Citation = {
    page: 'Tooling API, PermissionDependency',
    url: 'https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_permissiondependency.htm',
    quote: 'Represents permission dependencies for a specified permission.',
};

export const readRequiresParentRead: ReadonlyMap<string, string> = new Map([
    ['Opportunity', 'Account'],
    ['Contract', 'Account'],
    ['Contact', 'Account'],
    ['Case', 'Account'],
]);

export interface MissingParentRead {
    readonly object: string;
    readonly parent: string;
    readonly citation: Citation;
}

/** Objects read in a permission set whose parent object the same permission set does not read. */
export function missingParentReads(grants: readonly ObjectGrant[]): MissingParentRead[] {
    const reads = new Set(grants.filter((grant) => grant.read).map((grant) => grant.object.toLowerCase()));
    const missing: MissingParentRead[] = [];
    for (const grant of grants) {
        if (!grant.read) continue;
        const parent = [...readRequiresParentRead].find(([child]) => child.toLowerCase() === grant.object.toLowerCase())?.[1];
        if (parent && !reads.has(parent.toLowerCase())) missing.push({ object: grant.object, parent, citation: permissionDependencyCitation });
    }
    return missing;
}
