// Deterministic generator of a realistic sales team's Salesforce export: a VP, managers and reps,
// opportunities walking the standard sales stages with their history, tasks, meetings (Events) and
// contact roles. Some reps have planted, known weaknesses; the rest are healthy with natural spread.
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { SkillSlug } from '../core/contract';
import { parseDay } from '../core/days';
import { toId18 } from '../core/salesforceId';
import { CsvWriter } from './csvWriter';
import { Random } from './random';

export interface GenerateOptions {
    seed: number;
    reps: number;
    managers: number;
    /** Mean opportunities created per rep over the history months. */
    dealsPerRep: number;
    /** Months of history before the as-of day. */
    historyMonths: number;
    asOf: string;
    /** Which reps (by index) get which weaknesses; default: a fixed share of each. */
    weaknesses?: Map<number, SkillSlug[]>;
    /** Reps (by index) who joined recently and have few deals. */
    newReps?: number[];
    /** Scales how much healthy reps differ from each other (1 = the sample's; 0 = all alike). */
    naturalSpread?: number;
    /** Scales the activity volume (1 = the sample's). */
    activityScale?: number;
    /**
     * How far a weak rep's profile moves from their own healthy one toward the sample's weak
     * profile, per rep index and skill (1 = the sample's effect sizes).
     */
    weaknessStrength?: (rep: number, skill: SkillSlug) => number;
    /** Role names of a deal's decision-role contact, one drawn per deal (default Decision Maker, Economic Buyer). */
    decisionRoles?: readonly string[];
    /** Leave OpportunityStage.csv out (the engine then infers the process from the history). */
    omitStages?: boolean;
    /** Leave OpportunityHistory's PrevCloseDate column out, as an export through an API before 50.0. */
    omitPrevCloseDate?: boolean;
    /** Reports progress (opportunities written so far). */
    onProgress?: (opportunities: number) => void;
}

export interface PlantedRep {
    id: string;
    name: string;
    weaknesses: SkillSlug[];
    newRep: boolean;
}

export interface GeneratedExport {
    reps: PlantedRep[];
    counts: Record<string, number>;
}

const stageDefinitions = [
    { name: 'Prospecting', probability: 10, forecast: 'Pipeline' },
    { name: 'Qualification', probability: 10, forecast: 'Pipeline' },
    { name: 'Needs Analysis', probability: 20, forecast: 'Pipeline' },
    { name: 'Value Proposition', probability: 50, forecast: 'Pipeline' },
    { name: 'Id. Decision Makers', probability: 60, forecast: 'Pipeline' },
    { name: 'Perception Analysis', probability: 70, forecast: 'Pipeline' },
    { name: 'Proposal/Price Quote', probability: 75, forecast: 'Pipeline' },
    { name: 'Negotiation/Review', probability: 90, forecast: 'Commit' },
] as const;
const decisionRank = 3;
/** Stages where a meeting usually happens, and how likely. */
const meetingChance = [0.2, 0.8, 0.6, 0.3, 0.3, 0.2, 0.6, 0.4];

const firstNames = ['Ana', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jamal', 'Kira', 'Liam', 'Maya', 'Nikhil', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sam', 'Tara', 'Umar', 'Vera', 'Wen', 'Ximena', 'Yusuf', 'Zoe'];
const lastNames = ['Lopez', 'Schmidt', 'Okafor', 'Tanaka', 'Rossi', 'Novak', 'Haddad', 'Silva', 'Kim', 'Walsh', 'Moreau', 'Jensen', 'Patel', 'Costa', 'Nguyen', 'Berg'];
const otherRoles = ['Technical Buyer', 'Influencer', 'Evaluator', 'Business User', 'Other'];
const taskSubjects = ['Call', 'Email', 'Send follow-up', 'Prepare demo', 'Send pricing', 'Check in'];

interface Profile {
    earlyAdvance: number;
    lateAdvance: number;
    decisionRoleRate: number;
    stageDays: number;
    lateStageDays: number;
    slipChance: number;
    staleChance: number;
    overdueChance: number;
    activitiesPerStage: number;
    largeDealEffort: number;
    /** Extra chance that an early-stage meeting ends the deal. */
    meetingLoss: number;
    followUpChance: number;
}

