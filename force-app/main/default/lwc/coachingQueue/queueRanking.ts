// Who needs the manager this week: one row per rep of the queue, its need score and the reasons
// behind it, and the team's skills. Pure functions over the records the queue's queries return.
import { byCoachingPriority, daysBetween, fieldValue, isIsoDate, isNewHirePlan, nodeId, nodesOf, numberField, textField } from 'c/goalPlanData';
import type { GraphQlConnection, GraphQlNode } from 'c/goalPlanData';

/** The skills every org has (Learning_Goal__c.Skill__c); admins may add more, which join the strip. */
export const DEFAULT_SKILLS = ['Decision Process', 'Priority Management', 'Emotional Intelligence'];
/** A rep's win rate is compared with the team's only from this many closed deals in the period. */
export const MIN_CLOSED_FOR_WIN_RATE = 10;
/** A one-on-one every two weeks: later than that, the days since the last session add to the need. */
export const SESSION_CADENCE_DAYS = 14;

export type SkillState = 'accepted' | 'suggested' | 'none';

export interface QueueGoal {
    name: string;
    skill: string | null;
    status: string;
    confidence: number | null;
}

export interface DealCount {
    closed: number;
    won: number;
}

export interface QueueRow {
    repId: string;
    repName: string;
    planId: string | null;
    whyGoal: string | null;
    /** The plan began at hire: too few closed deals for the analysis yet. */
    isNewHire: boolean;
    topGoal: QueueGoal | null;
    /** The open suggestion the analysis is surest of. */
    suggestion: QueueGoal | null;
    deals: DealCount;
    /** null below MIN_CLOSED_FOR_WIN_RATE closed deals. */
    winRate: number | null;
    overdueSteps: number;
    lastSessionDate: string | null;
    daysSinceSession: number | null;
    nextSessionDate: string | null;
    /** Negative: the planned next session is that many days late. */
    daysToNextSession: number | null;
    skills: Record<string, SkillState>;
    score: number;
    reasons: string[];
}

export interface TeamFigure {
    closed: number;
    won: number;
    winRate: number | null;
    reps: number;
}

type Connections = Record<string, GraphQlConnection | undefined>;

const OPEN_STATUSES = ['Suggested', 'Accepted', 'In Progress'];

function toQueueGoal(node: GraphQlNode): QueueGoal {
    return {
        name: textField(node, 'Name') ?? 'Learning goal',
        skill: textField(node, 'Skill__c') ?? null,
        status: textField(node, 'Status__c') ?? '',
        confidence: numberField(node, 'Confidence__c') ?? null,
    };
}

function groupBy<T>(nodes: GraphQlNode[], keyField: string, map: (node: GraphQlNode) => T): Map<string, T[]> {
    const groups = new Map<string, T[]>();
    for (const node of nodes) {
        const key = textField(node, keyField);
        if (!key) continue;
        const list = groups.get(key) ?? [];
        list.push(map(node));
        groups.set(key, list);
    }
    return groups;
}

/** Closed deals of the period by owner, from the deals query. */
export function dealCountsByOwner(deals: GraphQlConnection | undefined): Map<string, DealCount> {
    const counts = new Map<string, DealCount>();
    for (const node of nodesOf(deals)) {
        const owner = textField(node, 'OwnerId');
        if (!owner) continue;
        const count = counts.get(owner) ?? { closed: 0, won: 0 };
        count.closed += 1;
        if (fieldValue(node, 'IsWon') === true) count.won += 1;
        counts.set(owner, count);
    }
    return counts;
}

/** The team is the reps in the queue: one figure, shown once in the header and used in every row. */
export function teamFigure(rows: Array<Pick<QueueRow, 'deals'>>): TeamFigure {
    const closed = rows.reduce((sum, row) => sum + row.deals.closed, 0);
    const won = rows.reduce((sum, row) => sum + row.deals.won, 0);
    return { closed, won, winRate: closed >= MIN_CLOSED_FOR_WIN_RATE ? won / closed : null, reps: rows.length };
}

function skillStates(goals: QueueGoal[], skills: string[]): Record<string, SkillState> {
    const states: Record<string, SkillState> = {};
    for (const skill of skills) {
        const ofSkill = goals.filter((goal) => goal.skill === skill);
        states[skill] = ofSkill.some((goal) => goal.status !== 'Suggested') ? 'accepted' : ofSkill.length ? 'suggested' : 'none';
    }
    return states;
}

/** The skills of the strip: the defaults, then any other skill a goal of the team has. */
export function teamSkills(goals: GraphQlConnection | undefined): string[] {
    const skills = [...DEFAULT_SKILLS];
    for (const node of nodesOf(goals)) {
        const skill = textField(node, 'Skill__c');
        if (skill && !skills.includes(skill)) skills.push(skill);
    }
    return skills;
}

export interface QueueInput {
    records: Connections;
    deals: GraphQlConnection | undefined;
    viewerId: string;
    today: string;
}

interface RepEntry {
    repId: string;
    repName: string;
    plan: GraphQlNode | null;
}

/** The reps: every plan of the period the viewer can see (not their own), then direct reports without one. */
function repsOf(records: Connections, viewerId: string): RepEntry[] {
    const reps = new Map<string, RepEntry>();
    for (const plan of nodesOf(records.Goal_Plan__c)) {
        const repId = textField(plan, 'Rep__c');
        if (!repId || repId === viewerId || reps.has(repId)) continue;
        const rep = plan.Rep__r as GraphQlNode | null | undefined;
        reps.set(repId, { repId, repName: textField(rep, 'Name') ?? textField(plan, 'Name') ?? 'Rep', plan });
    }
    for (const user of nodesOf(records.User)) {
        const repId = nodeId(user);
        if (!reps.has(repId)) reps.set(repId, { repId, repName: textField(user, 'Name') ?? 'Rep', plan: null });
    }
    return [...reps.values()];
}

