// Options of an analysis, with their defaults. The CLI and the org sync both pass these to analyze().
import { z } from 'zod';
import { toId18 } from './core/salesforceId';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date as YYYY-MM-DD' });

/** Closed deals a rep needs in the window before the analysis suggests anything. */
export const defaultMinClosedDeals = 15;

export const AnalyzeOptions = z.object({
    /** The day the analysis looks back from; default: the export's last modification date (never after today). */
    asOf: isoDay.optional(),
    /** Closed deals in the last `months` months count. */
    months: z.number().int().min(1).max(120).default(12),
    /** Stages that count as decision stages; default: open stages at `decisionProbability` or more. */
    decisionStages: z.array(z.string().min(1)).optional(),
    decisionProbability: z.number().min(0).max(100).default(50),
    /** Contact roles that show the decision process was mapped. */
    decisionRoles: z.array(z.string().min(1)).default(['Decision Maker', 'Economic Buyer', 'Economic Decision Maker']),
    /** An open deal with no completed activity (open tasks do not count) or stage change for this many days is stale. */
    staleDays: z.number().int().min(1).max(365).default(30),
    /** Days after a meeting in which a stage advance or follow-up counts. */
    followUpDays: z.number().int().min(1).max(180).default(30),
    /** Reps with fewer closed deals in the window get "insufficient data" instead of suggestions. */
    minClosedDeals: z.number().int().min(1).default(defaultMinClosedDeals),
    /** A signal needs this many trials for a rep before it counts as evidence. */
    minSignalTrials: z.number().int().min(1).default(5),
    /** How much worse than the team (absolute rate) counts as a practical difference. */
    margin: z.number().min(0).max(0.5).default(0.05),
    /**
     * Compare reps of a sizeable sub-team (same manager) that clearly differs with its own typical
     * reps. Off by default: a sub-team made mostly of weak reps looks exactly like a sub-team whose
     * work differs, and its weaknesses would be explained away.
     */
    subTeamBaselines: z.boolean().default(false),
    /** Smallest calibrated confidence at which a learning goal is suggested. */
    minConfidence: z.number().min(0.5).max(0.999).default(0.8),
    /** Bayesian false-discovery rate allowed across all reps × skills suggested. */
    falseDiscoveryRate: z.number().min(0.001).max(0.5).default(0.1),
    /** Only report these reps (15- or 18-character User ids); the team baseline still uses everyone. */
    repIds: z
        .array(z.string().refine((id) => toId18(id) !== null, { error: 'is not a 15- or 18-character Salesforce id' }))
        .optional(),
});
export type AnalyzeOptions = z.infer<typeof AnalyzeOptions>;
export type AnalyzeOptionsInput = z.input<typeof AnalyzeOptions>;
