// Family "enterprise": 20–60 reps under 3–5 managers, a six-stage process exported without
// OpportunityStage.csv (the engine infers it from probabilities), long cycles, "Economic Decision
// Maker" as the decision role. Sub-teams differ: strategic teams carry deals five times larger,
// log twice the activity and spend longer in the late stages than commercial teams.
// Weaknesses: decision process as slow late losses (deals linger in Propose/Negotiate, then die)
// or as a decision maker named but never won over (role present, late stages lost); priority
// management as parked deals (open and untouched) or as close dates pushed again and again;
// emotional intelligence as meetings that do not move the deal, or as silence after meetings.
import { Random } from '../../../src/sample/random';
import { asOfDay, clamp, cutAtAsOf, dealsToCreate, goQuietFrom, historyDays, logActivities, moveOn, plantWeaknesses, repName, truthOf, weaknessIn, type Family, type OrgRequest, type Weakness } from '../family';
import { OrgExport, type DealSpec } from '../orgExport';

const stages = [
    { name: 'Prospect', probability: 5 },
    { name: 'Qualify', probability: 15 },
    { name: 'Develop', probability: 30 },
    { name: 'Propose', probability: 55 },
    { name: 'Negotiate', probability: 75 },
    { name: 'Commit', probability: 90 },
];
const decisionFrom = 3;

interface Rep {
    advance: number[];
    decisionRole: number;
    lateDwell: number;
    /** Late-stage losses that linger first. */
    lingerOnLoss: boolean;
    slip: number;
    /** Chance that an open deal is parked (nobody touches it for weeks). */
    parked: number;
    stall: number;
    silence: number;
    activities: number;
    amount: number;
}

function repProfile(random: Random, strategic: boolean, weaknesses: readonly Weakness[]): Rep {
    const jitter = (value: number, sd: number) => value + random.normal() * sd;
    const rep: Rep = {
        advance: [jitter(0.8, 0.03), jitter(0.82, 0.03), jitter(0.85, 0.02), jitter(strategic ? 0.8 : 0.84, 0.03), jitter(0.88, 0.02), jitter(0.94, 0.01)],
        decisionRole: clamp(jitter(0.75, 0.05)),
        lateDwell: jitter(strategic ? 30 : 16, 2),
        lingerOnLoss: false,
        slip: clamp(jitter(0.3, 0.05)),
        parked: clamp(jitter(0.1, 0.03)),
        stall: clamp(jitter(0.1, 0.03)),
        silence: clamp(jitter(0.1, 0.03)),
        activities: jitter(strategic ? 4 : 2, 0.3),
        amount: strategic ? 250_000 : 50_000,
    };
    const decision = weaknessIn(weaknesses, 'decision-process');
    if (decision) {
        const keep = Math.sqrt(Math.max(0.05, 1 - decision.effect / (1 - rep.advance[3]! * rep.advance[4]!)));
        rep.advance[3] = clamp(rep.advance[3]! * keep);
        rep.advance[4] = clamp(rep.advance[4]! * keep);
        // Variant 0 lingers before losing; variant 1 has the decision maker named and loses anyway.
        if (decision.variant === 0) {
            rep.lingerOnLoss = true;
            rep.lateDwell *= 1 + decision.effect * 3;
        }
    }
    const priority = weaknessIn(weaknesses, 'priority-management');
    if (priority?.variant === 0) rep.parked = clamp(rep.parked + priority.effect * 1.5);
    else if (priority) rep.slip = clamp(rep.slip + priority.effect * 1.5);
    const emotional = weaknessIn(weaknesses, 'emotional-intelligence');
    if (emotional?.variant === 0) rep.stall = clamp(rep.stall + emotional.effect * 1.5);
    else if (emotional) rep.silence = clamp(rep.silence + emotional.effect * 1.5);
    return rep;
}

function walk(random: Random, rep: Rep, owner: string): DealSpec {
    const createdDay = asOfDay - historyDays + random.int(0, historyDays - 3);
    const deal: DealSpec = {
        owner,
        amount: Math.round(rep.amount * Math.exp(random.normal() * 0.6)),
        createdDay,
        path: [{ stage: stages[0]!.name, day: createdDay }],
        outcome: 'open',
        closeDay: createdDay + 120,
        slips: [],
        tasks: [],
        meetings: [],
        roles: random.chance(rep.decisionRole) ? ['Economic Decision Maker', 'Technical Buyer'] : ['Technical Buyer', 'Evaluator'],
    };
    let day = createdDay;
    let silent = false;
    for (let rank = 0; rank < stages.length; rank++) {
        const late = rank >= decisionFrom;
        let dwell = Math.max(1, Math.round(random.exponential(late ? rep.lateDwell : 12)));
        const lost = !random.chance(rep.advance[rank]!);
        if (lost && late && rep.lingerOnLoss) dwell *= 2;
        if (!silent) logActivities(random, deal, random.poisson(rep.activities), day, dwell);
        if (rank >= 1 && rank <= 4 && random.chance(0.6)) {
            const meeting = day + random.int(0, Math.min(dwell - 1, 5));
            deal.meetings.push(meeting);
            // A meeting that does not move the deal: the stage drags on for weeks after it.
            if (random.chance(rep.stall)) dwell += 35 + random.int(0, 30);
            if (random.chance(rep.silence)) silent = true;
            else deal.tasks.push({ createdDay: meeting + 1, dueDay: meeting + 2, done: true });
        }
        if (random.chance(rep.slip / 2)) {
            const to = deal.closeDay + random.int(20, 60);
            deal.slips.push({ day: day + 1, from: deal.closeDay, to });
            deal.closeDay = to;
        }
        day += dwell;
        if (lost || (silent && random.chance(0.3))) {
            deal.outcome = 'lost';
            break;
        }
        if (!moveOn(deal, stages, rank, day)) break;
    }
    const cut = cutAtAsOf(random, deal, day, 0.15);
    if (cut.outcome === 'open' && random.chance(rep.parked)) {
        // Parked: no activity and no stage change for the last five to ten weeks.
        goQuietFrom(cut, asOfDay - random.int(35, 70));
    }
    return cut;
}

export const enterprise: Family = {
    name: 'enterprise',
    tuned: false,
    describe: '20–60 reps under 3–5 managers, 6 stages inferred (no OpportunityStage.csv), strategic and commercial sub-teams',
    teamSizes: [20, 60],
    async generate(request: OrgRequest, directory: string) {
        const random = new Random(request.seed * 6_151 + 5);
        const org = new OrgExport(stages, false);
        const vp = org.user('Eve Enterprise', 'CRO', null);
        const managerCount = 3 + random.int(0, 2);
        const managers = Array.from({ length: managerCount }, (_, m) => org.user(`Manager ${m + 1}`, m === 0 ? 'Strategic Accounts Director' : 'Sales Manager', vp));
        const planted = plantWeaknesses(random, request.reps, request.healthy, 2);
        const ids: string[] = [];
        for (let index = 0; index < request.reps; index++) {
            const team = index % managerCount;
            const id = org.user(repName(index), team === 0 ? 'Strategic Account Executive' : 'Account Executive', managers[team]!);
            ids.push(id);
            const rep = repProfile(random, team === 0, planted[index]!);
            // Strategic reps close fewer, larger deals.
            const deals = dealsToCreate(random, request.closedPerRep * (team === 0 ? 0.8 : 1));
            for (let deal = 0; deal < deals; deal++) org.deal(walk(random, rep, id), asOfDay);
        }
        await org.write(directory);
        return truthOf(ids, planted);
    },
};
