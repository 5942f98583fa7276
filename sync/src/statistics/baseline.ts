// What each rep is compared with on one signal: the typical group's rate for that rep's own mix of
// small and large deals, and for the rep's sub-team (reps under the same manager) when that
// sub-team clearly differs from the rest. A rep selling mostly large deals is compared with how
// typical reps do on large deals, so enterprise reps are not flagged for what every large deal
// needs (more activity, longer late stages), and a small-deal rep is not hidden under a team rate
// raised by large deals.
import type { BetaPrior, RateCount } from './betaBinomial';
import { concentrationOf, fitTypical, typicalSpread, withinTypical } from './typicalGroup';

const noTrials: RateCount = { successes: 0, trials: 0 };

export interface BandCounts {
    small: readonly RateCount[];
    large: readonly RateCount[];
}

export interface SignalBaseline {
    /** The typical group's rate over the whole team. */
    mean: number;
    /** Per rep: the typical rate for the rep's mix of deal-size bands. */
    expected: number[];
    /** Natural concentration around each rep's expected rate. */
    concentration: number;
    /**
     * False when the signal is flat in this team (typical rate below 2 % or above 98 %): it can
     * neither tell typical reps from weak ones nor speak against a weakness shown elsewhere.
     */
    informative: boolean;
}

export const flatRate = 0.02;
/** A sub-team gets its own baseline only with this many reps, and when it differs by this many standard errors. */
export const minSubTeamReps = 4;
export const subTeamDifference = 3;

/**
 * Moves each sizeable sub-team's expected rates by how far its typical reps sit from what the team
 * expects of them, when that is clearly more than chance; a sub-team of mostly weak reps could
 * otherwise hide them, so small sub-teams and small differences keep the team's baseline.
 */
function adjustForSubTeams(all: readonly RateCount[], fitted: readonly RateCount[], expected: number[], subTeams: ArrayLike<number>, concentration: number): void {
    const members = new Map<number, number[]>();
    all.forEach((count, rep) => {
        const team = subTeams[rep]!;
        if (team < 0 || count.trials === 0) return;
        members.set(team, [...(members.get(team) ?? []), rep]);
    });
    for (const reps of members.values()) {
        if (reps.length < minSubTeamReps || reps.length === all.length) continue;
        const fit = fitTypical(reps.map((rep) => fitted[rep]!));
        if (!fit) continue;
        const trials = reps.reduce((sum, rep) => sum + all[rep]!.trials, 0);
        const expectedHere = reps.reduce((sum, rep) => sum + expected[rep]! * all[rep]!.trials, 0) / trials;
        const p = Math.min(0.999, Math.max(0.001, expectedHere));
        const standardError = Math.sqrt((p * (1 - p) * (1 / (concentration + 1) + reps.length / trials)) / reps.length);
        const offset = fit.mean - expectedHere;
        if (Math.abs(offset) < subTeamDifference * standardError) continue;
        for (const rep of reps) expected[rep] = Math.min(0.999, Math.max(0.001, expected[rep]! + offset));
    }
}

/**
 * A rep whose share of large deals differs from the team's by this much sells another mix of deal
 * sizes: being outside the typical group over all deals may be the mix, not a weakness.
 */
export const dealMixGap = 0.2;

/** Each rep's share of large deals among their deals in either band (0.5 without any). */
function largeShares(bands: BandCounts): { perRep: number[]; team: number } {
    let small = 0;
    let large = 0;
    const perRep = bands.small.map((count, rep) => {
        const inLarge = bands.large[rep]!.trials;
        small += count.trials;
        large += inLarge;
        return count.trials + inLarge > 0 ? inLarge / (count.trials + inLarge) : 0.5;
    });
    return { perRep, team: small + large > 0 ? large / (small + large) : 0.5 };
}

/**
 * The reps the band fits are made from. A band has about half a rep's trials, too few to tell weak
 * reps from the natural spread when a third or more of the team is weak: a fit on everyone then
 * settles on a mixture, its rate raised and its spread wide. Reps outside the typical group over
 * all deals are left out of the band fits too, unless they sell another mix of deal sizes: a
 * segment of large-deal sellers is what the bands are for.
 */
function bandFitMembers(all: readonly RateCount[], team: BetaPrior, bands: BandCounts): boolean[] {
    const typical = withinTypical(all, team);
    const shares = largeShares(bands);
    return typical.map((inside, rep) => inside || Math.abs(shares.perRep[rep]! - shares.team) >= dealMixGap);
}

/**
 * `outside`: reps already known to be weak in the signal's skill, left out of every fit (their
 * expected rate still follows their own deal mix), so they neither raise the typical rate nor widen
 * its spread.
 */
export function signalBaseline(all: readonly RateCount[], bands?: BandCounts, subTeams?: ArrayLike<number>, outside?: ReadonlySet<number>): SignalBaseline | null {
    const leaveOut = (counts: readonly RateCount[]) => (outside && outside.size > 0 ? counts.map((count, rep) => (outside.has(rep) ? noTrials : count)) : counts);
    const fitted = leaveOut(all);
    const team = fitTypical(fitted);
    if (!team) return null;
    const fittedBands = bands && { small: leaveOut(bands.small), large: leaveOut(bands.large) };
    const members = fittedBands ? bandFitMembers(fitted, team, fittedBands) : [];
    const fitBand = (counts: readonly RateCount[]) => fitTypical(counts.map((count, rep) => (members[rep] ? count : noTrials)));
    const small = fittedBands ? fitBand(fittedBands.small) : null;
    const large = fittedBands ? fitBand(fittedBands.large) : null;
    const expected = all.map((count, rep) => {
        if (!bands || count.trials === 0) return team.mean;
        const inSmall = small ? bands.small[rep]!.trials : 0;
        const inLarge = large ? bands.large[rep]!.trials : 0;
        const rest = Math.max(0, count.trials - inSmall - inLarge);
        return ((small?.mean ?? 0) * inSmall + (large?.mean ?? 0) * inLarge + team.mean * rest) / count.trials;
    });
    if (subTeams) adjustForSubTeams(all, fitted, expected, subTeams, team.concentration);
    const concentration = bands || subTeams || fitted !== all ? concentrationOf(typicalSpread(fitted, (rep) => expected[rep]!)) : team.concentration;
    return { mean: team.mean, expected, concentration, informative: team.mean >= flatRate && team.mean <= 1 - flatRate };
}