function profileFor(random: Random, weaknesses: readonly SkillSlug[], spread: number, strength: (skill: SkillSlug) => number = () => 1): Profile {
    // Healthy reps differ a little from each other, as real teams do.
    const jitter = (value: number, sd: number) => value + random.normal() * sd * spread;
    const profile: Profile = {
        earlyAdvance: jitter(0.8, 0.02),
        lateAdvance: jitter(0.9, 0.015),
        decisionRoleRate: jitter(0.75, 0.04),
        stageDays: jitter(14, 1.5),
        lateStageDays: jitter(15, 1.5),
        slipChance: jitter(0.25, 0.03),
        staleChance: jitter(0.12, 0.03),
        overdueChance: jitter(0.15, 0.03),
        activitiesPerStage: jitter(1.6, 0.15),
        largeDealEffort: jitter(1.5, 0.1),
        meetingLoss: jitter(0.03, 0.01),
        followUpChance: jitter(0.85, 0.03),
    };
    // A weakness moves the rep's own values toward the weak profile's, fully at strength 1.
    const weaken = (skill: SkillSlug, weak: Partial<Profile>) => {
        if (!weaknesses.includes(skill)) return;
        const share = strength(skill);
        for (const [key, value] of Object.entries(weak) as [keyof Profile, number][]) profile[key] = share === 1 ? value : profile[key] + share * (value - profile[key]);
    };
    weaken('decision-process', { lateAdvance: 0.76, decisionRoleRate: 0.3, lateStageDays: 30 });
    weaken('priority-management', { slipChance: 0.65, staleChance: 0.55, overdueChance: 0.55, activitiesPerStage: 3.2, largeDealEffort: 0.35 });
    weaken('emotional-intelligence', { meetingLoss: 0.3, followUpChance: 0.3 });
    return profile;
}

class IdFactory {
    private readonly counters = new Map<string, number>();
    next(prefix: string): string {
        const counter = (this.counters.get(prefix) ?? 0) + 1;
        this.counters.set(prefix, counter);
        let body = '';
        let rest = counter;
        const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
        while (rest > 0) {
            body = digits[rest % 62] + body;
            rest = Math.floor(rest / 62);
        }
        return toId18(`${prefix}${'0'.repeat(12 - body.length)}${body}`)!;
    }
}

const msPerDay = 86_400_000;
const dateText = (day: number) => new Date(day * msPerDay).toISOString().slice(0, 10);
const dateTimeText = (day: number, minutes: number) => new Date(day * msPerDay + minutes * 60_000).toISOString();

/** Default planting: of every ten reps, two healthy-looking ones get a weakness each. */
export function defaultWeaknesses(reps: number): { weaknesses: Map<number, SkillSlug[]>; newReps: number[] } {
    const weaknesses = new Map<number, SkillSlug[]>();
    const plan: SkillSlug[][] = [['decision-process'], ['priority-management'], ['emotional-intelligence']];
    // Reps 1, 4, 7, ... get a weakness in turn; two of them get two.
    let turn = 0;
    for (let rep = 1; rep < reps; rep += 3) {
        if (turn >= 12) break;
        weaknesses.set(rep, plan[turn % 3]!);
        turn += 1;
    }
    if (reps > 20) weaknesses.set(20, ['decision-process', 'emotional-intelligence']);
    const newReps = reps > 10 ? [reps - 1, reps - 2] : [];
    for (const rep of newReps) weaknesses.delete(rep);
    return { weaknesses, newReps };
}

/** One history row of a generated deal: an open stage's rank, or the close. */
interface TimelineRow {
    day: number;
    rank: number | 'won' | 'lost';
    close: number;
    prevClose: number | null;
}

interface TimelineTask {
    day: number;
    due: number;
    done: boolean;
    subject: string;
}

