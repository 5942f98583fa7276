// Shared helpers for the goal-plan and coaching panels: periods and plan keys, reading GraphQL
// records that may lack fields the viewer cannot read, week streaks, the loss profile, and errors.
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import GOAL_PLAN_OBJECT from '@salesforce/schema/Goal_Plan__c';
import PLAN_NAME_FIELD from '@salesforce/schema/Goal_Plan__c.Name';
import PLAN_REP_FIELD from '@salesforce/schema/Goal_Plan__c.Rep__c';
import PLAN_OWNER_FIELD from '@salesforce/schema/Goal_Plan__c.OwnerId';
import PLAN_START_FIELD from '@salesforce/schema/Goal_Plan__c.Period_Start__c';
import PLAN_END_FIELD from '@salesforce/schema/Goal_Plan__c.Period_End__c';
import PLAN_SELLING_WEEKS_FIELD from '@salesforce/schema/Goal_Plan__c.Selling_Weeks__c';
import PLAN_KEY_FIELD from '@salesforce/schema/Goal_Plan__c.Plan_Key__c';
import USER_LOCALE from '@salesforce/i18n/locale';
import USER_CURRENCY from '@salesforce/i18n/currency';
import USER_TIME_ZONE from '@salesforce/i18n/timeZone';

export const DEFAULT_SELLING_WEEKS = 50;

/** The API name of a @salesforce/schema import: the platform gives { objectApiName, fieldApiName }. */
export function apiName(schemaRef: unknown): string {
    if (schemaRef && typeof schemaRef === 'object') {
        const ref = schemaRef as { objectApiName?: string; fieldApiName?: string };
        return ref.fieldApiName ?? ref.objectApiName ?? '';
    }
    const text = String(schemaRef ?? '');
    const dot = text.indexOf('.');
    return dot >= 0 ? text.slice(dot + 1) : text;
}

// ---------------------------------------------------------------- dates (ISO yyyy-MM-dd strings)

const DAY_MS = 24 * 60 * 60 * 1000;

export function toIsoDate(date: Date): string {
    const month = String(date.getMonth() + 1).padStart(2, '0');
    const day = String(date.getDate()).padStart(2, '0');
    return `${date.getFullYear()}-${month}-${day}`;
}

/** Today in the viewer's Salesforce time zone (the browser's may differ). */
export function todayIso(): string {
    try {
        const parts = new Intl.DateTimeFormat('en-US', {
            timeZone: USER_TIME_ZONE,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
        }).formatToParts(new Date());
        const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
        return `${part('year')}-${part('month')}-${part('day')}`;
    } catch {
        return toIsoDate(new Date());
    }
}

/** How far the wall clock of `timeZone` is ahead of UTC at the instant `utcMs`, in ms. */
function timeZoneOffsetMs(utcMs: number, timeZone: string): number {
    const parts = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
    }).formatToParts(new Date(utcMs));
    const part = (type: string) => Number(parts.find((item) => item.type === type)?.value);
    return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - utcMs;
}

/**
 * Midnight starting `dayIso` in the viewer's Salesforce time zone, as the UTC ISO instant a DateTime
 * filter takes: a period counted "in the viewer's time zone" starts there, not at UTC midnight.
 * LWC Developer Guide, "Access Internationalization Properties"
 * (https://developer.salesforce.com/docs/platform/lwc/guide/create-i18n): "Users can set their
 * individual language, locale, and time zone on their personal settings pages." and "The property
 * values are returned for the current user." (@salesforce/i18n/timeZone). An unknown zone falls back
 * to UTC.
 */
export function startOfDayInTimeZone(dayIso: string, timeZone: string = USER_TIME_ZONE): string {
    const wallMidnight = isoToUtcMs(dayIso);
    try {
        // Twice: the offset at the first guess can differ from the offset at midnight across a DST change.
        const guess = wallMidnight - timeZoneOffsetMs(wallMidnight, timeZone);
        return new Date(wallMidnight - timeZoneOffsetMs(guess, timeZone)).toISOString();
    } catch {
        return new Date(wallMidnight).toISOString();
    }
}

function isoToUtcMs(iso: string): number {
    const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
    return Date.UTC(year, month - 1, day);
}

function utcMsToIso(ms: number): string {
    return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
    return utcMsToIso(isoToUtcMs(iso) + days * DAY_MS);
}

