import { defaultSkillModel, estimatePrior, maxPrior, minPrior, posteriorWeak, priorTypicalReps, priorWeakReps, skillEvidence } from '../skillModel';

const at = (successes: number, trials: number, teamRate = 0.3, activityVolume = false) => ({ successes, trials, teamRate, concentration: 100, activityVolume });

describe('skillEvidence: the Bayes factor of weak against typical', () => {
    it('is exactly even when the weakness never shows and a typical rep is never off', () => {
        const model = { ...defaultSkillModel, showsIn: 0, offInTypical: 0, offInTypicalVolume: 0 };
        expect(skillEvidence([at(15, 20), at(2, 20), at(9, 20, 0.3, true)], model).logBayesFactor).toBeCloseTo(0, 12);
    });

    // One shift only (logit 0.3 → 0.5), a near-binomial likelihood: the ratio is (0.5 / 0.3)² for 2 of 2.
    const oneShift = { ...defaultSkillModel, minShift: Math.log(7 / 3), maxShift: Math.log(7 / 3), maxOffShift: Math.log(7 / 3), showsIn: 1, offInTypical: 0, offInTypicalVolume: 0 };
    const twoOfTwo = (activityVolume = false) => ({ successes: 2, trials: 2, teamRate: 0.3, concentration: 1e9, activityVolume });
    const ratio = (0.5 / 0.3) ** 2;

    it('is the likelihood ratio of the rate shifted up on the logit scale against the team rate', () => {
        const evidence = skillEvidence([twoOfTwo()], oneShift);
        expect(evidence.signalRatios[0]).toBeCloseTo(ratio, 5);
        expect(evidence.logBayesFactor).toBeCloseTo(Math.log(ratio), 5);
    });

    it('multiplies the signals’ ratios, each shown with its probability, the weakness shown in at least one', () => {
        expect(skillEvidence([twoOfTwo(), twoOfTwo()], oneShift).logBayesFactor).toBeCloseTo(2 * Math.log(ratio), 5);
        // One signal: the weakness shows there for sure. Two: in one, the other or both (3 of 4 equal cases).
        expect(skillEvidence([twoOfTwo()], { ...oneShift, showsIn: 0.5 }).logBayesFactor).toBeCloseTo(Math.log(ratio), 5);
        expect(skillEvidence([twoOfTwo(), twoOfTwo()], { ...oneShift, showsIn: 0.5 }).logBayesFactor).toBeCloseTo(Math.log(((0.5 + 0.5 * ratio) ** 2 - 0.25) / 0.75), 5);
    });

    it('lets a weakness show in one signal of three: the two typical ones beside it cost at most a factor of 6', () => {
        const model = { ...defaultSkillModel, offInTypical: 0 };
        const alone = skillEvidence([at(15, 20)], model).logBayesFactor;
        const withTypical = skillEvidence([at(15, 20), at(6, 20), at(6, 20)], model).logBayesFactor;
        expect(alone - withTypical).toBeGreaterThan(0);
        expect(alone - withTypical).toBeLessThan(Math.log(6));
    });

    it('divides by the chance that a typical rep is that far off, larger for activity volume', () => {
        const model = { ...oneShift, offInTypical: 0.5, offInTypicalVolume: 0.25 };
        expect(skillEvidence([twoOfTwo()], model).logBayesFactor).toBeCloseTo(Math.log(ratio) - Math.log(0.5 + 0.5 * ratio), 5);
        expect(skillEvidence([twoOfTwo(true)], model).logBayesFactor).toBeCloseTo(Math.log(ratio) - Math.log(0.75 + 0.25 * ratio), 5);
    });

    it('spreads the weak group evenly over 12 shifts, both ends included; the typical group is off only up to its largest shift', () => {
        // Shifts 0, 0.1, …, 1.1 on the logit scale; a near-binomial 2 of 2 at a team rate of 30 %.
        const shifts = Array.from({ length: 12 }, (_, k) => k / 10);
        const ratioAt = (shift: number) => (1 / (1 + Math.exp(-(Math.log(0.3 / 0.7) + shift))) / 0.3) ** 2;
        const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
        const grid = { ...oneShift, minShift: 0, maxShift: 1.1 };
        expect(skillEvidence([twoOfTwo()], grid).logBayesFactor).toBeCloseTo(Math.log(mean(shifts.map(ratioAt))), 6);
        // Always off in the typical group, by at most 0.55: shifts 0–0.5.
        const offUpTo = { ...grid, offInTypical: 1, maxOffShift: 0.55 };
        expect(skillEvidence([twoOfTwo()], offUpTo).logBayesFactor).toBeCloseTo(Math.log(mean(shifts.map(ratioAt)) / mean(shifts.slice(0, 6).map(ratioAt))), 6);
    });

    it('is exactly even on a signal without trials, which says nothing', () => {
        const evidence = skillEvidence([at(0, 0)]);
        expect(evidence.logBayesFactor).toBeCloseTo(0, 12);
        expect(evidence.signalRatios).toHaveLength(1);
        expect(evidence.signalRatios[0]).toBeCloseTo(1, 12);
    });

    it('gives one likelihood ratio per signal, above 1 only for a rate above the team’s', () => {
        const { signalRatios } = skillEvidence([at(15, 20), at(6, 20), at(1, 20)]);
        expect(signalRatios).toHaveLength(3);
        expect(signalRatios[0]).toBeGreaterThan(100);
        expect(signalRatios[2]).toBeLessThan(1);
        expect(signalRatios[0]).toBeGreaterThan(signalRatios[1]!);
        expect(signalRatios[1]).toBeGreaterThan(signalRatios[2]!);
    });

    it('grows with the rep’s rate and with a second signal that agrees', () => {
        const factor = (...observations: ReturnType<typeof at>[]) => skillEvidence(observations).logBayesFactor;
        expect(factor(at(12, 20))).toBeGreaterThan(factor(at(9, 20)));
        expect(factor(at(12, 20), at(12, 20))).toBeGreaterThan(factor(at(12, 20)));
        expect(factor(at(12, 20), at(2, 20))).toBeLessThan(factor(at(12, 20)));
    });

    it('counts an activity-volume signal for less than another signal as far off', () => {
        expect(skillEvidence([at(12, 20, 0.3, true)]).logBayesFactor).toBeLessThan(skillEvidence([at(12, 20)]).logBayesFactor);
        expect(skillEvidence([at(12, 20, 0.3, true)]).signalRatios).toEqual(skillEvidence([at(12, 20)]).signalRatios);
    });

    it('gives the same evidence whatever the order of the signals', () => {
        const one = skillEvidence([at(12, 20), at(3, 20), at(9, 20, 0.3, true)]);
        const other = skillEvidence([at(9, 20, 0.3, true), at(12, 20), at(3, 20)]);
        expect(one.logBayesFactor).toBeCloseTo(other.logBayesFactor, 10);
    });
});

