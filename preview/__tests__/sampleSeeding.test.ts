// The preview seeds what the product writes: its suggested learning goals and loss profiles are the
// sync write-back's own fields for the same analysis, and the sample team's plans differ by rep.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze } from '../../sync/src/analyze';
import type { AnalysisResult } from '../../sync/src/core/contract';
import { Warnings } from '../../sync/src/core/problems';
import { CsvExportSource } from '../../sync/src/sources/csvExport';
import { planWriteBack } from '../../sync/src/sinks/orgWritePlan';
import { buildSampleOrg, repoRoot, type SampleOrg } from '../server/sampleOrg';

const exportDir = path.join(repoRoot, 'sync', 'sample-data', 'export');
const INTEGRATION_USER = '005000000000099AAA';

let analysis: AnalysisResult;
let sample: SampleOrg;
let folder: string;

beforeAll(async () => {
    analysis = (await analyze(new CsvExportSource(exportDir, { warnings: new Warnings() }))).result;
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-seeding-'));
    const analysisJson = path.join(folder, 'analysis.json');
    fs.writeFileSync(analysisJson, JSON.stringify(analysis));
    sample = await buildSampleOrg({ exportDir, analysisJson, now: () => new Date(`${analysis.asOf.slice(0, 10)}T12:00:00.000Z`) });
}, 60_000);

afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** What the sync would insert for this analysis into an org that has no plans or goals yet. */
function syncWrites() {
    const year = analysis.asOf.slice(0, 4);
    return planWriteBack({
        result: analysis,
        period: { start: `${year}-01-01`, end: `${year}-12-31`, label: `FY${year}` },
        existingPlans: new Map(),
        existingGoals: new Map(),
        integrationUserId: INTEGRATION_USER,
        now: `${analysis.asOf.slice(0, 10)}T06:00:00.000Z`,
    });
}

describe('preview seeding', () => {
    test('seeds every suggested learning goal with exactly the title and texts the sync writes', () => {
        const written = syncWrites().goals;
        expect(written.length).toBeGreaterThan(5);
        const seeded = new Map(sample.org.all('Learning_Goal__c').filter((goal) => goal.Source__c === 'Analysis').map((goal) => [goal.Suggestion_Key__c, goal]));
        expect([...seeded.keys()].sort()).toEqual(written.map((goal) => goal.Suggestion_Key__c).sort());
        for (const goal of written) {
            const record = seeded.get(goal.Suggestion_Key__c as string)!;
            // Goal_Plan__r is the insert's parent reference by Plan_Key__c; the preview links by Id.
            const fields = Object.entries(goal).filter(([field]) => field !== 'Goal_Plan__r');
            for (const [field, value] of fields) {
                expect({ key: goal.Suggestion_Key__c, field, value: record[field] }).toEqual({ key: goal.Suggestion_Key__c, field, value });
            }
        }
    });

    test("seeds each plan's loss profile as the sync writes it", () => {
        const written = syncWrites().plans;
        const plans = new Map(sample.org.all('Goal_Plan__c').map((plan) => [plan.Plan_Key__c, plan]));
        for (const plan of written) {
            expect({ key: plan.Plan_Key__c, profile: plans.get(plan.Plan_Key__c as string)?.Loss_Profile__c }).toEqual({ key: plan.Plan_Key__c, profile: plan.Loss_Profile__c });
        }
    });

    test('gives the sample reps different whys, steps and sessions', () => {
        const plans = sample.org.all('Goal_Plan__c').filter((plan) => sample.reps.some((rep) => rep.id === plan.Rep__c));
        const perPlan = (object: string, field: string) =>
            new Set(plans.map((plan) => sample.org.all(object).filter((record) => record.Goal_Plan__c === plan.Id).map((record) => String(record[field])).join(' | ')));
        expect(new Set(plans.map((plan) => plan.Why_Goal__c).filter(Boolean)).size).toBeGreaterThanOrEqual(3);
        expect(perPlan('Goal_Step__c', 'Name').size).toBeGreaterThanOrEqual(6);
        expect(perPlan('Coaching_Session__c', 'Agenda__c').size).toBeGreaterThanOrEqual(4);
        expect(perPlan('Coaching_Session__c', 'Rep_Commitment__c').size).toBeGreaterThanOrEqual(4);
    });
});
