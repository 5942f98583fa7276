import type { Citation } from '../citation';

/**
 * At most two master-detail relationships on one object.
 *
 * Salesforce Help, "Considerations for Object Relationships": "Each custom object can have up to 2
 * master-detail relationships and many lookup relationships. Each relationship is included in the
 * maximum number of custom fields allowed."
 */
export const masterDetailPerObject: { readonly max: number; readonly citation: Citation } = {
    max: 2,
    citation: {
        page: 'Salesforce Help, Considerations for Object Relationships',
        url: 'https://help.salesforce.com/s/articleView?id=platform.relationships_considerations.htm&type=5',
        quote: 'Each custom object can have up to 2 master-detail relationships and many lookup relationships.',
    },
};
