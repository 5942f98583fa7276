import { concentrationOf, fitTypical, priorConcentration, typicalConcentrationBounds, typicalSpread, weightedMedian } from '../typicalGroup';

const [floor, ceiling] = typicalConcentrationBounds;

describe('weightedMedian', () => {
    it('takes the rate where half the trials are reached, whatever the order of the reps', () => {
        expect(weightedMedian([{ successes: 9, trials: 10 }, { successes: 1, trials: 10 }, { successes: 5, trials: 10 }])).toBe(0.5);
        // 1 trial at 0 % against 10 at 100 %: the heavy rep is the median.
        expect(weightedMedian([{ successes: 10, trials: 10 }, { successes: 0, trials: 1 }])).toBe(1);
    });

    it('takes the lower rate when exactly half the trials are below it', () => {
        expect(weightedMedian([{ successes: 6, trials: 10 }, { successes: 2, trials: 10 }])).toBe(0.2);
    });
});

describe('concentrationOf', () => {
    it('turns a spread share 1 / (c + 1) back into c within the bounds', () => {
        const middle = (floor + ceiling) / 2;
        expect(concentrationOf(1 / (middle + 1))).toBeCloseTo(middle, 8);
        expect(concentrationOf(1 / (floor + 1))).toBeCloseTo(floor, 8);
        expect(concentrationOf(1 / (floor / 2 + 1))).toBe(floor);
        expect(concentrationOf(1 / (ceiling * 2 + 1))).toBe(ceiling);
        expect(concentrationOf(0)).toBe(ceiling);
        expect(concentrationOf(-0.1)).toBe(ceiling);
    });
});

describe('fitTypical and typicalSpread', () => {
    it('gives no fit without trials', () => {
        expect(fitTypical([])).toBeNull();
        expect(fitTypical([{ successes: 0, trials: 0 }])).toBeNull();
    });

    it('gives a team that never (or always) has the outcome its rate and the tightest spread', () => {
        expect(fitTypical([{ successes: 0, trials: 10 }, { successes: 0, trials: 20 }])).toEqual({ mean: 0, concentration: ceiling });
        expect(fitTypical([{ successes: 10, trials: 10 }, { successes: 20, trials: 20 }])).toEqual({ mean: 1, concentration: ceiling });
    });

    it('centres on the pooled rate of the typical reps when most reps sit at 0 %', () => {
        // Median 0 %: the centre falls back to the pooled rate of those kept.
        const fit = fitTypical([{ successes: 0, trials: 20 }, { successes: 0, trials: 20 }, { successes: 0, trials: 20 }, { successes: 2, trials: 20 }])!;
        expect(fit.mean).toBeGreaterThan(0);
        expect(fit.mean).toBeLessThanOrEqual(2 / 80);
    });

    it('centres on the pooled rate when most reps sit at 100 %', () => {
        const fit = fitTypical([{ successes: 20, trials: 20 }, { successes: 20, trials: 20 }, { successes: 20, trials: 20 }, { successes: 18, trials: 20 }])!;
        expect(fit.mean).toBeLessThan(1);
        expect(fit.mean).toBeGreaterThanOrEqual(78 / 80);
    });

    it('fits a concentration within its bounds', () => {
        const fit = fitTypical(Array.from({ length: 12 }, (_, rep) => ({ successes: 5 + (rep % 4), trials: 20 })))!;
        expect(fit.concentration).toBeGreaterThanOrEqual(floor);
        expect(fit.concentration).toBeLessThanOrEqual(ceiling);
    });

    it('keeps the prior spread of a typical sales team when one rep is all there is', () => {
        // One rep says nothing about how reps differ: the fit is the prior concentration exactly.
        expect(fitTypical([{ successes: 6, trials: 20 }])!.concentration).toBeCloseTo(priorConcentration, 10);
        expect(typicalSpread([{ successes: 6, trials: 20 }], () => 0.3)).toBeCloseTo(1 / (priorConcentration + 1), 12);
    });

    it('leaves reps without trials out of the fit', () => {
        const team = Array.from({ length: 12 }, (_, rep) => ({ successes: 5 + (rep % 4), trials: 20 }));
        expect(fitTypical([...team, { successes: 0, trials: 0 }])).toEqual(fitTypical(team));
        expect(typicalSpread([...team, { successes: 0, trials: 0 }], () => 0.32)).toBeCloseTo(typicalSpread(team, () => 0.32), 12);
    });

    it('centres on the typical reps’ pooled rate', () => {
        const team = Array.from({ length: 12 }, (_, rep) => ({ successes: 5 + (rep % 4), trials: 20 }));
        // 5, 6, 7, 8 of 20, three times each: pooled 6.5 / 20.
        expect(fitTypical(team)!.mean).toBeCloseTo(0.325, 10);
    });

    it('widens the spread when the reps spread more, and narrows it with more trials at the same rates', () => {
        const spreadOf = (offsets: number[], trials: number) => typicalSpread(offsets.map((offset) => ({ successes: (0.3 + offset) * trials, trials })), () => 0.3);
        const offsets = [-0.1, -0.05, 0, 0.05, 0.1, -0.1, -0.05, 0, 0.05, 0.1];
        expect(spreadOf(offsets.map((offset) => offset * 2), 100)).toBeGreaterThan(spreadOf(offsets, 100));
        expect(spreadOf(offsets, 100)).toBeGreaterThan(0);
        // Few trials say little beyond binomial noise: the estimate stays nearer the prior spread.
        expect(spreadOf(offsets.map(() => 0), 400)).toBeLessThan(spreadOf(offsets.map(() => 0), 10));
    });
});
