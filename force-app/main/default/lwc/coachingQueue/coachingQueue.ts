import { LightningElement, wire } from 'lwc';
import { graphql, gql } from 'lightning/graphql';
import { CurrentPageReference, NavigationMixin } from 'lightning/navigation';
import type { PageReference } from 'lightning/navigation';
import currentUserId from '@salesforce/user/Id';
import { calendarYearPeriod, errorMessage, todayIso, toId18 } from 'c/goalPlanData';
import { pageStateRepId, withRepInPageState } from 'c/repScope';
import type { PanelQueryResult } from 'c/repScope';
import { MIN_CLOSED_FOR_WIN_RATE, queueRows } from './queueRanking';
import type { QueueRow, TeamFigure } from './queueRanking';

type Navigate = (pageRef: PageReference, replace?: boolean) => void;

/**
 * The coaching queue on the Coaching app page: the viewer's reps, neediest first, each with the top
 * learning goal and one click into the rep's plan (page state c__repId, which the goal-plan and
 * coaching panels follow), and the team's skills.
 *
 * Which reps: the period's goal plans the viewer can see, which the sharing model decides.
 * Goal_Plan__c is Private with Grant Access Using Hierarchies, so a manager sees the plans of everyone
 * below them in the role hierarchy (Apex Developer Guide, "Understanding Sharing",
 * https://developer.salesforce.com/docs/platform/apex-dev/references/apex-dev/apex-bulk-sharing-understanding.html:
 * "Consequently, users above a record owner in the role hierarchy are also implicitly granted Full
 * Access to the record, though this behavior can be disabled for specific custom objects."). Direct
 * reports by User.ManagerId are added so a rep with no plan yet is still in the queue; ManagerId
 * alone grants no access, so it cannot show anyone's plan the hierarchy hides.
 *
 * Limits: the queue query holds 4 subqueries, the direct-reports and deals queries 1 each, every
 * `first` at most 2000 (platform/graphql/subqueryLimit.ts, recordLimit.ts). 40 reps with 10 goals
 * and 26 sessions each are 400 goals and 1,040 sessions; the deals query, the one that can outgrow
 * its `first`, says so in the queue when it does (pageInfo.hasNextPage).
 */
export default class CoachingQueue extends NavigationMixin(LightningElement) {
    readonly viewerId = currentUserId;
    today = todayIso();
    pageRef?: PageReference;
    queueResult?: PanelQueryResult;
    dealsResult?: PanelQueryResult;
    reportsResult?: PanelQueryResult;

    @wire(CurrentPageReference)
    wiredPageRef(pageRef: PageReference | undefined) {
        this.pageRef = pageRef;
    }

    @wire(graphql, {
        query: gql`
            query coachingQueue($periodStart: Date, $today: Date) {
                uiapi {
                    query {
                        Goal_Plan__c(
                            where: { Period_Start__c: { eq: { value: $periodStart } } }
                            first: 500
                        ) {
                            edges {
                                node {
                                    Id
                                    Name @optional {
                                        value
                                    }
                                    Rep__c @optional {
                                        value
                                    }
                                    Rep__r @optional {
                                        Name @optional {
                                            value
                                        }
                                    }
                                    Why_Goal__c @optional {
                                        value
                                    }
                                    Plan_Start_Reason__c @optional {
                                        value
                                    }
                                    Trigger_Event_Type__c @optional {
                                        value
                                    }
                                }
                            }
                        }
                        Learning_Goal__c(
                            where: {
                                and: [
                                    { Goal_Plan__r: { Period_Start__c: { eq: { value: $periodStart } } } }
                                    { Status__c: { in: ["Suggested", "Accepted", "In Progress"] } }
                                ]
                            }
                            first: 2000
                        ) {
                            edges {
                                node {
                                    Id
                                    Goal_Plan__c @optional {
                                        value
                                    }
                                    Name @optional {
                                        value
                                    }
                                    Skill__c @optional {
                                        value
                                    }
                                    Status__c @optional {
                                        value
                                    }
                                    Confidence__c @optional {
                                        value
                                    }
                                }
                            }
                        }
                        Goal_Step__c(
                            where: {
                                and: [
                                    { Goal_Plan__r: { Period_Start__c: { eq: { value: $periodStart } } } }
                                    { Done__c: { eq: false } }
                                    { Due_Date__c: { lt: { value: $today } } }
                                ]
                            }
                            first: 2000
                        ) {
                            edges {
                                node {
                                    Id
                                    Goal_Plan__c @optional {
                                        value
                                    }
                                }
                            }
                        }
                        Coaching_Session__c(
                            where: { Goal_Plan__r: { Period_Start__c: { eq: { value: $periodStart } } } }
                            orderBy: { Session_Date__c: { order: DESC } }
                            first: 2000
                        ) {
                            edges {
                                node {
                                    Id
                                    Goal_Plan__c @optional {
                                        value
                                    }
                                    Session_Date__c @optional {
                                        value
                                    }
                                    Next_Session_Date__c @optional {
                                        value
                                    }
                                }
                            }
                        }
                    }
                }
            }
        `,
        variables: '$queueVariables',
        operationName: 'coachingQueue',
    })
    wiredQueue(result: PanelQueryResult) {
        this.queueResult = result;
    }

