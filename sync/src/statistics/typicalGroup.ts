// The typical group of a signal: where its healthy reps sit and how far they naturally spread.
//
// Every signal counts a bad outcome, so a weakness only ever pushes a rep's rate up. A method-of-
// moments fit over everyone lets the weak reps inflate the spread until real gaps of 15–30 points
// look like normal variation. Instead the spread is fitted on the typical group only: reps more
// than `typicalCut` standard deviations above the centre (under the current fit) are left out and
// the fit is repeated until it settles, correcting for the healthy tail the cut also removes (the
// variance of a normal cut at 2.5 sd is 0.956 of the whole), so a healthy team keeps its spread.
// The centre starts at the trial-weighted median (untouched by up to half the team being weak),
// the spread at binomial noise alone. Few reps, or few trials each, say little about the spread,
// so the estimate is shrunk toward a typical sales team's spread (`priorConcentration`), each rep
// weighted by how much its trials can tell beyond binomial noise.
import type { BetaPrior, RateCount } from './betaBinomial';

/** A typical (rather wide) rep-to-rep spread: sd of about 7 points at a 30 % rate. */
export const priorConcentration = 40;
/** How many fully informative reps' worth of weight that prior spread carries against the team's own. */
export const priorReps = 3;
/** Bounds on the fitted concentration: never wildly spread, never tighter than binomial noise allows. */
export const typicalConcentrationBounds: [number, number] = [15, 1000];
/** Reps this many standard deviations above their centre are outside the typical group. */
export const typicalCut = 2.5;
/** E[z² | z ≤ 2.5] for a standard normal z: the share of the variance a one-sided cut keeps. */
const keptVariance = 0.956;
const iterations = 10;

const clampRate = (rate: number) => Math.min(0.999, Math.max(0.001, rate));

/** Trial-weighted median of the reps' rates. */
export function weightedMedian(counts: readonly RateCount[]): number {
    const sorted = counts.map((count) => ({ rate: count.successes / count.trials, weight: count.trials })).sort((a, b) => a.rate - b.rate);
    const half = sorted.reduce((sum, item) => sum + item.weight, 0) / 2;
    let seen = 0;
    for (const item of sorted) {
        seen += item.weight;
        if (seen >= half) return item.rate;
    }
    return sorted[sorted.length - 1]!.rate;
}

/** Standardized distance of a rep above the centre, for a spread share rho = 1 / (c + 1). */
function zAbove(count: RateCount, centre: number, rho: number): number {
    return (count.successes / count.trials - centre) / Math.sqrt(centre * (1 - centre) * (1 / count.trials + rho));
}

/** Within the typical group: at most `typicalCut` standard deviations above the centre. */
const isTypical = (count: RateCount, centre: number, rho: number) => zAbove(count, centre, rho) <= typicalCut;

/** One estimate of rho from the reps within the cut, shrunk toward the prior spread. */
function spreadOfKept(counts: readonly RateCount[], centreOf: (rep: number) => number, rho: number): number {
    const prior = 1 / (priorConcentration + 1);
    let sum = 0;
    let inverseTrials = 0;
    let kept = 0;
    counts.forEach((count, rep) => {
        if (count.trials === 0) return;
        const centre = clampRate(centreOf(rep));
        if (!isTypical(count, centre, rho)) return;
        sum += (count.successes / count.trials - centre) ** 2 / (centre * (1 - centre));
        inverseTrials += 1 / count.trials;
        kept += 1;
    });
    // Deviations from a centre fitted on the same reps: k - 1 degrees of freedom.
    const observed = kept > 1 ? Math.max(0, sum / keptVariance / (kept - 1) - inverseTrials / kept) : prior;
    // What the reps say about the spread beyond binomial noise: little when noise dominates (few
    // trials each), so each rep counts as (r / (1 + r))² of one, r = prior spread × trials.
    const signalToNoise = kept > 0 ? prior / (inverseTrials / kept) : 0;
    const effective = kept * (signalToNoise / (1 + signalToNoise)) ** 2;
    return (effective * observed + priorReps * prior) / (effective + priorReps);
}

/**
 * The typical group's spread share rho = 1 / (c + 1) around given per-rep centres (each rep's
 * baseline when segments differ). Starts from binomial noise alone and widens to a fixed point.
 */
export function typicalSpread(counts: readonly RateCount[], centreOf: (rep: number) => number): number {
    let rho = 0;
    for (let iteration = 0; iteration < iterations; iteration++) rho = spreadOfKept(counts, centreOf, rho);
    return rho;
}

/** Concentration c from the spread share 1 / (c + 1), within the bounds. */
export function concentrationOf(spread: number): number {
    const [floor, ceiling] = typicalConcentrationBounds;
    if (spread <= 0) return ceiling;
    return Math.min(ceiling, Math.max(floor, 1 / spread - 1));
}

/** Per rep: within the typical group of a fit (at most `typicalCut` sd above its mean); reps without trials are not. */
export function withinTypical(counts: readonly RateCount[], fit: BetaPrior): boolean[] {
    const centre = clampRate(fit.mean);
    const rho = 1 / (fit.concentration + 1);
    return counts.map((count) => count.trials > 0 && isTypical(count, centre, rho));
}

/**
 * The typical group's mean rate and natural concentration for one signal, from the reps with
 * trials; null when no rep has any.
 */
export function fitTypical(counts: readonly RateCount[]): BetaPrior | null {
    const used = counts.filter((count) => count.trials > 0);
    if (used.length === 0) return null;
    const pooled = (items: readonly RateCount[]) => items.reduce((sum, count) => sum + count.successes, 0) / items.reduce((sum, count) => sum + count.trials, 0);
    const median = weightedMedian(used);
    let centre = median > 0 && median < 1 ? median : pooled(used);
    if (centre <= 0 || centre >= 1) return { mean: centre, concentration: typicalConcentrationBounds[1] };
    // Centre and spread move together, from binomial noise alone: a centre raised by weak reps is
    // pulled back before the spread can widen enough to take them in.
    let rho = 0;
    for (let iteration = 0; iteration < iterations; iteration++) {
        const current = centre;
        const kept = used.filter((count) => isTypical(count, clampRate(current), rho));
        if (kept.length === 0) break;
        centre = pooled(kept);
        rho = spreadOfKept(used, () => centre, rho);
    }
    // The spread settled around the final centre.
    rho = typicalSpread(used, () => centre);
    return { mean: centre, concentration: concentrationOf(rho) };
}
