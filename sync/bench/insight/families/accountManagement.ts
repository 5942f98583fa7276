// Family "account management": 12–45 account managers under 2–4 managers who sell renewals and
// expansions into their own accounts. Renewals start in a late stage and are mostly won; expansions
// walk the whole five-stage process and are mostly lost; reps differ in their share of renewals, a
// segment the export does not name (renewals are smaller, so it shows only partly in deal size).
// Closed stages are "Won" and "Lost"; OpportunityStage.csv is in two thirds of the orgs and
// PrevCloseDate in three quarters; the decision role is "Economic Buyer" or "Decision Maker" by
// org; in a third of the orgs every fourth activity is logged on the account.
// Weaknesses, three mechanisms each:
// - decision process: expansions single-threaded on one business user; expansions lost quickly in
//   Propose or Commit; renewals lost at Commit;
// - priority management: close dates pushed by a week or three at any stage; a backlog of
//   follow-up tasks left past due on open deals; open deals older than six weeks left to go quiet;
// - emotional intelligence: expansions lost right after a discovery or evaluation meeting; no
//   follow-up after meetings; deals that sit a month or more in their stage after a meeting.
// Written before its first bench run, and no rule has been chosen on it: it is strictly held out.
import { Random } from '../../../src/sample/random';
import { asOfDay, clamp, cutAtAsOf, dealsToCreate, goQuietFrom, historyDays, logActivities, moveOn, plantWeaknesses, repName, truthOf, weaknessIn, type Family, type OrgRequest, type Weakness } from '../family';
import { OrgExport, type DealSpec } from '../orgExport';

const stages = [
    { name: 'Qualify', probability: 10 },
    { name: 'Discover', probability: 20 },
    { name: 'Evaluate', probability: 40 },
    { name: 'Propose', probability: 60 },
    { name: 'Commit', probability: 80 },
];
const proposeRank = 3;
const commitRank = 4;
/** Renewals start at Propose; expansions walk the whole process. */
const firstRank = (renewal: boolean) => (renewal ? proposeRank : 0);

interface Rep {
    renewalShare: number;
    /** Chance to pass each stage of an expansion. */
    advance: number[];
    renewalWin: number;
    /** Chance an expansion names only a business user, no decision-role contact. */
    singleThreaded: number;
    /** Extra chance to lose an expansion in Propose or Commit (lost within days). */
    lateLoss: number;
    slip: number;
    backlog: number;
    goesQuiet: number;
    lossAfterMeeting: number;
    noFollowUp: number;
    sitsAfterMeeting: number;
    activities: number;
}

function applyWeaknesses(rep: Rep, weaknesses: readonly Weakness[]): void {
    const decision = weaknessIn(weaknesses, 'decision-process');
    if (decision?.variant === 0) rep.singleThreaded = clamp(rep.singleThreaded + decision.effect * 1.5);
    else if (decision?.variant === 1) rep.lateLoss = clamp(rep.lateLoss + decision.effect * 0.8, 0, 0.9);
    else if (decision) rep.renewalWin = clamp(rep.renewalWin - decision.effect * 1.2, 0.2);
    const priority = weaknessIn(weaknesses, 'priority-management');
    if (priority?.variant === 0) rep.slip = clamp(rep.slip + priority.effect * 1.2);
    else if (priority?.variant === 1) rep.backlog = clamp(rep.backlog + priority.effect * 1.5);
    else if (priority) rep.goesQuiet = clamp(rep.goesQuiet + priority.effect * 1.5);
    const emotional = weaknessIn(weaknesses, 'emotional-intelligence');
    if (emotional?.variant === 0) rep.lossAfterMeeting = clamp(rep.lossAfterMeeting + emotional.effect, 0, 0.9);
    else if (emotional?.variant === 1) rep.noFollowUp = clamp(rep.noFollowUp + emotional.effect * 1.4);
    else if (emotional) rep.sitsAfterMeeting = clamp(rep.sitsAfterMeeting + emotional.effect * 1.3);
}

function repProfile(random: Random, weaknesses: readonly Weakness[]): Rep {
    const jitter = (value: number, sd: number) => value + random.normal() * sd;
    const rep: Rep = {
        renewalShare: clamp(0.2 + random.next() * 0.5),
        advance: [jitter(0.8, 0.03), jitter(0.75, 0.03), jitter(0.7, 0.03), jitter(0.72, 0.03), jitter(0.85, 0.02)],
        renewalWin: clamp(jitter(0.86, 0.03)),
        singleThreaded: clamp(jitter(0.25, 0.05)),
        lateLoss: 0,
        slip: clamp(jitter(0.15, 0.04)),
        backlog: clamp(jitter(0.1, 0.03)),
        goesQuiet: clamp(jitter(0.07, 0.02)),
        lossAfterMeeting: clamp(jitter(0.05, 0.015), 0, 1),
        noFollowUp: clamp(jitter(0.1, 0.03)),
        sitsAfterMeeting: clamp(jitter(0.07, 0.02)),
        activities: Math.max(0.8, jitter(1.8, 0.3)),
    };
    applyWeaknesses(rep, weaknesses);
    return rep;
}

function newDeal(random: Random, rep: Rep, owner: string, roleName: string, renewal: boolean): DealSpec {
    const createdDay = asOfDay - historyDays + random.int(0, historyDays - 3);
    const singleThreaded = !renewal && random.chance(rep.singleThreaded);
    return {
        owner,
        amount: random.chance(0.03) ? null : Math.round((renewal ? 18_000 : 45_000) * Math.exp(random.normal() * 0.6)),
        createdDay,
        path: [{ stage: stages[firstRank(renewal)]!.name, day: createdDay }],
        outcome: 'open',
        closeDay: createdDay + (renewal ? 30 : 75),
        slips: [],
        tasks: [],
        meetings: [],
        roles: singleThreaded ? ['Business User'] : renewal ? [roleName, 'Business User'] : ['Business User', roleName, 'Technical Buyer'],
    };
}