export function daysBetween(fromIso: string, toIso: string): number {
    return Math.round((isoToUtcMs(toIso) - isoToUtcMs(fromIso)) / DAY_MS);
}

export function isIsoDate(value: unknown): value is string {
    return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value);
}

/** "Mar 4, 2026" in the viewer's Salesforce locale, without shifting the day across time zones. */
export function formatDate(iso: string | null | undefined): string {
    if (!isIsoDate(iso)) {
        return '';
    }
    return new Intl.DateTimeFormat(USER_LOCALE, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
        new Date(isoToUtcMs(iso))
    );
}

export function formatCurrency(amount: number | null | undefined): string {
    if (typeof amount !== 'number' || !Number.isFinite(amount)) {
        return '';
    }
    return new Intl.NumberFormat(USER_LOCALE, { style: 'currency', currency: USER_CURRENCY, maximumFractionDigits: 0 }).format(amount);
}

// ---------------------------------------------------------------- periods and plan keys

export interface PlanPeriod {
    start: string;
    end: string;
    label: string;
}

/** The default period: the calendar year containing the given day. */
export function calendarYearPeriod(dayIso: string): PlanPeriod {
    const year = dayIso.slice(0, 4);
    return { start: `${year}-01-01`, end: `${year}-12-31`, label: `FY${year}` };
}

const ID_SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** Salesforce 18-character id (case-safe) from a 15- or 18-character id. */
export function toId18(id: string): string {
    if (id.length !== 15) {
        return id;
    }
    let suffix = '';
    for (let block = 0; block < 3; block++) {
        let flags = 0;
        for (let position = 0; position < 5; position++) {
            const character = id.charAt(block * 5 + position);
            if (character >= 'A' && character <= 'Z') {
                flags += 1 << position;
            }
        }
        suffix += ID_SUFFIX_ALPHABET.charAt(flags);
    }
    return id + suffix;
}

/** Plan_Key__c per the data model: `<rep 18-char id>:<period start yyyy-MM-dd>`. */
export function planKey(repId: string, periodStart: string): string {
    return `${toId18(repId)}:${periodStart}`;
}

/** The plan was created, but handing it to the rep failed: it stays with its creator, hidden from the rep. */
export class PlanHandOverError extends Error {
    readonly planId: string;
    readonly reason: unknown;

    constructor(planId: string, reason: unknown) {
        super(`The plan was created but is still owned by you: ${errorMessage(reason)}`);
        this.name = 'PlanHandOverError';
        this.planId = planId;
        this.reason = reason;
    }
}

/**
 * Creates the rep's plan for the period with the defaults, owned by the rep; returns the new record id.
 *
 * The insert leaves the plan with its creator: "For most users and most objects, this field can't be
 * set directly upon insert. It is implicitly set to the current user when inserting an object." (SOAP
 * API Developer Guide, Frequently Occurring Fields). So a plan created for someone else (`handToRep`,
 * a manager on the rep's page) is then handed over by updating OwnerId, which "the user must have the
 * "Transfer Record" permission and Read access to the new owner" for (same page); Goal_Coach_Manager
 * and Goal_Coach_Admin grant it. Without the hand-over the rep would not see the plan (Private sharing).
 */
export async function createGoalPlan(repId: string, repName: string | undefined, period: PlanPeriod, handToRep: boolean): Promise<string> {
    const name = `${repName ? `${repName} — ` : ''}${period.label}`.slice(0, 80);
    const record = await createRecord({
        apiName: apiName(GOAL_PLAN_OBJECT),
        fields: {
            [apiName(PLAN_NAME_FIELD)]: name,
            [apiName(PLAN_REP_FIELD)]: toId18(repId),
            [apiName(PLAN_START_FIELD)]: period.start,
            [apiName(PLAN_END_FIELD)]: period.end,
            [apiName(PLAN_SELLING_WEEKS_FIELD)]: DEFAULT_SELLING_WEEKS,
            [apiName(PLAN_KEY_FIELD)]: planKey(repId, period.start),
        },
    });
    if (handToRep) {
        try {
            await updateRecord({ fields: { Id: record.id, [apiName(PLAN_OWNER_FIELD)]: toId18(repId) } });
        } catch (error) {
            throw new PlanHandOverError(record.id, error);
        }
    }
    return record.id;
}

