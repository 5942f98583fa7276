import { compareWithBaseline, compareWithTeam, fitBetaPrior, maxConcentration, minConcentration } from '../betaBinomial';

describe('fitBetaPrior: the method of moments on the spread beyond binomial noise', () => {
    it('gives concentration 1 / rho - 1 from the between-rep spread', () => {
        // Rates 0.2, 0.3, 0.5 of 20 each, mean 1/3: rho = (0.9333 / (2/9) - 2) / (60 - 3) = 2.2 / 57.
        const prior = fitBetaPrior([
            { successes: 4, trials: 20 },
            { successes: 6, trials: 20 },
            { successes: 10, trials: 20 },
        ])!;
        expect(prior.mean).toBeCloseTo(1 / 3, 10);
        expect(prior.concentration).toBeCloseTo(57 / 2.2 - 1, 6);
    });

    it('leaves out reps without trials', () => {
        const counts = [
            { successes: 4, trials: 20 },
            { successes: 6, trials: 20 },
            { successes: 10, trials: 20 },
        ];
        expect(fitBetaPrior([...counts, { successes: 0, trials: 0 }])).toEqual(fitBetaPrior(counts));
    });

    it('keeps the prior weight within its bounds', () => {
        // Rates 0.2 and 0.8 of 10: rho 0.34, concentration 1.9, raised to the floor.
        expect(fitBetaPrior([{ successes: 2, trials: 10 }, { successes: 8, trials: 10 }])).toEqual({ mean: 0.5, concentration: minConcentration });
        // Less spread than binomial noise: the ceiling.
        expect(fitBetaPrior([{ successes: 4, trials: 10 }, { successes: 6, trials: 10 }])).toEqual({ mean: 0.5, concentration: maxConcentration });
    });

    it('gives the ceiling when the spread cannot be measured: one rep, one trial each, or a rate of 0 or 1', () => {
        expect(fitBetaPrior([{ successes: 3, trials: 10 }])).toEqual({ mean: 0.3, concentration: maxConcentration });
        expect(fitBetaPrior([{ successes: 1, trials: 1 }, { successes: 0, trials: 1 }])).toEqual({ mean: 0.5, concentration: maxConcentration });
        expect(fitBetaPrior([{ successes: 0, trials: 5 }, { successes: 0, trials: 8 }])).toEqual({ mean: 0, concentration: maxConcentration });
        expect(fitBetaPrior([{ successes: 5, trials: 5 }, { successes: 8, trials: 8 }])).toEqual({ mean: 1, concentration: maxConcentration });
    });

    it('gives no prior without trials', () => {
        expect(fitBetaPrior([])).toBeNull();
        expect(fitBetaPrior([{ successes: 0, trials: 0 }])).toBeNull();
    });
});

describe('compareWithBaseline: the rep’s posterior around a reference rate', () => {
    it('adds the rep’s successes and failures to the reference’s prior weight', () => {
        // Beta(10 × 0.3 + 5, 10 × 0.7 + 5) = Beta(8, 12): mean 0.4.
        const comparison = compareWithBaseline({ successes: 5, trials: 10 }, 0.3, 10, 0.05);
        expect(comparison.teamRate).toBe(0.3);
        expect(comparison.shrunkRate).toBeCloseTo(0.4, 12);
        expect(comparison.interval[0]).toBeLessThan(0.4);
        expect(comparison.interval[1]).toBeGreaterThan(0.4);
    });

    it('gives a symmetric posterior a symmetric 90 % interval and even odds of being above its centre', () => {
        const comparison = compareWithBaseline({ successes: 5, trials: 10 }, 0.5, 10, 0);
        expect(comparison.shrunkRate).toBeCloseTo(0.5, 12);
        expect(comparison.interval[0] + comparison.interval[1]).toBeCloseTo(1, 10);
        expect(comparison.interval[1] - comparison.interval[0]).toBeGreaterThan(0.3);
        expect(comparison.interval[1] - comparison.interval[0]).toBeLessThan(0.4);
        expect(comparison.probabilityWorse).toBeCloseTo(0.5, 10);
    });

    it('asks for the rate to exceed the reference by the margin: a wider margin is less probable', () => {
        const rep = { successes: 12, trials: 20 };
        const none = compareWithBaseline(rep, 0.4, 20, 0).probabilityWorse;
        const some = compareWithBaseline(rep, 0.4, 20, 0.1).probabilityWorse;
        expect(none).toBeGreaterThan(some);
        expect(some).toBeGreaterThan(0.1);
        expect(none).toBeLessThan(1);
    });

    it('is never worse when the reference plus the margin reaches a rate of 1', () => {
        expect(compareWithBaseline({ successes: 10, trials: 10 }, 0.95, 10, 0.05).probabilityWorse).toBe(0);
        expect(compareWithBaseline({ successes: 10, trials: 10 }, 0.94, 10, 0.05).probabilityWorse).toBeGreaterThan(0);
    });

    it('keeps a reference of 0 or 1 inside the open interval, so the posterior exists', () => {
        const atZero = compareWithBaseline({ successes: 0, trials: 10 }, 0, 100, 0.05);
        expect(atZero.teamRate).toBe(0);
        expect(atZero.shrunkRate).toBeCloseTo(0.1 / 110, 12);
        const atOne = compareWithBaseline({ successes: 10, trials: 10 }, 1, 100, 0);
        expect(atOne.shrunkRate).toBeCloseTo(109.9 / 110, 12);
        expect(atOne.probabilityWorse).toBe(0);
    });
});

describe('compareWithTeam: the rep against the rest of the team', () => {
    it('compares with the pooled rate of the others, the rep left out', () => {
        const comparison = compareWithTeam({ successes: 2, trials: 10 }, { successes: 12, trials: 30 }, { mean: 0.4, concentration: 10 }, 0.05)!;
        expect(comparison.teamRate).toBe(0.5);
        expect(comparison).toEqual(compareWithBaseline({ successes: 2, trials: 10 }, 0.5, 10, 0.05));
    });

    it('compares a team of one with the prior mean', () => {
        const comparison = compareWithTeam({ successes: 2, trials: 10 }, { successes: 2, trials: 10 }, { mean: 0.35, concentration: 10 }, 0.05)!;
        expect(comparison.teamRate).toBe(0.35);
    });
});
