// From the GraphQL and LDS shapes the committee reads to the plain facts of committeeRules.
import type { ContactActivity, WonDeal } from './committeeRules';

interface GraphQlValue<T> {
    value?: T | null;
}
interface Connection<N> {
    edges?: Array<{ node?: N | null } | null> | null;
    pageInfo?: { hasNextPage?: boolean | null } | null;
}
export interface ActivityNode {
    Id: string;
    WhoId?: GraphQlValue<string>;
    Subject?: GraphQlValue<string>;
    ActivityDate?: GraphQlValue<string>;
    EndDateTime?: GraphQlValue<string>;
}
export interface ActivityQueryData {
    uiapi?: { query?: { Task?: Connection<ActivityNode> | null; Event?: Connection<ActivityNode> | null } };
}
export interface WonDealNode {
    Id: string;
    Amount?: GraphQlValue<number>;
    OpportunityContactRoles?: Connection<{ Role?: GraphQlValue<string> }> | null;
}
export interface WonDealQueryData {
    uiapi?: { query?: { Opportunity?: Connection<WonDealNode> | null } };
}

function nodes<N>(connection: Connection<N> | null | undefined): N[] {
    return (connection?.edges ?? []).flatMap((edge) => (edge?.node ? [edge.node] : []));
}

/** Completed tasks (by ActivityDate) or ended events (by EndDateTime) with a contact. */
export function readActivities(connection: Connection<ActivityNode> | null | undefined): ContactActivity[] {
    return nodes(connection).flatMap((node) => {
        const contactId = node.WhoId?.value;
        const date = node.EndDateTime?.value ?? node.ActivityDate?.value;
        return contactId && date ? [{ contactId, date, subject: node.Subject?.value ?? null }] : [];
    });
}

export function readWonDeals(data: WonDealQueryData | undefined): { deals: WonDeal[]; truncated: boolean } {
    const connection = data?.uiapi?.query?.Opportunity;
    const deals = nodes(connection).map((node) => ({
        amount: typeof node.Amount?.value === 'number' ? node.Amount.value : null,
        roles: nodes(node.OpportunityContactRoles).flatMap((role) => (role.Role?.value ? [role.Role.value] : [])),
    }));
    return { deals, truncated: connection?.pageInfo?.hasNextPage === true };
}

/** Picklist value → label, so a value an admin added shows as they named it. */
export function readRoleLabels(picklist: { values?: Array<{ value: string; label?: string }> } | undefined): Record<string, string> {
    return Object.fromEntries((picklist?.values ?? []).map((item) => [item.value, item.label ?? item.value]));
}

/** The first message of a GraphQL error list or an LDS error. */
export function firstMessage(error: unknown): string {
    const list = Array.isArray(error) ? error : [error];
    for (const item of list as Array<{ message?: string; body?: { message?: string } } | null>) {
        const message = item?.message ?? item?.body?.message;
        if (message) {
            return message;
        }
    }
    return 'Unknown error.';
}
