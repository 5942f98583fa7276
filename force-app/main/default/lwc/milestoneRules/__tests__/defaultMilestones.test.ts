/// <reference types="node" />
// The default definitions the setup script loads (data/milestones/Sales_Milestone__c.csv), checked
// with the same rules the panel applies in the org.
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'csv-parse/sync';
import { checkDefinitions, evaluateMilestones, type RawDefinition } from 'c/milestoneRules';

const CSV = join(__dirname, '..', '..', '..', '..', '..', '..', 'data', 'milestones', 'Sales_Milestone__c.csv');

// Salesforce's default Opportunity stages, in their default order.
const DEFAULT_STAGES = [
    'Prospecting',
    'Qualification',
    'Needs Analysis',
    'Value Proposition',
    'Id. Decision Makers',
    'Perception Analysis',
    'Proposal/Price Quote',
    'Negotiation/Review',
    'Closed Won',
    'Closed Lost',
];
const OPEN_STAGES = DEFAULT_STAGES.slice(0, 8);
const CONTACT_ROLES = ['Business User', 'Decision Maker', 'Economic Buyer', 'Economic Decision Maker', 'Evaluator', 'Executive Sponsor', 'Influencer', 'Technical Buyer', 'Other'];

type Row = Record<string, string>;
const rows: Row[] = parse(readFileSync(CSV, 'utf8'), { columns: true, skip_empty_lines: true });

function toRaw(row: Row): RawDefinition {
    return {
        id: row.Milestone_Key__c,
        key: row.Milestone_Key__c,
        name: row.Name,
        stage: row.Stage__c,
        order: Number(row.Order__c),
        guidance: row.Guidance__c,
        evidenceType: row.Evidence_Type__c,
        evidenceValue: row.Evidence_Value__c,
        minimumAmount: row.Minimum_Amount__c ? Number(row.Minimum_Amount__c) : null,
        dependsOn: row.Depends_On__c,
    };
}

const { definitions, problems } = checkDefinitions(rows.map(toRaw));

function applicableAtNegotiation(amount: number): string[] {
    return evaluateMilestones({
        definitions,
        stageOrder: DEFAULT_STAGES,
        opportunity: { stageName: 'Negotiation/Review', isClosed: false, amount, amountReadable: true, fields: {} },
        sources: { contactRoles: [], activities: [], completions: [] },
    }).milestones.map((item) => item.definition.key ?? '');
}

describe('default milestone definitions', () => {
    it('has the columns the setup script upserts, with a unique key on every row', () => {
        expect(Object.keys(rows[0])).toEqual([
            'Milestone_Key__c',
            'Name',
            'Stage__c',
            'Order__c',
            'Evidence_Type__c',
            'Evidence_Value__c',
            'Minimum_Amount__c',
            'Depends_On__c',
            'Active__c',
            'Guidance__c',
        ]);
        const keys = rows.map((row) => row.Milestone_Key__c);
        expect(new Set(keys).size).toBe(keys.length);
        for (const row of rows) {
            expect(row.Milestone_Key__c).toMatch(/^[a-z0-9-]{1,80}$/);
            expect(row.Name.length).toBeLessThanOrEqual(80);
            expect(row.Active__c).toBe('true');
            expect(row.Guidance__c.length).toBeGreaterThan(20);
        }
    });

    it('passes the panel checks with no problem', () => {
        expect(problems).toEqual([]);
        expect(definitions).toHaveLength(rows.length);
    });

    it('asks for the decision maker before the proposal review with them can be confirmed', () => {
        const review = evaluateMilestones({
            definitions,
            stageOrder: DEFAULT_STAGES,
            opportunity: { stageName: 'Proposal/Price Quote', isClosed: false, amount: 50000, amountReadable: true, fields: {} },
            sources: { contactRoles: [], activities: [], completions: [] },
        }).current.find((item) => item.definition.key === 'proposal-reviewed-with-decision-maker');
        expect(review).toMatchObject({ canConfirm: false, need: 'Can be confirmed once "Decision maker identified" is done.' });
    });

    it("covers every open default stage, in the stages' own order", () => {
        expect([...new Set(definitions.map((item) => item.stage))]).toEqual(OPEN_STAGES);
        const orders = definitions.map((item) => item.order);
        expect([...orders].sort((a, b) => a - b)).toEqual(orders);
    });

    it('uses standard contact roles, activity types and Opportunity fields as evidence', () => {
        const valuesOf = (type: string) =>
            new Set(definitions.filter((item) => item.evidenceType === type).map((item) => item.evidenceValue));
        expect(CONTACT_ROLES).toEqual(expect.arrayContaining([...valuesOf('Contact Role')]));
        expect(valuesOf('Activity')).toEqual(new Set(['Call', 'Meeting']));
        expect(valuesOf('Field Filled')).toEqual(new Set(['NextStep', 'Description']));
        expect(new Set(definitions.map((item) => item.evidenceType))).toEqual(new Set(['Contact Role', 'Activity', 'Field Filled', 'Manual']));
    });

    it('holds a $10 million deal to a stricter process than a $10 order', () => {
        const small = applicableAtNegotiation(10);
        const large = applicableAtNegotiation(10_000_000);
        expect(large).toHaveLength(definitions.length);
        expect(small.length).toBeLessThan(large.length);
        expect(large).toEqual(expect.arrayContaining(['decision-makers-economic-buyer', 'perception-economic-buyer-met', 'proposal-mutual-close-plan']));
        expect(small).not.toContain('decision-makers-economic-buyer');
        // Every deal, however small, is qualified and has a decision maker and a mapped process.
        expect(small).toEqual(
            expect.arrayContaining(['qualification-qualified', 'decision-makers-decision-maker', 'decision-makers-process-mapped']),
        );
    });
});
