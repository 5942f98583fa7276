// Scoring the engine's suggestions against what a family planted: precision, recall, healthy-team
// false alarms and the calibration of the stated confidence.
import { skillSlugs, type AnalysisResult, type SkillSlug } from '../../src/core/contract';
import { strengthBandOf, strengthBands, type Truth } from './family';

export interface OrgScore {
    truePositives: number;
    falsePositives: number;
    planted: number;
    reps: number;
    closed: number;
    /** Per suggestion: its stated confidence and whether the skill was planted. */
    judged: { confidence: number; correct: boolean }[];
    /** Per skill: how many reps had it planted, and how many of them were found. */
    bySkill: Record<SkillSlug, { planted: number; found: number }>;
    /** Per band of planted strength (`strengthBands`): how many planted needs, and how many found. */
    byStrength: { planted: number; found: number }[];
}

const skillsOf = (count: (skill: SkillSlug) => { planted: number; found: number }): OrgScore['bySkill'] =>
    Object.fromEntries(skillSlugs.map((skill) => [skill, count(skill)])) as OrgScore['bySkill'];
const noSkills = () => skillsOf(() => ({ planted: 0, found: 0 }));
const noStrengths = () => strengthBands.map(() => ({ planted: 0, found: 0 }));
const emptyScore = (): OrgScore => ({ truePositives: 0, falsePositives: 0, planted: 0, reps: 0, closed: 0, judged: [], bySkill: noSkills(), byStrength: noStrengths() });

/** Counts one rep's planted skills and which of them were found, per skill and per band of strength. */
function countSkills(score: OrgScore, planted: ReadonlyMap<SkillSlug, number>, found: (skill: SkillSlug) => boolean): void {
    for (const [skill, strength] of planted) {
        const band = score.byStrength[strengthBandOf(strength)]!;
        score.bySkill[skill].planted += 1;
        band.planted += 1;
        if (!found(skill)) continue;
        score.bySkill[skill].found += 1;
        band.found += 1;
    }
}

export function scoreOrg(result: AnalysisResult, truth: Truth): OrgScore {
    const score = emptyScore();
    for (const rep of result.reps) {
        const planted = truth.get(rep.id);
        if (!planted || rep.withheld) continue;
        score.reps += 1;
        score.closed += rep.closed;
        score.planted += planted.size;
        countSkills(score, planted, (skill) => rep.suggestions.some((suggestion) => suggestion.skill === skill));
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
            bySkill: skillsOf((skill) => ({ planted: sum.bySkill[skill].planted + score.bySkill[skill].planted, found: sum.bySkill[skill].found + score.bySkill[skill].found })),
            byStrength: sum.byStrength.map((band, k) => ({ planted: band.planted + score.byStrength[k]!.planted, found: band.found + score.byStrength[k]!.found })),
        }),
        emptyScore(),
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
    const score = emptyScore();
    repIds.forEach((id, rep) => {
        const planted = truth.get(id);
        if (!planted || !eligible(rep)) return;
        score.reps += 1;
        score.closed += closed[rep]!;
        score.planted += planted.size;
        countSkills(score, planted, (skill) => flags.get(rep)?.has(skill) === true);
        for (const skill of flags.get(rep) ?? []) {
            if (planted.has(skill)) score.truePositives += 1;
            else score.falsePositives += 1;
        }
    });
    return score;
}
