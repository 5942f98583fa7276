import { LightningElement, api, wire } from 'lwc';
import { getPicklistValues } from 'lightning/uiObjectInfoApi';
import { gql, graphql } from 'lightning/graphql';
import { NavigationMixin, type PageReference } from 'lightning/navigation';
import { newContactRolePage } from 'c/dealActions';
import {
    groupCommittee,
    missingRoles,
    sizeBand,
    type CommitteeContactRole,
    type MissingRole,
} from './committeeRules';
import {
    firstMessage,
    readActivities,
    readRoleLabels,
    readWonDeals,
    type ActivityQueryData,
    type WonDealQueryData,
} from './committeeData';

const MASTER_RECORD_TYPE_ID = '012000000000000AAA';
/** Activities read per contact list, most recent first. */
const ACTIVITY_PAGE_SIZE = 200;
/** The team's won deals of a similar size read per load, latest first. */
const WON_DEAL_PAGE_SIZE = 200;

interface QueryResult<T> {
    data?: T;
    errors?: unknown[];
}

export type { CommitteeContactRole } from './committeeRules';

export interface RequiredRole {
    role: string;
    milestoneName: string;
}

/**
 * The deal's buying committee: contact roles grouped by role, when the rep last met each contact,
 * and the roles the deal is expected to have but lacks. Each source is read on its own and fails
 * on its own: Task and Event are Beta in UI API GraphQL and OpportunityContactRole (the child list
 * of the won-deal query) is not on UI API's supported-object list, so a refused query leaves a
 * plain note while the rest shows.
 */
export default class BuyingCommittee extends NavigationMixin(LightningElement) {
    @api recordId?: string;
    /** The deal's contact roles from the parent's related-list read; null when the viewer can't read them. */
    @api contactRoles: CommitteeContactRole[] | null = null;
    @api amount: number | null = null;
    /** The deal owner's manager (or the owner, without one): the team is the manager's reports. */
    @api teamManagerId: string | null = null;
    /** Roles the milestone definitions ask for by the deal's stage and size. */
    @api requiredRoles: RequiredRole[] = [];

    private roleLabels: Record<string, string> = {};
    /** "Now" for the ended-events filter, fixed per load: a new value would re-run the query. */
    private readonly loadedAt = new Date().toISOString();
    private tasks?: QueryResult<ActivityQueryData>;
    private events?: QueryResult<ActivityQueryData>;
    private wonDeals?: QueryResult<WonDealQueryData>;

    @wire(getPicklistValues, { recordTypeId: MASTER_RECORD_TYPE_ID, fieldApiName: 'OpportunityContactRole.Role' })
    wiredRoles({ data }: { data?: { values?: Array<{ value: string; label?: string }> } }): void {
        // Without the picklist, roles show as their stored values.
        this.roleLabels = readRoleLabels(data);
    }

    // Task is Beta in UI API GraphQL ("Event and Task (Beta) available in API v59.0 and later",
    // GraphQL API Query Limitations): its own query, failing on its own.
    @wire(graphql, {
        query: gql`
            query buyingCommitteeTasks($contactIds: [ID], $pageSize: Int) {
                uiapi {
                    query {
                        Task(
                            where: { and: [{ WhoId: { in: $contactIds } }, { IsClosed: { eq: true } }] }
                            orderBy: { ActivityDate: { order: DESC } }
                            first: $pageSize
                        ) {
                            edges {
                                node {
                                    Id
                                    WhoId { value }
                                    Subject { value }
                                    ActivityDate { value }
                                }
                            }
                        }
                    }
                }
            }
        `,
        variables: '$activityVariables',
        operationName: 'buyingCommitteeTasks',
    })
    wiredTasks(result: QueryResult<ActivityQueryData>): void {
        this.tasks = result;
    }

    @wire(graphql, {
        query: gql`
            query buyingCommitteeEvents($contactIds: [ID], $now: DateTime, $pageSize: Int) {
                uiapi {
                    query {
                        Event(
                            where: { and: [{ WhoId: { in: $contactIds } }, { EndDateTime: { lte: { value: $now } } }] }
                            orderBy: { EndDateTime: { order: DESC } }
                            first: $pageSize
                        ) {
                            edges {
                                node {
                                    Id
                                    WhoId { value }
                                    Subject { value }
                                    EndDateTime { value }
                                }
                            }
                        }
                    }
                }
            }
        `,
        variables: '$eventVariables',
        operationName: 'buyingCommitteeEvents',
    })
    wiredEvents(result: QueryResult<ActivityQueryData>): void {
        this.events = result;
    }