describe('posteriorWeak', () => {
    it('multiplies the prior odds by the Bayes factor', () => {
        expect(posteriorWeak(0, 0.3)).toBeCloseTo(0.3, 12);
        expect(posteriorWeak(Math.log(4), 0.2)).toBeCloseTo(0.5, 12);
        expect(posteriorWeak(Math.log(1 / 9), 0.5)).toBeCloseTo(0.1, 12);
    });
});

describe('estimatePrior: the share of weak reps', () => {
    const share = (weak: number, reps: number) => Math.min(maxPrior, Math.max(minPrior, (weak + priorWeakReps) / (reps + priorWeakReps + priorTypicalReps)));

    it('counts the reps with overwhelming evidence, with the prior reps’ weight', () => {
        expect(estimatePrior([...Array(5).fill(50), ...Array(15).fill(-50)])).toBeCloseTo(share(5, 20), 6);
        expect(estimatePrior(Array(30).fill(-50))).toBeCloseTo(share(0, 30), 6);
    });

    it('stays within its bounds', () => {
        expect(estimatePrior(Array(200).fill(-50))).toBe(minPrior);
        expect(estimatePrior(Array(20).fill(50))).toBe(maxPrior);
        expect(estimatePrior([])).toBe(minPrior);
    });

    it('settles where the expected weak share matches the prior it came from', () => {
        const factors = [3, 2, 1, 0, -1, -2, -3, -4, 4, 0.5];
        const prior = estimatePrior(factors);
        const weak = factors.reduce((sum, logBf) => sum + posteriorWeak(logBf, prior), 0);
        expect(prior).toBeCloseTo(share(weak, factors.length), 5);
    });
});
