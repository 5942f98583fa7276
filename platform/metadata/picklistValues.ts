import type { Citation } from '../citation';
import type { LengthLimit } from './lengthLimit';

/**
 * Picklist values: 255 characters per value (API name and label), 1,000 values in a restricted picklist.
 *
 * Salesforce Help, "Picklist Limitations": "For standard picklists, each value can have up to 255
 * characters, not including line breaks and returns." and "Restricted picklists have a combined
 * active and inactive limit of 1,000 values."
 */
const picklistLimitations = (quote: string): Citation => ({
    page: 'Salesforce Help, Picklist Limitations',
    url: 'https://help.salesforce.com/s/articleView?id=platform.picklist_limitations.htm&type=5',
    quote,
});

export const picklistValueLimit: LengthLimit = {
    subject: 'picklist value (API name or label)',
    max: 255,
    citation: picklistLimitations('For standard picklists, each value can have up to 255 characters, not including line breaks and returns.'),
};

export const restrictedPicklistValueCount = {
    max: 1000,
    citation: picklistLimitations('Restricted picklists have a combined active and inactive limit of 1,000 values.'),
} as const;
