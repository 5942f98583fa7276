import type { Citation } from '../citation';

/** The parts of a custom field that decide whether a permission set may name it. */
export interface FieldTarget {
    readonly type: string;
    readonly required: boolean;
    readonly isFormula: boolean;
}

/**
 * Required and master-detail fields take no field-level security: the platform always grants them,
 * and a permission set naming one fails to deploy with "You cannot deploy to a required field."
 * (the Metadata API's error, as Zuora's CPQ documentation records it: "Salesforce does not allow
 * required fields to be included in permission set fieldPermissions metadata—deployments will fail
 * with the error: "You cannot deploy to a required field."").
 */
export const requiredFieldCitation: Citation = {
    page: 'Zuora CPQ documentation, Field-level security (the Metadata API deploy error it records)',
    url: 'https://docs.zuora.com/zuora-cpq/manage-subscriptions/advanced-cpq-x-functionalities/opportunity-product-sync/permissions-and-security-updates/field-level-security--zqu__oppprodsyncgroupingkey__c',
    quote: 'Salesforce does not allow required fields to be included in permission set fieldPermissions metadata—deployments will fail with the error: "You cannot deploy to a required field."',
};

/** Why a permission set may not name the field at all, or undefined. */
export function forbiddenFieldPermissionReason(field: FieldTarget): string | undefined {
    if (field.type === 'MasterDetail') return 'a master-detail field';
    if (field.required) return 'a required field';
    return undefined;
}

/** Why the field can only be read (the platform computes its value), or undefined. */
export function readOnlyFieldReason(field: FieldTarget): string | undefined {
    if (field.isFormula) return 'a formula field';
    if (field.type === 'AutoNumber') return 'an auto-number field';
    if (field.type === 'Summary') return 'a roll-up summary field';
    return undefined;
}