/** A deal's whole life as generated, before the as-of day cuts it. */
interface Timeline {
    outcome: 'won' | 'lost' | 'open';
    plannedClose: number;
    history: TimelineRow[];
    tasks: TimelineTask[];
    meetings: number[];
}

/** Walks a deal through the stages: it closes won or lost, or is still open when it passes the as-of day. */
function walkStages(random: Random, profile: Profile, createdDay: number, effort: number, hasDecisionRole: boolean, asOfDay: number): Timeline {
    let day = createdDay;
    let rank = 0;
    const timeline: Timeline = { outcome: 'open', plannedClose: createdDay + 60 + random.int(0, 60), history: [], tasks: [], meetings: [] };
    timeline.history.push({ day, rank: 0, close: timeline.plannedClose, prevClose: null });
    const slipping = random.chance(profile.slipChance);
    const slipStage = random.int(0, 1);
    while (timeline.outcome === 'open') {
        const late = rank >= decisionRank;
        const dwell = Math.max(1, Math.round(random.exponential(late ? profile.lateStageDays : profile.stageDays)));
        const meetingHeld = logStageActivity(random, profile, timeline, day, dwell, rank, effort);
        if (slipping && rank === slipStage) {
            const pushes = random.int(1, 2);
            for (let p = 0; p < pushes; p++) {
                const prev = timeline.plannedClose;
                timeline.plannedClose += random.int(14, 45);
                timeline.history.push({ day: day + Math.min(dwell - 1, p + 1), rank, close: timeline.plannedClose, prevClose: prev });
            }
        }
        let advance = late ? profile.lateAdvance * (hasDecisionRole ? 1.04 : 0.9) : profile.earlyAdvance;
        if (meetingHeld && !late) advance -= profile.meetingLoss;
        day += dwell;
        if (!random.chance(Math.min(0.99, advance))) {
            timeline.outcome = 'lost';
            timeline.history.push({ day, rank: 'lost', close: day, prevClose: timeline.plannedClose });
        } else if (rank === stageDefinitions.length - 1) {
            timeline.outcome = 'won';
            timeline.history.push({ day, rank: 'won', close: day, prevClose: timeline.plannedClose });
        } else {
            rank += 1;
            timeline.history.push({ day, rank, close: timeline.plannedClose, prevClose: null });
        }
        if (day > asOfDay) break;
    }
    return timeline;
}

/** The tasks and the meeting (if any) of one stage; true when a meeting was held. */
function logStageActivity(random: Random, profile: Profile, timeline: Timeline, day: number, dwell: number, rank: number, effort: number): boolean {
    const { tasks } = timeline;
    const activityCount = random.poisson(profile.activitiesPerStage * effort);
    for (let a = 0; a < activityCount; a++) {
        const activityDay = day + Math.floor(random.next() * dwell);
        tasks.push({ day: activityDay, due: activityDay, done: true, subject: random.pick(taskSubjects) });
    }
    if (!random.chance(meetingChance[rank]!)) return false;
    const meetingDay = day + Math.floor(random.next() * dwell);
    timeline.meetings.push(meetingDay);
    if (random.chance(profile.followUpChance)) {
        const followUp = meetingDay + random.int(1, 3);
        tasks.push({ day: followUp, due: followUp, done: true, subject: 'Send meeting follow-up' });
    } else {
        // No follow-up: the rest of the stage goes quiet.
        for (let t = tasks.length - 1; t >= 0; t--) if (tasks[t]!.day > meetingDay) tasks.splice(t, 1);
    }
    return true;
}

/** What the export shows of a deal on the as-of day. */
interface VisibleDeal {
    outcome: 'won' | 'lost' | 'open';
    closeDay: number;
    /** A closed deal was last modified when it closed, an open one on the as-of day. */
    lastModifiedDay: number;
    currentRank: number;
    history: TimelineRow[];
    tasks: TimelineTask[];
    meetings: number[];
}