/** The rows of the queue, neediest first (see needScore), ties by name. */
export function queueRows(input: QueueInput): { rows: QueueRow[]; team: TeamFigure; skills: string[] } {
    const { records, today } = input;
    const goalsByPlan = groupBy(nodesOf(records.Learning_Goal__c), 'Goal_Plan__c', toQueueGoal);
    const overdueByPlan = groupBy(nodesOf(records.Goal_Step__c), 'Goal_Plan__c', () => 1);
    const sessionsByPlan = groupBy(nodesOf(records.Coaching_Session__c), 'Goal_Plan__c', (node) => node);
    const dealsByOwner = dealCountsByOwner(input.deals);
    const skills = teamSkills(records.Learning_Goal__c);
    const rows = repsOf(records, input.viewerId).map((rep) => {
        const planId = rep.plan ? nodeId(rep.plan) : null;
        const goals = (planId ? goalsByPlan.get(planId) ?? [] : []).filter((goal) => OPEN_STATUSES.includes(goal.status)).sort(byCoachingPriority);
        const suggestions = goals.filter((goal) => goal.status === 'Suggested').sort(byCoachingPriority);
        const deals = dealsByOwner.get(rep.repId) ?? { closed: 0, won: 0 };
        const sessions = planId ? sessionsByPlan.get(planId) ?? [] : [];
        const last = latestSession(sessions, today);
        return {
            repId: rep.repId,
            repName: rep.repName,
            planId,
            whyGoal: rep.plan ? textField(rep.plan, 'Why_Goal__c') ?? null : null,
            isNewHire: isNewHirePlan({
                planStartReason: textField(rep.plan, 'Plan_Start_Reason__c'),
                triggerEventType: textField(rep.plan, 'Trigger_Event_Type__c'),
            }),
            topGoal: goals[0] ?? null,
            suggestion: suggestions[0] ?? null,
            deals,
            winRate: deals.closed >= MIN_CLOSED_FOR_WIN_RATE ? deals.won / deals.closed : null,
            overdueSteps: planId ? (overdueByPlan.get(planId) ?? []).length : 0,
            lastSessionDate: last.date,
            daysSinceSession: last.date ? daysBetween(last.date, today) : null,
            nextSessionDate: last.next,
            daysToNextSession: last.next ? daysBetween(today, last.next) : null,
            skills: skillStates(goals, skills),
            score: 0,
            reasons: [],
        } satisfies QueueRow;
    });
    const team = teamFigure(rows);
    for (const row of rows) Object.assign(row, needScore(row, team));
    rows.sort((a, b) => b.score - a.score || a.repName.localeCompare(b.repName));
    return { rows, team, skills };
}

/** The last session held (not one planned ahead) and the next session it set. */
function latestSession(sessions: GraphQlNode[], today: string): { date: string | null; next: string | null } {
    let latest: GraphQlNode | null = null;
    for (const session of sessions) {
        const date = textField(session, 'Session_Date__c');
        if (!isIsoDate(date) || date > today) continue;
        const best = latest ? textField(latest, 'Session_Date__c') ?? '' : '';
        if (!latest || date > best) latest = session;
    }
    const next = latest ? textField(latest, 'Next_Session_Date__c') : null;
    return { date: latest ? textField(latest, 'Session_Date__c') ?? null : null, next: isIsoDate(next) ? next : null };
}

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/**
 * Need points, each with the reason a manager reads: the open suggestion's confidence (up to 3), a
 * win rate below the team's (1 point per 5 points of gap, up to 3), overdue steps (0.5 each, up to
 * 2), days since the last session beyond the two-week cadence (1 per week, up to 3; never met: 2),
 * and the planned next session being due within two days or late (1).
 */
export function needScore(row: QueueRow, team: TeamFigure): { score: number; reasons: string[] } {
    const parts: Array<[number, string]> = [];
    if (row.suggestion) {
        parts.push([3 * ((row.suggestion.confidence ?? 0) / 100), `suggested: ${row.suggestion.skill ?? row.suggestion.name}`]);
    }
    if (row.winRate !== null && team.winRate !== null && row.winRate < team.winRate) {
        const gap = team.winRate - row.winRate;
        parts.push([Math.min(3, gap / 0.05), `win rate ${percent(row.winRate)} vs team ${percent(team.winRate)}`]);
    }
    if (row.overdueSteps > 0) {
        parts.push([Math.min(2, row.overdueSteps * 0.5), `${row.overdueSteps} overdue ${row.overdueSteps === 1 ? 'step' : 'steps'}`]);
    }
    if (row.daysSinceSession === null) {
        parts.push([2, 'no session yet this period']);
    } else if (row.daysSinceSession > SESSION_CADENCE_DAYS) {
        parts.push([Math.min(3, (row.daysSinceSession - SESSION_CADENCE_DAYS) / 7), `${row.daysSinceSession} days since the last session`]);
    }
    if (row.daysToNextSession !== null && row.daysToNextSession <= 2) {
        const when = row.daysToNextSession < 0 ? `next session ${-row.daysToNextSession} days late` : row.daysToNextSession === 0 ? 'next session due today' : `next session due in ${row.daysToNextSession} ${row.daysToNextSession === 1 ? 'day' : 'days'}`;
        parts.push([1, when]);
    }
    const score = Math.round(parts.reduce((sum, [points]) => sum + points, 0) * 100) / 100;
    // The strongest reasons first: that is what the row says.
    const reasons = parts.filter(([points]) => points > 0).sort((a, b) => b[0] - a[0]).map(([, reason]) => reason);
    return { score, reasons };
}
