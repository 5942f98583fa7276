// The edges of the write-back rules on tiny hand-made inputs: when a dismissed goal comes back,
// how the evidence strength is measured, which existing goals are withdrawn, and what a plan write
// holds.
import type { AnalysisResult, Evidence, RepResult, Suggestion } from '../../core/contract';
import { requireId18 } from '../../core/salesforceId';
import {
    analysisPlanKeys,
    decideGoal,
    decideWithdrawal,
    evidenceStrength,
    fiscalPeriod,
    planLossProfiles,
    planWriteBack,
    resuggestMinConfidence,
    resuggestStrengthMargin,
    type ExistingGoal,
    type ExistingPlan,
    type PlanInput,
} from '../orgWritePlan';
import { writtenGoal } from '../../testing/writtenGoal';
import { lossProfileStages } from '../../report/lossProfile';

const integrationUserId = requireId18('0055g00000INTEG');
const person = requireId18('0055g00000MGR01');
const ana = requireId18('0055g00000ABCDE');
const key = `${ana}:decision-process:2026-01-01`;
const planKeyOfAna = `${ana}:2026-01-01`;
const now = '2026-11-20T03:00:00.000Z';

const item = (rep: number | null, team: number | null, note = 'note'): Evidence => ({ signal: 'signal', rep, team, n: 10, note });
/** A suggestion whose evidence strength is exactly `gap` (one rate item, team at 0.2). */
const suggestionAt = (gap: number, confidence = 0.9): Suggestion => ({ skill: 'decision-process', confidence, summary: 'Summary.', evidence: [item(0.2 + gap, 0.2)] });

/** The goal as the sync wrote it for a suggestion at strength 0.3 and confidence 0.9. */
const goal = (fields: Partial<ExistingGoal>): ExistingGoal => writtenGoal(key, suggestionAt(0.3), integrationUserId, fields);

const dismissed = (stored: number | null) => goal({ Status__c: 'Dismissed', LastModifiedById: person, Evidence_Strength__c: stored });

describe('decideGoal: when a dismissed goal comes back', () => {
    it('comes back when the strength rose by exactly the margin, at exactly the minimum confidence', () => {
        expect(resuggestStrengthMargin).toBe(0.15);
        expect(resuggestMinConfidence).toBe(0.75);
        // 0.35 - 0.2 is 0.1499999… in floating point: the rule allows for that.
        expect(decideGoal(dismissed(0.2), suggestionAt(0.35, 0.75), integrationUserId).action).toBe('resuggest');
    });

    it('stays dismissed when the strength rose by a little less than the margin', () => {
        expect(decideGoal(dismissed(0.2), suggestionAt(0.349, 0.9), integrationUserId).action).toBe('kept-dismissed');
    });

    it('stays dismissed when the confidence is just under the minimum', () => {
        expect(decideGoal(dismissed(0.2), suggestionAt(0.6, 0.7499), integrationUserId).action).toBe('kept-dismissed');
    });

    it('stays dismissed when no strength was stored, however strong the evidence now', () => {
        expect(decideGoal(dismissed(null), suggestionAt(0.8, 1), integrationUserId)).toEqual({ action: 'kept-dismissed', fields: {} });
    });

    it('stays dismissed when the evidence got weaker', () => {
        expect(decideGoal(dismissed(0.6), suggestionAt(0.1, 1), integrationUserId).action).toBe('kept-dismissed');
    });

    it('comes back as Suggested with all of the analysis fields, and no parent or source', () => {
        const decision = decideGoal(dismissed(0.1), suggestionAt(0.4, 0.8), integrationUserId);
        expect(decision).toEqual({
            action: 'resuggest',
            fields: {
                Status__c: 'Suggested',
                Skill__c: 'Decision Process',
                Summary__c: 'Summary.',
                Evidence__c: 'note',
                Evidence_Json__c: JSON.stringify([item(0.6000000000000001, 0.2)]),
                Confidence__c: 80,
                Evidence_Strength__c: 0.4,
            },
        });
    });
});

