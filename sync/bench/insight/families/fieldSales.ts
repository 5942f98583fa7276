// Family "field sales": 8–60 reps in 2–4 territories, a seven-stage custom process exported with
// OpportunityStage.csv in half the orgs (the engine infers the process in the other half), an
// OpportunityHistory without PrevCloseDate in a third (an export through an older API), and
// "Decision Maker" or "Economic Decision Maker" as the decision role by org. Territories differ
// (one is tougher: every rep there loses more late deals), reps differ in their mix of small and
// large deals, a few reps joined late and have few deals, and the records are messy (deals
// without an amount, deals imported already closed with no stage history, duplicated tasks).
// Weaknesses, three mechanisms each: decision process as late losses that linger first, as a
// decision maker named but never met (late losses, fast), or as no decision maker named; priority
// management as parked open deals, as overdue tasks or as close dates pushed again and again;
// emotional intelligence as deals lost right after an early meeting, as silence after meetings,
// or as meetings after which the deal sits in its stage for weeks.
import { Random } from '../../../src/sample/random';
import { asOfDay, clamp, cutAtAsOf, dealsToCreate, goQuietFrom, historyDays, logActivities, moveOn, plantWeaknesses, repName, truthOf, weaknessIn, type Family, type OrgRequest, type Weakness } from '../family';
import { OrgExport, type DealSpec } from '../orgExport';

const stages = [
    { name: 'New', probability: 5 },
    { name: 'Contacted', probability: 10 },
    { name: 'Scoping', probability: 20 },
    { name: 'Solution', probability: 40 },
    { name: 'Business Case', probability: 60 },
    { name: 'Legal', probability: 80 },
    { name: 'Signature', probability: 90 },
];
const decisionFrom = 4;

interface Rep {
    advance: number[];
    /** Share of the rep's deals that are large. */
    largeShare: number;
    decisionRole: number;
    /** Late losses linger (weeks in the stage) before they are marked lost. */
    lingerOnLoss: boolean;
    parked: number;
    overdue: number;
    slip: number;
    earlyMeetingLoss: number;
    silence: number;
    stall: number;
    activities: number;
}

function applyWeaknesses(rep: Rep, weaknesses: readonly Weakness[]): void {
    const decision = weaknessIn(weaknesses, 'decision-process');
    if (decision?.variant === 2) rep.decisionRole = clamp(rep.decisionRole - decision.effect * 1.6, 0.05);
    else if (decision) {
        const keep = Math.max(0.3, 1 - decision.effect * 0.8);
        for (let rank = decisionFrom; rank < stages.length; rank++) rep.advance[rank] = clamp(rep.advance[rank]! * Math.cbrt(keep));
        rep.lingerOnLoss = decision.variant === 0;
    }
    const priority = weaknessIn(weaknesses, 'priority-management');
    if (priority?.variant === 0) rep.parked = clamp(rep.parked + priority.effect * 1.4);
    else if (priority?.variant === 1) rep.overdue = clamp(rep.overdue + priority.effect * 1.4);
    else if (priority) rep.slip = clamp(rep.slip + priority.effect * 1.3);
    const emotional = weaknessIn(weaknesses, 'emotional-intelligence');
    if (emotional?.variant === 0) rep.earlyMeetingLoss = clamp(rep.earlyMeetingLoss + emotional.effect, 0, 1);
    else if (emotional?.variant === 1) rep.silence = clamp(rep.silence + emotional.effect * 1.4);
    else if (emotional) rep.stall = clamp(rep.stall + emotional.effect * 1.4);
}

function repProfile(random: Random, toughTerritory: boolean, weaknesses: readonly Weakness[]): Rep {
    const jitter = (value: number, sd: number) => value + random.normal() * sd;
    const late = toughTerritory ? 0.93 : 1;
    const rep: Rep = {
        advance: [jitter(0.9, 0.02), jitter(0.85, 0.03), jitter(0.82, 0.03), jitter(0.85, 0.03), jitter(0.8 * late, 0.03), jitter(0.88 * late, 0.02), jitter(0.95, 0.01)],
        largeShare: clamp(random.next() * 0.8 + 0.1),
        decisionRole: clamp(jitter(0.72, 0.05)),
        lingerOnLoss: false,
        parked: clamp(jitter(0.08, 0.025)),
        overdue: clamp(jitter(0.12, 0.03)),
        slip: clamp(jitter(0.18, 0.04)),
        earlyMeetingLoss: clamp(jitter(0.04, 0.012), 0, 1),
        silence: clamp(jitter(0.08, 0.02)),
        stall: clamp(jitter(0.08, 0.02)),
        activities: jitter(2.2, 0.25),
    };
    applyWeaknesses(rep, weaknesses);
    return rep;
}

function newDeal(random: Random, rep: Rep, owner: string, roleName: string): { deal: DealSpec; large: boolean; hasDecisionRole: boolean } {
    const createdDay = asOfDay - historyDays + random.int(0, historyDays - 3);
    const large = random.chance(rep.largeShare);
    const hasDecisionRole = random.chance(rep.decisionRole);
    const deal: DealSpec = {
        owner,
        amount: random.chance(0.05) ? null : Math.round((large ? 90_000 : 12_000) * Math.exp(random.normal() * 0.5)),
        createdDay,
        path: [{ stage: stages[0]!.name, day: createdDay }],
        outcome: 'open',
        closeDay: createdDay + (large ? 110 : 50),
        slips: [],
        tasks: [],
        meetings: [],
        roles: hasDecisionRole ? [roleName, 'Influencer'] : ['Influencer', 'Technical Evaluator'],
    };
    return { deal, large, hasDecisionRole };
}

