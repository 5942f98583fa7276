// Family "inside sales": small teams (8–20 reps), a five-stage custom process with
// OpportunityStage.csv, short cycles, two segments (SMB and mid-market reps under different
// managers: mid-market deals are larger, slower and take more activities).
// Weaknesses: decision process as fast late losses, as a missing decision maker, or as a decision
// maker named but never met (activities only with the other contacts); priority
// management as overdue tasks or as slipping close dates; emotional intelligence as deals lost
// right after the demo, or as meetings with no follow-up after which deals go quiet and die.
import { Random } from '../../../src/sample/random';
import { asOfDay, clamp, cutAtAsOf, dealsToCreate, historyDays, logActivities, moveOn, plantWeaknesses, repName, truthOf, weaknessIn, type Family, type OrgRequest } from '../family';
import { OrgExport, type DealSpec } from '../orgExport';

const stages = [
    { name: 'Lead Qualified', probability: 10 },
    { name: 'Discovery', probability: 25 },
    { name: 'Demo', probability: 40 },
    { name: 'Quote Sent', probability: 60 },
    { name: 'Contract', probability: 80 },
];
const decisionFrom = 3;

interface Rep {
    advance: number[];
    decisionRole: number;
    /** Chance that a deal's named decision maker is met. */
    meetDecisionMaker: number;
    lateLossFast: boolean;
    slip: number;
    overdue: number;
    demoLoss: number;
    followUp: number;
    activities: number;
    dwell: number;
    amount: number;
}

function repProfile(random: Random, midMarket: boolean, weaknesses: ReturnType<typeof plantWeaknesses>[number]): Rep {
    const jitter = (value: number, sd: number) => value + random.normal() * sd;
    const rep: Rep = {
        advance: [jitter(0.85, 0.02), jitter(0.8, 0.03), jitter(0.78, 0.03), jitter(0.82, 0.03), jitter(0.88, 0.02)],
        decisionRole: clamp(jitter(0.7, 0.05)),
        meetDecisionMaker: clamp(jitter(0.85, 0.04)),
        lateLossFast: false,
        slip: clamp(jitter(0.2, 0.04)),
        overdue: clamp(jitter(0.15, 0.04)),
        demoLoss: clamp(jitter(0.04, 0.015), 0, 1),
        followUp: clamp(jitter(0.9, 0.03)),
        activities: jitter(midMarket ? 3 : 1.8, 0.2),
        dwell: midMarket ? 9 : 5,
        amount: midMarket ? 40_000 : 8_000,
    };
    const decision = weaknessIn(weaknesses, 'decision-process');
    if (decision?.variant === 0) {
        // Late losses, fast: quotes die within days.
        const keep = Math.sqrt(Math.max(0.05, 1 - decision.effect / (1 - rep.advance[3]! * rep.advance[4]!)));
        rep.advance[3] = clamp(rep.advance[3]! * keep);
        rep.advance[4] = clamp(rep.advance[4]! * keep);
        rep.lateLossFast = true;
    } else if (decision?.variant === 1) {
        // No decision maker named; without one, late stages are lost more often.
        rep.decisionRole = clamp(rep.decisionRole - decision.effect * 1.5, 0.05);
    } else if (decision) {
        // The decision maker is named but not met; late stages are lost more often, as without one.
        rep.meetDecisionMaker = clamp(rep.meetDecisionMaker - decision.effect * 1.5, 0.05);
    }
    const priority = weaknessIn(weaknesses, 'priority-management');
    if (priority?.variant === 0) rep.overdue = clamp(rep.overdue + priority.effect * 1.3);
    else if (priority) rep.slip = clamp(rep.slip + priority.effect * 1.2);
    const emotional = weaknessIn(weaknesses, 'emotional-intelligence');
    if (emotional?.variant === 0) rep.demoLoss = clamp(rep.demoLoss + emotional.effect);
    else if (emotional) rep.followUp = clamp(rep.followUp - emotional.effect * 2, 0.05);
    return rep;
}

function walk(random: Random, rep: Rep, owner: string): DealSpec {
    const createdDay = asOfDay - historyDays + random.int(0, historyDays - 3);
    const hasDecisionRole = random.chance(rep.decisionRole);
    const decisionMakerMet = hasDecisionRole && random.chance(rep.meetDecisionMaker);
    const deal: DealSpec = {
        owner,
        amount: Math.round(rep.amount * Math.exp(random.normal() * 0.5)),
        createdDay,
        path: [{ stage: stages[0]!.name, day: createdDay }],
        outcome: 'open',
        closeDay: createdDay + 45,
        slips: [],
        tasks: [],
        meetings: [],
        roles: hasDecisionRole ? ['Decision Maker', 'Influencer'] : ['Influencer'],
        ...(hasDecisionRole && !decisionMakerMet ? { decisionMakerMet: false } : {}),
    };
    const slipping = random.chance(rep.slip);
    let day = createdDay;
    let quiet = false;
    for (let rank = 0; rank < stages.length; rank++) {
        const late = rank >= decisionFrom;
        let advance = rep.advance[rank]! * (late && !decisionMakerMet ? 0.85 : 1);
        const dwell = Math.max(1, Math.round(random.exponential(rep.dwell * (late ? 1.2 : 1))));
        if (!quiet) logActivities(random, deal, random.poisson(rep.activities), day, dwell);
        if (rank === 1 || rank === 2) {
            const meeting = day + random.int(0, dwell - 1);
            deal.meetings.push(meeting);
            if (rank === 2) advance -= rep.demoLoss;
            if (random.chance(rep.followUp)) deal.tasks.push({ createdDay: meeting + 1, dueDay: meeting + 1, done: true });
            else {
                quiet = true;
                advance -= 0.15;
            }
        }
        if (slipping && rank === 1) {
            const to = deal.closeDay + random.int(10, 30);
            deal.slips.push({ day: day + 1, from: deal.closeDay, to });
            deal.closeDay = to;
        }
        const lost = !random.chance(clamp(advance));
        day += lost && late && rep.lateLossFast ? Math.max(1, Math.round(dwell / 3)) : dwell;
        if (lost) {
            deal.outcome = 'lost';
            break;
        }
        if (!moveOn(deal, stages, rank, day)) break;
    }
    return cutAtAsOf(random, deal, day, rep.overdue);
}

export const insideSales: Family = {
    name: 'inside sales',
    tuned: true,
    describe: '8–20 reps, 5 custom stages with OpportunityStage.csv, SMB and mid-market sub-teams',
    teamSizes: [8, 20],
    async generate(request: OrgRequest, directory: string) {
        const random = new Random(request.seed * 7919 + 1);
        const org = new OrgExport(stages, true);
        const vp = org.user('Vic Sales', 'VP Sales', null);
        const managers = [org.user('Sam Small', 'SMB Manager', vp), org.user('Mia Mid', 'Mid-Market Manager', vp)];
        const planted = plantWeaknesses(random, request.reps, request.healthy, 3);
        const ids: string[] = [];
        for (let index = 0; index < request.reps; index++) {
            const midMarket = index % 3 === 2;
            const id = org.user(repName(index), 'Account Executive', managers[midMarket ? 1 : 0]!);
            ids.push(id);
            const rep = repProfile(random, midMarket, planted[index]!);
            const deals = dealsToCreate(random, request.closedPerRep);
            for (let deal = 0; deal < deals; deal++) org.deal(walk(random, rep, id), asOfDay);
        }
        await org.write(directory);
        return truthOf(ids, planted);
    },
};
