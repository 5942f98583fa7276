// Family "channel": 12–40 reps under two managers, the standard stage names with
// OpportunityStage.csv, "Economic Buyer" as the decision role, and messy records: duplicate
// opportunity rows, deals without an amount, personal tasks with no WhatId, history of deleted
// opportunities, events with only a CreatedDate, and in half the orgs every third activity logged
// on the account (a quarter of the deals repeat business on an earlier account). A few healthy
// reps are heavy loggers. Every meeting gets a logged follow-up, so "dark after meeting" is near
// zero for everyone.
// Weaknesses: decision process as slow decision stages that end in more losses, or as no
// economic buyer named; priority management as overdue tasks piling up on open deals, or as busy
// deals that do not move; emotional intelligence as deals lost right after the first meeting, or
// as first meetings after which the deal stalls.
import { Random } from '../../../src/sample/random';
import { asOfDay, clamp, cutAtAsOf, dealsToCreate, historyDays, logActivities, moveOn, plantWeaknesses, repName, truthOf, weaknessIn, type Family, type OrgRequest, type Weakness } from '../family';
import { OrgExport, type DealSpec } from '../orgExport';

const stages = [
    { name: 'Prospecting', probability: 10 },
    { name: 'Qualification', probability: 20 },
    { name: 'Needs Analysis', probability: 35 },
    { name: 'Proposal/Price Quote', probability: 60 },
    { name: 'Negotiation/Review', probability: 80 },
];
const decisionFrom = 3;

interface Rep {
    advance: number[];
    decisionRole: number;
    lateDwell: number;
    overdueTasks: number;
    activities: number;
    earlyDwell: number;
    firstMeetingLoss: number;
    stallAfterMeeting: number;
}

function repProfile(random: Random, heavyLogger: boolean, weaknesses: readonly Weakness[]): Rep {
    const jitter = (value: number, sd: number) => value + random.normal() * sd;
    const rep: Rep = {
        advance: [jitter(0.85, 0.03), jitter(0.85, 0.03), jitter(0.8, 0.03), jitter(0.8, 0.03), jitter(0.9, 0.02)],
        decisionRole: clamp(jitter(0.65, 0.06)),
        lateDwell: jitter(14, 1.5),
        overdueTasks: clamp(jitter(0.15, 0.04)),
        activities: jitter(2, 0.2) * (heavyLogger ? 1.6 : 1),
        earlyDwell: jitter(10, 1),
        firstMeetingLoss: clamp(jitter(0.03, 0.01), 0, 1),
        stallAfterMeeting: clamp(jitter(0.08, 0.02)),
    };
    const decision = weaknessIn(weaknesses, 'decision-process');
    if (decision?.variant === 0) {
        rep.lateDwell *= 1.5 + decision.effect * 4;
        rep.advance[3] = clamp(rep.advance[3]! - decision.effect * 0.6);
    } else if (decision) {
        rep.decisionRole = clamp(rep.decisionRole - decision.effect * 1.5, 0.05);
    }
    const priority = weaknessIn(weaknesses, 'priority-management');
    if (priority?.variant === 0) rep.overdueTasks = clamp(rep.overdueTasks + priority.effect * 1.5);
    else if (priority) {
        rep.activities *= 1 + priority.effect * 4;
        rep.earlyDwell *= 1 + priority.effect * 2;
    }
    const emotional = weaknessIn(weaknesses, 'emotional-intelligence');
    if (emotional?.variant === 0) rep.firstMeetingLoss = clamp(rep.firstMeetingLoss + emotional.effect * 1.2);
    else if (emotional) rep.stallAfterMeeting = clamp(rep.stallAfterMeeting + emotional.effect * 1.5);
    return rep;
}

