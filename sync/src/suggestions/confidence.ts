// Confidence in words, defined once for the HTML report, the terminal summary and the org write-back
// (Confidence__c), and tied to the calibration `npm run bench:insight` measures (README, "How the
// engine decides"): suggestions are made at 80% or more; stated 0.80–0.95 came out 86–100% correct,
// 0.95 and above 98–100% correct. The panels (lwc/goalPlanData) read the stored whole percent and
// apply the same rule; a test there runs both over the same values.

/** The words for a confidence, from the highest threshold down; thresholds in whole percent. */
export const confidenceLevels = [
    /** The bench's top deciles (0.95–0.99, 0.99–1): 98–100% of these suggestions were right. */
    { from: 95, word: 'high' },
    /** From the 80% at which the analysis suggests a goal: 86–100% right. */
    { from: 80, word: 'moderate' },
    /** Below the bar for a suggestion (a dismissed goal can come back from 75%). */
    { from: 0, word: 'low' },
] as const;

export type ConfidenceWord = (typeof confidenceLevels)[number]['word'];

/** The whole percent that is shown and stored in Confidence__c (Percent(3,0)). */
export function confidencePoints(confidence: number): number {
    return Math.round(confidence * 100);
}

/** A posterior probability is never certainty: what rounds to 100% reads "over 99%". */
export function confidenceText(confidence: number): string {
    const points = confidencePoints(confidence);
    return points > 99 ? 'over 99%' : `${points}%`;
}

export function confidenceWord(confidence: number): ConfidenceWord {
    const points = confidencePoints(confidence);
    return confidenceLevels.find((level) => points >= level.from)?.word ?? 'low';
}

/** "84% (moderate)", "over 99% (high)". */
export function confidenceLabel(confidence: number): string {
    return `${confidenceText(confidence)} (${confidenceWord(confidence)})`;
}
