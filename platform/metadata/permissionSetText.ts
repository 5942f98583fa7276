import type { Citation } from '../citation';
import type { LengthLimit } from './lengthLimit';

/**
 * PermissionSet label, API name and description lengths.
 *
 * Salesforce Field Reference, PermissionSet: "Description | Description | string | 255",
 * "Label | Permission Set Name | string | 80", "Name | API Name | string | 80".
 */
const permissionSetFields = (quote: string): Citation => ({
    page: 'Salesforce Field Reference, PermissionSet',
    url: 'https://developer.salesforce.com/docs/atlas.en-us.sfFieldRef.meta/sfFieldRef/salesforce_field_reference_PermissionSet.htm',
    quote,
});

export const permissionSetDescriptionLimit: LengthLimit = {
    subject: 'PermissionSet description',
    max: 255,
    citation: permissionSetFields('Description | Description | string | 255'),
};
export const permissionSetLabelLimit: LengthLimit = {
    subject: 'PermissionSet label',
    max: 80,
    citation: permissionSetFields('Label | Permission Set Name | string | 80'),
};
export const permissionSetApiNameLimit: LengthLimit = {
    subject: 'PermissionSet API name',
    max: 80,
    citation: permissionSetFields('Name | API Name | string | 80'),
};
