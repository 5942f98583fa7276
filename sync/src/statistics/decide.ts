// Per-skill decisions and false-discovery control across all reps × skills.
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