// ---------------------------------------------------------------- GraphQL records

/** A GraphQL UI API node: fields are { value, displayValue }; a field the viewer cannot read is absent. */
export type GraphQlNode = Record<string, unknown>;

export interface GraphQlConnection {
    edges?: Array<{ node?: GraphQlNode | null } | null> | null;
    totalCount?: number | null;
}

/** undefined: the field is absent (not readable); null: readable but empty. */
export function fieldValue(node: GraphQlNode | null | undefined, field: string): unknown {
    if (!node || !(field in node)) {
        return undefined;
    }
    const cell = node[field];
    if (cell && typeof cell === 'object' && 'value' in cell) {
        return (cell as { value: unknown }).value ?? null;
    }
    return cell ?? null;
}

export function textField(node: GraphQlNode | null | undefined, field: string): string | null | undefined {
    const value = fieldValue(node, field);
    if (value === undefined || value === null) {
        return value;
    }
    return String(value);
}

export function numberField(node: GraphQlNode | null | undefined, field: string): number | null | undefined {
    const value = fieldValue(node, field);
    if (value === undefined || value === null || value === '') {
        return value === '' ? null : value;
    }
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
}

export function nodesOf(connection: GraphQlConnection | null | undefined): GraphQlNode[] {
    const nodes: GraphQlNode[] = [];
    for (const edge of connection?.edges ?? []) {
        if (edge?.node) {
            nodes.push(edge.node);
        }
    }
    return nodes;
}

export function nodeId(node: GraphQlNode): string {
    return String(node.Id ?? '');
}

export interface GoalPlan {
    id: string;
    name: string | null | undefined;
    repId: string | null | undefined;
    periodStart: string | null | undefined;
    periodEnd: string | null | undefined;
    outcomeTarget: number | null | undefined;
    sellingWeeks: number | null | undefined;
    weeklyTarget: number | null | undefined;
    whyGoal: string | null | undefined;
    whyLadder: string | null | undefined;
    discoverySixMonths: string | null | undefined;
    discoveryThreeYears: string | null | undefined;
    discoveryTenMillion: string | null | undefined;
    discoveryUnfinished: string | null | undefined;
    discoveryMostEarned: string | null | undefined;
    /** The discovery conversation (docs/data-model.md); each undefined when the viewer can't read it. */
    discoveryDreamCost?: number | null | undefined;
    compPlanCeiling?: number | null | undefined;
    realityCheck?: string | null | undefined;
    realityCheckRead?: string | null | undefined;
    whyCost?: number | null | undefined;
    whyPaysFor?: string | null | undefined;
    earningsTarget?: number | null | undefined;
    commissionRate?: number | null | undefined;
    triggerEventType?: string | null | undefined;
    triggerEventDate?: string | null | undefined;
    planStartReason?: string | null | undefined;
    firstStoneTarget?: number | null | undefined;
    lossProfile: string | null | undefined;
    lastAnalyzed: string | null | undefined;
}

export function toGoalPlan(node: GraphQlNode): GoalPlan {
    return {
        id: nodeId(node),
        name: textField(node, 'Name'),
        repId: textField(node, 'Rep__c'),
        periodStart: textField(node, 'Period_Start__c'),
        periodEnd: textField(node, 'Period_End__c'),
        outcomeTarget: numberField(node, 'Outcome_Target__c'),
        sellingWeeks: numberField(node, 'Selling_Weeks__c'),
        weeklyTarget: numberField(node, 'Weekly_Target__c'),
        whyGoal: textField(node, 'Why_Goal__c'),
        whyLadder: textField(node, 'Why_Ladder__c'),
        discoverySixMonths: textField(node, 'Discovery_Six_Months__c'),
        discoveryThreeYears: textField(node, 'Discovery_Three_Years__c'),
        discoveryTenMillion: textField(node, 'Discovery_Ten_Million__c'),
        discoveryUnfinished: textField(node, 'Discovery_Unfinished__c'),
        discoveryMostEarned: textField(node, 'Discovery_Most_Earned__c'),
        discoveryDreamCost: numberField(node, 'Discovery_Dream_Cost__c'),
        compPlanCeiling: numberField(node, 'Comp_Plan_Ceiling__c'),
        realityCheck: textField(node, 'Reality_Check__c'),
        realityCheckRead: textField(node, 'Reality_Check_Read__c'),
        whyCost: numberField(node, 'Why_Cost__c'),
        whyPaysFor: textField(node, 'Why_Pays_For__c'),
        earningsTarget: numberField(node, 'Earnings_Target__c'),
        commissionRate: numberField(node, 'Commission_Rate__c'),
        triggerEventType: textField(node, 'Trigger_Event_Type__c'),
        triggerEventDate: textField(node, 'Trigger_Event_Date__c'),
        planStartReason: textField(node, 'Plan_Start_Reason__c'),
        firstStoneTarget: numberField(node, 'First_Stone_Target__c'),
        lossProfile: textField(node, 'Loss_Profile__c'),
        lastAnalyzed: textField(node, 'Last_Analyzed__c'),
    };
}

