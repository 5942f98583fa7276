import { LightningElement, api, wire } from 'lwc';
import { graphql, gql } from 'lightning/graphql';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { CurrentPageReference } from 'lightning/navigation';
import type { PageReference } from 'lightning/navigation';
import currentUserId from '@salesforce/user/Id';
import COACHING_SESSION_OBJECT from '@salesforce/schema/Coaching_Session__c';
import {
    formatDate,
    isOpenLearningGoal,
    nodeId,
    nodesOf,
    toCoachingSession,
    toGoalStep,
    toLearningGoal,
    todayIso,
    topLearningGoal,
} from 'c/goalPlanData';
import type { CoachingSession, LearningGoal } from 'c/goalPlanData';
import {
    createPlanAndRefresh,
    createPlanLabel,
    noPlanMessage,
    notSharedMessage,
    panelStatus,
    refreshQuery,
    repNameOf,
    repScope,
    viewerRelation,
} from 'c/repScope';
import type { PanelQueryResult, PanelStatus, RepScope } from 'c/repScope';
import { dealAgendaLines, dealsToDiscuss } from 'c/dealsToDiscuss';
import type { DealToDiscuss } from 'c/dealsToDiscuss';

interface SessionObjectInfo {
    queryable?: boolean;
    createable?: boolean;
    fields?: Record<string, { updateable?: boolean } | undefined>;
}

/** The agenda names this many deals; the rest are counted, so the agenda stays readable. */
const AGENDA_DEALS = 8;

/**
 * The rep's coaching sessions, newest first, and a form for the next one that comes with a
 * prepared agenda: the open learning goals, overdue steps, and the deals the viewer can see that are
 * past their close date, stalled since the last session or lost since it (c/dealsToDiscuss).
 */
export default class CoachingPanel extends LightningElement {
    @api recordId?: string;
    /** On an app page, hide this panel's picker and follow the rep picked in another panel (page state c__repId). */
    @api hideRepPicker = false;

    // Where the panel is, as c/repScope reads it: the page, this panel's own pick, the viewer, today.
    pageRef?: PageReference;
    pickedRepId?: string;
    readonly viewerId = currentUserId;
    today = todayIso();

    isCreating = false;
    isFormOpen = false;
    objectInfo?: SessionObjectInfo;
    objectInfoError: unknown;
    queryResult?: PanelQueryResult;

    @wire(getObjectInfo, { objectApiName: COACHING_SESSION_OBJECT })
    wiredObjectInfo({ data, error }: { data?: SessionObjectInfo; error?: unknown }) {
        this.objectInfo = data;
        this.objectInfoError = error;
    }

    @wire(graphql, {
        query: gql`
            query coachingSessions($repId: ID, $planKey: String, $today: Date, $periodStart: Date) {
                uiapi {
                    query {
                        User(where: { Id: { eq: $repId } }, first: 1) {
                            edges {
                                node {
                                    Id
                                    Name @optional {
                                        value
                                    }
                                    ManagerId @optional {
                                        value
                                    }
                                    Manager @optional {
                                        ManagerId @optional {
                                            value
                                        }
                                        Manager @optional {
                                            ManagerId @optional {
                                                value
                                            }
                                            Manager @optional {
                                                ManagerId @optional {
                                                    value
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        Goal_Plan__c(where: { Plan_Key__c: { eq: $planKey } }, first: 1) {
                            edges {
                                node {
                                    Id
                                }
                            }
                        }
                        Coaching_Session__c(
                            where: { Goal_Plan__r: { Plan_Key__c: { eq: $planKey } } }
                            orderBy: { Session_Date__c: { order: DESC } }
                            first: 100
                        ) {
                            edges {
                                node {
                                    Id
                                    Session_Date__c @optional {
                                        value
                                    }
                                    Focus_Learning_Goal__c @optional {
                                        value
                                    }
                                    Agenda__c @optional {
                                        value
                                    }
                                    Notes__c @optional {
                                        value
                                    }
                                    Rep_Commitment__c @optional {
                                        value
                                    }
                                    Manager_Feedback__c @optional {
                                        value
                                    }
                                    Next_Session_Date__c @optional {
                                        value
                                    }
                                }
                            }
                        }
                        Learning_Goal__c(
                            where: { Goal_Plan__r: { Plan_Key__c: { eq: $planKey } } }
                            orderBy: { CreatedDate: { order: ASC } }
                            first: 100
                        ) {
                            edges {
                                node {
                                    Id
                                    Name @optional {
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
                                    { Goal_Plan__r: { Plan_Key__c: { eq: $planKey } } }
                                    { Done__c: { eq: false } }
                                    { Due_Date__c: { lt: { value: $today } } }
                                ]
                            }
                            orderBy: { Due_Date__c: { order: ASC } }
                            first: 100
                        ) {
                            edges {
                                node {
                                    Id
                                    Name @optional {
                                        value
                                    }
                                    Due_Date__c @optional {
                                        value
                                    }
                                }
                            }
                        }
                        Opportunity(
                            where: { and: [{ OwnerId: { eq: $repId } }, { IsClosed: { eq: false } }] }
                            orderBy: { CloseDate: { order: ASC } }
                            first: 200
                        ) {
                            edges {
                                node {
                                    Id
                                    Name @optional {
                                        value
                                    }
                                    Amount @optional {
                                        value
                                    }
                                    StageName @optional {
                                        value
                                    }
                                    CloseDate @optional {
                                        value
                                    }
                                    LastStageChangeDate @optional {
                                        value
                                    }
                                }
                            }
                        }
                        LostDeals: Opportunity(
                            where: {
                                and: [
                                    { OwnerId: { eq: $repId } }
                                    { IsClosed: { eq: true } }
                                    { IsWon: { eq: false } }
                                    { CloseDate: { gte: { value: $periodStart } } }
                                ]
                            }
                            orderBy: { CloseDate: { order: DESC } }
                            first: 50
                        ) {
                            edges {
                                node {
                                    Id
                                    Name @optional {
                                        value
                                    }
                                    Amount @optional {
                                        value
                                    }
                                    StageName @optional {
                                        value
                                    }
                                    CloseDate @optional {
                                        value
                                    }
                                }
                            }
                        }
                    }
                }
            }
        `,
        variables: '$sessionVariables',
    })
    wiredSessions(result: PanelQueryResult) {
        this.queryResult = result;
    }

