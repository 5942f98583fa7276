import type { LengthLimit } from './lengthLimit';

/**
 * A Lightning app's label and description as the App Launcher stores them, and a tab's label.
 *
 * Salesforce Field Reference, AppMenuItem: "Label | Name | string | 80" and "Description | Description |
 * string | 250"; TabDefinition: "Label | Label | string | 255".
 */
const appMenuItemUrl = 'https://developer.salesforce.com/docs/platform/field-reference/references/field-reference/salesforce-field-reference-appmenuitem.html';

export const appLabelLimit: LengthLimit = {
    subject: 'CustomApplication label',
    max: 80,
    citation: { page: 'Salesforce Field Reference, AppMenuItem', url: appMenuItemUrl, quote: 'Label | Name | string | 80' },
};
export const appDescriptionLimit: LengthLimit = {
    subject: 'CustomApplication description',
    max: 250,
    citation: { page: 'Salesforce Field Reference, AppMenuItem', url: appMenuItemUrl, quote: 'Description | Description | string | 250' },
};
export const tabLabelLimit: LengthLimit = {
    subject: 'CustomTab label',
    max: 255,
    citation: {
        page: 'Salesforce Field Reference, TabDefinition',
        url: 'https://developer.salesforce.com/docs/platform/field-reference/references/field-reference/salesforce-field-reference-tabdefinition.html',
        quote: 'Label | Label | string | 255',
    },
};
