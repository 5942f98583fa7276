// What a generator family is, and what every family shares: the as-of day, which reps get a
// weakness and how large it is. How a weakness shows in the data is each family's own.
import type { SkillSlug } from '../../src/core/contract';
import { skillSlugs } from '../../src/core/contract';
import { parseDay } from '../../src/core/days';
import { Random } from '../../src/sample/random';
import type { DealSpec } from './orgExport';

export interface OrgRequest {
    seed: number;
    reps: number;
    /** Closed deals per rep the family aims for in the engine's default 12-month window. */
    closedPerRep: number;
    /** No weakness planted anywhere. */
    healthy: boolean;
}

/** Per rep id, the planted weak skills, each with its strength (+0.10 to +0.40); empty for a healthy rep. */
export type Truth = Map<string, Map<SkillSlug, number>>;

export interface Family {
    name: string;
    /** True when the engine's rule was tuned on this family; the others are held out. */
    tuned: boolean;
    describe: string;
    teamSizes: [number, number];
    /** Writes the org's CSV export into the folder and returns what was planted. */
    generate(request: OrgRequest, directory: string): Promise<Truth>;
}

/** The team size of the bench's org with this seed, within the family's range. */
export function teamSize(family: Family, seed: number): number {
    const [low, high] = family.teamSizes;
    return new Random(seed * 31 + 17).int(low, high);
}

/** Seeds of the bench's orgs: planted orgs per deals band, then the all-healthy teams. */
export const plantedSeed = (band: number, org: number) => 1000 * band + org + 1;
export const healthySeed = (team: number) => 500_000 + team;

export const asOf = '2026-06-30';
export const asOfDay = (parseDay(asOf) as { ok: true; day: number }).day;
/** Deals are created over 15 months so the 12-month window is full. */
export const historyDays = 456;

/** A planted weakness: the skill, how much worse the affected rates get (0.10–0.40), and which mechanism. */
export interface Weakness {
    skill: SkillSlug;
    effect: number;
    variant: number;
}

/** The items in a random order, every order equally likely (Fisher–Yates; a sort with a random comparator is not). */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
        const j = random.int(0, i);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
}

/**
 * Between a third and two thirds of the reps get a weakness, a few of them two; the effect is
 * drawn from +10 to +40 points, the mechanism from the family's variants for that skill.
 */
export function plantWeaknesses(random: Random, reps: number, healthy: boolean, variants: number): Weakness[][] {
    const planted: Weakness[][] = Array.from({ length: reps }, () => []);
    if (healthy) return planted;
    const share = 1 / 3 + random.next() / 3;
    for (let rep = 0; rep < reps; rep++) {
        if (!random.chance(share)) continue;
        const count = random.chance(0.2) ? 2 : 1;
        const skills = shuffled(random, skillSlugs).slice(0, count);
        for (const skill of skills) planted[rep]!.push({ skill, effect: 0.1 + random.next() * 0.3, variant: random.int(0, variants - 1) });
    }
    return planted;
}

export function truthOf(ids: readonly string[], planted: readonly Weakness[][]): Truth {
    return new Map(ids.map((id, rep) => [id, new Map(planted[rep]!.map((weakness) => [weakness.skill, weakness.effect]))]));
}

/** The bands of planted strength the bench reports recall in: +10–20, +20–30 and +30–40 points. */
export const strengthBands = [0.1, 0.2, 0.3] as const;
export const strengthBandOf = (strength: number) => Math.max(0, strengthBands.findLastIndex((from) => strength >= from));

/** The rep's weakness in a skill, if any. */
export function weaknessIn(weaknesses: readonly Weakness[], skill: SkillSlug): Weakness | undefined {
    return weaknesses.find((weakness) => weakness.skill === skill);
}

/** Deals to create so that about `closedPerRep` close within the last 12 months. */
export function dealsToCreate(random: Random, closedPerRep: number): number {
    return Math.max(8, Math.round(closedPerRep * (historyDays / 365) * (0.85 + random.next() * 0.3)));
}

export const clamp = (value: number, low = 0.01, high = 0.99) => Math.min(high, Math.max(low, value));

const first = ['Ada', 'Bo', 'Cyd', 'Dana', 'Eli', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jo', 'Kai', 'Lea', 'Mo', 'Ned', 'Oz', 'Pia', 'Rex', 'Sia', 'Ty', 'Uma'];
const last = ['Arden', 'Brook', 'Cole', 'Dale', 'Ezra', 'Frost', 'Gale', 'Hart', 'Iles', 'Jory', 'Knox', 'Lund'];
export const repName = (rep: number) => `${first[rep % first.length]} ${last[Math.floor(rep / first.length) % last.length]} ${rep + 1}`;

/** Cuts the deal at the as-of day; an open deal keeps an open next-step task, overdue for some reps. */
export function cutAtAsOf(random: Random, deal: DealSpec, endDay: number, overdue: number): DealSpec {
    deal.path = deal.path.filter((entry) => entry.day <= asOfDay);
    deal.tasks = deal.tasks.filter((task) => task.createdDay <= asOfDay && (task.dueDay ?? 0) <= asOfDay);
    deal.meetings = deal.meetings.filter((day) => day <= asOfDay);
    deal.slips = deal.slips.filter((slip) => slip.day <= asOfDay);
    if (deal.outcome !== 'open' && endDay <= asOfDay) {
        deal.closeDay = endDay;
        return deal;
    }
    deal.outcome = 'open';
    deal.closeDay = Math.max(deal.closeDay, asOfDay + random.int(5, 40));
    const due = random.chance(overdue) ? asOfDay - random.int(2, 20) : asOfDay + random.int(1, 20);
    deal.tasks.push({ createdDay: Math.min(due, asOfDay) - 5, dueDay: due, done: false });
    return deal;
}


/** The deal goes quiet from this day: no completed task, meeting, stage change or close-date push after it. */
export function goQuietFrom(deal: DealSpec, quietFrom: number): void {
    deal.tasks = deal.tasks.filter((task) => task.createdDay < quietFrom || !task.done);
    deal.meetings = deal.meetings.filter((meeting) => meeting < quietFrom);
    deal.path = deal.path.filter((entry, index) => index === 0 || entry.day < quietFrom);
    deal.slips = deal.slips.filter((slip) => slip.day < quietFrom);
}

/** Completed activities logged at random days while the deal sits `dwell` days in a stage. */
export function logActivities(random: Random, deal: DealSpec, count: number, day: number, dwell: number): void {
    for (let a = 0; a < count; a++) deal.tasks.push({ createdDay: day + random.int(0, dwell - 1), dueDay: day + random.int(0, dwell - 1), done: true });
}

/** After the stage at `rank` (not lost): won after the last stage, else on to the next. False once the walk ends. */
export function moveOn(deal: DealSpec, stages: readonly { name: string }[], rank: number, day: number): boolean {
    if (rank === stages.length - 1) deal.outcome = 'won';
    else deal.path.push({ stage: stages[rank + 1]!.name, day });
    return deal.outcome === 'open' && day <= asOfDay;
}
