import { LightningElement, api, wire } from 'lwc';
import { graphql, gql } from 'lightning/graphql';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { CurrentPageReference } from 'lightning/navigation';
import type { PageReference } from 'lightning/navigation';
import currentUserId from '@salesforce/user/Id';
import GOAL_PLAN_OBJECT from '@salesforce/schema/Goal_Plan__c';
import {
    errorMessage,
    fieldValue,
    GoalPlan,
    isNewHirePlan,
    isOpenLearningGoal,
    LearningGoal,
    NEW_HIRE_MESSAGE,
    parseLossProfile,
    nodesOf,
    toGoalPlan,
    toGoalStep,
    toInputGoal,
    toLearningGoal,
    startOfDayInTimeZone,
    textField,
    todayIso,
    WonDeal,
} from 'c/goalPlanData';
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
import type { DealNodes } from 'c/oneOnOnePrep';
import { collectCounts, countFrom } from './activityCounts';

/**
 * The rep's goal plan for the current period on the User record page, or for a picked rep on the
 * Coaching app page. The plan query loads the plan, its learning goals, steps and input goals, the
 * rep's Closed Won deals and the counts of documented objects; the rep's name and each activity
 * count the platform does not document for UI API GraphQL (Event, Task: Beta; OpportunityContactRole:
 * undocumented) are queries of their own, so that an org refusing one only loses that count; so are
 * the deals the 1:1 preparation names (goalPlanDeals), so that the plan keeps its subqueries. A UI API
 * GraphQL query holds at most 10 subqueries (platform/graphql/subqueryLimit.ts). The child
 * components render and edit each part.
 */
export default class GoalPlanPanel extends LightningElement {
    @api recordId?: string;
    /** On an app page, hide this panel's picker and follow the rep picked in another panel (page state c__repId). */
    @api hideRepPicker = false;

    // Where the panel is, as c/repScope reads it: the page, this panel's own pick, the viewer, today.
    pageRef?: PageReference;
    pickedRepId?: string;
    readonly viewerId = currentUserId;
    today = todayIso();

    isCreating = false;
    objectInfoError: unknown;
    objectInfo?: { queryable?: boolean; createable?: boolean; updateable?: boolean };
    queryResult?: PanelQueryResult;

    @wire(getObjectInfo, { objectApiName: GOAL_PLAN_OBJECT })
    wiredObjectInfo({ data, error }: { data?: { queryable?: boolean; createable?: boolean; updateable?: boolean }; error?: unknown }) {
        this.objectInfo = data;
        this.objectInfoError = error;
    }