/** Learning_Goal__c.Status__c; Withdrawn is set by the sync service when the analysis no longer makes a suggestion. */
export type LearningGoalStatus = 'Suggested' | 'Accepted' | 'In Progress' | 'Achieved' | 'Dismissed' | 'Withdrawn';

export interface LearningGoal {
    id: string;
    name: string | null | undefined;
    skill: string | null | undefined;
    status: string | null | undefined;
    source: string | null | undefined;
    summary: string | null | undefined;
    evidence: string | null | undefined;
    /** The evidence as the sync service's JSON (signal, rep, team, n, note), when it wrote it. */
    evidenceJson?: string | null | undefined;
    confidence: number | null | undefined;
    targetDate: string | null | undefined;
    resourceUrl: string | null | undefined;
    dismissedReason: string | null | undefined;
    /** Why the sync service withdrew the suggestion, and when (only on Withdrawn goals). */
    withdrawnReason?: string | null | undefined;
    withdrawnDate?: string | null | undefined;
}

export function toLearningGoal(node: GraphQlNode): LearningGoal {
    return {
        id: nodeId(node),
        name: textField(node, 'Name'),
        skill: textField(node, 'Skill__c'),
        status: textField(node, 'Status__c'),
        source: textField(node, 'Source__c'),
        summary: textField(node, 'Summary__c'),
        evidence: textField(node, 'Evidence__c'),
        evidenceJson: textField(node, 'Evidence_Json__c'),
        confidence: numberField(node, 'Confidence__c'),
        targetDate: textField(node, 'Target_Date__c'),
        resourceUrl: textField(node, 'Resource_Url__c'),
        dismissedReason: textField(node, 'Dismissed_Reason__c'),
        withdrawnReason: textField(node, 'Withdrawn_Reason__c'),
        withdrawnDate: textField(node, 'Withdrawn_Date__c'),
    };
}

/** Goals still being worked on: the ones a session or a step can focus on. */
export function isOpenLearningGoal(goal: LearningGoal): boolean {
    return goal.status === 'Accepted' || goal.status === 'In Progress' || goal.status === 'Suggested';
}

/** Worked-on goals come first (In Progress, then Accepted), then suggestions, the surest first. */
const COACHING_ORDER: Record<string, number> = { 'In Progress': 0, Accepted: 1, Suggested: 2 };

type RankedGoal = { status: string | null | undefined; confidence: number | null | undefined };

export function byCoachingPriority(a: RankedGoal, b: RankedGoal): number {
    const order = (COACHING_ORDER[a.status ?? ''] ?? 9) - (COACHING_ORDER[b.status ?? ''] ?? 9);
    return order !== 0 ? order : (b.confidence ?? 0) - (a.confidence ?? 0);
}

/** The open goal a one-on-one should focus on: the preset focus of a new session. */
export function topLearningGoal<T extends RankedGoal>(goals: T[]): T | undefined {
    return goals.filter((goal) => (goal.status ?? '') in COACHING_ORDER).sort(byCoachingPriority)[0];
}

export interface GoalStep {
    id: string;
    name: string | null | undefined;
    description: string | null | undefined;
    dueDate: string | null | undefined;
    done: boolean;
    completedOn: string | null | undefined;
    learningGoalId: string | null | undefined;
}

