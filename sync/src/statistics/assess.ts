// The whole statistical step for a team: per signal, fit the team prior and compare every rep;
// per rep × skill, combine the skill's signals; across the team, keep what passes false-discovery
// control. Pure: counts in, decisions out.
import { skillSlugs, type SkillSlug } from '../core/contract';
import { compareWithTeam, fitBetaPrior, fitNaturalSpread, type RepComparison } from './betaBinomial';
import { selectWithFdr, type SkillAssessment } from './decide';
import { estimatePrior, posteriorWeak, skillEvidence, type SignalObservation } from './skillModel';

/** How strongly a signal on its own must favour "worse" to corroborate another. */
export const corroborationRatio = 1.5;

export interface SignalCountsInput {
    name: string;
    skill: SkillSlug;
    successes: ArrayLike<number>;
    trials: ArrayLike<number>;
}

export interface AssessOptions {
    margin: number;
    minSignalTrials: number;
    minConfidence: number;
    falseDiscoveryRate: number;
}

export interface TeamAssessment {
    /** Per signal (same order as the input), per rep: the comparison, or null without trials. */
    comparisons: (RepComparison | null)[][];
    /** The suggestions that passed, any order. */
    accepted: SkillAssessment[];
    /** Every rep × skill that could be assessed. */
    assessed: SkillAssessment[];
}

export function compareSignal(successes: ArrayLike<number>, trials: ArrayLike<number>, margin: number): (RepComparison | null)[] {
    const perRep = Array.from({ length: trials.length }, (_, rep) => ({ successes: successes[rep]!, trials: trials[rep]! }));
    const team = perRep.reduce((sum, rep) => ({ successes: sum.successes + rep.successes, trials: sum.trials + rep.trials }), { successes: 0, trials: 0 });
    const prior = fitBetaPrior(perRep);
    return perRep.map((rep) => (prior && rep.trials > 0 ? compareWithTeam(rep, team, prior, margin) : null));
}

export function assessTeam(signals: readonly SignalCountsInput[], eligible: (rep: number) => boolean, options: AssessOptions): TeamAssessment {
    const repCount = signals[0]?.trials.length ?? 0;
    const comparisons = signals.map((signal) => compareSignal(signal.successes, signal.trials, options.margin));
    const spreads = signals.map((signal) =>
        fitNaturalSpread(Array.from({ length: repCount }, (_, rep) => ({ successes: signal.successes[rep]!, trials: signal.trials[rep]! }))),
    );
    const assessed: SkillAssessment[] = [];
    for (const skill of skillSlugs) {
        const candidates: { rep: number; logBayesFactor: number; corroborated: boolean; usable: SkillAssessment['usable'] }[] = [];
        for (let rep = 0; rep < repCount; rep++) {
            if (!eligible(rep)) continue;
            const observations: SignalObservation[] = [];
            const usable: SkillAssessment['usable'] = [];
            signals.forEach((signal, index) => {
                const comparison = comparisons[index]![rep];
                const spread = spreads[index];
                if (signal.skill !== skill || !comparison || !spread || signal.trials[rep]! < options.minSignalTrials) return;
                observations.push({ successes: signal.successes[rep]!, trials: signal.trials[rep]!, teamRate: comparison.teamRate, concentration: spread.concentration });
                usable.push({ signal: signal.name, trials: signal.trials[rep]!, probabilityWorse: comparison.probabilityWorse });
            });
            if (observations.length < 2) continue;
            const evidence = skillEvidence(observations);
            // One signal must not decide alone: at least two must each favour "worse" (likelihood ratio of 1.5 or more).
            const corroborated = evidence.signalRatios.filter((ratio) => ratio >= corroborationRatio).length >= 2;
            usable.sort((a, b) => b.probabilityWorse - a.probabilityWorse);
            candidates.push({ rep, logBayesFactor: evidence.logBayesFactor, corroborated, usable });
        }
        const prior = estimatePrior(candidates.map((candidate) => candidate.logBayesFactor));
        for (const candidate of candidates) {
            const confidence = candidate.corroborated ? posteriorWeak(candidate.logBayesFactor, prior) : 0;
            assessed.push({ rep: candidate.rep, skill, confidence, usable: candidate.usable });
        }
    }
    return { comparisons, accepted: selectWithFdr(assessed, options.minConfidence, options.falseDiscoveryRate), assessed };
}