describe('decideGoal: the other statuses', () => {
    it('inserts a new goal as Suggested from the Analysis, titled by its skill', () => {
        const decision = decideGoal(undefined, suggestionAt(0.3, 0.834), integrationUserId);
        expect(decision.action).toBe('insert');
        expect(decision.fields).toMatchObject({ Name: 'Map the decision process before Proposal', Status__c: 'Suggested', Source__c: 'Analysis', Confidence__c: 83, Evidence_Strength__c: 0.3 });
    });

    it('leaves a goal with no status (a person cleared it) as their decision', () => {
        expect(decideGoal(goal({ Status__c: null }), suggestionAt(0.5), integrationUserId)).toEqual({ action: 'kept-decision', fields: {} });
    });

    it('writes nothing for an untouched suggestion whose fields are all as they should be', () => {
        const suggestion = suggestionAt(0.3);
        const same = goal({ Evidence_Json__c: JSON.stringify(suggestion.evidence), Evidence_Strength__c: 0.3 });
        expect(decideGoal(same, suggestion, integrationUserId)).toEqual({ action: 'unchanged', fields: {} });
    });

    it('treats a number stored with rounding noise as unchanged, and a real difference as changed', () => {
        const suggestion = suggestionAt(0.3);
        const json = JSON.stringify(suggestion.evidence);
        expect(decideGoal(goal({ Evidence_Json__c: json, Evidence_Strength__c: 0.3 + 1e-12 }), suggestion, integrationUserId).action).toBe('unchanged');
        expect(decideGoal(goal({ Evidence_Json__c: json, Evidence_Strength__c: 0.3001 }), suggestion, integrationUserId)).toEqual({ action: 'update', fields: { Evidence_Strength__c: 0.3 } });
    });

    it('fills a field the org holds as empty', () => {
        const suggestion = suggestionAt(0.3);
        const decision = decideGoal(goal({ Evidence_Json__c: JSON.stringify(suggestion.evidence), Evidence_Strength__c: 0.3, Summary__c: null }), suggestion, integrationUserId);
        expect(decision).toEqual({ action: 'update', fields: { Summary__c: 'Summary.' } });
    });

    it('restores a goal the sync withdrew with only the fields that changed', () => {
        const suggestion = suggestionAt(0.3);
        const withdrawn = goal({ Status__c: 'Withdrawn', Evidence_Json__c: JSON.stringify(suggestion.evidence), Evidence_Strength__c: 0.3 });
        expect(decideGoal(withdrawn, suggestion, integrationUserId)).toEqual({ action: 'restore', fields: { Status__c: 'Suggested', Withdrawn_Reason__c: null, Withdrawn_Date__c: null } });
    });

    it('cuts a long summary to the 255 characters of Summary__c, ending with an ellipsis, and keeps one that fits', () => {
        const long = { ...suggestionAt(0.3), summary: 'x'.repeat(256) };
        const summary = String(decideGoal(undefined, long, integrationUserId).fields.Summary__c);
        expect(summary).toHaveLength(255);
        expect(summary.endsWith('x…')).toBe(true);
        const fits = { ...suggestionAt(0.3), summary: 'y'.repeat(255) };
        expect(decideGoal(undefined, fits, integrationUserId).fields.Summary__c).toBe('y'.repeat(255));
    });

    it('joins the evidence notes one per line', () => {
        const suggestion = { ...suggestionAt(0.3), evidence: [item(0.5, 0.2, 'first'), item(0.4, 0.2, 'second')] };
        expect(decideGoal(undefined, suggestion, integrationUserId).fields.Evidence__c).toBe('first\nsecond');
    });
});

