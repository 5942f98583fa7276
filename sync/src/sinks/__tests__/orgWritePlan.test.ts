import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnalysisResult } from '../../core/contract';
import { requireId18 } from '../../core/salesforceId';
import {
    conversationPlanFields,
    decideGoal,
    evidenceStrength,
    existingPlanFields,
    fiscalPeriod,
    humanPlanFields,
    planWriteBack,
    type ExistingGoal,
    type ExistingPlan,
    type PlanInput,
} from '../orgWritePlan';
import { writtenGoal } from '../../testing/writtenGoal';
import analysisJson from './data/analysis.json';

const analysis = AnalysisResult.parse(analysisJson);
const integrationUserId = requireId18('0055g00000INTEG');
const managerId = requireId18('0055g00000MGR01');
const ana = requireId18('0055g00000ABCDE');
const period = fiscalPeriod(analysis.asOf);
const now = '2026-11-20T03:00:00.000Z';
const decisionKey = `${ana}:decision-process:2026-01-01`;
const decisionSuggestion = analysis.reps[0]!.suggestions[0]!;

function input(overrides: Partial<PlanInput> = {}): PlanInput {
    return { result: analysis, period, existingPlans: new Map(), existingGoals: new Map(), integrationUserId, now, ...overrides };
}

const existingGoal = (fields: Partial<ExistingGoal>): ExistingGoal => writtenGoal(decisionKey, decisionSuggestion, integrationUserId, fields);

describe('fiscalPeriod', () => {
    it('gives the calendar year by default and a fiscal year labelled by its end', () => {
        expect(fiscalPeriod('2026-11-20')).toEqual({ start: '2026-01-01', end: '2026-12-31', label: 'FY2026' });
        expect(fiscalPeriod('2026-03-02', 4)).toEqual({ start: '2025-04-01', end: '2026-03-31', label: 'FY2026' });
        expect(() => fiscalPeriod('2026-03-02', 13)).toThrow(/1 to 12/);
    });
});

describe('evidenceStrength', () => {
    it('averages the absolute gap for rates and the relative gap for other values', () => {
        expect(evidenceStrength(decisionSuggestion)).toBeCloseTo((0.34 + 0.35) / 2, 4);
        expect(evidenceStrength(analysis.reps[0]!.suggestions[1]!)).toBeCloseTo(0.5, 4);
    });
});