function walk(random: Random, rep: Rep, owner: string): DealSpec {
    const createdDay = asOfDay - historyDays + random.int(0, historyDays - 3);
    const hasBuyer = random.chance(rep.decisionRole);
    const deal: DealSpec = {
        owner,
        amount: random.chance(0.04) ? null : Math.round(20_000 * Math.exp(random.normal() * 0.8)),
        createdDay,
        path: [{ stage: stages[0]!.name, day: createdDay }],
        outcome: 'open',
        closeDay: createdDay + 75,
        slips: [],
        tasks: [],
        meetings: [],
        roles: hasBuyer ? ['Economic Buyer', 'Business User'] : ['Business User'],
    };
    let day = createdDay;
    let met = false;
    for (let rank = 0; rank < stages.length; rank++) {
        const late = rank >= decisionFrom;
        let dwell = Math.max(1, Math.round(random.exponential(late ? rep.lateDwell : rep.earlyDwell)));
        let advance = rep.advance[rank]! * (late && !hasBuyer ? 0.9 : 1);
        if (!met && rank >= 1 && random.chance(0.7)) {
            met = true;
            const meeting = day + random.int(0, Math.min(4, dwell - 1));
            deal.meetings.push(meeting);
            deal.tasks.push({ createdDay: meeting + 1, dueDay: meeting + 1, done: true });
            if (!late) advance -= rep.firstMeetingLoss;
            if (random.chance(rep.stallAfterMeeting)) dwell = Math.max(dwell, meeting - day + 40 + random.int(0, 20));
        }
        logActivities(random, deal, random.poisson(rep.activities * (1 + dwell / 30)), day, dwell);
        if (random.chance(0.1)) {
            const to = deal.closeDay + random.int(10, 30);
            deal.slips.push({ day: day + 1, from: deal.closeDay, to });
            deal.closeDay = to;
        }
        day += dwell;
        if (!random.chance(clamp(advance))) {
            deal.outcome = 'lost';
            break;
        }
        if (!moveOn(deal, stages, rank, day)) break;
    }
    const cut = cutAtAsOf(random, deal, day, 0.15);
    // Overdue tasks pile up on open deals for some reps.
    if (cut.outcome === 'open') for (let t = 0; t < 2; t++) {
        const due = random.chance(rep.overdueTasks) ? asOfDay - random.int(2, 30) : asOfDay + random.int(1, 25);
        cut.tasks.push({ createdDay: Math.min(due, asOfDay) - 3, dueDay: due, done: false });
    }
    return cut;
}

/** A quarter of a rep's deals are repeat business on one of their earlier accounts; every third activity names the account. */
function logOnAccounts(random: Random, org: OrgExport, deal: DealSpec, accounts: string[]): void {
    if (accounts.length > 0 && random.chance(0.25)) deal.account = random.pick(accounts);
    else accounts.push((deal.account = org.id('001')));
    deal.accountEvery = 3;
}

/** Real exports are not clean: rows the engine must skip or tolerate. */
function addMess(random: Random, org: OrgExport): void {
    const opportunities = org.rows.Opportunity;
    for (let k = 0; k < Math.ceil(opportunities.length / 200); k++) opportunities.push([...random.pick(opportunities)]);
    const owners = org.rows.User.map((row) => row[0] as string);
    for (let k = 0; k < 30; k++) org.rows.Task.push([org.id('00T'), null, null, random.pick(owners), 'Expense report', 'Completed', true, null, '2026-03-01T08:00:00.000Z']);
    for (let k = 0; k < 10; k++) org.rows.OpportunityHistory.push([org.id('008'), org.id('006'), 'Prospecting', 10, '2026-05-01', null, '2026-02-01T10:00:00.000Z']);
    for (const row of org.rows.Event) if (random.chance(0.03)) row[4] = row[5] = null;
}

export const channel: Family = {
    name: 'channel',
    tuned: false,
    describe: '12–40 reps, standard stage names with OpportunityStage.csv, messy records, heavy loggers',
    teamSizes: [12, 40],
    async generate(request: OrgRequest, directory: string) {
        const random = new Random(request.seed * 3_571 + 11);
        const org = new OrgExport(stages, true);
        // In half the orgs reps log every third activity on the account rather than the opportunity.
        const onAccounts = request.seed % 2 === 1;
        const vp = org.user('Cara Channel', 'VP Partner Sales', null);
        const managers = [org.user('North Lead', 'Sales Manager', vp), org.user('South Lead', 'Sales Manager', vp)];
        const planted = plantWeaknesses(random, request.reps, request.healthy, 2);
        const ids: string[] = [];
        for (let index = 0; index < request.reps; index++) {
            const id = org.user(repName(index), 'Partner Account Manager', managers[index % 2]!);
            ids.push(id);
            const rep = repProfile(random, index % 7 === 3, planted[index]!);
            const deals = dealsToCreate(random, request.closedPerRep);
            const accounts: string[] = [];
            for (let deal = 0; deal < deals; deal++) {
                const spec = walk(random, rep, id);
                if (onAccounts) logOnAccounts(random, org, spec, accounts);
                org.deal(spec, asOfDay);
            }
        }
        addMess(random, org);
        await org.write(directory);
        return truthOf(ids, planted);
    },
};