export function toGoalStep(node: GraphQlNode): GoalStep {
    return {
        id: nodeId(node),
        name: textField(node, 'Name'),
        description: textField(node, 'Description__c'),
        dueDate: textField(node, 'Due_Date__c'),
        done: fieldValue(node, 'Done__c') === true,
        completedOn: textField(node, 'Completed_On__c'),
        learningGoalId: textField(node, 'Learning_Goal__c'),
    };
}

export function isOverdue(step: GoalStep, today: string): boolean {
    return !step.done && isIsoDate(step.dueDate) && step.dueDate < today;
}

export interface InputGoal {
    id: string;
    metric: string | null | undefined;
    target: number | null | undefined;
}

export function toInputGoal(node: GraphQlNode): InputGoal {
    return { id: nodeId(node), metric: textField(node, 'Metric__c'), target: numberField(node, 'Target__c') };
}

export interface CoachingSession {
    id: string;
    sessionDate: string | null | undefined;
    focusLearningGoalId: string | null | undefined;
    agenda: string | null | undefined;
    notes: string | null | undefined;
    repCommitment: string | null | undefined;
    managerFeedback: string | null | undefined;
    nextSessionDate: string | null | undefined;
}

export function toCoachingSession(node: GraphQlNode): CoachingSession {
    return {
        id: nodeId(node),
        sessionDate: textField(node, 'Session_Date__c'),
        focusLearningGoalId: textField(node, 'Focus_Learning_Goal__c'),
        agenda: textField(node, 'Agenda__c'),
        notes: textField(node, 'Notes__c'),
        repCommitment: textField(node, 'Rep_Commitment__c'),
        managerFeedback: textField(node, 'Manager_Feedback__c'),
        nextSessionDate: textField(node, 'Next_Session_Date__c'),
    };
}

// ---------------------------------------------------------------- stepping stones: weekly target and streaks

export interface WonDeal {
    closeDate: string;
    amount: number;
}

export interface WeekResult {
    index: number;
    start: string;
    won: number;
    hit: boolean;
    current: boolean;
}

export interface SteppingStones {
    weeklyTarget: number;
    weeks: WeekResult[];
    weeksHit: number;
    weeksElapsed: number;
    currentStreak: number;
    bestStreak: number;
}

/** Weekly target: the formula field when readable, else Outcome_Target__c / Selling_Weeks__c. */
export function weeklyTargetOf(plan: GoalPlan): number | null {
    if (typeof plan.weeklyTarget === 'number' && plan.weeklyTarget > 0) {
        return plan.weeklyTarget;
    }
    const weeks = typeof plan.sellingWeeks === 'number' && plan.sellingWeeks > 0 ? plan.sellingWeeks : DEFAULT_SELLING_WEEKS;
    if (typeof plan.outcomeTarget === 'number' && plan.outcomeTarget > 0) {
        return plan.outcomeTarget / weeks;
    }
    return null;
}

/**
 * Weeks are 7-day blocks from the period start up to the week containing today. A week is hit when
 * its Closed Won amount reaches the weekly target. The current week extends the streak once it is
 * hit, and does not break it while it is still under way.
 */
export function computeSteppingStones(
    periodStart: string,
    today: string,
    weeklyTarget: number,
    wins: WonDeal[]
): SteppingStones {
    const elapsedDays = daysBetween(periodStart, today);
    const currentIndex = elapsedDays < 0 ? -1 : Math.floor(elapsedDays / 7);
    const weeks: WeekResult[] = [];
    for (let index = 0; index <= currentIndex; index++) {
        weeks.push({ index, start: addDays(periodStart, index * 7), won: 0, hit: false, current: index === currentIndex });
    }
    for (const win of wins) {
        const offset = daysBetween(periodStart, win.closeDate);
        const index = Math.floor(offset / 7);
        if (offset >= 0 && index <= currentIndex) {
            weeks[index].won += win.amount;
        }
    }
    let run = 0;
    let bestStreak = 0;
    for (const week of weeks) {
        week.hit = week.won >= weeklyTarget;
        run = week.hit ? run + 1 : 0;
        bestStreak = Math.max(bestStreak, run);
    }
    let currentStreak = 0;
    for (let index = weeks.length - 1; index >= 0; index--) {
        const week = weeks[index];
        if (week.hit) {
            currentStreak++;
        } else if (!week.current) {
            break;
        }
    }
    return {
        weeklyTarget,
        weeks,
        weeksHit: weeks.filter((week) => week.hit).length,
        weeksElapsed: weeks.length,
        currentStreak,
        bestStreak,
    };
}