    // User is not in UI API GraphQL's documented object list: the direct reports are a query of their
    // own, so an org refusing it only loses the reps without a plan.
    @wire(graphql, {
        query: gql`
            query coachingQueueReports($viewerId: ID) {
                uiapi {
                    query {
                        User(where: { and: [{ ManagerId: { eq: $viewerId } }, { IsActive: { eq: true } }] }, first: 500) {
                            edges {
                                node {
                                    Id
                                    Name @optional {
                                        value
                                    }
                                }
                            }
                        }
                    }
                }
            }
        `,
        variables: '$reportVariables',
        operationName: 'coachingQueueReports',
    })
    wiredReports(result: PanelQueryResult) {
        this.reportsResult = result;
    }

    // The closed deals of the queue's reps, once the reps are known: the win rates.
    @wire(graphql, {
        query: gql`
            query coachingQueueDeals($repIds: [ID], $periodStart: Date) {
                uiapi {
                    query {
                        Opportunity(
                            where: {
                                and: [
                                    { OwnerId: { in: $repIds } }
                                    { IsClosed: { eq: true } }
                                    { CloseDate: { gte: { value: $periodStart } } }
                                ]
                            }
                            orderBy: { CloseDate: { order: DESC } }
                            first: 2000
                        ) {
                            edges {
                                node {
                                    Id
                                    OwnerId @optional {
                                        value
                                    }
                                    IsWon @optional {
                                        value
                                    }
                                }
                            }
                            pageInfo {
                                hasNextPage
                            }
                        }
                    }
                }
            }
        `,
        variables: '$dealVariables',
        operationName: 'coachingQueueDeals',
    })
    wiredDeals(result: PanelQueryResult) {
        this.dealsResult = result;
    }

    get periodStart(): string {
        return calendarYearPeriod(this.today).start;
    }

    get queueVariables() {
        return { periodStart: this.periodStart, today: this.today };
    }

    get reportVariables() {
        return { viewerId: toId18(this.viewerId) };
    }

    /** Waits for the reps; a queue without reps needs no deals. Sorted, so re-ranking never re-queries. */
    get dealVariables() {
        const repIds = this.baseRows.map((row) => row.repId).sort();
        return repIds.length ? { repIds, periodStart: this.periodStart } : undefined;
    }

    // ------------------------------------------------------------ states

    get errorText(): string | undefined {
        const errors = this.queueResult?.errors;
        return errors && (!Array.isArray(errors) || errors.length > 0) ? errorMessage(errors) : undefined;
    }

    get isLoading(): boolean {
        return !this.errorText && !this.queueResult?.data;
    }

    /** The plan records and, once they arrive, the direct reports (a refused reports query leaves them out). */
    get records() {
        return { ...(this.queueResult?.data?.uiapi?.query ?? {}), User: this.reportsResult?.data?.uiapi?.query?.User };
    }

    /** The rows before the deals arrive (no win rates), to know whose deals to ask for. */
    get baseRows(): QueueRow[] {
        return queueRows({ records: this.records, deals: undefined, viewerId: toId18(this.viewerId), today: this.today }).rows;
    }

    get queue(): { rows: QueueRow[]; team: TeamFigure; skills: string[] } {
        const deals = this.dealsResult?.data?.uiapi?.query?.Opportunity;
        return queueRows({ records: this.records, deals, viewerId: toId18(this.viewerId), today: this.today });
    }

    get isEmpty(): boolean {
        return !this.isLoading && !this.errorText && this.baseRows.length === 0;
    }

    get isReady(): boolean {
        return !this.isLoading && !this.errorText && !this.isEmpty;
    }

    get selectedRepId(): string | undefined {
        const repId = pageStateRepId(this.pageRef);
        return repId ? toId18(repId) : undefined;
    }

    get rows() {
        const selected = this.selectedRepId;
        return this.queue.rows.map((row, index) => ({ ...row, rank: index + 1, isSelected: row.repId === selected }));
    }

    get skills(): string[] {
        return this.queue.skills;
    }

    get teamLine(): string {
        const team = this.queue.team;
        const reps = `${team.reps} ${team.reps === 1 ? 'rep' : 'reps'}`;
        if (!this.dealsResult?.data) {
            return `${reps}, neediest first.`;
        }
        if (team.winRate === null) {
            return `${reps}, neediest first. Team win rate: not yet, ${team.closed} closed deals this period (needs ${MIN_CLOSED_FOR_WIN_RATE}).`;
        }
        return `${reps}, neediest first. Team win rate this period: ${Math.round(team.winRate * 100)}% (${team.won} of ${team.closed} closed deals of these reps).`;
    }

    /** The deals query refused or cut short: the win rates say so instead of going quiet. */
    get dealsNote(): string | undefined {
        const errors = this.dealsResult?.errors;
        if (errors && (!Array.isArray(errors) || errors.length > 0)) {
            return `Win rates are left out: ${errorMessage(errors)}`;
        }
        const pageInfo = (this.dealsResult?.data?.uiapi?.query?.Opportunity as { pageInfo?: { hasNextPage?: boolean } } | undefined)?.pageInfo;
        return pageInfo?.hasNextPage ? 'Win rates count the latest 2,000 closed deals of the period only.' : undefined;
    }

    // ------------------------------------------------------------ actions

    handleOpenRep(event: CustomEvent<{ repId: string }>) {
        const repId = event.detail?.repId;
        if (!repId || !this.pageRef) {
            return;
        }
        const navigate = (this as unknown as Record<symbol, Navigate>)[NavigationMixin.Navigate];
        navigate.call(this, withRepInPageState(this.pageRef, repId), true);
    }
}
