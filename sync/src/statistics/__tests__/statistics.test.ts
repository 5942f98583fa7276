import { assessTeam } from '../assess';
import { compareWithTeam, fitBetaPrior, fitNaturalSpread, trimThreshold } from '../betaBinomial';
import { selectWithFdr } from '../decide';
import { defaultSkillModel, estimatePrior, posteriorWeak, skillEvidence } from '../skillModel';
import { simulateTeam } from '../simulate';

const assessOptions = { margin: 0.05, minSignalTrials: 5, minConfidence: 0.8, falseDiscoveryRate: 0.1 };

describe('empirical-Bayes beta-binomial shrinkage', () => {
    it('fits a tight prior to a team with no spread beyond binomial noise', () => {
        const prior = fitBetaPrior(Array.from({ length: 20 }, () => ({ successes: 6, trials: 20 })));
        expect(prior?.mean).toBeCloseTo(0.3);
        expect(prior?.concentration).toBe(1000);
    });

    it('fits a looser prior when reps truly differ', () => {
        const counts = Array.from({ length: 20 }, (_, rep) => ({ successes: rep % 2 === 0 ? 2 : 14, trials: 20 }));
        expect(fitBetaPrior(counts)!.concentration).toBeLessThan(10);
    });

    it('shrinks a small sample toward the team and lets a large one speak', () => {
        const prior = { mean: 0.3, concentration: 40 };
        const team = { successes: 300, trials: 1000 };
        const small = compareWithTeam({ successes: 3, trials: 5 }, team, prior, 0.05)!;
        const large = compareWithTeam({ successes: 120, trials: 200 }, team, prior, 0.05)!;
        expect(small.shrunkRate).toBeLessThan(0.4);
        expect(large.shrunkRate).toBeGreaterThan(0.5);
        expect(small.probabilityWorse).toBeLessThan(0.8);
        expect(large.probabilityWorse).toBeGreaterThan(0.99);
        expect(large.interval[0]).toBeLessThan(large.shrunkRate);
        expect(large.interval[1]).toBeGreaterThan(large.shrunkRate);
    });

    it('compares the rep with the rest of the team, not with a team that includes them', () => {
        const comparison = compareWithTeam({ successes: 10, trials: 10 }, { successes: 10, trials: 20 }, { mean: 0.5, concentration: 10 }, 0)!;
        expect(comparison.teamRate).toBe(0);
    });

    it('leaves the reps far above the team out of the natural spread', () => {
        const counts = [...Array.from({ length: 25 }, () => ({ successes: 6, trials: 20 })), { successes: 18, trials: 20 }, { successes: 17, trials: 20 }];
        expect(fitBetaPrior(counts)!.concentration).toBeLessThan(30);
        expect(fitNaturalSpread(counts)!.concentration).toBe(300);
    });

    it('trims only what is implausible for a team of that size, so a healthy tail stays in the spread', () => {
        expect(trimThreshold(30)).toBeCloseTo(2.94, 2);
        expect(trimThreshold(100)).toBeCloseTo(3.29, 2);
        // 29 reps spread around 30 %, plus one rep 2.75 standard errors above the first fit (18 of 30):
        // plausible in a team of 30, so kept, and the spread is wider with it.
        const team = Array.from({ length: 29 }, (_, rep) => ({ successes: 5 + (rep % 5) * 2, trials: 30 }));
        const withoutTail = fitNaturalSpread(team)!.concentration;
        expect(fitNaturalSpread([...team, { successes: 18, trials: 30 }])!.concentration).toBeLessThan(withoutTail / 2);
        // 3.15 standard errors above (20 of 30): implausible for 30 reps, left out.
        expect(fitNaturalSpread([...team, { successes: 20, trials: 30 }])!.concentration).toBeCloseTo(withoutTail, 6);
    });
});

describe('combining a skill’s signals', () => {
    const typical = { successes: 6, trials: 20, teamRate: 0.3, concentration: 100 };
    const bad = { successes: 15, trials: 20, teamRate: 0.3, concentration: 100 };

    it('gives strong evidence when two signals agree and little when none is worse', () => {
        expect(skillEvidence([bad, bad, typical]).logBayesFactor).toBeGreaterThan(5);
        expect(skillEvidence([typical, typical, typical]).logBayesFactor).toBeLessThan(0);
    });

    it('lets one extreme signal reach a likelihood ratio that no other signal corroborates', () => {
        const evidence = skillEvidence([bad, typical, typical]);
        expect(evidence.signalRatios.filter((ratio) => ratio >= 1.5)).toHaveLength(1);
    });

    it('bounds what one extreme signal alone adds, however extreme', () => {
        const extreme = { successes: 20, trials: 20, teamRate: 0.3, concentration: 100 };
        const bound = Math.log(defaultSkillModel.showsIn / defaultSkillModel.offInTypical);
        expect(skillEvidence([extreme, typical, typical]).logBayesFactor).toBeLessThan(bound);
        expect(skillEvidence([extreme, bad, typical]).logBayesFactor).toBeGreaterThan(bound + 2);
    });

    it('keeps one extreme signal from deciding alone in the team assessment', () => {
        const reps = 20;
        const flat = (value: number) => Array.from({ length: reps }, (_, rep) => (rep === 0 ? value : 6));
        const signals = [
            { name: 'a', skill: 'decision-process' as const, successes: flat(20), trials: Array(reps).fill(20) },
            { name: 'b', skill: 'decision-process' as const, successes: flat(6), trials: Array(reps).fill(20) },
            { name: 'c', skill: 'decision-process' as const, successes: flat(5), trials: Array(reps).fill(20) },
        ];
        const { accepted, assessed } = assessTeam(signals, () => true, assessOptions);
        expect(accepted).toHaveLength(0);
        expect(assessed.find((item) => item.rep === 0)?.confidence).toBe(0);
        // With a second signal agreeing, the same rep is suggested.
        signals[1]!.successes = flat(16);
        expect(assessTeam(signals, () => true, assessOptions).accepted.map((item) => item.rep)).toEqual([0]);
    });
});

