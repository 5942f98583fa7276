// Page references to the standard create pages the Opportunity panels open, with the deal filled in.
//
// LWC Developer Guide, "Navigate to a Record's Create Page with Default Field Values"
// (https://developer.salesforce.com/docs/platform/lwc/guide/use-navigate-default.html):
// "To launch a record's create page with prepopulated field values, use lightning/pageReferenceUtils
// and lightning/navigation together." and "Assign an encoded string to the
// pageReference.state.defaultFieldValues attribute in a standard__objectPage page reference."
// Component Reference, "Page Reference Utils"
// (https://developer.salesforce.com/docs/platform/lightning-component-reference/guide/lightning-page-reference-utils.html)
// lists the objects it does not support: "ContractLineItem, OpportunityLineItem, OrderItem,
// QuoteLineItem, WorkOrderLineItem"; OpportunityContactRole, Task and Event are not among them.
import { encodeDefaultFieldValues } from 'lightning/pageReferenceUtils';
import type { PageReference } from 'lightning/navigation';

function newRecordPage(objectApiName: string, defaults: Record<string, string>): PageReference {
    return {
        type: 'standard__objectPage',
        attributes: { objectApiName, actionName: 'new' },
        state: { defaultFieldValues: encodeDefaultFieldValues(defaults) },
    };
}

/** New Contact Role on this deal with the role the milestone needs; the rep picks the contact. */
export function newContactRolePage(opportunityId: string, role: string): PageReference {
    return newRecordPage('OpportunityContactRole', { OpportunityId: opportunityId, Role: role });
}

/**
 * A call is logged as a completed Task of type Call on the deal; a meeting (or any other
 * activity type) as an Event of that type, which counts once it has ended.
 */
export function newActivityPage(opportunityId: string, activityType: string): PageReference {
    if (activityType.trim().toLowerCase() === 'call') {
        return newRecordPage('Task', { WhatId: opportunityId, Subject: 'Call', Type: 'Call', Status: 'Completed' });
    }
    return newRecordPage('Event', { WhatId: opportunityId, Subject: activityType, Type: activityType });
}
