// The analysis result: the stable JSON contract that `goal-coach analyze --json` writes and that
// the org write-back, the HTML report and other tools read.
import { z } from 'zod';

export const skillSlugs = ['decision-process', 'priority-management', 'emotional-intelligence'] as const;
export const SkillSlug = z.enum(skillSlugs);
export type SkillSlug = z.infer<typeof SkillSlug>;

/** Picklist value of Learning_Goal__c.Skill__c for each skill. */
export const skillLabels: Record<SkillSlug, string> = {
    'decision-process': 'Decision Process',
    'priority-management': 'Priority Management',
    'emotional-intelligence': 'Emotional Intelligence',
};

export const Evidence = z.object({
    signal: z.string(),
    /** The signal's plain name (its module's `label`), e.g. "Losses at the decision stages"; absent in results written before labels. */
    label: z.string().optional(),
    /** The rep's value of the signal (a rate 0..1, or a number such as median days). */
    rep: z.number().nullable(),
    /** The rep's baseline for the same signal (see RepResult.baselines): "team" everywhere. */
    team: z.number().nullable(),
    /** How many of the rep's records the rep value stands on. */
    n: z.number().int().nonnegative(),
    /** The evidence in plain words, e.g. "7 of 9 losses came after Proposal; team: 3 of 9". */
    note: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

export const Suggestion = z.object({
    skill: SkillSlug,
    confidence: z.number().min(0).max(1),
    summary: z.string(),
    evidence: z.array(Evidence),
});
export type Suggestion = z.infer<typeof Suggestion>;

/** Signal values by signal name; null where the signal has no data. */
export const SignalValues = z.record(z.string(), z.number().nullable());

/** Lost deals counted by the last open stage they reached before Closed Lost. */
export const LossesByStage = z.record(z.string(), z.number().int().nonnegative());

export const RepResult = z.object({
    id: z.string(),
    name: z.string(),
    managerId: z.string().nullable(),
    closed: z.number().int(),
    won: z.number().int(),
    lost: z.number().int(),
    winRate: z.number().nullable(),
    signals: SignalValues,
    /**
     * Per signal, the rep's baseline: the typical reps' rate for the rep's own mix of deals. It is the
     * one "team" figure the reports and the evidence show for the rep; null without the rep's trials.
     */
    baselines: SignalValues.default({}),
    lossesByStage: LossesByStage,
    suggestions: z.array(Suggestion),
    withheld: z.literal('insufficient data').optional(),
});
export type RepResult = z.infer<typeof RepResult>;

export const AnalysisResult = z.object({
    asOf: z.string(),
    window: z.object({ from: z.string(), to: z.string() }),
    /** The open stages the analysis treats as decision stages, in sales-process order. */
    decisionStages: z.array(z.string()).default([]),
    team: z.object({
        closed: z.number().int(),
        won: z.number().int(),
        lost: z.number().int(),
        winRate: z.number().nullable(),
        signals: SignalValues,
        lossesByStage: LossesByStage,
    }),
    reps: z.array(RepResult),
});
export type AnalysisResult = z.infer<typeof AnalysisResult>;