describe('the share of weak reps and the posterior', () => {
    it('settles at the lower bound for a team without evidence', () => {
        expect(estimatePrior(Array(30).fill(-2))).toBe(0.02);
    });

    it('rises when several reps carry strong evidence', () => {
        expect(estimatePrior([...Array(25).fill(-2), 8, 8, 8, 8, 8])).toBeGreaterThan(0.12);
    });

    it('turns a Bayes factor and a prior into a probability', () => {
        expect(posteriorWeak(0, 0.5)).toBeCloseTo(0.5);
        expect(posteriorWeak(Math.log(9), 0.1)).toBeCloseTo(0.5);
    });
});

describe('false-discovery control', () => {
    it('accepts the most confident while the expected share of false ones stays under the rate', () => {
        const candidates = [0.99, 0.97, 0.9, 0.85, 0.82, 0.5].map((confidence) => ({ confidence }));
        const accepted = selectWithFdr(candidates, 0.8, 0.05);
        // Expected false: 0.01, 0.04, 0.14 → mean 0.047 after three, 0.0725 after four.
        expect(accepted.map((item) => item.confidence)).toEqual([0.99, 0.97, 0.9]);
    });

    it('accepts nothing below the minimum confidence', () => {
        expect(selectWithFdr([{ confidence: 0.79 }], 0.8, 0.5)).toEqual([]);
    });
});

describe('simulated teams of 30 reps (10 to 35 trials per rep and signal)', () => {
    const base = { reps: 30, trials: [10, 35] as [number, number], naturalConcentration: 100, affectedSignals: 2 };

    it('a healthy team gets no suggestions in at least 95 of 100 simulated teams', () => {
        let teamsWithSuggestions = 0;
        for (let seed = 1; seed <= 100; seed++) {
            const team = simulateTeam({ ...base, seed, weakPerSkill: 0, effect: 0 });
            if (assessTeam(team.signals, () => true, assessOptions).accepted.length > 0) teamsWithSuggestions += 1;
        }
        expect(teamsWithSuggestions).toBeLessThanOrEqual(5);
    });

    it('a healthy team with a wide natural spread (concentration 50) gets no suggestions in at least 19 of 20', () => {
        let teamsWithSuggestions = 0;
        for (let seed = 1; seed <= 200; seed++) {
            const team = simulateTeam({ ...base, naturalConcentration: 50, seed, weakPerSkill: 0, effect: 0 });
            if (assessTeam(team.signals, () => true, assessOptions).accepted.length > 0) teamsWithSuggestions += 1;
        }
        expect(teamsWithSuggestions).toBeLessThanOrEqual(10);
    });

    it('finds planted weaknesses with few false ones, and its confidence is not overstated', () => {
        let truePositives = 0;
        let falsePositives = 0;
        let planted = 0;
        let confidenceSum = 0;
        for (let seed = 1; seed <= 60; seed++) {
            const team = simulateTeam({ ...base, seed, weakPerSkill: 3, effect: 0.35 });
            planted += team.weak.reduce((sum, skills) => sum + skills.size, 0);
            for (const item of assessTeam(team.signals, () => true, assessOptions).accepted) {
                confidenceSum += item.confidence;
                if (team.weak[item.rep]!.has(item.skill)) truePositives += 1;
                else falsePositives += 1;
            }
        }
        const precision = truePositives / (truePositives + falsePositives);
        // Calibration: the observed share of right suggestions is at least the mean stated confidence.
        expect(precision).toBeGreaterThanOrEqual(confidenceSum / (truePositives + falsePositives) - 0.02);
        expect(precision).toBeGreaterThan(0.9);
        expect(truePositives / planted).toBeGreaterThan(0.4);
    });

    it('withholds reps the caller marks ineligible (too few closed deals)', () => {
        const team = simulateTeam({ ...base, seed: 7, weakPerSkill: 3, effect: 0.4 });
        const { accepted, assessed } = assessTeam(team.signals, (rep) => rep >= 5, assessOptions);
        expect(assessed.every((item) => item.rep >= 5)).toBe(true);
        expect(accepted.every((item) => item.rep >= 5)).toBe(true);
    });
});
