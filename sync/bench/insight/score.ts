// Scoring the engine's suggestions against what a family planted: precision, recall, healthy-team
// false alarms and the calibration of the stated confidence.
import type { AnalysisResult, SkillSlug } from '../../src/core/contract';
import type { Truth } from './family';

export interface OrgScore {
    truePositives: number;
    falsePositives: number;
    planted: number;
    reps: number;
    closed: number;
    /** Per suggestion: its stated confidence and whether the skill was planted. */
    judged: { confidence: number; correct: boolean }[];
}

export function scoreOrg(result: AnalysisResult, truth: Truth): OrgScore {
    const score: OrgScore = { truePositives: 0, falsePositives: 0, planted: 0, reps: 0, closed: 0, judged: [] };
    for (const rep of result.reps) {
        const planted = truth.get(rep.id);
        if (!planted || rep.withheld) continue;
        score.reps += 1;
        score.closed += rep.closed;
        score.planted += planted.size;
        for (const suggestion of rep.suggestions) {
            const correct = planted.has(suggestion.skill);
            if (correct) score.truePositives += 1;
            else score.falsePositives += 1;
            score.judged.push({ confidence: suggestion.confidence, correct });
        }
    }
    return score;
}

export const precisionOf = (score: Pick<OrgScore, 'truePositives' | 'falsePositives'>) =>
    score.truePositives + score.falsePositives === 0 ? 1 : score.truePositives / (score.truePositives + score.falsePositives);
export const recallOf = (score: Pick<OrgScore, 'truePositives' | 'planted'>) => (score.planted === 0 ? 1 : score.truePositives / score.planted);

export function pooled(scores: readonly OrgScore[]): OrgScore {
    return scores.reduce(
        (sum, score) => ({
            truePositives: sum.truePositives + score.truePositives,
            falsePositives: sum.falsePositives + score.falsePositives,
            planted: sum.planted + score.planted,
            reps: sum.reps + score.reps,
            closed: sum.closed + score.closed,
            judged: [...sum.judged, ...score.judged],
        }),
        { truePositives: 0, falsePositives: 0, planted: 0, reps: 0, closed: 0, judged: [] },
    );
}

export interface CalibrationRow {
    from: number;
    to: number;
    count: number;
    meanConfidence: number;
    shareCorrect: number;
}

/** Stated confidence in deciles (the top decile split at 0.95 and 0.99) against the share correct. */
export function calibration(judged: readonly { confidence: number; correct: boolean }[]): CalibrationRow[] {
    const edges = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0001];
    const rows: CalibrationRow[] = [];
    for (let k = 0; k + 1 < edges.length; k++) {
        const inBin = judged.filter((item) => item.confidence >= edges[k]! && item.confidence < edges[k + 1]!);
        if (inBin.length === 0) continue;
        rows.push({
            from: edges[k]!,
            to: Math.min(1, edges[k + 1]!),
            count: inBin.length,
            meanConfidence: inBin.reduce((sum, item) => sum + item.confidence, 0) / inBin.length,
            shareCorrect: inBin.filter((item) => item.correct).length / inBin.length,
        });
    }
    return rows;
}

/** Scores flags of a peer method (per rep index, the skills flagged) on the eligible reps, as `scoreOrg` does the engine's. */
export function scoreFlags(flags: ReadonlyMap<number, ReadonlySet<SkillSlug>>, repIds: readonly string[], eligible: (rep: number) => boolean, closed: ArrayLike<number>, truth: Truth): OrgScore {
    const score: OrgScore = { truePositives: 0, falsePositives: 0, planted: 0, reps: 0, closed: 0, judged: [] };
    repIds.forEach((id, rep) => {
        const planted = truth.get(id);
        if (!planted || !eligible(rep)) return;
        score.reps += 1;
        score.closed += closed[rep]!;
        score.planted += planted.size;
        for (const skill of flags.get(rep) ?? []) {
            if (planted.has(skill)) score.truePositives += 1;
            else score.falsePositives += 1;
        }
    });
    return score;
}