    // The team's won deals of a similar size with their contact roles (a child list of
    // OpportunityContactRole, which UI API doesn't list as supported): its own query.
    @wire(graphql, {
        query: gql`
            query buyingCommitteeWonDeals($managerId: ID, $low: Currency, $high: Currency, $pageSize: Int) {
                uiapi {
                    query {
                        Opportunity(
                            where: {
                                and: [
                                    { IsWon: { eq: true } }
                                    { or: [{ OwnerId: { eq: $managerId } }, { Owner: { ManagerId: { eq: $managerId } } }] }
                                    { Amount: { gte: $low } }
                                    { Amount: { lte: $high } }
                                ]
                            }
                            orderBy: { CloseDate: { order: DESC } }
                            first: $pageSize
                        ) {
                            edges {
                                node {
                                    Id
                                    Amount { value }
                                    OpportunityContactRoles(first: 20) {
                                        edges {
                                            node {
                                                Role { value }
                                            }
                                        }
                                    }
                                }
                            }
                            pageInfo { hasNextPage }
                        }
                    }
                }
            }
        `,
        variables: '$wonDealVariables',
        operationName: 'buyingCommitteeWonDeals',
    })
    wiredWonDeals(result: QueryResult<WonDealQueryData>): void {
        this.wonDeals = result;
    }

    private get contactIds(): string[] {
        return [...new Set((this.contactRoles ?? []).flatMap((item) => (item.contactId ? [item.contactId] : [])))];
    }

    get activityVariables() {
        const contactIds = this.contactIds;
        return contactIds.length ? { contactIds, pageSize: ACTIVITY_PAGE_SIZE } : undefined;
    }

    get eventVariables() {
        const variables = this.activityVariables;
        return variables ? { ...variables, now: this.loadedAt } : undefined;
    }

    get wonDealVariables() {
        const band = sizeBand(this.amount);
        return band && this.teamManagerId
            ? { managerId: this.teamManagerId, low: band.low, high: band.high, pageSize: WON_DEAL_PAGE_SIZE }
            : undefined;
    }

    // ---- View ----

    get cannotRead(): boolean {
        return this.contactRoles === null;
    }

    private get activitiesFailed(): boolean {
        return Boolean(this.tasks?.errors?.length && this.events?.errors?.length);
    }

    private get activities() {
        if (!this.contactIds.length) {
            return [];
        }
        if (this.activitiesFailed) {
            return null;
        }
        return [...readActivities(this.tasks?.data?.uiapi?.query?.Task), ...readActivities(this.events?.data?.uiapi?.query?.Event)];
    }

    get groups() {
        return groupCommittee(this.contactRoles ?? [], this.activities, this.roleLabels)
            .filter((group) => group.members.length > 0)
            .map((group) => ({
                ...group,
                headingId: `committee-${group.key}`,
                members: group.members.map((member) => ({
                    ...member,
                    neverMet: member.lastActivity === null && !this.activitiesFailed,
                    lastMetDate: member.lastActivity?.date ?? null,
                })),
            }));
    }

    /** The trailing space separates the label from the date (the template drops whitespace-only text). */
    readonly lastActivityLabel = 'Last activity ';

    get hasMembers(): boolean {
        return (this.contactRoles ?? []).length > 0;
    }

    get missing(): Array<MissingRole & { key: string; addLabel: string }> {
        const wonDeals = this.wonDeals?.data ? readWonDeals(this.wonDeals.data).deals : null;
        return missingRoles({
            contactRoles: this.contactRoles ?? [],
            requiredByDefinitions: this.requiredRoles,
            wonDeals,
            band: sizeBand(this.amount),
            roleLabels: this.roleLabels,
        }).map((item) => ({ ...item, key: item.role, addLabel: `Add ${this.roleLabels[item.role] ?? item.role}` }));
    }

    get hasMissing(): boolean {
        return this.missing.length > 0;
    }

    get notes(): Array<{ id: string; text: string }> {
        const notes: Array<{ id: string; text: string }> = [];
        if (this.activitiesFailed) {
            notes.push({
                id: 'activities',
                text: `When you last met each contact can't be shown here: ${firstMessage(this.tasks?.errors)}`,
            });
        }
        if (this.wonDeals?.errors?.length) {
            notes.push({
                id: 'won-deals',
                text: `The team's won deals couldn't be read, so only the milestones' roles are asked for: ${firstMessage(this.wonDeals.errors)}`,
            });
        } else if (this.wonDeals?.data && readWonDeals(this.wonDeals.data).truncated) {
            notes.push({ id: 'won-deals-truncated', text: `Compared with the team's latest ${WON_DEAL_PAGE_SIZE} won deals of a similar size.` });
        }
        if (this.amount === null) {
            notes.push({ id: 'amount', text: 'This deal has no amount, so it is not compared with the team’s won deals.' });
        }
        return notes;
    }

    get hasNotes(): boolean {
        return this.notes.length > 0;
    }

    handleAdd(event: Event): void {
        const role = (event.currentTarget as HTMLElement).dataset.role;
        if (this.recordId && role) {
            const navigate = (this as unknown as Record<symbol, (reference: PageReference) => void>)[NavigationMixin.Navigate];
            navigate.call(this, newContactRolePage(this.recordId, role));
        }
    }
}
