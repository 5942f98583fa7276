// Decides what to write back to the org for one analysis: one Goal_Plan__c per rep per period and
// one Learning_Goal__c per suggestion, compared field by field with what the org holds, so that only
// changed records are written and no human decision is ever overwritten. Pure: no I/O.
import { z } from 'zod';
import { skillLabels, type AnalysisResult, type SkillSlug, type Suggestion } from '../core/contract';
import { addYears, format, subDays } from 'date-fns';
import { requireId18 } from '../core/salesforceId';
import { defaultMinClosedDeals } from '../options';
import { lossProfile, type LossProfile } from '../report/lossProfile';
import { confidencePoints } from '../suggestions/confidence';
import { learningGoals } from '../suggestions/learningGoals';
import { noSuggestionNotes, repStanding } from '../suggestions/noPattern';
import { evidenceLine } from '../suggestions/phrasing';

/** A dismissed goal comes back only when its evidence strength rose by at least this much... */
export const resuggestStrengthMargin = 0.15;
/** ...and the analysis is at least this confident. */
export const resuggestMinConfidence = 0.75;

const nullableNumber = z
    .string()
    .nullable()
    .transform((value, context) => {
        if (value === null) return null;
        const number = Number(value);
        if (Number.isNaN(number)) {
            context.addIssue({ code: 'custom', message: `"${value}" is not a number` });
            return z.NEVER;
        }
        return number;
    });

/**
 * The fields of the discovery conversation a manager has with the rep: the reality check, what the
 * why costs, the rep's own earnings and rate, the trigger event, why the plan started, the lottery
 * follow-up and the first stepping stone the rep chose.
 * Goal_Coach_Integration has no field-level security on them at all.
 */
export const conversationPlanFields = [
    'Reality_Check__c',
    'Reality_Check_Read__c',
    'Why_Cost__c',
    'Why_Pays_For__c',
    'Comp_Plan_Ceiling__c',
    'Earnings_Target__c',
    'Commission_Rate__c',
    'Trigger_Event_Type__c',
    'Trigger_Event_Date__c',
    'Plan_Start_Reason__c',
    'Discovery_Dream_Cost__c',
    'First_Stone_Target__c',
] as const;

/**
 * The Goal_Plan__c fields that belong to the rep and manager: the write-back never reads them (they
 * are not in ExistingPlan) and never writes them, on insert or on update, and Goal_Coach_Integration
 * has no field-level security on any of them.
 */
export const humanPlanFields = [
    'Outcome_Target__c',
    'Selling_Weeks__c',
    'Why_Goal__c',
    'Why_Ladder__c',
    'Discovery_Six_Months__c',
    'Discovery_Three_Years__c',
    'Discovery_Ten_Million__c',
    'Discovery_Unfinished__c',
    'Discovery_Most_Earned__c',
    ...conversationPlanFields,
] as const;

/**
 * The Goal_Plan__c fields the write-back reads. Name, Rep__c and the period dates are set on insert
 * only (people may change them afterwards), so they are neither read nor compared; the
 * `humanPlanFields` are never read nor written.
 */
export const ExistingPlan = z.object({
    Id: z.string(),
    Plan_Key__c: z.string(),
    Loss_Profile__c: z.string().nullable(),
    OwnerId: z.string().nullable(),
    CreatedById: z.string().nullable(),
    LastModifiedById: z.string().nullable(),
    LastModifiedDate: z.string().nullable(),
});
export type ExistingPlan = z.infer<typeof ExistingPlan>;
export const existingPlanFields = Object.keys(ExistingPlan.shape);

export const ExistingGoal = z.object({
    Id: z.string(),
    Suggestion_Key__c: z.string(),
    Status__c: z.string().nullable(),
    LastModifiedById: z.string().nullable(),
    LastModifiedDate: z.string().nullable(),
    Skill__c: z.string().nullable(),
    Summary__c: z.string().nullable(),
    Evidence__c: z.string().nullable(),
    Evidence_Json__c: z.string().nullable(),
    Confidence__c: nullableNumber,
    Evidence_Strength__c: nullableNumber,
    /** In the recycle bin (read with queryAll). */
    IsDeleted: z
        .string()
        .nullable()
        .optional()
        .transform((value) => value === 'true'),
});
export type ExistingGoal = z.infer<typeof ExistingGoal>;
export const existingGoalFields = Object.keys(ExistingGoal.shape);

