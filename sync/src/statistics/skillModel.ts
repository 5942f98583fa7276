// The skill-level model: is this rep weak in this skill, given all of the skill's signals?
//
// Two groups of reps (Efron's two-group model, made Bayesian):
// - typical: each signal's rate varies around the rest of the team's rate with the team's natural
//   spread (a beta-binomial with the team's fitted concentration), except that any one signal may
//   be far off for reasons outside the skill with a small probability (`offInTypical`), so one
//   extreme signal with no company cannot on its own make a rep look weak;
// - weak: the rate is shifted up by δ on the logit scale (δ uniform on a grid from a practical
//   minimum upward) in each signal the weakness shows in; it shows in at least one of the skill's
//   signals and in each with probability `showsIn`, so a rep need not be worse on every signal of
//   the skill, and one signal far off can carry a weakness that shows nowhere else.
// The Bayes factor of weak vs typical times the prior odds (π, the share of weak reps for the skill,
// estimated from the team by EM) gives the posterior probability that the rep is weak: the
// confidence. Computed with log-beta functions from @stdlib, never hand-rolled special functions.
import betaln from '@stdlib/math-base-special-betaln';

export interface SignalObservation {
    successes: number;
    trials: number;
    /** The rest of the team's rate. */
    teamRate: number;
    /** The team's natural concentration (alpha + beta) for this signal. */
    concentration: number;
    /** Activity volume: far off in typical reps more often (logging habits), by any shift. */
    activityVolume?: boolean;
}

export interface SkillModelOptions {
    /** Smallest logit shift that counts as a weakness (0.4 ≈ +9 points at a 30% base rate). */
    minShift: number;
    maxShift: number;
    /**
     * Chance that a weakness shows in a given signal of the skill (given that it shows in one): a
     * mechanism usually shows in one signal (no decision maker named, close dates pushed), rarely in all.
     */
    showsIn: number;
    /**
     * Chance that one signal of a typical rep is far off for reasons outside the skill (a territory,
     * a few odd deals): the typical group's tails are heavier than one beta. It bounds what one
     * signal alone can add to the Bayes factor at about showsIn / offInTypical (200; about 250 in a
     * three-signal skill, the weakness shown in at least one).
     */
    offInTypical: number;
    /**
     * How far (logit) such an outside reason moves a rate at most: a territory or a few odd deals
     * move it moderately (2.0 ≈ +46 points at a 30 % base rate), so a signal far beyond that on many
     * deals is explained only by a weakness, and one overwhelming signal can decide.
     */
    maxOffShift: number;
    /**
     * The chance that a typical rep's activity-volume signals are off, all of them at once: logging
     * habits (and segments that log more) differ between typical reps.
     */
    offInTypicalVolume: number;
}

export const defaultSkillModel: SkillModelOptions = { minShift: 0.4, maxShift: 2.5, showsIn: 0.4, offInTypical: 0.002, maxOffShift: 2.0, offInTypicalVolume: 0.05 };

const gridSize = 12;
const clampRate = (rate: number) => Math.min(0.995, Math.max(0.005, rate));
const logit = (p: number) => Math.log(p / (1 - p));
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** log of the beta-binomial likelihood without the binomial coefficient (it cancels in ratios). */
function logBetaBinomial(successes: number, trials: number, rate: number, concentration: number): number {
    const alpha = rate * concentration;
    const beta = (1 - rate) * concentration;
    return betaln(successes + alpha, trials - successes + beta) - betaln(alpha, beta);
}

export interface SkillEvidence {
    /** log Bayes factor weak vs typical. */
    logBayesFactor: number;
    /** Per signal, the likelihood ratio worse-vs-typical at the best-supported shift. */
    signalRatios: number[];
}