// ---------------------------------------------------------------- where deals are lost

export interface LossStage {
    stage: string;
    /** The rep's lost deals whose last open stage this was. */
    rep: number;
    /** The rest of the team's (the sync service leaves the rep out). */
    team: number;
    /** A decision stage of the analysis (open stage at 50% or more, or --decision-stage). */
    decision: boolean;
}

export interface LossProfile {
    asOf: string | null;
    /** The sync service's headline, tied to the rep's top suggestion; '' in a profile written before it had one. */
    headline: string;
    /** "Few deals: …" when the rep lost only a handful of deals; '' otherwise. */
    caveat: string;
    /** For a rep without suggestions, why: withheld with the closed deals still needed, or the outcome against the team; '' otherwise. */
    standing: string;
    stages: LossStage[];
}

export type LossProfileResult = { profile: LossProfile; problem?: undefined } | { profile?: undefined; problem: string };

/** Reads Loss_Profile__c; a malformed value gives a plain problem statement instead of a crash. */
export function parseLossProfile(text: string | null | undefined): LossProfileResult | null {
    if (text === null || text === undefined || text.trim() === '') {
        return null;
    }
    let raw: unknown;
    try {
        raw = JSON.parse(text);
    } catch {
        return { problem: 'The loss profile is not valid JSON. Run the sync service again to rewrite it.' };
    }
    const object = raw as { asOf?: unknown; headline?: unknown; caveat?: unknown; standing?: unknown; stages?: unknown };
    if (!object || typeof object !== 'object' || !Array.isArray(object.stages)) {
        return { problem: 'The loss profile has no "stages" list. Run the sync service again to rewrite it.' };
    }
    const stages: LossStage[] = [];
    let skipped = 0;
    for (const entry of object.stages as unknown[]) {
        const stage = entry as { stage?: unknown; rep?: unknown; team?: unknown; decision?: unknown };
        if (
            stage &&
            typeof stage.stage === 'string' &&
            typeof stage.rep === 'number' &&
            typeof stage.team === 'number' &&
            stage.rep >= 0 &&
            stage.team >= 0
        ) {
            stages.push({ stage: stage.stage, rep: stage.rep, team: stage.team, decision: stage.decision === true });
        } else {
            skipped++;
        }
    }
    if (skipped > 0 && stages.length === 0) {
        return { problem: `None of the ${skipped} loss profile stages could be read. Run the sync service again to rewrite it.` };
    }
    const words = (value: unknown) => (typeof value === 'string' ? value : '');
    return { profile: { asOf: typeof object.asOf === 'string' ? object.asOf : null, headline: words(object.headline), caveat: words(object.caveat), standing: words(object.standing), stages } };
}

// ---------------------------------------------------------------- evidence

export interface EvidenceItem {
    signal: string;
    /** The plain name the sync service wrote with the evidence; absent on goals written before it did. */
    label: string | null;
    rep: number | null;
    team: number | null;
    n: number;
    note: string;
}

/**
 * Each signal's plain name, for evidence the sync service stored without its label. The sync's signal
 * modules (sync/src/signals, `label`) are the source: a test pins this list equal to them.
 */
export const SIGNAL_NAMES: Record<string, string> = {
    decisionStageLosses: 'Losses at the decision stages',
    noDecisionMaker: 'Deals without a decision maker',
    decisionMakerNotMet: 'Decision makers never met',
    slowDecisionStages: 'Slow decision stages',
    darkAfterMeeting: 'Buyer went quiet after a meeting',
    earlyLossAfterMeeting: 'Lost soon after a meeting',
    meetingWithoutAdvance: 'Meetings that did not move the deal',
    activityWithoutProgress: 'Activity without progress',
    closeDateSlips: 'Close dates pushed out',
    largeDealsNeglected: 'Large deals left without activity',
    overdueTasks: 'Overdue tasks',
    stalePipeline: 'Stale pipeline',
};

