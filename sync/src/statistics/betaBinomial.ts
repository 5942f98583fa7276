// Empirical-Bayes beta-binomial comparison of one rep's rate with the team's.
//
// Each rep's true rate of a bad outcome is modelled as drawn from a Beta prior fitted to the whole
// team (method of moments on the between-rep variance beyond binomial noise). A rep's posterior is
// Beta(prior + their successes/failures): with few deals it stays near the team, with many it moves
// toward the rep's own rate. The question asked of it: how probable is it that the rep's true rate
// exceeds the rest of the team's by at least a practical margin?
import betaCdf from '@stdlib/stats-base-dists-beta-cdf';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';

export interface RateCount {
    successes: number;
    trials: number;
}

export interface BetaPrior {
    mean: number;
    /** alpha + beta: how many deals' worth of weight the team prior carries. */
    concentration: number;
}

/** Bounds on the prior weight: never ignore the team entirely, never let it swamp 1,000 deals. */
export const minConcentration = 4;
export const maxConcentration = 1000;

/**
 * Fits the team prior by the method of moments: the intra-class correlation rho is estimated from the
 * spread of rep rates beyond what binomial noise explains; concentration = 1/rho - 1.
 */
export function fitBetaPrior(counts: readonly RateCount[]): BetaPrior | null {
    const used = counts.filter((count) => count.trials > 0);
    const total = used.reduce((sum, count) => sum + count.trials, 0);
    const successes = used.reduce((sum, count) => sum + count.successes, 0);
    if (used.length === 0 || total === 0) return null;
    const mean = successes / total;
    if (mean <= 0 || mean >= 1 || used.length < 2 || total <= used.length) {
        return { mean, concentration: maxConcentration };
    }
    let spread = 0;
    for (const count of used) spread += count.trials * (count.successes / count.trials - mean) ** 2;
    const rho = (spread / (mean * (1 - mean)) - (used.length - 1)) / (total - used.length);
    const concentration = rho <= 0 ? maxConcentration : Math.min(maxConcentration, Math.max(minConcentration, 1 / rho - 1));
    return { mean, concentration };
}

export interface RepComparison {
    /** The rest of the team's pooled rate (the rep left out). */
    teamRate: number;
    /** Posterior mean of the rep's rate. */
    shrunkRate: number;
    /** 90% credible interval of the rep's rate. */
    interval: [number, number];
    /** Posterior probability that the rep's rate exceeds the team's by at least the margin. */
    probabilityWorse: number;
}

export function compareWithTeam(rep: RateCount, team: RateCount, prior: BetaPrior, margin: number): RepComparison | null {
    const othersTrials = team.trials - rep.trials;
    const othersSuccesses = team.successes - rep.successes;
    // Leave the rep out of the reference; a team of one compares with the prior mean.
    const teamRate = othersTrials > 0 ? othersSuccesses / othersTrials : prior.mean;
    return compareWithBaseline(rep, teamRate, prior.concentration, margin);
}

/** The rep against a given reference rate, the rep's rate drawn from Beta(reference, concentration). */
export function compareWithBaseline(rep: RateCount, teamRate: number, concentration: number, margin: number): RepComparison {
    const prior = { concentration };
    const center = Math.min(Math.max(teamRate, 0.001), 0.999);
    const alpha = prior.concentration * center + rep.successes;
    const beta = prior.concentration * (1 - center) + (rep.trials - rep.successes);
    const bar = teamRate + margin;
    const probabilityWorse = bar >= 1 ? 0 : 1 - betaCdf(bar, alpha, beta);
    return {
        teamRate,
        shrunkRate: alpha / (alpha + beta),
        interval: [betaQuantile(0.05, alpha, beta), betaQuantile(0.95, alpha, beta)],
        probabilityWorse,
    };
}