    @wire(graphql, {
        query: gql`
            query goalPlan($repId: ID, $planKey: String, $periodStart: Date, $periodStartTime: DateTime) {
                uiapi {
                    query {
                        Goal_Plan__c(where: { Plan_Key__c: { eq: $planKey } }, first: 1) {
                            edges {
                                node {
                                    Id
                                    Name @optional {
                                        value
                                    }
                                    Rep__c @optional {
                                        value
                                    }
                                    Period_Start__c @optional {
                                        value
                                    }
                                    Period_End__c @optional {
                                        value
                                    }
                                    Outcome_Target__c @optional {
                                        value
                                    }
                                    Selling_Weeks__c @optional {
                                        value
                                    }
                                    Weekly_Target__c @optional {
                                        value
                                    }
                                    Why_Goal__c @optional {
                                        value
                                    }
                                    Why_Ladder__c @optional {
                                        value
                                    }
                                    Discovery_Six_Months__c @optional {
                                        value
                                    }
                                    Discovery_Three_Years__c @optional {
                                        value
                                    }
                                    Discovery_Ten_Million__c @optional {
                                        value
                                    }
                                    Discovery_Unfinished__c @optional {
                                        value
                                    }
                                    Discovery_Most_Earned__c @optional {
                                        value
                                    }
                                    Discovery_Dream_Cost__c @optional {
                                        value
                                    }
                                    Comp_Plan_Ceiling__c @optional {
                                        value
                                    }
                                    Reality_Check__c @optional {
                                        value
                                    }
                                    Reality_Check_Read__c @optional {
                                        value
                                    }
                                    Why_Cost__c @optional {
                                        value
                                    }
                                    Why_Pays_For__c @optional {
                                        value
                                    }
                                    Earnings_Target__c @optional {
                                        value
                                    }
                                    Commission_Rate__c @optional {
                                        value
                                    }
                                    Trigger_Event_Type__c @optional {
                                        value
                                    }
                                    Trigger_Event_Date__c @optional {
                                        value
                                    }
                                    Plan_Start_Reason__c @optional {
                                        value
                                    }
                                    First_Stone_Target__c @optional {
                                        value
                                    }
                                    Loss_Profile__c @optional {
                                        value
                                    }
                                    Last_Analyzed__c @optional {
                                        value
                                    }
                                }
                            }
                        }
                        Learning_Goal__c(
                            where: { Goal_Plan__r: { Plan_Key__c: { eq: $planKey } } }
                            orderBy: { CreatedDate: { order: ASC } }
                            first: 200
                        ) {
                            edges {
                                node {
                                    Id
                                    Name @optional {
                                        value
                                    }
                                    Skill__c @optional {
                                        value
                                    }
                                    Status__c @optional {
                                        value
                                    }
                                    Source__c @optional {
                                        value
                                    }
                                    Summary__c @optional {
                                        value
                                    }
                                    Evidence__c @optional {
                                        value
                                    }
                                    Evidence_Json__c @optional {
                                        value
                                    }
                                    Confidence__c @optional {
                                        value
                                    }
                                    Target_Date__c @optional {
                                        value
                                    }
                                    Resource_Url__c @optional {
                                        value
                                    }
                                    Dismissed_Reason__c @optional {
                                        value
                                    }
                                    Withdrawn_Reason__c @optional {
                                        value
                                    }
                                    Withdrawn_Date__c @optional {
                                        value
                                    }
                                }
                            }
                        }
                        Goal_Step__c(
                            where: { Goal_Plan__r: { Plan_Key__c: { eq: $planKey } } }
                            orderBy: { Due_Date__c: { order: ASC, nulls: LAST } }
                            first: 200
                        ) {
                            edges {
                                node {
                                    Id
                                    Name @optional {
                                        value
                                    }
                                    Description__c @optional {
                                        value
                                    }
                                    Due_Date__c @optional {
                                        value
                                    }
                                    Done__c @optional {
                                        value
                                    }
                                    Completed_On__c @optional {
                                        value
                                    }
                                    Learning_Goal__c @optional {
                                        value
                                    }
                                }
                            }
                        }
                        Input_Goal__c(where: { Goal_Plan__r: { Plan_Key__c: { eq: $planKey } } }, first: 50) {
                            edges {
                                node {
                                    Id
                                    Metric__c @optional {
                                        value
                                    }
                                    Target__c @optional {
                                        value
                                    }
                                }
                            }
                        }
                        Opportunity(
                            where: {
                                and: [
                                    { OwnerId: { eq: $repId } }
                                    { IsWon: { eq: true } }
                                    { CloseDate: { gte: { value: $periodStart } } }
                                ]
                            }
                            first: 2000
                        ) {
                            edges {
                                node {
                                    Id
                                    Amount @optional {
                                        value
                                    }
                                    CloseDate @optional {
                                        value
                                    }
                                }
                            }
                        }
                        Coaching_Session__c(
                            where: { Goal_Plan__r: { Plan_Key__c: { eq: $planKey } } }
                            orderBy: { Session_Date__c: { order: DESC } }
                            first: 1
                        ) {
                            edges {
                                node {
                                    Id
                                    Session_Date__c @optional {
                                        value
                                    }
                                    Rep_Commitment__c @optional {
                                        value
                                    }
                                }
                            }
                        }
                        Milestone_Completion__c(
                            where: {
                                and: [
                                    { Confirmed_By__c: { eq: $repId } }
                                    { Confirmed_On__c: { gte: { value: $periodStartTime } } }
                                ]
                            }
                            first: 1
                        ) {
                            totalCount
                        }
                        OpportunitiesCreated: Opportunity(
                            where: { and: [{ OwnerId: { eq: $repId } }, { CreatedDate: { gte: { value: $periodStartTime } } }] }
                            first: 1
                        ) {
                            totalCount
                        }
                    }
                }
            }
        `,
        variables: '$planVariables',
        operationName: 'goalPlan',
    })
    wiredPlan(result: PanelQueryResult) {
        this.queryResult = result;
    }