/** A signal's plain name; an unknown one is spelled out from its camelCase name. */
export function signalName(signal: string): string {
    const known = SIGNAL_NAMES[signal];
    if (known) return known;
    const words = signal.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Evidence_Json__c as a list; null when absent or unreadable (the text lines are used instead). */
export function parseEvidenceJson(text: string | null | undefined): EvidenceItem[] | null {
    if (!text) return null;
    let raw: unknown;
    try {
        raw = JSON.parse(text);
    } catch {
        return null;
    }
    if (!Array.isArray(raw)) return null;
    const items: EvidenceItem[] = [];
    for (const entry of raw as Array<Record<string, unknown>>) {
        if (!entry || typeof entry.signal !== 'string' || typeof entry.note !== 'string') continue;
        const rate = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
        const label = typeof entry.label === 'string' && entry.label.trim() !== '' ? entry.label : null;
        items.push({ signal: entry.signal, label, rep: rate(entry.rep), team: rate(entry.team), n: typeof entry.n === 'number' ? entry.n : 0, note: entry.note });
    }
    return items;
}

/**
 * The evidence lines that support a suggestion, strongest first. Every signal counts a bad outcome
 * (a higher rate is worse), so a line supports the suggestion only when the rep's rate is above the
 * team's; lines where the rep does as well or better are left out rather than shown as evidence.
 */
export function supportingEvidence(goal: Pick<LearningGoal, 'evidence' | 'evidenceJson'>): string[] {
    const items = parseEvidenceJson(goal.evidenceJson);
    if (!items) {
        return linesOf(goal.evidence);
    }
    return items
        .filter((item) => item.rep !== null && item.team !== null && item.rep > item.team)
        .sort((a, b) => (b.rep! - b.team!) - (a.rep! - a.team!))
        .map((item) => `${item.label ?? signalName(item.signal)}: ${item.note}`);
}

// ---------------------------------------------------------------- plain words

/**
 * Confidence words, tied to the calibration the insight bench measures (README, "How the engine
 * decides"): high from 95% (98–100% of such suggestions were right), moderate from the 80% at which
 * the analysis suggests a goal (86–100% right), low below. The sync service's reports use the same
 * rule (sync/src/suggestions/confidence.ts); a test runs both over the same values.
 */
export const CONFIDENCE_LEVELS: ReadonlyArray<{ from: number; word: string }> = [
    { from: 95, word: 'high' },
    { from: 80, word: 'moderate' },
    { from: 0, word: 'low' },
];

/** Confidence__c (whole percent) as shown: what rounds to 100% reads "over 99%", never certainty. */
export function confidencePercent(confidence: number | null | undefined): string {
    if (typeof confidence !== 'number' || !Number.isFinite(confidence)) {
        return '';
    }
    const points = Math.round(confidence);
    return points > 99 ? 'over 99%' : `${points}%`;
}

export function confidenceWord(confidence: number): string {
    const points = Math.round(confidence);
    return CONFIDENCE_LEVELS.find((level) => points >= level.from)?.word ?? 'low';
}

/** "Confidence: 84% (moderate)"; '' without a confidence (a goal a person added). */
export function confidenceInWords(confidence: number | null | undefined): string {
    if (typeof confidence !== 'number' || !Number.isFinite(confidence)) {
        return '';
    }
    return `Confidence: ${confidencePercent(confidence)} (${confidenceWord(confidence)})`;
}

export function linesOf(text: string | null | undefined): string[] {
    return (text ?? '')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line.length > 0);
}

// ---------------------------------------------------------------- errors and toasts

/** One readable message from an LDS error, a GraphQL error list, or a thrown Error. */
export function errorMessage(error: unknown): string {
    if (!error) {
        return 'Unknown error';
    }
    if (Array.isArray(error)) {
        const messages = error.map((item) => errorMessage(item)).filter((message) => message !== 'Unknown error');
        return messages.length ? messages.join(', ') : 'Unknown error';
    }
    if (typeof error === 'string') {
        return error;
    }
    const candidate = error as {
        message?: unknown;
        body?: { message?: unknown; output?: { errors?: Array<{ message?: string }>; fieldErrors?: Record<string, Array<{ message?: string }>> } } | Array<{ message?: string }>;
    };
    const body = candidate.body;
    if (Array.isArray(body)) {
        return errorMessage(body);
    }
    if (body) {
        const outputMessages = [
            ...(body.output?.errors ?? []).map((item) => item.message),
            ...Object.values(body.output?.fieldErrors ?? {}).flatMap((items) => items.map((item) => item.message)),
        ].filter((message): message is string => typeof message === 'string' && message.length > 0);
        if (outputMessages.length) {
            return outputMessages.join(', ');
        }
        if (typeof body.message === 'string') {
            return body.message;
        }
    }
    if (typeof candidate.message === 'string') {
        return candidate.message;
    }
    return 'Unknown error';
}

