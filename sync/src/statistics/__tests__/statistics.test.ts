import { assessTeam, clearRatio, clearTrials, corroborationRatio, explainTeam, explainTeamWithout, overwhelmingRatio, peerRate, type SkillExplanation } from '../assess';
import { compareWithTeam, fitBetaPrior } from '../betaBinomial';
import { fitTypical, priorConcentration } from '../typicalGroup';
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

    it('fits the natural spread on the typical group only, however many reps are weak', () => {
        // 20 typical reps at 30 % with a little spread, 10 weak reps at 55 %: a fit over everyone
        // spreads the team wide; the typical fit keeps the typical reps' mean and a tight spread.
        const typical = Array.from({ length: 20 }, (_, rep) => ({ successes: 13 + (rep % 5) - 2, trials: 44 }));
        const weak = Array.from({ length: 10 }, () => ({ successes: 24, trials: 44 }));
        expect(fitBetaPrior([...typical, ...weak])!.concentration).toBeLessThan(40);
        const fit = fitTypical([...typical, ...weak])!;
        expect(fit.mean).toBeCloseTo(fitTypical(typical)!.mean, 2);
        expect(fit.mean).toBeLessThan(0.31);
        expect(fit.concentration).toBeGreaterThan(100);
    });

    it('keeps a healthy team’s own tail in its spread', () => {
        // Rates spread from 10 % to 50 % with no gap: nobody is left out, the spread stays wide.
        const team = Array.from({ length: 30 }, (_, rep) => ({ successes: 3 + Math.round((rep * 12) / 29), trials: 30 }));
        expect(fitTypical(team)!.concentration).toBeLessThan(30);
    });

    it('shrinks a small team’s spread toward a typical team’s rather than toward itself', () => {
        // Eight identical reps: alone they say "no spread at all"; the prior keeps a natural one.
        const team = Array.from({ length: 8 }, () => ({ successes: 9, trials: 30 }));
        expect(fitBetaPrior(team)!.concentration).toBe(1000);
        expect(fitTypical(team)!.concentration).toBeLessThan(300);
        expect(fitTypical(team)!.concentration).toBeGreaterThan(priorConcentration);
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
        expect(evidence.signalRatios.filter((ratio) => ratio >= corroborationRatio)).toHaveLength(1);
    });

    it('bounds what one moderately far-off signal alone adds, but not an overwhelming one', () => {
        // 11 of 20 against 30 %: a typical rep may be that far off for reasons outside the skill.
        const moderate = { successes: 11, trials: 20, teamRate: 0.3, concentration: 100 };
        const extreme = { successes: 20, trials: 20, teamRate: 0.3, concentration: 100 };
        const bound = Math.log(defaultSkillModel.showsIn / defaultSkillModel.offInTypical);
        expect(skillEvidence([moderate, typical, typical]).logBayesFactor).toBeLessThan(bound);
        expect(skillEvidence([extreme, typical, typical]).logBayesFactor).toBeGreaterThan(bound);
    });

    const reps = 20;
    const team = (rep0: number, others = 6) => Array.from({ length: reps }, (_, rep) => (rep === 0 ? rep0 : others + (rep % 3) - 1));
    const trials = (n: number) => Array(reps).fill(n) as number[];
    const decision = (name: string, successes: number[], n = 20) => ({ name, skill: 'decision-process' as const, successes, trials: trials(n) });

    it('lets one overwhelming, well-sampled signal decide alone', () => {
        const signals = [decision('a', team(20)), decision('b', team(6)), decision('c', team(5))];
        expect(assessTeam(signals, () => true, assessOptions).accepted.map((item) => item.rep)).toEqual([0]);
    });

    it('does not let one merely high signal decide alone, but two together do', () => {
        const signals = [decision('a', team(11)), decision('b', team(6)), decision('c', team(5))];
        const { accepted, assessed } = assessTeam(signals, () => true, assessOptions);
        expect(accepted).toHaveLength(0);
        expect(assessed.find((item) => item.rep === 0)?.confidence).toBe(0);
        signals[0]!.successes = team(13);
        signals[1]!.successes = team(13);
        expect(assessTeam(signals, () => true, assessOptions).accepted.map((item) => item.rep)).toEqual([0]);
    });

    // Four reps at `weak` of `n` on signal a (the rest at 30 %), typical on b and c.
    const clearTeam = (n: number, weak: number, groupOf?: (rep: number) => boolean) => {
        const rate = (base: number, weakRep: (rep: number) => boolean) => Array.from({ length: reps }, (_, rep) => (weakRep(rep) ? weak : Math.round(base * n) + (rep % 3) - 1));
        return [rate(0.3, groupOf ?? ((rep) => rep < 4)), rate(0.3, () => false), rate(0.25, () => false)].map((successes, k) => ({ name: 'abc'[k]!, skill: 'decision-process' as const, successes, trials: trials(n) }));
    };

    it('lets one clear, well-sampled signal decide alone, the skill’s other signals typical', () => {
        const explained = explainTeam(clearTeam(20, 16), () => true, assessOptions).filter((item) => item.skill === 'decision-process' && item.rep < 4);
        for (const item of explained) {
            expect(item.signals[0]!.likelihoodRatio).toBeGreaterThanOrEqual(clearRatio);
            expect(item.signals[0]!.likelihoodRatio).toBeLessThan(overwhelmingRatio);
            expect(item.signals.slice(1).every((signal) => signal.likelihoodRatio < corroborationRatio)).toBe(true);
        }
        expect(assessTeam(clearTeam(20, 16), () => true, assessOptions).accepted.map((item) => item.rep).sort()).toEqual([0, 1, 2, 3]);
    });

    it('needs the clear signal on enough trials', () => {
        // 10 of 11 is clearer than 11 of 12, but one trial short of what a clear signal needs.
        const short = explainTeam(clearTeam(clearTrials - 1, clearTrials - 2), () => true, assessOptions).find((item) => item.rep === 0 && item.skill === 'decision-process')!;
        expect(short.signals[0]!.likelihoodRatio).toBeGreaterThanOrEqual(clearRatio);
        expect(short.outcome).toBe('not decisive (no corroboration, no clear or overwhelming signal)');
        expect(assessTeam(clearTeam(clearTrials, clearTrials - 1), () => true, assessOptions).accepted.length).toBeGreaterThan(0);
    });

    it('does not let one clear signal decide alone when the rep’s sub-team peers all show it', () => {
        // Reps 0–3 (one manager) all run high on a: with them as peers it is the sub-team's way of
        // working, no one of them is weak.
        const peers = Array.from({ length: reps }, (_, rep) => (rep < 4 ? 1 : 0));
        expect(assessTeam(clearTeam(20, 16), () => true, assessOptions, undefined, peers).accepted).toEqual([]);
        // The same reps spread over two sub-teams of typical peers are found.
        const mixed = Array.from({ length: reps }, (_, rep) => rep % 2);
        expect(assessTeam(clearTeam(20, 16), () => true, assessOptions, undefined, mixed).accepted.map((item) => item.rep).sort()).toEqual([0, 1, 2, 3]);
        // The peers' rate is their typical group's: one weak peer does not raise it.
        const a = clearTeam(20, 16)[0]!;
        expect(peerRate(a, 0, mixed)).toBeCloseTo(0.3, 1);
        expect(peerRate(a, 0, undefined)).toBeNull();
        expect(peerRate(a, 0, Array.from({ length: reps }, (_, rep) => (rep < 2 ? 1 : 0)))).toBeNull();
    });

    it('treats a signal flat across the team as absent: it neither counts against nor is needed', () => {
        // b is zero for everyone: with it, a and c still corroborate each other and b is not evidence.
        const signals = [decision('a', team(14)), decision('b', Array(reps).fill(0)), decision('c', team(14))];
        const { accepted } = assessTeam(signals, () => true, assessOptions);
        expect(accepted.map((item) => item.rep)).toEqual([0]);
        expect(accepted[0]!.usable.map((item) => item.signal).sort()).toEqual(['a', 'c']);
    });

    const priority = (name: string, successes: number[], activityVolume: boolean) => ({ name, skill: 'priority-management' as const, successes, trials: trials(40), activityVolume });

    it('does not let two activity-volume signals corroborate each other: one logging habit moves both', () => {
        // Rep 0 logs far more than everyone on both volume signals and is typical on the others.
        const signals = [priority('slips', team(6), false), priority('overdue', team(5), false), priority('volumeA', team(30, 8), true), priority('volumeB', team(30, 8), true)];
        const { accepted, assessed } = assessTeam(signals, () => true, assessOptions);
        expect(accepted).toEqual([]);
        expect(assessed.find((item) => item.rep === 0)?.confidence).toBe(0);
        // A non-volume signal clearly worse as well: now there is a pattern beyond logging.
        signals[0]!.successes = team(20);
        expect(assessTeam(signals, () => true, assessOptions).accepted.map((item) => item.rep)).toEqual([0]);
    });

    it('counts two far-off volume signals as one reason in a typical rep, and a volume signal below the team not against it', () => {
        const far = { successes: 30, trials: 40, teamRate: 0.2, concentration: 60, activityVolume: true };
        const low = { successes: 1, trials: 40, teamRate: 0.2, concentration: 60, activityVolume: true };
        const mild = { successes: 13, trials: 40, teamRate: 0.2, concentration: 60 };
        const one = skillEvidence([mild, far]).logBayesFactor;
        // A second far-off volume signal adds what a weakness adds, not the typical group's second
        // independent chance of being off: far less than a factor 1 / offInTypicalVolume.
        const both = skillEvidence([mild, far, far]).logBayesFactor;
        expect(both - one).toBeLessThan(Math.log(1 / defaultSkillModel.offInTypicalVolume) / 2);
        // A heavy logger is low on the other volume signal: that does not make the high one more telling.
        expect(skillEvidence([mild, far, low]).logBayesFactor).toBeLessThanOrEqual(one);
    });

    /**
     * 30 reps on 12 deals per signal: rep 0 at 6 of 12 on each of three signals, reps 1–12 clearly
     * weak (6–11 of 12), the rest typical (1–5 of 12).
     */
    const contaminatedTeam = () => {
        const typicalCycle = [1, 2, 3, 4, 2, 3, 5, 1, 3];
        const weakCycle = [6, 7, 8, 9, 10, 7, 9, 11];
        const counts = (offset: number) => Array.from({ length: 30 }, (_, rep) => (rep === 0 ? 6 : rep <= 12 ? weakCycle[(rep + offset) % 8]! : typicalCycle[(rep + offset) % 9]!));
        return [0, 3, 5].map((offset, k) => ({ name: 'abc'[k]!, skill: 'decision-process' as const, successes: counts(offset), trials: Array(30).fill(12) as number[] }));
    };
    const repZero = (explanations: SkillExplanation[]) => explanations.find((item) => item.rep === 0 && item.skill === 'decision-process')!;

    it('refits the typical group without the reps clearly weak in the skill, and then finds a moderately weak one', () => {
        // With that many weak reps the cut from above leaves the typical rate at the mixture's; the
        // reps clearly weak in a first pass are left out of the second pass's fits.
        const signals = contaminatedTeam();
        const everyone = fitTypical(signals[0]!.successes.map((successes) => ({ successes, trials: 12 })))!;
        const explained = repZero(explainTeam(signals, () => true, assessOptions));
        expect(explained.signals[0]!.baseline).toBeLessThan(everyone.mean - 0.04);
        expect(explained.outcome).toBe('suggested');
        const accepted = assessTeam(signals, () => true, assessOptions).accepted.map((item) => item.rep);
        expect(accepted.filter((rep) => rep > 12)).toEqual([]);
        expect(accepted.filter((rep) => rep <= 12)).toHaveLength(13);
    });

    it('with the weak reps given, leaves exactly those out of the fits, in one pass', () => {
        const signals = contaminatedTeam();
        const weak = new Map([['decision-process' as const, new Set(Array.from({ length: 12 }, (_, k) => k + 1))]]);
        // The fit over the reps not given (rep 0 and reps 13–29).
        const typicalOnly = fitTypical(signals[0]!.successes.map((successes, rep) => (rep >= 1 && rep <= 12 ? { successes: 0, trials: 0 } : { successes, trials: 12 })))!;
        const given = repZero(explainTeamWithout(signals, () => true, assessOptions, weak));
        expect(given.signals[0]!.baseline).toBeCloseTo(typicalOnly.mean, 2);
        expect(given.outcome).toBe('suggested');
        // Nobody given: one pass over everyone, whose fit the clearly weak reps still raise.
        const none = repZero(explainTeamWithout(signals, () => true, assessOptions, new Map()));
        expect(none.signals[0]!.baseline).toBeGreaterThan(repZero(explainTeam(signals, () => true, assessOptions)).signals[0]!.baseline + 0.02);
    });

    it('compares a rep with typical reps on the same deal sizes', () => {
        // Reps 0–4 sell only large deals, where every typical rep does worse (60 % against 10 % on small ones).
        const vary = (rep: number) => (rep % 3) - 1;
        const small = { successes: Array.from({ length: reps }, (_, rep) => (rep < 5 ? 0 : 4 + vary(rep))), trials: Array.from({ length: reps }, (_, rep) => (rep < 5 ? 0 : 40)) };
        const large = { successes: Array.from({ length: reps }, (_, rep) => (rep < 5 ? 48 : 24) + vary(rep)), trials: Array.from({ length: reps }, (_, rep) => (rep < 5 ? 80 : 40)) };
        const all = { successes: small.successes.map((value, rep) => value + large.successes[rep]!), trials: small.trials.map((value, rep) => value + large.trials[rep]!) };
        const signal = (name: string, bands: boolean) => ({ name, skill: 'decision-process' as const, ...all, ...(bands ? { bands: { small, large } } : {}) });
        const flagged = (bands: boolean) => assessTeam([signal('a', bands), signal('b', bands)], () => true, assessOptions).accepted.map((item) => item.rep).sort();
        expect(flagged(false)).toEqual([0, 1, 2, 3, 4]);
        expect(flagged(true)).toEqual([]);
    });

    it('compares a sizeable sub-team that clearly differs with its own typical reps', () => {
        // Reps 0–6 work under another manager, where every rep runs at 50 % against the team's 25 %.
        const subTeams = Array.from({ length: reps }, (_, rep) => (rep < 7 ? 1 : 0));
        const successes = Array.from({ length: reps }, (_, rep) => (rep < 7 ? 20 : 10) + (rep % 3) - 1);
        const signals = [decision('a', successes, 40), decision('b', successes, 40)];
        expect(assessTeam(signals, () => true, assessOptions).accepted.map((item) => item.rep).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
        expect(assessTeam(signals, () => true, assessOptions, subTeams).accepted).toEqual([]);
    });
});

describe('the share of weak reps and the posterior', () => {
    it('settles near one in (reps + 10) for a team without evidence', () => {
        expect(estimatePrior(Array(30).fill(-6))).toBeCloseTo(1 / 40, 3);
    });

    it('shrinks a small team toward a typical share rather than toward itself', () => {
        // Four of eight reps with strong evidence: on its own the team would say one half.
        const prior = estimatePrior([...Array(4).fill(-6), ...Array(4).fill(8)]);
        expect(prior).toBeGreaterThan(0.25);
        expect(prior).toBeLessThan(0.35);
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
