import type { QueryShape } from './queryShape';
import { cite } from '../citation';
import { type GraphqlRule, type GraphqlViolation, QUERY_LIMITS_PAGE } from './violation';

/**
 * Only objects User Interface API supports can be queried.
 *
 * GraphQL API Developer Guide, "GraphQL API Query Limitations"
 * (https://developer.salesforce.com/docs/platform/graphql/guide/query-limits.html):
 * "You can query only objects that User Interface API supports."
 *
 * User Interface API Developer Guide, "Supported Objects"
 * (https://developer.salesforce.com/docs/platform/user-interface/guide/ui-api-get-started-supported-objects.html):
 * "User Interface API supports all custom objects and external objects and many standard objects."
 */
export type ObjectSupport =
    /** Named in UI API's list of supported objects. */
    | { status: 'supported'; source: string }
    /** Documented as Beta for GraphQL: it may change or be withdrawn. */
    | { status: 'beta'; source: string }
    /** Neither listed nor excluded by the pages the project could read: unproven until tried on an org. */
    | { status: 'unconfirmed'; source: string };

// Sources, quoted in short; the rule's doc comment above gives the full pages.
const SUPPORTED_LIST = 'named in UI API "Supported Objects" (ui_api_get_started_supported_objects.htm)';
/**
 * GraphQL API "GraphQL API Query Limitations": "Event and Task (Beta) available in API v59.0 and later".
 * force:recordData (https://developer.salesforce.com/docs/platform/lightning-component-reference/guide/force-record-data.html):
 * "This component doesn't support all Salesforce standard objects. For example, the Event and Task objects are not supported."
 */
const TASK_EVENT_BETA = 'GraphQL API Query Limitations: "Event and Task (Beta) available in API v59.0 and later"';
/**
 * UI API "All Supported Objects" (https://developer.salesforce.com/docs/atlas.en-us.258.0.uiapi.meta/uiapi/ui_api_all_supported_objects.htm):
 * "This list might not reflect the latest object support. To check if a specific object is supported, use the
 * /ui-api/object-info/{objectApiName} resource."
 */
const NOT_LISTED = 'not found in the UI API "All Supported Objects" list; check /ui-api/object-info/{objectApiName} on an org';

/**
 * The standard objects Goal Coach queries or may query, with what the documentation says of each.
 * Add an object here, with its source, before querying it.
 */
export const standardObjectSupport: Readonly<Record<string, ObjectSupport>> = {
    Account: { status: 'supported', source: SUPPORTED_LIST },
    Contact: { status: 'supported', source: SUPPORTED_LIST },
    Lead: { status: 'supported', source: SUPPORTED_LIST },
    Campaign: { status: 'supported', source: SUPPORTED_LIST },
    Case: { status: 'supported', source: SUPPORTED_LIST },
    Opportunity: { status: 'supported', source: SUPPORTED_LIST },
    OpportunityLineItem: { status: 'supported', source: SUPPORTED_LIST },
    Event: { status: 'beta', source: TASK_EVENT_BETA },
    Task: { status: 'beta', source: TASK_EVENT_BETA },
    OpportunityContactRole: { status: 'unconfirmed', source: NOT_LISTED },
    User: { status: 'unconfirmed', source: NOT_LISTED },
};

/** Custom (`__c`) and external (`__x`) objects are all supported. */
export function isCustomOrExternalObject(apiName: string): boolean {
    return /__(c|x)$/i.test(apiName);
}

/** What the documentation says of an object; undefined: a standard object not on the kept list. */
export function objectSupport(apiName: string): ObjectSupport | undefined {
    if (isCustomOrExternalObject(apiName)) {
        return { status: 'supported', source: 'UI API "Supported Objects": "User Interface API supports all custom objects and external objects"' };
    }
    return standardObjectSupport[apiName];
}

export const supportedObjects: GraphqlRule = {
    id: 'graphql-supported-objects',
    citation: { ...QUERY_LIMITS_PAGE, quote: 'You can query only objects that User Interface API supports.' },
    check(shape: QueryShape): GraphqlViolation[] {
        const violations: GraphqlViolation[] = [];
        for (const query of shape.recordQueries) {
            const support = objectSupport(query.name);
            const at = { location: query.location, path: query.path };
            if (!support) {
                violations.push({
                    rule: this.id,
                    severity: 'error',
                    message: `${query.name} is not on the kept list of objects User Interface API supports (${cite(this.citation)}).`,
                    fix: `Check the UI API "All Supported Objects" list or /ui-api/object-info/${query.name}, then add ${query.name} with its source to standardObjectSupport in platform/graphql/supportedObjects.ts, or read it another way.`,
                    ...at,
                });
            } else if (support.status !== 'supported') {
                violations.push({
                    rule: this.id,
                    severity: 'warning',
                    message: `${query.name} is ${support.status === 'beta' ? 'Beta' : 'not documented as supported'} in UI API GraphQL (${support.source}).`,
                    fix:
                        shape.recordQueries.length > 1
                            ? `Move ${query.name} into a query of its own, so that if the org refuses it only that part of the component degrades.`
                            : `It is alone in its query: make sure the component still shows everything else when this query fails.`,
                    ...at,
                });
            }
        }
        return violations;
    },
};