export interface Period {
    /** yyyy-MM-dd */
    start: string;
    /** yyyy-MM-dd */
    end: string;
    /** For plan names, e.g. "FY2026". */
    label: string;
}

export type FieldValues = Record<string, string | number | boolean | null | { Plan_Key__c: string }>;

export type GoalAction =
    | 'insert'
    | 'update'
    | 'unchanged'
    | 'resuggest'
    /** Withdrawn by an earlier run, suggested again now: back to Suggested. */
    | 'restore'
    /** Still Suggested and untouched, but the analysis no longer makes it: Withdrawn, never deleted. */
    | 'withdraw'
    /** Accepted, In Progress or Achieved: the rep and manager own it now. */
    | 'kept-decision'
    /** Still Suggested, but someone other than the integration user edited it. */
    | 'kept-edited'
    /** Dismissed, and the evidence did not get materially worse. */
    | 'kept-dismissed'
    /** Someone deleted it: it stays deleted. */
    | 'kept-deleted';

export interface GoalDecision {
    key: string;
    repId: string;
    skill: SkillSlug;
    action: GoalAction;
}

export interface WritePlan {
    plans: FieldValues[];
    /**
     * `{ Plan_Key__c, OwnerId }` per plan to hand to its rep, written after `plans`: new plans, which
     * the insert leaves with the integration user, and plans someone else owns now.
     */
    transfers: FieldValues[];
    goals: FieldValues[];
    planActions: { key: string; action: 'insert' | 'update' | 'unchanged' }[];
    goalDecisions: GoalDecision[];
    /** Counted problems with the input (e.g. a rep id that is not a Salesforce id). */
    warnings: string[];
}

export interface PlanInput {
    result: AnalysisResult;
    period: Period;
    existingPlans: ReadonlyMap<string, ExistingPlan>;
    existingGoals: ReadonlyMap<string, ExistingGoal>;
    integrationUserId: string;
    /** ISO timestamp for Last_Analyzed__c. */
    now: string;
    /** The analysis's minimum of closed deals per rep, for a withheld rep's standing (default: the analysis default). */
    minClosedDeals?: number;
}

/** Learning_Goal__c.Name per skill: the title the reports suggest (suggestions/learningGoals.ts). */
export const goalTitles = Object.fromEntries(
    Object.entries(learningGoals).map(([skill, hint]) => [skill, hint.title]),
) as Record<SkillSlug, string>;

export function planKey(repId18: string, periodStart: string): string {
    return `${repId18}:${periodStart}`;
}

/** The plan keys of an analysis's reps: what the write-back reads before it plans. */
export function analysisPlanKeys(result: AnalysisResult, period: Period): string[] {
    const keys: string[] = [];
    for (const rep of result.reps) {
        try {
            keys.push(planKey(requireId18(rep.id), period.start));
        } catch {
            // planWriteBack warns about the id and skips the rep.
        }
    }
    return keys;
}

export function suggestionKey(repId18: string, skill: SkillSlug, periodStart: string): string {
    return `${repId18}:${skill}:${periodStart}`;
}

/**
 * How far the rep is from the team on the suggestion's evidence, 0..1: the mean over evidence items
 * of the gap (absolute for rates in 0..1, relative to the larger value otherwise). Stored in
 * Evidence_Strength__c so that a later run can tell whether things got materially worse.
 */
export function evidenceStrength(suggestion: Suggestion): number {
    const gaps: number[] = [];
    for (const item of suggestion.evidence) {
        if (item.rep === null || item.team === null) continue;
        const isRate = item.rep >= 0 && item.rep <= 1 && item.team >= 0 && item.team <= 1;
        // Not a rate: one of the values lies outside 0..1, so the scale is never 0.
        const scale = isRate ? 1 : Math.max(Math.abs(item.rep), Math.abs(item.team));
        gaps.push(Math.min(1, Math.abs(item.rep - item.team) / scale));
    }
    if (gaps.length === 0) return 0;
    return round(gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length, 4);
}

