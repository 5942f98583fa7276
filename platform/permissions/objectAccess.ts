/** The six object permissions of a permission set's <objectPermissions> entry. */
export const objectAccessKinds = ['read', 'create', 'edit', 'delete', 'viewAll', 'modifyAll'] as const;
export type ObjectAccess = (typeof objectAccessKinds)[number];

export type ObjectGrant = { readonly object: string } & Readonly<Record<ObjectAccess, boolean>>;

/** The element of each permission in PermissionSet metadata, for messages and fixes. */
export const objectAccessElement: Record<ObjectAccess, string> = {
    read: 'allowRead',
    create: 'allowCreate',
    edit: 'allowEdit',
    delete: 'allowDelete',
    viewAll: 'viewAllRecords',
    modifyAll: 'modifyAllRecords',
};