/** A meeting in an early or middle stage and what follows it: follow-up or silence, a stall, an early loss. */
function meet(random: Random, rep: Rep, deal: DealSpec, day: number, dwell: number, rank: number): { dwell: number; advanceDrop: number; silent: boolean } {
    const meeting = day + random.int(0, Math.min(dwell - 1, 4));
    deal.meetings.push(meeting);
    const silent = random.chance(rep.silence);
    if (!silent) deal.tasks.push({ createdDay: meeting + 1, dueDay: meeting + 3, done: true });
    const stalled = random.chance(rep.stall) ? Math.max(dwell, meeting - day + 35 + random.int(0, 25)) : dwell;
    return { dwell: stalled, advanceDrop: (rank < decisionFrom ? rep.earlyMeetingLoss : 0) + (silent ? 0.2 : 0), silent };
}

function walk(random: Random, rep: Rep, owner: string, roleName: string): DealSpec {
    const { deal, large, hasDecisionRole } = newDeal(random, rep, owner, roleName);
    const slipping = random.chance(rep.slip);
    let day = deal.createdDay;
    let silent = false;
    for (let rank = 0; rank < stages.length; rank++) {
        const late = rank >= decisionFrom;
        let dwell = Math.max(1, Math.round(random.exponential((late ? 12 : 7) * (large ? 1.8 : 1))));
        let advance = rep.advance[rank]! * (late && !hasDecisionRole ? 0.88 : 1);
        if (rank >= 1 && rank <= 4 && random.chance(0.55)) {
            const met = meet(random, rep, deal, day, dwell, rank);
            dwell = met.dwell;
            advance -= met.advanceDrop;
            silent ||= met.silent;
        }
        if (!silent) logActivities(random, deal, random.poisson(rep.activities * (large ? 1.7 : 1)), day, dwell);
        if (slipping && (rank === 2 || rank === decisionFrom)) {
            const to = deal.closeDay + random.int(14, 45);
            deal.slips.push({ day: day + 1, from: deal.closeDay, to });
            deal.closeDay = to;
        }
        const lost = !random.chance(clamp(advance));
        day += lost && late && rep.lingerOnLoss ? dwell * 3 : dwell;
        if (lost) {
            deal.outcome = 'lost';
            break;
        }
        if (!moveOn(deal, stages, rank, day)) break;
    }
    return openDealUpkeep(random, rep, cutAtAsOf(random, deal, day, rep.overdue));
}

/** Open deals: some are parked (untouched for weeks), and overdue reps leave more tasks past due. */
function openDealUpkeep(random: Random, rep: Rep, deal: DealSpec): DealSpec {
    if (deal.outcome !== 'open') return deal;
    if (random.chance(rep.overdue)) deal.tasks.push({ createdDay: asOfDay - 30, dueDay: asOfDay - random.int(3, 25), done: false });
    if (!random.chance(rep.parked)) return deal;
    goQuietFrom(deal, asOfDay - random.int(40, 80));
    return deal;
}

/** Messy records: deals imported already closed with no stage history, and tasks logged twice. */
function addMess(random: Random, org: OrgExport, owners: readonly string[]): void {
    for (let k = 0; k < owners.length * 2; k++) {
        const closeDay = asOfDay - random.int(10, 300);
        org.deal({ owner: random.pick(owners), amount: 15_000, createdDay: closeDay, path: [{ stage: stages[0]!.name, day: closeDay }], outcome: random.chance(0.4) ? 'won' : 'lost', closeDay, slips: [], tasks: [], meetings: [], roles: [] }, asOfDay);
    }
    const tasks = org.rows.Task;
    for (let k = 0; k < Math.ceil(tasks.length / 50); k++) {
        const copy = [...random.pick(tasks)];
        copy[0] = org.id('00T');
        tasks.push(copy);
    }
}

export const fieldSales: Family = {
    name: 'field sales',
    tuned: false,
    describe: '8–60 reps in 2–4 territories (one tougher), 7 custom stages with or without OpportunityStage.csv, PrevCloseDate or not, mixed deal sizes, late joiners, messy records',
    teamSizes: [8, 60],
    async generate(request: OrgRequest, directory: string) {
        const random = new Random(request.seed * 9_049 + 7);
        const org = new OrgExport(stages, request.seed % 2 === 0, undefined, request.seed % 3 !== 0);
        const roleName = random.chance(0.5) ? 'Economic Decision Maker' : 'Decision Maker';
        const vp = org.user('Fern Field', 'VP Field Sales', null);
        const territories = 2 + random.int(0, 2);
        const managers = Array.from({ length: territories }, (_, t) => org.user(`Territory Lead ${t + 1}`, 'Regional Manager', vp));
        const planted = plantWeaknesses(random, request.reps, request.healthy, 3);
        const ids: string[] = [];
        for (let index = 0; index < request.reps; index++) {
            const territory = index % territories;
            const id = org.user(repName(index), 'Field Account Executive', managers[territory]!);
            ids.push(id);
            const rep = repProfile(random, territory === 0, planted[index]!);
            // A few reps joined late in the window and have fewer deals.
            const lateJoiner = random.chance(0.1);
            const deals = dealsToCreate(random, request.closedPerRep * (lateJoiner ? 0.35 : 1));
            for (let deal = 0; deal < deals; deal++) org.deal(walk(random, rep, id, roleName), asOfDay);
        }
        addMess(random, org, ids);
        await org.write(directory);
        return truthOf(ids, planted);
    },
};
