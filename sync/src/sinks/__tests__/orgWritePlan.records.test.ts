// How the write plan reads the org's Learning_Goal__c rows (the query returns every value as text
// or null) and the goal titles it writes.
import { skillSlugs } from '../../core/contract';
import { ExistingGoal, ExistingPlan, existingGoalFields, existingPlanFields, goalTitles } from '../orgWritePlan';

const row = (fields: Record<string, string | null | undefined>) => ({
    Id: 'a025g0000000001AAA',
    Suggestion_Key__c: 'key',
    Status__c: 'Suggested',
    LastModifiedById: null,
    LastModifiedDate: null,
    Skill__c: null,
    Summary__c: null,
    Evidence__c: null,
    Evidence_Json__c: null,
    Confidence__c: null,
    Evidence_Strength__c: null,
    ...fields,
});

describe('ExistingGoal: a Learning_Goal__c row as the query returns it', () => {
    it('reads numbers from their text and keeps an empty number empty', () => {
        const goal = ExistingGoal.parse(row({ Confidence__c: '82', Evidence_Strength__c: '0.345' }));
        expect(goal.Confidence__c).toBe(82);
        expect(goal.Evidence_Strength__c).toBe(0.345);
        expect(ExistingGoal.parse(row({})).Confidence__c).toBeNull();
    });

    it('rejects a number field that is not a number, saying which value', () => {
        const parsed = ExistingGoal.safeParse(row({ Confidence__c: 'high' }));
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(['"high" is not a number']);
    });

    it('takes a row as deleted only when IsDeleted is "true"', () => {
        expect(ExistingGoal.parse(row({ IsDeleted: 'true' })).IsDeleted).toBe(true);
        expect(ExistingGoal.parse(row({ IsDeleted: 'false' })).IsDeleted).toBe(false);
        expect(ExistingGoal.parse(row({ IsDeleted: null })).IsDeleted).toBe(false);
        expect(ExistingGoal.parse(row({})).IsDeleted).toBe(false);
    });

    it('queries exactly the fields it reads', () => {
        expect(existingGoalFields).toEqual(Object.keys(row({ IsDeleted: null })));
    });
});

describe('ExistingPlan: a Goal_Plan__c row as the query returns it', () => {
    it('reads the key, the stored loss profile and who owns, created and last changed the plan', () => {
        const plan = { Id: 'a015g0000000001AAA', Plan_Key__c: 'key', Loss_Profile__c: null, OwnerId: 'o', CreatedById: 'c', LastModifiedById: null, LastModifiedDate: null };
        expect(ExistingPlan.parse({ ...plan, Extra__c: 'x' })).toEqual(plan);
        expect(ExistingPlan.safeParse({ ...plan, Plan_Key__c: undefined }).success).toBe(false);
        expect(existingPlanFields).toEqual(Object.keys(plan));
    });
});

describe('goalTitles', () => {
    it('names a goal for each skill in plain words', () => {
        expect(skillSlugs.map((skill) => goalTitles[skill])).toEqual([
            'Map the decision process before Proposal',
            'Protect time for the deals that matter',
            'Make every meeting end with a next step the buyer owns',
        ]);
    });
});