describe('planWriteBack on an empty org', () => {
    it("says in the loss profile why a rep got no suggestion: withheld with the deals still needed, or no clear pattern", () => {
        const base = input();
        const [first, second] = base.result.reps;
        const withheld = { ...second!, withheld: 'insufficient data' as const, closed: 9, suggestions: [] };
        const plan = planWriteBack({ ...base, result: { ...base.result, reps: [first!, withheld] }, minClosedDeals: 15 });
        const standingOf = (index: number) => JSON.parse(String(plan.plans[index]!.Loss_Profile__c)).standing;
        expect(standingOf(0)).toBe('');
        expect(standingOf(1)).toBe('Too few closed deals for suggestions yet: 9 closed deals; suggestions start at 15: 6 more.');
        const quiet = planWriteBack({ ...base, result: { ...base.result, reps: [first!, { ...second!, withheld: undefined, closed: 40, won: 4, lost: 36, winRate: 0.1, suggestions: [] }] } });
        expect(JSON.parse(String(quiet.plans[1]!.Loss_Profile__c)).standing).toBe('No clear skill pattern yet: win rate 10% vs team 45%.');
        const inLine = planWriteBack({ ...base, result: { ...base.result, reps: [first!, { ...second!, withheld: undefined, closed: 40, won: 20, lost: 20, winRate: 0.5, suggestions: [] }] } });
        expect(JSON.parse(String(inLine.plans[1]!.Loss_Profile__c)).standing).toBe('No learning goal suggested: in line with the team.');
    });

    it('inserts one plan per rep, handed to the rep afterwards, and one suggested goal per suggestion', () => {
        const plan = planWriteBack(input());
        expect(plan.plans).toHaveLength(2);
        // The insert cannot set the owner; the hand-over is its own write of OwnerId alone.
        expect(plan.plans.every((record) => !('OwnerId' in record))).toBe(true);
        expect(plan.transfers).toEqual(plan.plans.map((record) => ({ Plan_Key__c: record.Plan_Key__c, OwnerId: record.Rep__c })));
        expect(plan.transfers[0]).toEqual({ Plan_Key__c: `${ana}:2026-01-01`, OwnerId: ana });
        expect(plan.plans[0]).toEqual({
            Plan_Key__c: `${ana}:2026-01-01`,
            Name: 'Ana Lopez — FY2026',
            Rep__c: ana,
            Period_Start__c: '2026-01-01',
            Period_End__c: '2026-12-31',
            Loss_Profile__c: JSON.stringify({
                asOf: '2026-11-20',
                headline: '9 of 14 losses came at the decision stages (Proposal/Price Quote, Negotiation/Review); team: 53% of its losses.',
                caveat: '',
                standing: '',
                // The team is the rest of the team (the rep's losses taken out); decision stages marked.
                stages: [
                    { stage: 'Qualification', rep: 5, team: 1, decision: false },
                    { stage: 'Needs Analysis', rep: 0, team: 8, decision: false },
                    { stage: 'Proposal/Price Quote', rep: 7, team: 5, decision: true },
                    { stage: 'Negotiation/Review', rep: 2, team: 5, decision: true },
                ],
            }),
            Last_Analyzed__c: now,
        });
        expect(plan.goals).toHaveLength(2);
        expect(plan.goals[0]).toMatchObject({
            Suggestion_Key__c: decisionKey,
            Goal_Plan__r: { Plan_Key__c: `${ana}:2026-01-01` },
            Status__c: 'Suggested',
            Source__c: 'Analysis',
            Skill__c: 'Decision Process',
            Confidence__c: 82,
            Evidence__c: '9 of 14 losses came after Proposal; team: 10 of 33\nthe economic buyer was a contact role on 3 of 14 lost deals; team: 18 of 33',
        });
        expect(JSON.parse(String(plan.goals[0]!.Evidence_Json__c))).toEqual(decisionSuggestion.evidence);
        // Human fields are never part of a write.
        for (const record of [...plan.plans, ...plan.goals]) {
            expect(Object.keys(record)).not.toEqual(expect.arrayContaining(['Why_Goal__c']));
            expect(record).not.toHaveProperty('Dismissed_Reason__c');
            expect(record).not.toHaveProperty('Outcome_Target__c');
        }
    });

    it('writes each evidence line under its signal\'s plain name and the confidence as a whole percent', () => {
        const labelled = {
            ...decisionSuggestion,
            confidence: 0.996,
            evidence: [{ signal: 'decisionStageLosses', label: 'Losses at the decision stages', rep: 0.67, team: 0.46, n: 18, note: '12 of 18 closed deals that reached a decision stage were lost; team: 46%' }],
        };
        const { fields } = decideGoal(undefined, labelled, integrationUserId);
        expect(fields.Evidence__c).toBe('Losses at the decision stages: 12 of 18 closed deals that reached a decision stage were lost; team: 46%');
        expect(JSON.parse(String(fields.Evidence_Json__c))[0].label).toBe('Losses at the decision stages');
        // 100 is what the panel reads as "over 99%", as the reports do.
        expect(fields.Confidence__c).toBe(100);
    });

    it('warns about a rep id that is not a Salesforce id and skips only that rep', () => {
        const broken = { ...analysis, reps: [{ ...analysis.reps[1]!, id: 'not-an-id' }, analysis.reps[0]!] };
        const plan = planWriteBack(input({ result: broken }));
        expect(plan.warnings).toEqual([expect.stringMatching(/rep id of Ben Okafor "not-an-id" is not a 15- or 18-character Salesforce id/)]);
        expect(plan.plans).toHaveLength(1);
    });
});

describe('planWriteBack against existing records', () => {
    const first = planWriteBack(input());
    const existingPlans = new Map<string, ExistingPlan>(
        first.plans.map((record, index) => [
            String(record.Plan_Key__c),
            {
                Id: `a015g000000000${index}AAA`,
                Plan_Key__c: String(record.Plan_Key__c),
                Loss_Profile__c: String(record.Loss_Profile__c),
                OwnerId: String(record.Rep__c),
                CreatedById: integrationUserId,
                LastModifiedById: integrationUserId,
                LastModifiedDate: '2026-11-19T03:00:00.000Z',
            },
        ]),
    );

    it('writes nothing when nothing changed, even a day later', () => {
        const later = { ...analysis, asOf: '2026-11-21' };
        const existingGoals = new Map([[decisionKey, existingGoal({})]]);
        const plan = planWriteBack(input({ result: later, existingPlans, existingGoals }));
        expect(plan.plans).toEqual([]);
        expect(plan.transfers).toEqual([]);
        expect(plan.goals.map((goal) => goal.Suggestion_Key__c)).toEqual([`${ana}:priority-management:2026-01-01`]);
        expect(plan.goalDecisions[0]).toMatchObject({ key: decisionKey, action: 'unchanged' });
    });

    it('writes only the changed fields of a plan and of a goal it still owns', () => {
        const moved = {
            ...analysis,
            reps: [{ ...analysis.reps[0]!, lossesByStage: { ...analysis.reps[0]!.lossesByStage, 'Proposal/Price Quote': 8 } }],
        };
        const existingGoals = new Map([[decisionKey, existingGoal({ Confidence__c: 70, Summary__c: 'old words' })]]);
        const plan = planWriteBack(input({ result: moved, existingPlans, existingGoals }));
        expect(Object.keys(plan.plans[0]!).sort()).toEqual(['Last_Analyzed__c', 'Loss_Profile__c', 'Plan_Key__c']);
        expect(plan.goals[0]).toEqual({ Suggestion_Key__c: decisionKey, Summary__c: decisionSuggestion.summary, Confidence__c: 82 });
    });
});