/** The chance to pass a stage: renewals at Commit by the rep's renewal win rate, expansions by their walk. */
function passChance(rep: Rep, deal: DealSpec, renewal: boolean, rank: number): number {
    if (renewal) return rank === commitRank ? rep.renewalWin : 0.97;
    const withoutDecisionRole = deal.roles.length === 1 && rank >= proposeRank ? 0.8 : 1;
    return rep.advance[rank]! * withoutDecisionRole * (rank >= proposeRank ? 1 - rep.lateLoss : 1);
}

function walk(random: Random, rep: Rep, owner: string, roleName: string): DealSpec {
    const renewal = random.chance(rep.renewalShare);
    const deal = newDeal(random, rep, owner, roleName, renewal);
    let day = deal.createdDay;
    for (let rank = firstRank(renewal); rank < stages.length; rank++) {
        let dwell = Math.max(1, Math.round(random.exponential(renewal ? 8 : rank >= proposeRank ? 14 : 9)));
        let chance = passChance(rep, deal, renewal, rank);
        let quietAfterMeeting = false;
        if (rank >= 1 && rank <= 3 && random.chance(0.6)) {
            const meeting = day + random.int(0, Math.min(dwell - 1, 3));
            deal.meetings.push(meeting);
            quietAfterMeeting = random.chance(rep.noFollowUp);
            if (!quietAfterMeeting) deal.tasks.push({ createdDay: meeting, dueDay: meeting + random.int(1, 4), done: true });
            else chance -= 0.15;
            if (random.chance(rep.sitsAfterMeeting)) dwell = Math.max(dwell, meeting - day + 32 + random.int(0, 30));
            if (!renewal && rank <= 2) chance -= rep.lossAfterMeeting;
        }
        if (!quietAfterMeeting) logActivities(random, deal, random.poisson(rep.activities), day, dwell);
        if (random.chance(rep.slip)) {
            const to = deal.closeDay + random.int(7, 21);
            deal.slips.push({ day: day + Math.min(dwell - 1, 2), from: deal.closeDay, to });
            deal.closeDay = to;
        }
        const lost = !random.chance(clamp(chance));
        // Late losses of the "lost quickly" mechanism are marked within days.
        day += lost && rank >= proposeRank && rep.lateLoss > 0 ? Math.min(dwell, 3) : dwell;
        if (lost) {
            deal.outcome = 'lost';
            break;
        }
        if (!moveOn(deal, stages, rank, day)) break;
    }
    return openDealUpkeep(random, rep, cutAtAsOf(random, deal, day, 0.1));
}

/** Open deals: a backlog of past-due follow-ups for some reps, and older deals left to go quiet. */
function openDealUpkeep(random: Random, rep: Rep, deal: DealSpec): DealSpec {
    if (deal.outcome !== 'open') return deal;
    if (random.chance(rep.backlog)) {
        for (let k = 0; k < 2; k++) deal.tasks.push({ createdDay: asOfDay - 40, dueDay: asOfDay - random.int(4, 30), done: false });
    }
    if (asOfDay - deal.createdDay < 45 || !random.chance(rep.goesQuiet)) return deal;
    goQuietFrom(deal, asOfDay - random.int(35, Math.min(70, asOfDay - deal.createdDay - 5)));
    return deal;
}

export const accountManagement: Family = {
    name: 'account management',
    tuned: false,
    describe: '12–45 account managers under 2–4 managers, renewals and expansions (an unnamed segment), 5 custom stages and "Won"/"Lost", with or without OpportunityStage.csv and PrevCloseDate, activities on accounts',
    teamSizes: [12, 45],
    async generate(request: OrgRequest, directory: string) {
        const random = new Random(request.seed * 7_919 + 3);
        const org = new OrgExport(stages, request.seed % 3 !== 1, { won: 'Won', lost: 'Lost' }, request.seed % 4 !== 2);
        const roleName = random.chance(0.5) ? 'Economic Buyer' : 'Decision Maker';
        const onAccounts = request.seed % 3 === 0;
        const director = org.user('Ava Accounts', 'Director of Account Management', null);
        const managers = Array.from({ length: 2 + random.int(0, 2) }, (_, k) => org.user(`Team Lead ${k + 1}`, 'Account Management Lead', director));
        const planted = plantWeaknesses(random, request.reps, request.healthy, 3);
        const ids: string[] = [];
        for (let index = 0; index < request.reps; index++) {
            const id = org.user(repName(index), 'Account Manager', managers[index % managers.length]!);
            ids.push(id);
            const rep = repProfile(random, planted[index]!);
            const accounts: string[] = [];
            const deals = dealsToCreate(random, request.closedPerRep);
            for (let k = 0; k < deals; k++) {
                const spec = walk(random, rep, id, roleName);
                if (onAccounts) {
                    // Account managers sell again and again into the same accounts.
                    if (accounts.length >= 6 && random.chance(0.6)) spec.account = random.pick(accounts);
                    else accounts.push((spec.account = org.id('001')));
                    spec.accountEvery = 4;
                }
                org.deal(spec, asOfDay);
            }
        }
        await org.write(directory);
        return truthOf(ids, planted);
    },
};
