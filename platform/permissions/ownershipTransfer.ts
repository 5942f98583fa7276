import type { Citation } from '../citation';

/**
 * Who owns a record the API inserts, and what it takes to give it to someone else.
 *
 * SOAP API Developer Guide, "Frequently Occurring Fields", OwnerId: "For most users and most objects,
 * this field can't be set directly upon insert. It is implicitly set to the current user when
 * inserting an object." and "To update the ownerId field, the user must have the "Transfer Record"
 * permission and Read access to the new owner." So a plan created for someone else is first owned by
 * its creator, then handed over by an update of OwnerId, which needs Transfer Record.
 */
export const ownerOnInsertCitation: Citation = {
    page: 'SOAP API Developer Guide, Frequently Occurring Fields',
    url: 'https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_objects_fequently_occurring_fields.htm',
    quote: "For most users and most objects, this field can't be set directly upon insert. It is implicitly set to the current user when inserting an object.",
};
export const ownerUpdateCitation: Citation = {
    page: 'SOAP API Developer Guide, Frequently Occurring Fields',
    url: 'https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_objects_fequently_occurring_fields.htm',
    quote: 'To update the ownerId field, the user must have the "Transfer Record" permission and Read access to the new owner.',
};

/** The user permission "Transfer Record" as PermissionSet metadata names it. */
export const transferRecordPermission = 'TransferAnyEntity';