function round(value: number, digits: number): number {
    const factor = 10 ** digits;
    return Math.round(value * factor) / factor;
}

function truncate(text: string, length: number): string {
    return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/** A stored Loss_Profile__c without its as-of day, to compare with what the analysis would write now. */
function storedProfile(text: string | null): unknown {
    if (!text) return null;
    try {
        const shown = JSON.parse(text) as Record<string, unknown>;
        delete shown.asOf;
        return shown;
    } catch {
        return null;
    }
}

/** The goal fields the analysis owns, as they should be now. */
function goalContent(suggestion: Suggestion): FieldValues {
    return {
        Skill__c: skillLabels[suggestion.skill],
        Summary__c: truncate(suggestion.summary, 255),
        Evidence__c: truncate(suggestion.evidence.map(evidenceLine).join('\n'), 32768),
        Evidence_Json__c: JSON.stringify(suggestion.evidence),
        Confidence__c: confidencePoints(suggestion.confidence),
        Evidence_Strength__c: evidenceStrength(suggestion),
    };
}

/**
 * A new suggested Learning_Goal__c as the sync inserts it: title, status, source and the analysis's
 * content. The preview seeds its sample goals with this same function.
 */
export function suggestedGoalFields(suggestion: Suggestion): FieldValues {
    return { Name: goalTitles[suggestion.skill], Status__c: 'Suggested', Source__c: 'Analysis', ...goalContent(suggestion) };
}

function changedFields(wanted: FieldValues, existing: Record<string, unknown>): FieldValues {
    const changed: FieldValues = {};
    for (const [field, value] of Object.entries(wanted)) {
        const current = existing[field] ?? null;
        const same = typeof value === 'number' && typeof current === 'number' ? Math.abs(value - current) < 1e-9 : value === current;
        if (!same) changed[field] = value;
    }
    return changed;
}

/**
 * The human-decision rule for an existing Learning_Goal__c. A deleted goal is not suggested again
 * while it is in the recycle bin; Accepted, In Progress and Achieved goals are never touched; a Suggested goal someone else edited is never touched; a Dismissed goal comes
 * back (Status__c = Suggested, Dismissed_Reason__c kept) only when the evidence strength rose by at
 * least `resuggestStrengthMargin` over the strength stored when it was written, with confidence at
 * least `resuggestMinConfidence`. A goal the sync withdrew comes back as Suggested; one a person
 * edited after it was withdrawn stays as they left it.
 */
export function decideGoal(existing: ExistingGoal | undefined, suggestion: Suggestion, integrationUserId: string): { action: GoalAction; fields: FieldValues } {
    const content = goalContent(suggestion);
    if (!existing) {
        return { action: 'insert', fields: suggestedGoalFields(suggestion) };
    }
    if (existing.IsDeleted) return { action: 'kept-deleted', fields: {} };
    if (existing.Status__c === 'Dismissed') {
        const stored = existing.Evidence_Strength__c;
        const newStrength = content.Evidence_Strength__c as number;
        const materiallyWorse = stored !== null && newStrength - stored >= resuggestStrengthMargin - 1e-9 && suggestion.confidence >= resuggestMinConfidence;
        return materiallyWorse ? { action: 'resuggest', fields: { Status__c: 'Suggested', ...content } } : { action: 'kept-dismissed', fields: {} };
    }
    if (existing.Status__c === 'Withdrawn' && existing.LastModifiedById === integrationUserId) {
        return { action: 'restore', fields: { Status__c: 'Suggested', Withdrawn_Reason__c: null, Withdrawn_Date__c: null, ...changedFields(content, existing) } };
    }
    if (existing.Status__c !== 'Suggested' && existing.Status__c !== 'Withdrawn') return { action: 'kept-decision', fields: {} };
    if (existing.LastModifiedById !== integrationUserId) return { action: 'kept-edited', fields: {} };
    const changed = changedFields(content, existing);
    return Object.keys(changed).length === 0 ? { action: 'unchanged', fields: {} } : { action: 'update', fields: changed };
}

/**
 * A suggestion of this period that the analysis no longer makes is withdrawn, only while nobody has
 * acted on it: still Suggested and last changed by the integration user. Withdrawn, never deleted.
 */
export function decideWithdrawal(existing: ExistingGoal, asOf: string, now: string, integrationUserId: string): FieldValues | null {
    if (existing.IsDeleted || existing.Status__c !== 'Suggested') return null;
    if (!existing.LastModifiedById || requireId18(existing.LastModifiedById) !== integrationUserId) return null;
    return {
        Status__c: 'Withdrawn',
        Withdrawn_Reason__c: `The analysis as of ${asOf.slice(0, 10)} no longer suggests this goal: the evidence no longer sets the rep apart from the team.`,
        Withdrawn_Date__c: now.slice(0, 10),
    };
}

/** The rep and skill of a suggestion key of this period, or null for another period's key. */
function parseSuggestionKey(key: string, periodStart: string): { repId: string; skill: SkillSlug } | null {
    const [repId, skill, start, ...rest] = key.split(':');
    if (rest.length > 0 || start !== periodStart || !repId || !(skill! in skillLabels)) return null;
    return { repId, skill: skill as SkillSlug };
}

/** Withdraws the analysed reps' untouched suggestions of this period that this analysis did not make. */
function planWithdrawals(input: PlanInput, analysedReps: ReadonlySet<string>, writePlan: WritePlan): void {
    const suggested = new Set(writePlan.goalDecisions.map((decision) => decision.key));
    const integrationUser18 = requireId18(input.integrationUserId);
    for (const [key, existing] of input.existingGoals) {
        const parsed = parseSuggestionKey(key, input.period.start);
        if (!parsed || suggested.has(key) || !analysedReps.has(parsed.repId)) continue;
        const fields = decideWithdrawal(existing, input.result.asOf, input.now, integrationUser18);
        if (!fields) continue;
        writePlan.goalDecisions.push({ key, repId: parsed.repId, skill: parsed.skill, action: 'withdraw' });
        writePlan.goals.push({ Suggestion_Key__c: key, ...fields });
    }
}

/** A plan its creator (or the integration user) still owns was never handed to its rep. */
function awaitsHandOver(plan: ExistingPlan, repId: string, integrationUser18: string): boolean {
    if (!plan.OwnerId) return true;
    const owner = requireId18(plan.OwnerId);
    if (owner === repId) return false;
    return owner === integrationUser18 || (plan.CreatedById !== null && owner === requireId18(plan.CreatedById));
}

/**
 * Goal_Plan__c.Loss_Profile__c per rep id of an analysis, as the write-back writes it: where the
 * rep's deals were lost and, for a rep without suggestions, why (the preview seeds the same).
 */
export function planLossProfiles(result: AnalysisResult, minClosedDeals = defaultMinClosedDeals): Map<string, LossProfile> {
    const notes = noSuggestionNotes(result);
    return new Map(result.reps.map((rep) => [rep.id, lossProfile(rep, result, repStanding(rep, notes, minClosedDeals))]));
}

/**
 * What to write for one analysis. Plans are owned by their rep, which an insert cannot set: "For most
 * users and most objects, this field can't be set directly upon insert. It is implicitly set to the
 * current user when inserting an object." (SOAP API guide, Frequently Occurring Fields; the rule and
 * its source are in platform/permissions/ownershipTransfer.ts). So a plan is inserted without OwnerId
 * and handed to its rep by an update of OwnerId, which needs Transfer Record (Goal_Coach_Integration
 * has it). A plan still owned by whoever created it (a hand-over that failed, here or in the panel)
 * is handed over the same way; a plan a person reassigned to someone else is theirs to keep.
 * `existingPlans` are found by Plan_Key__c, wherever a person moved their dates; on an existing plan
 * only the analysis's own fields (Loss_Profile__c, Last_Analyzed__c) are ever written.
 */
export function planWriteBack(input: PlanInput): WritePlan {
    const { result, period, existingPlans, existingGoals, integrationUserId, now } = input;
    const profiles = planLossProfiles(result, input.minClosedDeals);
    const writePlan: WritePlan = { plans: [], transfers: [], goals: [], planActions: [], goalDecisions: [], warnings: [] };
    const integrationUser18 = requireId18(integrationUserId, 'integration user id');
    // Reps whose suggestions this analysis judged: a rep withheld for too little data is not judged.
    const analysedReps = new Set<string>();
    for (const rep of result.reps) {
        let repId: string;
        try {
            repId = requireId18(rep.id, `rep id of ${rep.name}`);
        } catch (error) {
            writePlan.warnings.push(`${(error as Error).message}; skipped this rep's plan and goals`);
            continue;
        }
        if (!rep.withheld) analysedReps.add(repId);
        const key = planKey(repId, period.start);
        const profile = profiles.get(rep.id)!;
        const profileText = JSON.stringify(profile);
        const existingPlan = existingPlans.get(key);
        if (!existingPlan) {
            writePlan.plans.push({
                Plan_Key__c: key,
                Name: truncate(`${rep.name} — ${period.label}`, 80),
                Rep__c: repId,
                Period_Start__c: period.start,
                Period_End__c: period.end,
                Loss_Profile__c: profileText,
                Last_Analyzed__c: now,
            });
            writePlan.planActions.push({ key, action: 'insert' });
            writePlan.transfers.push({ Plan_Key__c: key, OwnerId: repId });
        } else {
            if (awaitsHandOver(existingPlan, repId, integrationUser18)) writePlan.transfers.push({ Plan_Key__c: key, OwnerId: repId });
            // Only the analysis's own fields are written on an existing plan; asOf moves every day, so
            // only a change in the losses or in how they are worded is worth a write.
            if (JSON.stringify(storedProfile(existingPlan.Loss_Profile__c)) !== JSON.stringify({ ...profile, asOf: undefined })) {
                writePlan.plans.push({ Plan_Key__c: key, Loss_Profile__c: profileText, Last_Analyzed__c: now });
                writePlan.planActions.push({ key, action: 'update' });
            } else {
                writePlan.planActions.push({ key, action: 'unchanged' });
            }
        }
        for (const suggestion of rep.suggestions) {
            const goalKey = suggestionKey(repId, suggestion.skill, period.start);
            const existing = existingGoals.get(goalKey);
            const decision = decideGoal(
                existing && { ...existing, LastModifiedById: existing.LastModifiedById && requireId18(existing.LastModifiedById) },
                suggestion,
                integrationUser18,
            );
            writePlan.goalDecisions.push({ key: goalKey, repId, skill: suggestion.skill, action: decision.action });
            if (Object.keys(decision.fields).length === 0) continue;
            writePlan.goals.push({
                Suggestion_Key__c: goalKey,
                // The master-detail parent is set on insert only: it cannot be changed afterwards.
                ...(decision.action === 'insert' ? { Goal_Plan__r: { Plan_Key__c: key } } : {}),
                ...decision.fields,
            });
        }
    }
    planWithdrawals(input, analysedReps, writePlan);
    return writePlan;
}

/**
 * The plan period holding `asOf`: a fiscal year starting on the first day of `fiscalStartMonth`
 * (1 = January), labelled by the calendar year it ends in, as Salesforce labels fiscal years.
 */
export function fiscalPeriod(asOf: string, fiscalStartMonth = 1): Period {
    if (!Number.isInteger(fiscalStartMonth) || fiscalStartMonth < 1 || fiscalStartMonth > 12) {
        throw new Error(`fiscal start month must be 1 to 12, got ${fiscalStartMonth}`);
    }
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(asOf);
    if (!match) throw new Error(`analysis date "${asOf}" is not yyyy-MM-dd`);
    const year = Number(match[1]);
    const month = Number(match[2]);
    const startYear = month >= fiscalStartMonth ? year : year - 1;
    const start = format(new Date(Date.UTC(startYear, fiscalStartMonth - 1, 1, 12)), 'yyyy-MM-dd');
    const end = format(subDays(addYears(new Date(Date.UTC(startYear, fiscalStartMonth - 1, 1, 12)), 1), 1), 'yyyy-MM-dd');
    return { start, end, label: `FY${end.slice(0, 4)}` };
}