describe('planWriteBack: who owns a plan', () => {
    const key = `${ana}:2026-01-01`;
    const owned = (ownerId: string | null, createdById: string | null = ownerId): Map<string, ExistingPlan> => {
        const [record] = planWriteBack(input()).plans;
        return new Map([[key, {
            Id: 'a015g0000000009AAA',
            Plan_Key__c: key,
            Loss_Profile__c: String(record!.Loss_Profile__c),
            OwnerId: ownerId,
            CreatedById: createdById,
            LastModifiedById: createdById,
            LastModifiedDate: '2026-11-19T03:00:00.000Z',
        }]]);
    };

    it('hands back a plan its creator kept (the integration user or a manager), by a write of OwnerId only', () => {
        for (const owner of [integrationUserId, managerId, managerId.slice(0, 15)]) {
            const plan = planWriteBack(input({ existingPlans: owned(owner) }));
            expect(plan.transfers).toContainEqual({ Plan_Key__c: key, OwnerId: ana });
            expect(plan.plans.filter((record) => record.Plan_Key__c === key)).toEqual([]);
        }
    });

    it('hands over a plan the integration user still owns, whoever created it', () => {
        expect(planWriteBack(input({ existingPlans: owned(integrationUserId, managerId) })).transfers).toContainEqual({ Plan_Key__c: key, OwnerId: ana });
    });

    it('leaves a plan a person reassigned to someone other than its creator', () => {
        for (const creator of [integrationUserId, managerId, null]) {
            const reassigned = owned(requireId18('0055g00000OTHER'), creator);
            expect(planWriteBack(input({ existingPlans: reassigned })).transfers.filter((transfer) => transfer.Plan_Key__c === key)).toEqual([]);
        }
    });

    it('leaves a plan the rep owns, given as a 15- or 18-character id', () => {
        for (const owner of [ana, ana.slice(0, 15)]) {
            expect(planWriteBack(input({ existingPlans: owned(owner) })).transfers.filter((transfer) => transfer.Plan_Key__c === key)).toEqual([]);
        }
    });
});