/** Cuts the timeline at the as-of day (what happened later is not in the export); open deals may stall and get their next step. */
function visibleAt(random: Random, profile: Profile, timeline: Timeline, createdDay: number, asOfDay: number): VisibleDeal {
    const closedRow = timeline.history.find((row) => typeof row.rank !== 'number');
    const closedBeforeAsOf = closedRow !== undefined && closedRow.day <= asOfDay;
    const history = timeline.history.filter((row) => row.day <= asOfDay);
    let tasks = timeline.tasks.filter((row) => row.day <= asOfDay);
    let meetings = timeline.meetings.filter((meetingDay) => meetingDay <= asOfDay);
    const outcome = closedBeforeAsOf ? timeline.outcome : 'open';
    let currentRank = 0;
    for (const row of history) if (typeof row.rank === 'number') currentRank = row.rank;
    if (outcome !== 'open') return { outcome, closeDay: closedRow!.day, lastModifiedDay: closedRow!.day, currentRank, history, tasks, meetings };
    const lastStageChange = history.reduce((last, row) => Math.max(last, row.day), createdDay);
    if (random.chance(profile.staleChance)) {
        // A stalled deal: nobody has touched it for weeks.
        const quietFrom = Math.min(asOfDay - random.int(35, 80), lastStageChange + 1);
        tasks = tasks.filter((row) => row.day < quietFrom);
        meetings = meetings.filter((meetingDay) => meetingDay < quietFrom);
    }
    const lastTouch = Math.max(lastStageChange, ...tasks.map((row) => row.day), ...meetings);
    // The next step: an open task, overdue for some reps.
    const due = random.chance(profile.overdueChance) ? asOfDay - random.int(3, 40) : asOfDay + random.int(1, 20);
    tasks.push({ day: Math.min(lastTouch, due), due, done: false, subject: 'Next step' });
    if (random.chance(profile.overdueChance)) {
        const overdue = asOfDay - random.int(2, 25);
        tasks.push({ day: Math.min(lastTouch, overdue - 5), due: overdue, done: false, subject: 'Call back' });
    }
    return { outcome, closeDay: Math.max(timeline.plannedClose, asOfDay + random.int(5, 60)), lastModifiedDay: asOfDay, currentRank, history, tasks, meetings };
}

interface Writers {
    users: CsvWriter;
    stages: CsvWriter;
    opportunities: CsvWriter;
    history: CsvWriter;
    contactRoles: CsvWriter;
    tasks: CsvWriter;
    events: CsvWriter;
}

function openWriters(directory: string, options: GenerateOptions): Writers {
    const file = (name: string) => path.join(directory, `${name}.csv`);
    return {
        users: new CsvWriter(file('User'), ['Id', 'Name', 'Title', 'ManagerId', 'IsActive']),
        stages: new CsvWriter(file('OpportunityStage'), ['Id', 'MasterLabel', 'ApiName', 'SortOrder', 'DefaultProbability', 'IsClosed', 'IsWon', 'IsActive', 'ForecastCategoryName']),
        opportunities: new CsvWriter(file('Opportunity'), ['Id', 'Name', 'AccountId', 'OwnerId', 'StageName', 'Amount', 'Probability', 'CloseDate', 'IsClosed', 'IsWon', 'CreatedDate', 'LastModifiedDate']),
        history: new CsvWriter(file('OpportunityHistory'), ['Id', 'OpportunityId', 'StageName', 'Amount', 'Probability', 'CloseDate', 'PrevCloseDate', 'ForecastCategory', 'CreatedDate'], {
            omit: options.omitPrevCloseDate ? ['PrevCloseDate'] : [],
        }),
        contactRoles: new CsvWriter(file('OpportunityContactRole'), ['Id', 'OpportunityId', 'ContactId', 'Role', 'IsPrimary']),
        tasks: new CsvWriter(file('Task'), ['Id', 'WhatId', 'OwnerId', 'Subject', 'Type', 'Status', 'IsClosed', 'ActivityDate', 'CreatedDate']),
        events: new CsvWriter(file('Event'), ['Id', 'WhatId', 'OwnerId', 'Subject', 'Type', 'ActivityDate', 'StartDateTime', 'EndDateTime', 'CreatedDate']),
    };
}

