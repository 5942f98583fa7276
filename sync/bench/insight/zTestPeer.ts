// The named peer the engine is measured against: a plain one-signal z-test. Per signal and rep,
// the rep's rate against the pooled rate of the rest of the team, binomial noise only; a skill is
// flagged when any of its signals is above the one-sided Bonferroni bound for the team's tests at
// 5 % (so a healthy team under pure binomial noise is flagged about once in twenty). No natural
// spread, no segments, no shrinkage: what the engine's rule must beat to be worth its complexity.
import quantile from '@stdlib/stats-base-dists-normal-quantile';
import type { SkillSlug } from '../../src/core/contract';
import type { SignalCountsInput } from '../../src/statistics/assess';

export const peerFamilyWiseError = 0.05;

/** The rep's binomial z-score on one signal against the rest of the team; null below the minimum trials. */
export function zAgainstRest(signal: Pick<SignalCountsInput, 'successes' | 'trials'>, rep: number, minTrials: number): number | null {
    const trials = signal.trials[rep]!;
    if (trials < minTrials) return null;
    let restSuccesses = 0;
    let restTrials = 0;
    for (let other = 0; other < signal.trials.length; other++) {
        if (other === rep) continue;
        restSuccesses += signal.successes[other]!;
        restTrials += signal.trials[other]!;
    }
    const rate = restTrials > 0 ? restSuccesses / restTrials : 0;
    if (rate <= 0 || rate >= 1) return null;
    return (signal.successes[rep]! - trials * rate) / Math.sqrt(trials * rate * (1 - rate));
}

/** Per eligible rep, the skills the z-test flags. */
export function zTestFlags(signals: readonly SignalCountsInput[], eligible: (rep: number) => boolean, minTrials: number): Map<number, Set<SkillSlug>> {
    const reps = signals[0]?.trials.length ?? 0;
    const scores: { rep: number; skill: SkillSlug; z: number }[] = [];
    for (let rep = 0; rep < reps; rep++) {
        if (!eligible(rep)) continue;
        for (const signal of signals) {
            const z = zAgainstRest(signal, rep, minTrials);
            if (z !== null) scores.push({ rep, skill: signal.skill, z });
        }
    }
    const bound = quantile(1 - peerFamilyWiseError / Math.max(1, scores.length), 0, 1);
    const flags = new Map<number, Set<SkillSlug>>();
    for (const { rep, skill, z } of scores) if (z >= bound) flags.set(rep, (flags.get(rep) ?? new Set()).add(skill));
    return flags;
}