    @wire(graphql, {
        query: gql`
            query goalPlanRep($repId: ID) {
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
                    }
                }
            }
        `,
        variables: '$repVariables',
        operationName: 'goalPlanRep',
    })
    repResult?: PanelQueryResult;

    // Event and Task are Beta in UI API GraphQL ("Event and Task (Beta) available in API v59.0 and
    // later", GraphQL API Query Limitations): each count is its own query.
    @wire(graphql, {
        query: gql`
            query goalPlanMeetings($repId: ID, $periodStart: Date, $today: Date) {
                uiapi {
                    query {
                        Event(
                            where: {
                                and: [
                                    { OwnerId: { eq: $repId } }
                                    { ActivityDate: { gte: { value: $periodStart } } }
                                    { ActivityDate: { lte: { value: $today } } }
                                ]
                            }
                            first: 1
                        ) {
                            totalCount
                        }
                    }
                }
            }
        `,
        variables: '$activityVariables',
        operationName: 'goalPlanMeetings',
    })
    meetingsResult?: PanelQueryResult;

    @wire(graphql, {
        query: gql`
            query goalPlanCalls($repId: ID, $periodStart: Date, $today: Date) {
                uiapi {
                    query {
                        Task(
                            where: {
                                and: [
                                    { OwnerId: { eq: $repId } }
                                    { IsClosed: { eq: true } }
                                    { or: [{ TaskSubtype: { eq: "Call" } }, { Type: { eq: "Call" } }] }
                                    { ActivityDate: { gte: { value: $periodStart } } }
                                    { ActivityDate: { lte: { value: $today } } }
                                ]
                            }
                            first: 1
                        ) {
                            totalCount
                        }
                    }
                }
            }
        `,
        variables: '$activityVariables',
        operationName: 'goalPlanCalls',
    })
    callsResult?: PanelQueryResult;

    // OpportunityContactRole is not named in UI API's supported-object lists: its own query too.
    @wire(graphql, {
        query: gql`
            query goalPlanDecisionMakers($repId: ID, $periodStartTime: DateTime) {
                uiapi {
                    query {
                        OpportunityContactRole(
                            where: {
                                and: [
                                    { Opportunity: { OwnerId: { eq: $repId } } }
                                    { Role: { in: ["Decision Maker", "Economic Buyer"] } }
                                    { CreatedDate: { gte: { value: $periodStartTime } } }
                                ]
                            }
                            first: 1
                        ) {
                            totalCount
                        }
                    }
                }
            }
        `,
        variables: '$decisionMakerVariables',
        operationName: 'goalPlanDecisionMakers',
    })
    decisionMakersResult?: PanelQueryResult;