    @wire(CurrentPageReference)
    wiredPageRef(pageRef: PageReference | undefined) {
        this.pageRef = pageRef;
    }

    /** Which rep, plan key and period this panel shows (see c/repScope). */
    get scope(): RepScope {
        return repScope(this);
    }

    get sessionVariables() {
        const { repId, planKey, period } = this.scope;
        return repId ? { repId, planKey, today: this.today, periodStart: period.start } : undefined;
    }

    // ------------------------------------------------------------ states

    get status(): PanelStatus {
        return panelStatus(this);
    }

    get queryData() {
        return this.status.records;
    }

    get planId(): string | undefined {
        const [node] = nodesOf(this.queryData.Goal_Plan__c);
        return node ? nodeId(node) : undefined;
    }

    get isEmpty(): boolean {
        return !this.planId;
    }

    /** A peer (neither the rep nor one of their managers) sees that plans are not shared, not a Create button. */
    get isNotShared(): boolean {
        return viewerRelation(this.scope, this.viewerId, this.queryData) === 'other';
    }

    get notSharedMessage(): string {
        return notSharedMessage(repNameOf(this.queryData));
    }

    get canCreateSession(): boolean {
        return this.objectInfo?.createable !== false;
    }

    /** Session fields the viewer may edit in place (reps: the commitment). */
    get editableSessionFields(): string[] {
        const fields = this.objectInfo?.fields ?? {};
        return Object.keys(fields).filter((name) => fields[name]?.updateable === true);
    }

    get showNewSession(): boolean {
        return this.status.isReady && !this.isEmpty && !this.isFormOpen && this.canCreateSession;
    }

    get emptyMessage(): string {
        return `${noPlanMessage(this.scope, repNameOf(this.queryData))} Sessions are logged on the plan.`;
    }

    get createLabel(): string {
        return createPlanLabel(this.scope.period);
    }

    // ------------------------------------------------------------ sessions and the prepared agenda

    get sessions(): CoachingSession[] {
        return nodesOf(this.queryData.Coaching_Session__c).map(toCoachingSession);
    }

    get learningGoals(): LearningGoal[] {
        return nodesOf(this.queryData.Learning_Goal__c).map(toLearningGoal);
    }

    get openLearningGoals(): LearningGoal[] {
        return this.learningGoals.filter(isOpenLearningGoal);
    }

    /** The session's preset focus: the goal being worked on, else the surest suggestion. */
    get focusGoalId(): string | undefined {
        return topLearningGoal(this.openLearningGoals)?.id;
    }

    get lastSessionDate(): string | undefined {
        return this.sessions.find((session) => session.sessionDate)?.sessionDate ?? undefined;
    }

    get dealsToDiscuss(): DealToDiscuss[] {
        return dealsToDiscuss({
            openDeals: nodesOf(this.queryData.Opportunity),
            lostDeals: nodesOf(this.queryData.LostDeals),
            today: this.today,
            lastSessionDate: this.lastSessionDate,
        });
    }

    get preparedAgenda(): string {
        const lines: string[] = [];
        const goals = this.openLearningGoals;
        if (goals.length) {
            lines.push('Open learning goals:');
            goals.forEach((goal) => lines.push(`- ${goal.name ?? 'Learning goal'}${goal.status ? ` (${goal.status})` : ''}`));
        }
        const overdue = nodesOf(this.queryData.Goal_Step__c).map(toGoalStep);
        if (overdue.length) {
            lines.push('Overdue steps:');
            overdue.forEach((step) => lines.push(`- ${step.name ?? 'Step'}${step.dueDate ? ` (due ${formatDate(step.dueDate)})` : ''}`));
        }
        lines.push(...dealAgendaLines(this.dealsToDiscuss, AGENDA_DEALS));
        return lines.join('\n');
    }

    // ------------------------------------------------------------ actions

    handleRepChange(event: CustomEvent<{ repId?: string }>) {
        this.pickedRepId = event.detail?.repId;
        this.isFormOpen = false;
    }

    handleOpenForm() {
        this.isFormOpen = true;
    }

    handleFormClose() {
        this.isFormOpen = false;
    }

    async handleSessionSaved() {
        this.isFormOpen = false;
        await this.refreshSessions();
    }

    handlePlanChange() {
        return this.refreshSessions();
    }

    async handleCreatePlan() {
        if (this.isCreating) {
            return;
        }
        this.isCreating = true;
        await createPlanAndRefresh(this, this.scope, repNameOf(this.queryData), () => this.refreshSessions());
        this.isCreating = false;
    }

    refreshSessions(): Promise<unknown> {
        return refreshQuery(this.queryResult);
    }
}
