import type { RateCount } from '../betaBinomial';
import { dealMixGap, flatRate, minSubTeamReps, signalBaseline } from '../baseline';
import { fitTypical, withinTypical } from '../typicalGroup';

const around = (rate: number, trials: number, reps: number): RateCount[] =>
    Array.from({ length: reps }, (_, rep) => ({ successes: Math.round((rate + ((rep % 3) - 1) * 0.02) * trials), trials }));

describe('signalBaseline', () => {
    it('gives no baseline without trials', () => {
        expect(signalBaseline([{ successes: 0, trials: 0 }])).toBeNull();
    });

    it('expects the typical rate of every rep when there are no bands or sub-teams', () => {
        const all = around(0.3, 50, 12);
        const baseline = signalBaseline(all)!;
        const fit = fitTypical(all)!;
        expect(baseline.mean).toBe(fit.mean);
        expect(baseline.expected).toEqual(Array(12).fill(fit.mean));
        expect(baseline.concentration).toBe(fit.concentration);
        expect(baseline.informative).toBe(true);
    });

    it('expects for each rep the typical rates of their own mix of small and large deals', () => {
        // Small deals around 10 %, large ones around 50 %; rep 0 has only large deals, rep 1 only small, rep 2 half and half.
        const small = [{ successes: 0, trials: 0 }, { successes: 4, trials: 40 }, { successes: 2, trials: 20 }, ...around(0.1, 40, 9)];
        const large = [{ successes: 20, trials: 40 }, { successes: 0, trials: 0 }, { successes: 10, trials: 20 }, ...around(0.5, 40, 9)];
        const all = small.map((count, rep) => ({ successes: count.successes + large[rep]!.successes, trials: count.trials + large[rep]!.trials }));
        const baseline = signalBaseline(all, { small, large })!;
        const smallMean = fitTypical(small)!.mean;
        const largeMean = fitTypical(large)!.mean;
        expect(baseline.expected[0]).toBeCloseTo(largeMean, 10);
        expect(baseline.expected[1]).toBeCloseTo(smallMean, 10);
        expect(baseline.expected[2]).toBeCloseTo((smallMean + largeMean) / 2, 10);
        expect(baseline.mean).toBe(fitTypical(all)!.mean);
        // Around each rep's own mix the reps spread far less than around one team rate.
        expect(baseline.concentration).toBeGreaterThan(fitTypical(all)!.concentration);
    });

    it('fits the bands on the reps typical over all deals when many are weak', () => {
        // 18 typical reps around 22 % and 12 weak ones around 60 %, 18 small and 6 large deals each
        // (and 4 of no amount): the large-deal band fit over everyone settles on the mixture; over
        // all deals the weak reps stand out. Every rep sells the team's mix of deal sizes (a quarter large).
        const typicalRates = [0.1, 0.2, 0.25, 0.3, 0.15, 0.25, 0.4, 0.1, 0.25];
        const weakRates = [0.45, 0.5, 0.6, 0.65, 0.75, 0.85, 0.5, 0.65];
        const bandOf = (offset: number, trials: number) =>
            Array.from({ length: 30 }, (_, rep) => ({ successes: Math.round((rep < 18 ? typicalRates[(rep + offset) % 9]! : weakRates[(rep + offset) % 8]!) * trials), trials }));
        const small = bandOf(0, 18);
        const large = bandOf(4, 6);
        const all = small.map((count, rep) => ({ successes: count.successes + large[rep]!.successes + (rep < 18 ? 1 : 2), trials: 28 }));
        const typicalSmall = fitTypical(small.slice(0, 18))!.mean;
        const typicalLarge = fitTypical(large.slice(0, 18))!.mean;
        expect(fitTypical(large)!.mean).toBeGreaterThan(typicalLarge + 0.05);
        const baseline = signalBaseline(all, { small, large })!;
        const unbanded = fitTypical(all)!.mean;
        for (const rep of [0, 17, 18, 29]) expect(baseline.expected[rep]).toBeCloseTo((typicalSmall * 18 + typicalLarge * 6 + unbanded * 4) / 28, 10);
    });

    it('keeps reps of another deal mix in the band fits though they are outside the typical group over all deals', () => {
        // Reps 0–4 sell only large deals (80 % bad outcomes); the others mostly small ones (10 %) and
        // a few large (25 %). Most of what is known about large deals comes from reps 0–4.
        const segment = 5;
        const vary = (rep: number) => (rep % 3) - 1;
        const small = Array.from({ length: 20 }, (_, rep) => (rep < segment ? { successes: 0, trials: 0 } : { successes: 2 + vary(rep), trials: 20 }));
        const large = Array.from({ length: 20 }, (_, rep) => (rep < segment ? { successes: 32 + vary(rep), trials: 40 } : { successes: 1, trials: 4 }));
        const all = small.map((count, rep) => ({ successes: count.successes + large[rep]!.successes, trials: count.trials + large[rep]!.trials }));
        expect(withinTypical(all, fitTypical(all)!).slice(0, segment)).not.toContain(true);
        // Their large-deal share (1) is past the gap from the team's (0.46).
        const sum = (counts: RateCount[]) => counts.reduce((total, count) => total + count.trials, 0);
        expect(1 - sum(large) / (sum(large) + sum(small))).toBeGreaterThanOrEqual(dealMixGap);
        const baseline = signalBaseline(all, { small, large })!;
        expect(baseline.expected[0]).toBeCloseTo(fitTypical(large)!.mean, 10);
        expect(baseline.expected[0]).toBeGreaterThan(0.6);
    });

    it('leaves reps known to be weak out of every fit, their expected rate still by their own deal mix', () => {
        // Rep 0 sells only large deals, rep 1 only small ones; both far above everyone else.
        const small = [{ successes: 0, trials: 0 }, { successes: 18, trials: 20 }, ...around(0.1, 20, 10)];
        const large = [{ successes: 36, trials: 40 }, { successes: 0, trials: 0 }, ...around(0.5, 20, 10)];
        const all = small.map((count, rep) => ({ successes: count.successes + large[rep]!.successes, trials: count.trials + large[rep]!.trials }));
        const baseline = signalBaseline(all, { small, large }, undefined, new Set([0, 1]))!;
        const rest = (counts: RateCount[]) => counts.slice(2);
        expect(baseline.mean).toBeCloseTo(fitTypical(rest(all))!.mean, 10);
        expect(baseline.expected[0]).toBeCloseTo(fitTypical(rest(large))!.mean, 10);
        expect(baseline.expected[1]).toBeCloseTo(fitTypical(rest(small))!.mean, 10);
        expect(baseline.concentration).toBeCloseTo(signalBaseline(rest(all), { small: rest(small), large: rest(large) })!.concentration, 10);
    });

    it('expects the team rate for the part of a rep’s deals in neither band', () => {
        // Rep 0: 10 small deals, 10 large and 20 without an amount.
        const small = [{ successes: 1, trials: 10 }, ...around(0.1, 40, 9)];
        const large = [{ successes: 5, trials: 10 }, ...around(0.5, 40, 9)];
        const all = [{ successes: 12, trials: 40 }, ...small.slice(1).map((count, rep) => ({ successes: count.successes + large[rep + 1]!.successes, trials: count.trials + large[rep + 1]!.trials }))];
        const baseline = signalBaseline(all, { small, large })!;
        const expected = (fitTypical(small)!.mean * 10 + fitTypical(large)!.mean * 10 + fitTypical(all)!.mean * 20) / 40;
        expect(baseline.expected[0]).toBeCloseTo(expected, 10);
    });

    it('expects the team rate for deals in neither band, and for a rep without trials', () => {
        const none = Array.from({ length: 10 }, () => ({ successes: 0, trials: 0 }));
        const all = [{ successes: 0, trials: 0 }, ...around(0.3, 30, 9)];
        const baseline = signalBaseline(all, { small: none, large: none })!;
        expect(baseline.expected).toEqual(Array(10).fill(fitTypical(all)!.mean));
    });

    it('is not informative when the typical rate is flat near 0 % or 100 %', () => {
        const informative = (successes: number, trials: number) => signalBaseline(Array.from({ length: 10 }, () => ({ successes, trials })))!.informative;
        expect(informative(0, 50)).toBe(false);
        expect(informative(50, 50)).toBe(false);
        // Exactly at 2 % and 98 % a signal still counts: flat is below and above them.
        expect(informative(Math.round(flatRate * 1000), 1000)).toBe(true);
        expect(informative(Math.round((1 - flatRate) * 1000), 1000)).toBe(true);
        const justAbove = Math.ceil(flatRate * 1000) + 1;
        expect(informative(justAbove, 1000)).toBe(true);
        expect(informative(1000 - justAbove, 1000)).toBe(true);
    });

    it('moves a sizeable sub-team that clearly differs to its own typical rate, and no one else', () => {
        // The smallest sub-team that gets its own baseline (sub-team 0) runs at 50 %, the other twelve reps at 20 %.
        const size = minSubTeamReps;
        const all = [...around(0.5, 40, size), ...around(0.2, 40, 12)];
        const subTeams = all.map((_, rep) => (rep < size ? 0 : 1));
        const baseline = signalBaseline(all, undefined, subTeams)!;
        const own = fitTypical(all.slice(0, size))!.mean;
        for (let rep = 0; rep < size; rep++) expect(baseline.expected[rep]).toBeCloseTo(own, 10);
        const others = fitTypical(all.slice(size))!.mean;
        for (let rep = size; rep < all.length; rep++) expect(baseline.expected[rep]).toBeCloseTo(others, 10);
        expect(baseline.concentration).toBeGreaterThan(signalBaseline(all)!.concentration);
    });

    it('moves a sub-team from three standard errors of difference on, not below', () => {
        // Six reps of 100 deals each against twelve at about 20 %, the six counted in the team fit.
        // At 28 % they sit 2.4 standard errors of their mean above the team's 22.7 %; at 34 %, 3.1
        // above 24.7 %. The standard error is the sub-team mean's: the typical spread plus binomial
        // noise per rep, over six reps.
        const subTeams = Array.from({ length: 18 }, (_, rep) => (rep < 6 ? 0 : 1));
        const near = [...around(0.28, 100, 6), ...around(0.2, 100, 12)];
        expect(signalBaseline(near, undefined, subTeams)!.expected).toEqual(signalBaseline(near)!.expected);
        const apart = [...around(0.34, 100, 6), ...around(0.2, 100, 12)];
        const moved = signalBaseline(apart, undefined, subTeams)!;
        for (let rep = 0; rep < 6; rep++) expect(moved.expected[rep]).toBeCloseTo(fitTypical(apart.slice(0, 6))!.mean, 10);
        expect(moved.expected[6]).toBeCloseTo(signalBaseline(apart)!.mean, 10);
    });

    it('keeps the team baseline for a sub-team too small, of unknown reps, or not clearly different', () => {
        const all = [...around(0.5, 40, minSubTeamReps - 1), ...around(0.2, 40, 12)];
        const team = signalBaseline(all)!;
        const small = signalBaseline(all, undefined, all.map((_, rep) => (rep < minSubTeamReps - 1 ? 1 : 0)))!;
        expect(small.expected.slice(0, minSubTeamReps - 1)).toEqual(Array(minSubTeamReps - 1).fill(team.mean));
        const unknown = signalBaseline(all, undefined, all.map((_, rep) => (rep < 8 ? -1 : 0)))!;
        expect(unknown.expected).toEqual(Array(all.length).fill(team.mean));
        // Reps of unknown manager are no sub-team of their own, however much they differ.
        const unknownApart = signalBaseline([...around(0.5, 40, minSubTeamReps), ...around(0.2, 40, 12)], undefined, [...Array(minSubTeamReps).fill(-1), ...Array(12).fill(0)])!;
        expect(unknownApart.expected).toEqual(Array(minSubTeamReps + 12).fill(unknownApart.mean));
        const same = around(0.2, 40, 16);
        const alike = signalBaseline(same, undefined, same.map((_, rep) => (rep < 8 ? 1 : 0)))!;
        expect(alike.expected).toEqual(Array(16).fill(signalBaseline(same)!.mean));
    });
});