describe('decideGoal: human decisions', () => {
    it.each(['Accepted', 'In Progress', 'Achieved'])('never touches a goal that is %s', (status) => {
        const decision = decideGoal(existingGoal({ Status__c: status, LastModifiedById: managerId, Confidence__c: 10 }), decisionSuggestion, integrationUserId);
        expect(decision).toEqual({ action: 'kept-decision', fields: {} });
    });

    it('does not bring back a goal someone deleted', () => {
        const decision = decideGoal(existingGoal({ IsDeleted: true, LastModifiedById: ana }), decisionSuggestion, integrationUserId);
        expect(decision).toEqual({ action: 'kept-deleted', fields: {} });
    });

    it('never touches a suggestion someone edited, even when the analysis changed', () => {
        const decision = decideGoal(existingGoal({ LastModifiedById: managerId, Summary__c: 'Edited by the manager' }), decisionSuggestion, integrationUserId);
        expect(decision).toEqual({ action: 'kept-edited', fields: {} });
    });

    it('keeps a dismissed goal while the evidence is no worse than when it was dismissed', () => {
        const stored = evidenceStrength(decisionSuggestion);
        const slightlyWorse = { ...decisionSuggestion, evidence: [{ ...decisionSuggestion.evidence[0]!, rep: 0.64 + 0.2 }, decisionSuggestion.evidence[1]!] };
        expect(evidenceStrength(slightlyWorse) - stored).toBeCloseTo(0.1, 4);
        const decision = decideGoal(existingGoal({ Status__c: 'Dismissed', LastModifiedById: ana, Evidence_Strength__c: stored }), slightlyWorse, integrationUserId);
        expect(decision).toEqual({ action: 'kept-dismissed', fields: {} });
    });

    it('suggests a dismissed goal again when the evidence got materially worse, keeping the reason', () => {
        const stored = evidenceStrength(decisionSuggestion);
        const muchWorse = { ...decisionSuggestion, confidence: 0.9, evidence: [{ ...decisionSuggestion.evidence[0]!, rep: 0.94 }, { ...decisionSuggestion.evidence[1]!, rep: 0 }] };
        const decision = decideGoal(existingGoal({ Status__c: 'Dismissed', LastModifiedById: ana, Evidence_Strength__c: stored }), muchWorse, integrationUserId);
        expect(decision.action).toBe('resuggest');
        expect(decision.fields).toMatchObject({ Status__c: 'Suggested', Confidence__c: 90, Evidence_Strength__c: evidenceStrength(muchWorse) });
        expect(decision.fields).not.toHaveProperty('Dismissed_Reason__c');
    });

    it('does not suggest a dismissed goal again when worse evidence comes with low confidence', () => {
        const muchWorse = { ...decisionSuggestion, confidence: 0.6, evidence: [{ ...decisionSuggestion.evidence[0]!, rep: 0.94 }, { ...decisionSuggestion.evidence[1]!, rep: 0 }] };
        const decision = decideGoal(existingGoal({ Status__c: 'Dismissed', LastModifiedById: ana, Evidence_Strength__c: 0.2 }), muchWorse, integrationUserId);
        expect(decision.action).toBe('kept-dismissed');
    });
});

describe('planWriteBack: suggestions the analysis no longer makes', () => {
    const staleKey = `${ana}:emotional-intelligence:2026-01-01`;
    const stale = (fields: Partial<ExistingGoal>) => existingGoal({ Suggestion_Key__c: staleKey, Skill__c: 'Emotional Intelligence', ...fields });
    const withdrawals = (goals: ExistingGoal[]) => {
        const plan = planWriteBack(input({ existingGoals: new Map(goals.map((goal) => [goal.Suggestion_Key__c, goal])) }));
        return { decisions: plan.goalDecisions.filter((decision) => decision.action === 'withdraw'), goals: plan.goals.filter((goal) => goal.Status__c === 'Withdrawn') };
    };

    it('withdraws an untouched suggestion of this period, with the reason and the date, and deletes nothing', () => {
        const { decisions, goals } = withdrawals([stale({})]);
        expect(decisions).toEqual([{ key: staleKey, repId: ana, skill: 'emotional-intelligence', action: 'withdraw' }]);
        expect(goals).toEqual([
            {
                Suggestion_Key__c: staleKey,
                Status__c: 'Withdrawn',
                Withdrawn_Reason__c: 'The analysis as of 2026-11-20 no longer suggests this goal: the evidence no longer sets the rep apart from the team.',
                Withdrawn_Date__c: '2026-11-20',
            },
        ]);
        expect(String(goals[0]!.Withdrawn_Reason__c).length).toBeLessThanOrEqual(255);
    });

    it.each([
        ['a goal a person acted on', { Status__c: 'Accepted' }],
        ['a dismissed goal', { Status__c: 'Dismissed', LastModifiedById: ana }],
        ['a suggestion someone edited', { LastModifiedById: managerId }],
        ['a goal already withdrawn', { Status__c: 'Withdrawn' }],
        ['a deleted goal', { IsDeleted: true }],
    ])('never withdraws %s', (_what, fields) => {
        expect(withdrawals([stale(fields as Partial<ExistingGoal>)])).toEqual({ decisions: [], goals: [] });
    });

    it("leaves other periods' goals and the goals of a rep the analysis withheld for too little data", () => {
        const ben = requireId18('0055g00000XYZAB');
        const lastYear = stale({ Suggestion_Key__c: `${ana}:emotional-intelligence:2025-01-01` });
        const withheld = stale({ Suggestion_Key__c: `${ben}:decision-process:2026-01-01` });
        const notAnalysed = stale({ Suggestion_Key__c: `${requireId18('0055g00000OTHER')}:decision-process:2026-01-01` });
        expect(withdrawals([lastYear, withheld, notAnalysed])).toEqual({ decisions: [], goals: [] });
    });

    it('brings a withdrawn suggestion back to Suggested when the analysis makes it again, clearing the reason', () => {
        const decision = decideGoal(existingGoal({ Status__c: 'Withdrawn', Confidence__c: 40 }), decisionSuggestion, integrationUserId);
        expect(decision).toEqual({ action: 'restore', fields: { Status__c: 'Suggested', Withdrawn_Reason__c: null, Withdrawn_Date__c: null, Confidence__c: 82 } });
        expect(decideGoal(existingGoal({ Status__c: 'Withdrawn', LastModifiedById: managerId }), decisionSuggestion, integrationUserId).action).toBe('kept-edited');
    });
});

