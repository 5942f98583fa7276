import type { LengthLimit } from './lengthLimit';

/**
 * ListView label and API name lengths.
 *
 * Salesforce Field Reference, ListView: "Name | View Name | string | 40"; Object Reference, ListView,
 * DeveloperName: "The unique name of the object in the API. The name: must be 40 characters or fewer".
 */
export const listViewLabelLimit: LengthLimit = {
    subject: 'list view label',
    max: 40,
    citation: {
        page: 'Salesforce Field Reference, ListView',
        url: 'https://developer.salesforce.com/docs/platform/field-reference/references/field-reference/salesforce-field-reference-listview.html',
        quote: 'Name | View Name | string | 40',
    },
};
export const listViewApiNameLimit: LengthLimit = {
    subject: 'list view API name',
    max: 40,
    citation: {
        page: 'Object Reference, ListView',
        url: 'https://developer.salesforce.com/docs/platform/object-reference/references/standard-objects/object-listview.html',
        quote: 'The unique name of the object in the API. The name: must be 40 characters or fewer',
    },
};