/** The stage table, the VP and the managers; returns the managers' ids and the VP's. */
async function writeOrgChart(writers: Writers, ids: IdFactory, managers: number): Promise<{ vpId: string; managerIds: string[] }> {
    let sortOrder = 1;
    for (const stage of stageDefinitions) {
        await writers.stages.write([ids.next('01J'), stage.name, stage.name, sortOrder++, stage.probability, false, false, true, stage.forecast]);
    }
    await writers.stages.write([ids.next('01J'), 'Closed Won', 'Closed Won', sortOrder++, 100, true, true, true, 'Closed']);
    await writers.stages.write([ids.next('01J'), 'Closed Lost', 'Closed Lost', sortOrder++, 0, true, false, true, 'Omitted']);
    const vpId = ids.next('005');
    await writers.users.write([vpId, 'Morgan Reyes', 'VP Sales', null, true]);
    const managerIds: string[] = [];
    for (let m = 0; m < managers; m++) {
        const id = ids.next('005');
        managerIds.push(id);
        await writers.users.write([id, `${firstNames[(m * 7 + 3) % firstNames.length]} ${lastNames[(m * 5 + 11) % lastNames.length]}`, 'Sales Manager', vpId, true]);
    }
    return { vpId, managerIds };
}

/** One deal as it appears in the export. */
interface DealRows {
    oppId: string;
    accountId: string;
    repId: string;
    name: string;
    amount: number;
    createdDay: number;
    hasDecisionRole: boolean;
    deal: VisibleDeal;
}

const stageNameOf = (rank: TimelineRow['rank']) => (rank === 'won' ? 'Closed Won' : rank === 'lost' ? 'Closed Lost' : stageDefinitions[rank]!.name);
const probabilityOf = (rank: TimelineRow['rank']) => (rank === 'won' ? 100 : rank === 'lost' ? 0 : stageDefinitions[rank]!.probability);

async function writeDeal(writers: Writers, ids: IdFactory, random: Random, rows: DealRows, decisionRoles: readonly string[]): Promise<void> {
    const { oppId, repId, amount, deal } = rows;
    const current = deal.outcome === 'open' ? deal.currentRank : deal.outcome;
    await writers.opportunities.write([
        oppId,
        rows.name,
        rows.accountId,
        repId,
        stageNameOf(current),
        amount,
        probabilityOf(current),
        dateText(deal.closeDay),
        deal.outcome !== 'open',
        deal.outcome === 'won',
        dateTimeText(rows.createdDay, 540),
        dateTimeText(deal.lastModifiedDay, 1020),
    ]);
    for (const row of deal.history) {
        const closed = typeof row.rank !== 'number';
        await writers.history.write([
            ids.next('008'),
            oppId,
            stageNameOf(row.rank),
            amount,
            probabilityOf(row.rank),
            dateText(row.close),
            row.prevClose === null ? null : dateText(row.prevClose),
            closed ? (row.rank === 'won' ? 'Closed' : 'Omitted') : 'Pipeline',
            dateTimeText(row.day, 600),
        ]);
    }
    for (const row of deal.tasks) {
        await writers.tasks.write([ids.next('00T'), oppId, repId, row.subject, row.subject.startsWith('Call') ? 'Call' : 'Email', row.done ? 'Completed' : 'Not Started', row.done, dateText(row.due), dateTimeText(row.day, 480)]);
    }
    for (const meetingDay of deal.meetings) {
        await writers.events.write([ids.next('00U'), oppId, repId, 'Meeting', 'Meeting', dateText(meetingDay), dateTimeText(meetingDay, 600), dateTimeText(meetingDay, 660), dateTimeText(meetingDay - 3, 600)]);
    }
    const roleCount = random.int(1, 3);
    for (let r = 0; r < roleCount; r++) {
        await writers.contactRoles.write([ids.next('00K'), oppId, ids.next('003'), random.pick(otherRoles), r === 0]);
    }
    if (rows.hasDecisionRole) {
        await writers.contactRoles.write([ids.next('00K'), oppId, ids.next('003'), random.pick(decisionRoles), false]);
    }
}

