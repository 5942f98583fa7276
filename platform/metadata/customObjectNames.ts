import type { LengthLimit } from './lengthLimit';

/**
 * A custom object's API name holds at most 40 characters before its `__c` suffix.
 *
 * Salesforce Help, Knowledge Article 000381913: "When you create a Custom Object that is 40
 * characters , "__c" is suffixed that makes it 43 char."
 */
export const customObjectApiNameLimit: LengthLimit = {
    subject: 'custom object API name (without __c)',
    max: 40,
    citation: {
        page: 'Salesforce Help, Knowledge Article 000381913',
        url: 'https://help.salesforce.com/s/articleView?id=000381913&type=1',
        quote: 'When you create a Custom Object that is 40 characters , "__c" is suffixed that makes it 43 char.',
    },
};
