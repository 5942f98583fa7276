// From per-signal comparisons to per-skill decisions: combine a skill's signals, withhold where the
// sample is too small, and control the false-discovery rate across all reps × skills.
import type { SkillSlug } from '../core/contract';

export interface SignalEvidence {
    signal: string;
    trials: number;
    probabilityWorse: number;
}

export interface SkillAssessment {
    rep: number;
    skill: SkillSlug;
    /** Calibrated confidence that the rep is practically worse than the team in this skill. */
    confidence: number;
    /** Signals with enough trials to count, strongest first. */
    usable: SignalEvidence[];
}

/**
 * A skill's confidence is the mean of its two strongest signals' posterior probabilities, so one
 * signal alone, however extreme, reaches at most 0.5 + half of the next one: a suggestion needs two
 * signals of the same skill pointing the same way. Skills with fewer than two usable signals get none.
 */
export function combineSkill(evidence: readonly SignalEvidence[], minTrials: number): { confidence: number; usable: SignalEvidence[] } | null {
    const usable = evidence.filter((item) => item.trials >= minTrials).sort((a, b) => b.probabilityWorse - a.probabilityWorse);
    if (usable.length < 2) return null;
    return { confidence: (usable[0]!.probabilityWorse + usable[1]!.probabilityWorse) / 2, usable };
}

/**
 * Bayesian false-discovery control: among the candidates at or above the minimum confidence, accept
 * the most confident ones while the expected share of false suggestions (mean of 1 - confidence)
 * stays within the allowed rate.
 */
export function selectWithFdr<T extends { confidence: number }>(candidates: readonly T[], minConfidence: number, falseDiscoveryRate: number): T[] {
    const sorted = candidates.filter((candidate) => candidate.confidence >= minConfidence).sort((a, b) => b.confidence - a.confidence);
    const accepted: T[] = [];
    let expectedFalse = 0;
    for (const candidate of sorted) {
        const next = expectedFalse + (1 - candidate.confidence);
        if (next / (accepted.length + 1) > falseDiscoveryRate) break;
        expectedFalse = next;
        accepted.push(candidate);
    }
    return accepted;
}
