import type { Citation } from '../citation';
import type { LengthLimit } from './lengthLimit';

/**
 * Custom field API names (without the `__c` suffix) and labels hold at most 40 characters.
 *
 * Salesforce Help, "DescribeFieldResult.getLength() returns maximum of 40 characters for longer API
 * name" (Knowledge Article 000381913): "The current character limit for creating field names and
 * labels is 40 characters."
 */
const fieldNamesArticle: Citation = {
    page: 'Salesforce Help, Knowledge Article 000381913',
    url: 'https://help.salesforce.com/s/articleView?id=000381913&type=1',
    quote: 'The current character limit for creating field names and labels is 40 characters.',
};

export const customFieldApiNameLimit: LengthLimit = { subject: 'custom field API name (without __c)', max: 40, citation: fieldNamesArticle };
export const customFieldLabelLimit: LengthLimit = { subject: 'custom field label', max: 40, citation: fieldNamesArticle };
/**
 * The child relationship name of a lookup or master-detail field is a field-level API name; no
 * separate limit is documented, so the field-name limit of the same article is applied.
 */
export const relationshipNameLimit: LengthLimit = { subject: 'relationship name (without __r)', max: 40, citation: fieldNamesArticle };
