// What each rep is compared with on one signal: the typical group's rate for that rep's own mix of
// small and large deals, and for the rep's sub-team (reps under the same manager) when that
// sub-team clearly differs from the rest. A rep selling mostly large deals is compared with how
// typical reps do on large deals, so enterprise reps are not flagged for what every large deal
// needs (more activity, longer late stages), and a small-deal rep is not hidden under a team rate
// raised by large deals.
import type { RateCount } from './betaBinomial';
import { concentrationOf, fitTypical, typicalSpread } from './typicalGroup';

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
function adjustForSubTeams(all: readonly RateCount[], expected: number[], subTeams: ArrayLike<number>, concentration: number): void {
    const members = new Map<number, number[]>();
    all.forEach((count, rep) => {
        const team = subTeams[rep]!;
        if (team < 0 || count.trials === 0) return;
        members.set(team, [...(members.get(team) ?? []), rep]);
    });
    for (const reps of members.values()) {
        if (reps.length < minSubTeamReps || reps.length === all.length) continue;
        const fit = fitTypical(reps.map((rep) => all[rep]!));
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

export function signalBaseline(all: readonly RateCount[], bands?: BandCounts, subTeams?: ArrayLike<number>): SignalBaseline | null {
    const team = fitTypical(all);
    if (!team) return null;
    const small = bands ? fitTypical(bands.small) : null;
    const large = bands ? fitTypical(bands.large) : null;
    const expected = all.map((count, rep) => {
        if (!bands || count.trials === 0) return team.mean;
        const inSmall = small ? bands.small[rep]!.trials : 0;
        const inLarge = large ? bands.large[rep]!.trials : 0;
        const rest = Math.max(0, count.trials - inSmall - inLarge);
        return ((small?.mean ?? 0) * inSmall + (large?.mean ?? 0) * inLarge + team.mean * rest) / count.trials;
    });
    if (subTeams) adjustForSubTeams(all, expected, subTeams, team.concentration);
    const concentration = bands || subTeams ? concentrationOf(typicalSpread(all, (rep) => expected[rep]!)) : team.concentration;
    return { mean: team.mean, expected, concentration, informative: team.mean >= flatRate && team.mean <= 1 - flatRate };
}