describe('evidenceStrength', () => {
    const strength = (...evidence: Evidence[]) => evidenceStrength({ ...suggestionAt(0), evidence });

    it('takes the absolute gap of rates, in either direction', () => {
        expect(strength(item(0.5, 0.2))).toBe(0.3);
        expect(strength(item(0.2, 0.5))).toBe(0.3);
    });

    it('counts 0 and 1 as rates', () => {
        expect(strength(item(0, 0.4))).toBe(0.4);
        expect(strength(item(0.4, 0))).toBe(0.4);
        expect(strength(item(0, 0))).toBe(0);
    });

    it('takes the gap relative to the larger value for other numbers, at most 1', () => {
        expect(strength(item(42, 21))).toBe(0.5);
        expect(strength(item(21, 42))).toBe(0.5);
        expect(strength(item(-2, 2))).toBe(1);
        expect(strength(item(3, -1))).toBe(1);
        expect(strength(item(1.5, 0.5))).toBeCloseTo(0.6667, 10);
        // One value a rate, the other not: relative to the larger.
        expect(strength(item(42, 0.5))).toBe(0.9881);
        expect(strength(item(0.5, 42))).toBe(0.9881);
        expect(strength(item(-0.1, 0.5))).toBe(1);
        expect(strength(item(0.5, -0.1))).toBe(1);
    });

    it('averages the items that have both values, rounded to four digits', () => {
        expect(strength(item(0.5, 0.2), item(null, 0.2), item(0.3, null), item(0.2, 0.2))).toBe(0.15);
        expect(strength(item(0.3, 0), item(0.2, 0.2), item(0.2, 0.2))).toBe(0.1);
        expect(strength(item(0.5, 0), item(0.5, 0.5), item(0.5, 0.5))).toBe(0.1667);
    });

    it('is 0 without evidence to measure', () => {
        expect(strength()).toBe(0);
        expect(strength(item(null, null))).toBe(0);
    });
});

describe('decideWithdrawal', () => {
    const asOf = '2026-11-20T00:00:00.000Z';

    it('withdraws an untouched suggestion, the integration user given as a 15-character id', () => {
        const fields = decideWithdrawal(goal({ LastModifiedById: integrationUserId.slice(0, 15) }), asOf, now, integrationUserId);
        expect(fields).toMatchObject({ Status__c: 'Withdrawn', Withdrawn_Date__c: '2026-11-20' });
        expect(String(fields?.Withdrawn_Reason__c)).toContain('as of 2026-11-20 no longer');
    });

    it('withdraws nothing last changed by nobody known, by a person, or no longer Suggested', () => {
        expect(decideWithdrawal(goal({ LastModifiedById: null }), asOf, now, integrationUserId)).toBeNull();
        expect(decideWithdrawal(goal({ LastModifiedById: person }), asOf, now, integrationUserId)).toBeNull();
        expect(decideWithdrawal(goal({ Status__c: 'Withdrawn' }), asOf, now, integrationUserId)).toBeNull();
        expect(decideWithdrawal(goal({ IsDeleted: true }), asOf, now, integrationUserId)).toBeNull();
    });
});

const rep = (fields: Partial<RepResult>): RepResult => ({
    id: ana,
    name: 'Ana Lopez',
    managerId: null,
    closed: 20,
    won: 8,
    lost: 12,
    winRate: 0.4,
    signals: {},
    baselines: {},
    lossesByStage: { Qualification: 2 },
    suggestions: [],
    ...fields,
});

const result = (reps: RepResult[]): AnalysisResult => ({
    asOf: '2026-11-20',
    window: { from: '2025-11-21', to: '2026-11-20' },
    team: { closed: 60, won: 30, lost: 30, winRate: 0.5, signals: {}, lossesByStage: { Proposal: 5 } },
    decisionStages: ['Proposal'],
    reps,
});

const planInput = (overrides: Partial<PlanInput>): PlanInput => ({
    result: result([rep({})]),
    period: fiscalPeriod('2026-11-20'),
    existingPlans: new Map(),
    existingGoals: new Map(),
    integrationUserId,
    now,
    ...overrides,
});