export async function generateExport(directory: string, options: GenerateOptions): Promise<GeneratedExport> {
    await mkdir(directory, { recursive: true });
    const random = new Random(options.seed);
    const ids = new IdFactory();
    const asOfParsed = parseDay(options.asOf);
    if (!asOfParsed.ok) throw new Error(`asOf ${options.asOf} is not a date`);
    const asOfDay = asOfParsed.day;
    const startDay = asOfDay - Math.round(options.historyMonths * 30.4);
    const planted = options.weaknesses ? { weaknesses: options.weaknesses, newReps: options.newReps ?? [] } : defaultWeaknesses(options.reps);
    const activityScale = options.activityScale ?? 1;
    const decisionRoles = options.decisionRoles ?? ['Decision Maker', 'Economic Buyer'];
    const writers = openWriters(directory, options);
    const { vpId, managerIds } = await writeOrgChart(writers, ids, options.managers);

    const reps: PlantedRep[] = [];
    let opportunitiesWritten = 0;
    for (let rep = 0; rep < options.reps; rep++) {
        const repId = ids.next('005');
        const name = `${firstNames[rep % firstNames.length]} ${lastNames[(rep * 3 + Math.floor(rep / firstNames.length)) % lastNames.length]}${rep >= firstNames.length * lastNames.length ? ` ${rep}` : ''}`;
        const weaknesses = planted.weaknesses.get(rep) ?? [];
        const newRep = planted.newReps.includes(rep);
        reps.push({ id: repId, name, weaknesses, newRep });
        await writers.users.write([repId, name, 'Account Executive', managerIds[rep % Math.max(1, managerIds.length)] ?? vpId, true]);
        const strength = options.weaknessStrength;
        const profile = profileFor(random, weaknesses, options.naturalSpread ?? 1, strength && ((skill) => strength(rep, skill)));
        const firstDay = newRep ? asOfDay - 100 : startDay;
        const dealCount = newRep ? Math.round(options.dealsPerRep * 0.15) : Math.max(5, Math.round(options.dealsPerRep * (0.85 + random.next() * 0.3)));

        for (let deal = 0; deal < dealCount; deal++) {
            const oppId = ids.next('006');
            const accountId = ids.next('001');
            const createdDay = firstDay + Math.floor(random.next() * (asOfDay - firstDay - 2));
            const amount = Math.round(Math.exp(Math.log(25_000) + random.normal() * 0.9) / 100) * 100;
            const effort = (amount > 25_000 ? profile.largeDealEffort : 1) * activityScale;
            const hasDecisionRole = random.chance(profile.decisionRoleRate);
            const timeline = walkStages(random, profile, createdDay, effort, hasDecisionRole, asOfDay);
            const visible = visibleAt(random, profile, timeline, createdDay, asOfDay);
            await writeDeal(writers, ids, random, { oppId, accountId, repId, name: `Deal ${opportunitiesWritten + 1}`, amount, createdDay, hasDecisionRole, deal: visible }, decisionRoles);
            opportunitiesWritten += 1;
            if (options.onProgress && opportunitiesWritten % 10_000 === 0) options.onProgress(opportunitiesWritten);
        }
    }

    const byObject = { User: writers.users, OpportunityStage: writers.stages, Opportunity: writers.opportunities, OpportunityHistory: writers.history, OpportunityContactRole: writers.contactRoles, Task: writers.tasks, Event: writers.events };
    const counts: Record<string, number> = {};
    for (const [object, writer] of Object.entries(byObject)) {
        await writer.close();
        counts[object] = writer.rows;
    }
    if (options.omitStages) {
        await rm(path.join(directory, 'OpportunityStage.csv'));
        delete counts.OpportunityStage;
    }
    return { reps, counts };
}

/** The committed sample: 32 reps under 3 managers, 15 months of history up to 2026-06-30. */
export const sampleOptions: GenerateOptions = {
    seed: 20260630,
    reps: 32,
    managers: 3,
    dealsPerRep: 50,
    historyMonths: 15,
    asOf: '2026-06-30',
};
