import type { Citation } from '../citation';

/**
 * Custom fields per object in Enterprise Edition (the scratch org's edition), relationship fields
 * included.
 *
 * Salesforce Help, "Custom Fields Allowed Per Object": "The number of custom fields allowed per object
 * varies according to your Salesforce edition." (Enterprise Edition: 500); "Considerations for
 * Creating a Custom Field": "Relationship fields count toward custom field limits."
 */
export const customFieldsPerObject: { readonly max: number; readonly edition: string; readonly citation: Citation } = {
    max: 500,
    edition: 'Enterprise',
    citation: {
        page: 'Salesforce Help, Custom Fields Allowed Per Object',
        url: 'https://help.salesforce.com/s/articleView?id=platform.custom_field_allocations.htm&type=5',
        quote: 'The number of custom fields allowed per object varies according to your Salesforce edition. | Enterprise Edition | 500',
    },
};