describe('planWriteBack: edges', () => {
    it('writes a plan for each rep without warnings, and names the integration user when its id is wrong', () => {
        const plan = planWriteBack(planInput({}));
        expect(plan.warnings).toEqual([]);
        expect(plan.planActions).toEqual([{ key: planKeyOfAna, action: 'insert' }]);
        expect(plan.goals).toEqual([]);
        expect(plan.goalDecisions).toEqual([]);
        expect(() => planWriteBack(planInput({ integrationUserId: 'nobody' }))).toThrow('integration user id "nobody" is not a 15- or 18-character Salesforce id');
    });

    it('dates the loss profile by the day of the analysis, without its time', () => {
        const timed = { ...result([rep({})]), asOf: '2026-11-20T05:00:00.000Z' };
        expect(JSON.parse(String(planWriteBack(planInput({ result: timed })).plans[0]!.Loss_Profile__c)).asOf).toBe('2026-11-20');
    });

    it('leaves a suggestion nobody is known to have changed last as it is', () => {
        const suggestion = suggestionAt(0.3);
        const existingGoals = new Map([[key, goal({ LastModifiedById: null, Summary__c: 'old' })]]);
        const plan = planWriteBack(planInput({ result: result([rep({ suggestions: [suggestion] })]), existingGoals }));
        expect(plan.goalDecisions).toEqual([{ key, repId: ana, skill: 'decision-process', action: 'kept-edited' }]);
        expect(plan.goals).toEqual([]);
    });

    it('names a new plan after the rep and the period, cut to the 80 characters of Name', () => {
        const [plan] = planWriteBack(planInput({ result: result([rep({ name: 'N'.repeat(90) })]) })).plans;
        expect(String(plan!.Name)).toHaveLength(80);
        expect(String(plan!.Name).endsWith('N…')).toBe(true);
        expect(planWriteBack(planInput({})).plans[0]!.Name).toBe('Ana Lopez — FY2026');
    });

    it('records the losses by stage of the rep against the team, every stage either has', () => {
        expect(lossProfileStages(rep({}), result([]))).toEqual([
            { stage: 'Proposal', rep: 0, team: 5, decision: true },
            { stage: 'Qualification', rep: 2, team: 0, decision: false },
        ]);
        const [plan] = planWriteBack(planInput({})).plans;
        const written = JSON.parse(String(plan!.Loss_Profile__c));
        expect(written).toEqual(JSON.parse(JSON.stringify(planLossProfiles(result([rep({})])).get(rep({}).id))));
        expect(written).toMatchObject({ asOf: '2026-11-20', stages: lossProfileStages(rep({}), result([])) });
    });

    const existingPlan = (lossProfile: string | null, ownerId: string | null = ana): Map<string, ExistingPlan> =>
        new Map([[planKeyOfAna, { Id: 'a015g0000000001AAA', Plan_Key__c: planKeyOfAna, Loss_Profile__c: lossProfile, OwnerId: ownerId, CreatedById: integrationUserId, LastModifiedById: integrationUserId, LastModifiedDate: null }]]);
    const stored = JSON.stringify({ ...planLossProfiles(result([rep({})])).get(rep({}).id), asOf: '2026-10-01' });

    it('writes an existing plan whose stored loss profile is missing or unreadable, and not one whose stages are the same', () => {
        for (const lossProfile of [null, '', 'not json', '{"asOf":"2026-10-01"}']) {
            const plan = planWriteBack(planInput({ existingPlans: existingPlan(lossProfile) }));
            expect(plan.planActions).toEqual([{ key: planKeyOfAna, action: 'update' }]);
            expect(plan.plans).toEqual([{ Plan_Key__c: planKeyOfAna, Loss_Profile__c: expect.stringContaining('"asOf":"2026-11-20"'), Last_Analyzed__c: now }]);
        }
        const same = planWriteBack(planInput({ existingPlans: existingPlan(stored) }));
        expect(same.planActions).toEqual([{ key: planKeyOfAna, action: 'unchanged' }]);
        expect(same.plans).toEqual([]);
        expect(same.transfers).toEqual([]);
    });

    it('hands over an existing plan that has no owner', () => {
        expect(planWriteBack(planInput({ existingPlans: existingPlan(stored, null) })).transfers).toEqual([{ Plan_Key__c: planKeyOfAna, OwnerId: ana }]);
    });

    it('links only an inserted goal to its plan', () => {
        const suggestion = suggestionAt(0.3);
        const inserted = planWriteBack(planInput({ result: result([rep({ suggestions: [suggestion] })]) })).goals;
        expect(inserted).toEqual([expect.objectContaining({ Suggestion_Key__c: key, Goal_Plan__r: { Plan_Key__c: planKeyOfAna } })]);
        const existingGoals = new Map([[key, goal({ Summary__c: 'old' })]]);
        const updated = planWriteBack(planInput({ result: result([rep({ suggestions: [suggestion] })]), existingGoals })).goals;
        expect(updated).toEqual([expect.not.objectContaining({ Goal_Plan__r: expect.anything() })]);
        expect(updated[0]).toMatchObject({ Suggestion_Key__c: key, Summary__c: 'Summary.' });
    });

    it('compares a goal last changed by the integration user given as a 15-character id as its own', () => {
        const suggestion = suggestionAt(0.3);
        const existingGoals = new Map([[key, goal({ LastModifiedById: integrationUserId.slice(0, 15), Evidence_Json__c: JSON.stringify(suggestion.evidence), Evidence_Strength__c: 0.3 })]]);
        const plan = planWriteBack(planInput({ result: result([rep({ suggestions: [suggestion] })]), existingGoals }));
        expect(plan.goalDecisions).toEqual([{ key, repId: ana, skill: 'decision-process', action: 'unchanged' }]);
        expect(plan.goals).toEqual([]);
    });

    it('withdraws only keys of this period with a known skill and nothing after the period', () => {
        const keys = [`${ana}:decision-process:2026-01-01`, `${ana}:decision-process:2026-01-01:extra`, `${ana}:unknown-skill:2026-01-01`, `:decision-process:2026-01-01`];
        const existingGoals = new Map(keys.map((goalKey) => [goalKey, goal({ Suggestion_Key__c: goalKey })]));
        const plan = planWriteBack(planInput({ existingGoals }));
        expect(plan.goalDecisions).toEqual([{ key: keys[0], repId: ana, skill: 'decision-process', action: 'withdraw' }]);
        expect(plan.goals.map((record) => record.Suggestion_Key__c)).toEqual([keys[0]]);
    });

    it('reads the plan keys of the reps with a valid id only', () => {
        const reps = [rep({}), rep({ id: 'not-an-id', name: 'Nobody' }), rep({ id: ana.slice(0, 15) })];
        expect(analysisPlanKeys(result(reps), fiscalPeriod('2026-11-20'))).toEqual([planKeyOfAna, planKeyOfAna]);
    });
});