    // The deals for the 1:1 preparation: the rep's open deals and the period's losses, newest first
    // (c/dealsToDiscuss picks and orders them, as in the coaching panel's agenda). A query of its own,
    // so the plan query keeps its subqueries for the plan.
    @wire(graphql, {
        query: gql`
            query goalPlanDeals($repId: ID, $periodStart: Date) {
                uiapi {
                    query {
                        OpenDeals: Opportunity(
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
        variables: '$dealVariables',
        operationName: 'goalPlanDeals',
    })
    dealsResult?: PanelQueryResult;

    @wire(CurrentPageReference)
    wiredPageRef(pageRef: PageReference | undefined) {
        this.pageRef = pageRef;
    }

    /** Which rep, plan key and period this panel shows (see c/repScope). */
    get scope(): RepScope {
        return repScope(this);
    }

    /** Each query gets exactly the variables it declares; none runs until a rep is chosen. */
    get planVariables() {
        const { repId, planKey, period } = this.scope;
        return repId ? { repId, planKey, periodStart: period.start, periodStartTime: this.periodStartTime } : undefined;
    }

    get repVariables() {
        const { repId } = this.scope;
        return repId ? { repId } : undefined;
    }

    get activityVariables() {
        const { repId, period } = this.scope;
        return repId ? { repId, periodStart: period.start, today: this.today } : undefined;
    }

    get dealVariables() {
        const { repId, period } = this.scope;
        return repId ? { repId, periodStart: period.start } : undefined;
    }

    get decisionMakerVariables() {
        const { repId } = this.scope;
        return repId ? { repId, periodStartTime: this.periodStartTime } : undefined;
    }

    /** The period's first instant in the viewer's time zone, for DateTime fields (CreatedDate, Confirmed_On__c). */
    get periodStartTime(): string {
        return startOfDayInTimeZone(this.scope.period.start);
    }

    // ------------------------------------------------------------ states

    get status(): PanelStatus {
        return panelStatus(this);
    }

    get queryData() {
        return this.status.records;
    }

    get plan(): GoalPlan | undefined {
        const [node] = nodesOf(this.queryData.Goal_Plan__c);
        return node ? toGoalPlan(node) : undefined;
    }

    get isEmpty(): boolean {
        return !this.plan;
    }

    /** A peer (neither the rep nor one of their managers) sees that plans are not shared, not a Create button. */
    get isNotShared(): boolean {
        return viewerRelation(this.scope, this.viewerId, this.repResult?.data?.uiapi?.query ?? {}) === 'other';
    }

    get canCreatePlan(): boolean {
        return this.objectInfo?.createable !== false && !this.isNotShared;
    }

    get notSharedMessage(): string {
        return notSharedMessage(this.repName);
    }

    get emptyMessage(): string {
        return `${noPlanMessage(this.scope, this.repName)} A plan holds the why, the weekly target and the learning goals each one-on-one coaches toward.`;
    }

    /** The rep's name, when the viewer may read it (undefined while loading or if the User query fails). */
    get repName(): string | undefined {
        return repNameOf(this.repResult?.data?.uiapi?.query ?? {});
    }

    get createLabel(): string {
        return createPlanLabel(this.scope.period);
    }

    // ------------------------------------------------------------ plan parts for the children

    /** What the analysis said of a rep it suggested nothing for (the loss profile's standing). */
    get analysisStanding(): string {
        return parseLossProfile(this.plan?.lossProfile)?.profile?.standing ?? '';
    }

    get learningGoals(): LearningGoal[] {
        return nodesOf(this.queryData.Learning_Goal__c).map(toLearningGoal);
    }

    get openLearningGoals(): LearningGoal[] {
        return this.learningGoals.filter(isOpenLearningGoal);
    }

    get steps() {
        return nodesOf(this.queryData.Goal_Step__c).map(toGoalStep);
    }

    get inputGoals() {
        return nodesOf(this.queryData.Input_Goal__c).map(toInputGoal);
    }

    /** Input-goal actuals so far by counted source (see c/inputGoals), and those the org refused. */
    get activity() {
        return collectCounts({
            Event: countFrom(this.meetingsResult, 'Event'),
            Task: countFrom(this.callsResult, 'Task'),
            OpportunityContactRole: countFrom(this.decisionMakersResult, 'OpportunityContactRole'),
            Milestone_Completion__c: countFrom(this.queryResult, 'Milestone_Completion__c'),
            OpportunitiesCreated: countFrom(this.queryResult, 'OpportunitiesCreated'),
        });
    }

    get actualCounts(): Record<string, number> {
        return this.activity.counts;
    }

    get uncountedSources(): string[] {
        return this.activity.uncounted;
    }

    get wins(): WonDeal[] {
        const wins: WonDeal[] = [];
        for (const node of nodesOf(this.queryData.Opportunity)) {
            const amount = fieldValue(node, 'Amount');
            const closeDate = fieldValue(node, 'CloseDate');
            if (typeof amount === 'number' && typeof closeDate === 'string') {
                wins.push({ amount, closeDate });
            }
        }
        return wins;
    }

    /** The viewer chose to see the whole of a new plan instead of its first step. */
    showWholePlan = false;

    /**
     * A plan nobody has started (no why, target, goals, steps or input goals) opens on one guided
     * first step, the why, instead of a page of empty sections.
     */
    get isNewPlan(): boolean {
        const plan = this.plan;
        if (!plan || this.showWholePlan || this.isNewHire) {
            return false;
        }
        const started = plan.whyLadder || plan.whyGoal || plan.outcomeTarget || this.learningGoals.length || this.steps.length || this.inputGoals.length;
        return !started;
    }

    get firstStepMessage(): string {
        const who = this.scope.viewerIsRep ? 'yourself' : this.repName ?? 'the rep';
        return `Start with the why: ask ${who} what hitting the number would get them, and write the answer below. Targets, steps and learning goals come next.`;
    }

    handleShowWholePlan() {
        this.showWholePlan = true;
    }

    /** The rep's open and lost deals for the 1:1 preparation; undefined while they load. */
    get dealSources(): DealNodes | undefined {
        const result = this.dealsResult;
        if (result?.errors) {
            return { openDeals: [], lostDeals: [], problem: errorMessage(result.errors) };
        }
        const query = result?.data?.uiapi?.query;
        return query ? { openDeals: nodesOf(query.OpenDeals), lostDeals: nodesOf(query.LostDeals) } : undefined;
    }

    /** The last session's date and commitment, for the 1:1 preparation. */
    get lastSession() {
        const [node] = nodesOf(this.queryData.Coaching_Session__c);
        return node ? { sessionDate: textField(node, 'Session_Date__c'), repCommitment: textField(node, 'Rep_Commitment__c') } : undefined;
    }

    /** The preparation is folded open for whoever coaches the rep, closed for the rep. */
    get prepOpen(): boolean {
        return !this.scope.viewerIsRep;
    }

    /**
     * The viewer's object permission says goal plans can't be edited: the conversation and the stones
     * show no inputs. UI API Object Info (https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_responses_object_info.htm)
     * reports the object permissions, e.g. createable: "Indicates whether the object can be created.";
     * updateable is its edit counterpart. Who may edit which plan is still sharing's (Private, through
     * the role hierarchy): a peer gets no plan at all, so no inputs either.
     */
    get readOnly(): boolean {
        return this.objectInfo?.updateable === false;
    }

    /**
     * A plan begun at hire opens on the discovery conversation and the first tiny steps: the rep has
     * too few closed deals for the analysis, and the first conversation happens now.
     */
    get isNewHire(): boolean {
        return isNewHirePlan(this.plan);
    }

    get isNotNewHire(): boolean {
        return !this.isNewHire;
    }

    get newHireHeading(): string {
        return `${this.repName ?? 'The rep'} is new: start with the conversation`;
    }

    get newHireMessage(): string {
        return NEW_HIRE_MESSAGE;
    }

    // ------------------------------------------------------------ actions

    handleRepChange(event: CustomEvent<{ repId?: string }>) {
        this.pickedRepId = event.detail?.repId;
    }

    async handleCreatePlan() {
        if (this.isCreating) {
            return;
        }
        this.isCreating = true;
        await createPlanAndRefresh(this, this.scope, this.repName, () => this.refreshPlan());
        this.isCreating = false;
    }

    handlePlanChange() {
        return this.refreshPlan();
    }

    refreshPlan(): Promise<unknown> {
        return refreshQuery(this.queryResult);
    }
}