/** True when the save failed on a unique key, e.g. a plan for this period that the viewer cannot see. */
export function isDuplicateError(error: unknown): boolean {
    const body = (error as { body?: { output?: { errors?: Array<{ errorCode?: string }> }; message?: string } } | undefined)?.body;
    const codes = (body?.output?.errors ?? []).map((item) => item.errorCode);
    return codes.includes('DUPLICATE_VALUE') || /duplicate value found/i.test(errorMessage(error));
}

/** The toast for a failed plan creation, explaining the one case users can't see for themselves. */
export function planCreateErrorToast(error: unknown): ShowToastEvent {
    if (error instanceof PlanHandOverError) {
        return new ShowToastEvent({
            title: 'The goal plan was created but is still yours',
            message: `The rep can't see it until they own it (${errorMessage(error.reason)}). Ask your Salesforce admin for the Transfer Record permission (Goal Coach Manager includes it), then change the plan's owner to the rep.`,
            variant: 'warning',
        });
    }
    if (isDuplicateError(error)) {
        return new ShowToastEvent({
            title: 'The goal plan could not be created',
            message: 'A plan for this rep and period already exists but is not shared with you. Ask the rep or their manager.',
            variant: 'error',
        });
    }
    return errorToast('The goal plan could not be created', error);
}

export function successToast(title: string, message = ''): ShowToastEvent {
    return new ShowToastEvent({ title, message, variant: 'success' });
}

export function errorToast(title: string, error: unknown): ShowToastEvent {
    return new ShowToastEvent({ title, message: errorMessage(error), variant: 'error' });
}

/** The value of a lightning-input / textarea / combobox change event (detail first, then the element). */
export function inputValue(event: Event): string {
    const detail = (event as CustomEvent<{ value?: unknown; checked?: unknown }>).detail;
    const value = detail && detail.value !== undefined ? detail.value : (event.target as { value?: unknown } | null)?.value;
    return value === undefined || value === null ? '' : String(value);
}

/**
 * Saves plan fields through LDS: a toast either way and a planchange event on success. Returns
 * null when saved, else the message to show beside the inputs, whose drafts the caller keeps.
 */
export async function savePlanFields(source: EventTarget, fields: Record<string, unknown>, successTitle: string, failureTitle: string): Promise<string | null> {
    try {
        await updateRecord({ fields });
        source.dispatchEvent(successToast(successTitle));
        source.dispatchEvent(new CustomEvent('planchange'));
        return null;
    } catch (error) {
        source.dispatchEvent(errorToast(failureTitle, error));
        return `${failureTitle}: ${errorMessage(error).replace(/\.$/, '')}. Your answers are still here; try again, or ask your Salesforce admin if it keeps failing.`;
    }
}

/** A currency or percent input's text as a number for LDS: null when empty, undefined when not a number. */
export function amountOrNull(text: string): number | null | undefined {
    const trimmed = text.trim();
    if (trimmed === '') return null;
    const value = Number(trimmed);
    return Number.isFinite(value) && value >= 0 ? value : undefined;
}

// ---------------------------------------------------------------- new hires

/**
 * Closed deals a rep needs before the analysis suggests learning goals: the sync service's default
 * `minClosedDeals` (sync/src/options.ts). The panels say "about", since an org may run it with another.
 */
export const CLOSED_DEALS_FOR_ANALYSIS = 15;

/** A plan begun at hire (its start reason), or, with no start reason, one whose trigger event is the hire or onboarding. */
export function isNewHirePlan(plan: { planStartReason?: string | null; triggerEventType?: string | null } | undefined): boolean {
    if (!plan) return false;
    if (plan.planStartReason) return plan.planStartReason === 'New hire';
    return plan.triggerEventType === 'Hire' || plan.triggerEventType === 'Onboarding';
}

export const NEW_HIRE_MESSAGE = `Learning goals from the analysis come after about ${CLOSED_DEALS_FOR_ANALYSIS} closed deals. Until then, start with the conversation and the first tiny steps.`;