export function skillEvidence(observations: readonly SignalObservation[], model: SkillModelOptions = defaultSkillModel): SkillEvidence {
    const shifts = Array.from({ length: gridSize }, (_, k) => model.minShift + ((model.maxShift - model.minShift) * k) / (gridSize - 1));
    // ratios[s][k]: likelihood ratio of signal s at shift k against the typical rate.
    const ratios = observations.map((observation) => {
        const base = clampRate(observation.teamRate);
        const typical = logBetaBinomial(observation.successes, observation.trials, base, observation.concentration);
        return shifts.map((shift) => {
            const shifted = clampRate(logistic(logit(base) + shift));
            return Math.exp(logBetaBinomial(observation.successes, observation.trials, shifted, observation.concentration) - typical);
        });
    });
    // A weakness shows in at least one of the skill's signals: "weak but showing nowhere" would only
    // dilute every Bayes factor, the more so the more signals a skill has.
    const showsNowhere = (1 - model.showsIn) ** ratios.length;
    let bayesFactor = 0;
    for (let k = 0; k < shifts.length; k++) {
        let product = 1;
        for (const ratio of ratios) product *= 1 - model.showsIn + model.showsIn * ratio[k]!;
        bayesFactor += (showsNowhere < 1 ? (product - showsNowhere) / (1 - showsNowhere) : product) / shifts.length;
    }
    // Under "typical", a signal far off for other reasons is shifted by up to `maxOffShift`.
    const offShifts = shifts.map((shift, k) => (shift <= model.maxOffShift ? k : -1)).filter((k) => k >= 0);
    // Activity-volume signals are off together or not at all: one logging habit (or a segment that
    // logs more) moves them all, so two of them far off are one reason, not two. The habit may move
    // a volume signal either way (a heavy logger is high on activity per stage and low on neglected
    // large deals), so under it no volume signal counts against the typical group.
    let typicalFactor = 1;
    let volumeRatio = 1;
    let volumeSignals = 0;
    ratios.forEach((ratio, s) => {
        if (observations[s]!.activityVolume === true) {
            volumeRatio *= Math.max(1, ratio.reduce((sum, value) => sum + value, 0) / ratio.length);
            volumeSignals += 1;
            return;
        }
        const averageRatio = offShifts.reduce((sum, k) => sum + ratio[k]!, 0) / offShifts.length;
        typicalFactor *= 1 - model.offInTypical + model.offInTypical * averageRatio;
    });
    if (volumeSignals > 0) typicalFactor *= 1 - model.offInTypicalVolume + model.offInTypicalVolume * volumeRatio;
    return {
        logBayesFactor: Math.log(bayesFactor) - Math.log(typicalFactor),
        signalRatios: ratios.map((ratio) => Math.max(...ratio)),
    };
}

export function posteriorWeak(logBayesFactor: number, prior: number): number {
    const logOdds = logBayesFactor + Math.log(prior / (1 - prior));
    return logistic(logOdds);
}

/** Bounds on the share of weak reps the EM may settle on. */
export const minPrior = 0.02;
export const maxPrior = 0.5;
/**
 * The share is estimated with one weak and nine typical reps' worth of prior weight (a Beta(1, 9)
 * prior, mean 10 %), so an 8-rep team is shrunk toward a typical share rather than toward itself.
 */
export const priorWeakReps = 1;
export const priorTypicalReps = 9;

/**
 * Empirical-Bayes estimate of the share of reps weak in a skill: EM on the two-group mixture, the
 * Bayes factors held fixed. A healthy team drives it down to a share near 1 / (reps + 10).
 */
export function estimatePrior(logBayesFactors: readonly number[]): number {
    if (logBayesFactors.length === 0) return minPrior;
    let prior = 0.1;
    for (let iteration = 0; iteration < 100; iteration++) {
        const weak = logBayesFactors.reduce((sum, logBf) => sum + posteriorWeak(logBf, prior), 0);
        const next = Math.min(maxPrior, Math.max(minPrior, (weak + priorWeakReps) / (logBayesFactors.length + priorWeakReps + priorTypicalReps)));
        if (Math.abs(next - prior) < 1e-6) break;
        prior = next;
    }
    return prior;
}