describe('fiscalPeriod: edges', () => {
    it('starts the fiscal year in its first month and ends it the day before a year later', () => {
        expect(fiscalPeriod('2026-04-01', 4)).toEqual({ start: '2026-04-01', end: '2027-03-31', label: 'FY2027' });
        expect(fiscalPeriod('2026-03-31', 4)).toEqual({ start: '2025-04-01', end: '2026-03-31', label: 'FY2026' });
        expect(fiscalPeriod('2026-12-31', 12)).toEqual({ start: '2026-12-01', end: '2027-11-30', label: 'FY2027' });
        expect(fiscalPeriod('2026-01-15T10:00:00Z', 1)).toEqual({ start: '2026-01-01', end: '2026-12-31', label: 'FY2026' });
    });

    it('rejects a start month outside 1 to 12 or not whole, and a date not in yyyy-MM-dd form', () => {
        for (const month of [0, 13, 1.5]) expect(() => fiscalPeriod('2026-03-02', month)).toThrow(`fiscal start month must be 1 to 12, got ${month}`);
        expect(() => fiscalPeriod('02/03/2026')).toThrow('analysis date "02/03/2026" is not yyyy-MM-dd');
        expect(() => fiscalPeriod('x2026-03-02')).toThrow(/is not yyyy-MM-dd/);
        expect(() => fiscalPeriod('2026-03-2')).toThrow(/is not yyyy-MM-dd/);
    });
});