describe('the human plan fields', () => {
    const metadata = join(__dirname, '../../../../force-app/main/default');
    const fieldFolder = join(metadata, 'objects/Goal_Plan__c/fields');
    const fieldFiles = readdirSync(fieldFolder).filter((file) => file.endsWith('.field-meta.xml'));
    const planFields = fieldFiles.map((file) => file.replace('.field-meta.xml', ''));
    const isFormula = (field: string) => readFileSync(join(fieldFolder, `${field}.field-meta.xml`), 'utf8').includes('<formula>');
    const grants = (permissionSet: string) => {
        const xml = readFileSync(join(metadata, `permissionsets/${permissionSet}.permissionset-meta.xml`), 'utf8');
        const entries = [...xml.matchAll(/<fieldPermissions>([\s\S]*?)<\/fieldPermissions>/g)].map((match) => match[1]!);
        return new Map(
            entries.map((entry) => [
                /<field>Goal_Plan__c\.(\w+)<\/field>/.exec(entry)?.[1] ?? '',
                { readable: entry.includes('<readable>true</readable>'), editable: entry.includes('<editable>true</editable>') },
            ]),
        );
    };

    /** Every plan record the write-back produces: inserts, updates of an existing plan, and hand-overs. */
    function everyPlanWrite(): Record<string, unknown>[] {
        const inserted = planWriteBack(input());
        const key = String(inserted.plans[0]!.Plan_Key__c);
        const existing: ExistingPlan = {
            Id: 'a015g0000000009AAA',
            Plan_Key__c: key,
            Loss_Profile__c: '{"asOf":"2025-11-20","stages":[]}',
            OwnerId: integrationUserId,
            CreatedById: integrationUserId,
            LastModifiedById: managerId,
            LastModifiedDate: '2026-11-19T03:00:00.000Z',
        };
        const updated = planWriteBack(input({ existingPlans: new Map([[key, existing]]) }));
        expect(updated.planActions).toContainEqual({ key, action: 'update' });
        expect(updated.transfers).toContainEqual({ Plan_Key__c: key, OwnerId: ana });
        return [...inserted.plans, ...inserted.transfers, ...updated.plans, ...updated.transfers];
    }

    it('are never part of a plan write: insert, update or hand-over', () => {
        const writes = everyPlanWrite();
        expect(writes.length).toBeGreaterThan(4);
        for (const record of writes) {
            expect(Object.keys(record).filter((field) => (humanPlanFields as readonly string[]).includes(field))).toEqual([]);
        }
    });

    it('are never read', () => {
        expect(existingPlanFields.filter((field) => (humanPlanFields as readonly string[]).includes(field))).toEqual([]);
    });

    it('with the fields the sync writes and the formulas, cover every Goal_Plan__c field in the metadata', () => {
        const written = new Set(everyPlanWrite().flatMap((record) => Object.keys(record)));
        const unclassified = planFields.filter((field) => !written.has(field) && !isFormula(field) && !(humanPlanFields as readonly string[]).includes(field));
        expect(unclassified).toEqual([]);
        expect(humanPlanFields.filter((field) => !planFields.includes(field))).toEqual([]);
    });

    it('of the discovery conversation: the rep and the manager read and edit them, the integration user has no access', () => {
        for (const permissionSet of ['Goal_Coach_Rep', 'Goal_Coach_Manager']) {
            const granted = grants(permissionSet);
            for (const field of conversationPlanFields) expect({ field, ...granted.get(field) }).toEqual({ field, readable: true, editable: true });
        }
        const integration = grants('Goal_Coach_Integration');
        expect(integration.size).toBeGreaterThan(0);
        expect(conversationPlanFields.filter((field) => integration.has(field))).toEqual([]);
    });

    it('are all out of the integration user\'s reach: least privilege for the sync', () => {
        const integration = grants('Goal_Coach_Integration');
        expect(humanPlanFields.filter((field) => integration.has(field))).toEqual([]);
    });
});
