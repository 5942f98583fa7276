// The preview's clock: the org and the page run at the sample export's as-of day, so the stepping
// stones of a sample rep have weeks with Closed Won deals in them, as on the day of the export.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { addDays, format } from 'date-fns';
import { browserClockScript, clockStartingAt, exportAsOfDay } from '../server/clock';
import { executeGraphql } from '../server/graphql';
import { buildSampleOrg, repoRoot, type SampleOrgOptions } from '../server/sampleOrg';

const sampleData = path.join(repoRoot, 'sync', 'sample-data');
/** The day the sample generator ended the export on. */
const sampleAsOf = (JSON.parse(fs.readFileSync(path.join(sampleData, 'planted-weaknesses.json'), 'utf8')) as { asOf: string }).asOf;
const chartWeeks = 12;
const dayMs = 86_400_000;

function sampleOrg(options: SampleOrgOptions = {}) {
    // No analysis file: the learning goals use sample suggestions, and the test skips the analysis run.
    return buildSampleOrg({ analysisJson: path.join(__dirname, 'fixtures', 'no-analysis.json'), ...options });
}

/**
 * Closed Won per week of the rep's plan, as the stepping stones count them: 7-day blocks from the
 * period start up to the week holding today, with the deals the panel's query reads (Closed Won
 * since the period start), asked of the org up to its own TODAY.
 */
function weeklyWins(org: Awaited<ReturnType<typeof buildSampleOrg>>['org'], repId: string): number[] {
    const plan = org.all('Goal_Plan__c').find((p) => p.Rep__c === repId)!;
    const periodStart = String(plan.Period_Start__c);
    org.currentUserId = repId;
    const result = executeGraphql(
        org,
        `query wins($repId: ID, $periodStart: Date) { uiapi { query { Opportunity(
            where: { and: [{ OwnerId: { eq: $repId } }, { IsWon: { eq: true } }, { CloseDate: { gte: { value: $periodStart } } }, { CloseDate: { lte: { literal: TODAY } } }] }
            first: 2000
        ) { edges { node { Id Amount { value } CloseDate { value } } } } } } }`,
        { repId, periodStart },
    );
    expect(result.errors).toEqual([]);
    const edges = (result.data as { uiapi: { query: { Opportunity: { edges: Array<{ node: { Amount: { value: number }; CloseDate: { value: string } } }> } } } }).uiapi.query.Opportunity.edges;
    const week = (day: string) => Math.floor((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${periodStart}T00:00:00Z`)) / dayMs / 7);
    const weeks = new Array<number>(week(format(org.now(), 'yyyy-MM-dd')) + 1).fill(0);
    for (const { node } of edges) weeks[week(node.CloseDate.value)]! += node.Amount.value;
    return weeks;
}

describe('the preview clock', () => {
    test('reads the export\'s as-of day as goal-coach analyze does', () => {
        const rows = [
            { CreatedDate: '2026-01-05T09:00:00.000Z', LastModifiedDate: '2026-03-01T09:00:00.000Z', IsClosed: 'false', CloseDate: '2026-09-30' },
            { CreatedDate: '2026-02-01T09:00:00.000Z', IsClosed: 'true', CloseDate: '2026-04-15' },
        ];
        // An open deal's planned CloseDate is not a day the export saw; a closed deal's is.
        expect(exportAsOfDay(rows, new Date('2026-12-01T12:00:00Z'))).toBe('2026-04-15');
        expect(exportAsOfDay(rows, new Date('2026-04-01T12:00:00Z'))).toBe('2026-04-01');
        expect(exportAsOfDay([])).toBeNull();
    });

    test('starts at noon UTC of the day and runs in real time', () => {
        let real = Date.parse('2030-01-01T00:00:00Z');
        const now = clockStartingAt('2026-06-30', () => real);
        expect(now().toISOString()).toBe('2026-06-30T12:00:00.000Z');
        real += 90_000;
        expect(now().toISOString()).toBe('2026-06-30T12:01:30.000Z');
        expect(() => clockStartingAt('30/06/2026')).toThrow(/YYYY-MM-DD/);
    });

    test('gives the page a Date whose today is the org\'s, leaving dates with a value alone', () => {
        const window: { Date?: DateConstructor } = {};
        vm.runInNewContext(browserClockScript(Date.parse('2026-06-30T12:00:00Z')), { window, Date, Reflect, Proxy });
        const PageDate = window.Date!;
        expect(new PageDate().toISOString().slice(0, 10)).toBe('2026-06-30');
        expect(Math.abs(PageDate.now() - Date.parse('2026-06-30T12:00:00Z'))).toBeLessThan(60_000);
        expect(new PageDate(0).toISOString()).toBe('1970-01-01T00:00:00.000Z');
        expect(new PageDate(2026, 0, 1).getFullYear()).toBe(2026);
        expect(new PageDate()).toBeInstanceOf(Date);
        expect(PageDate()).toMatch(/2026/);
        expect(PageDate.UTC(2026, 5, 30)).toBe(Date.UTC(2026, 5, 30));
    });
});

describe('the sample org on the preview clock', () => {
    test('runs at the sample export\'s as-of day and says so', async () => {
        const { org, notes } = await sampleOrg();
        expect(format(org.now(), 'yyyy-MM-dd')).toBe(sampleAsOf);
        expect(notes.join('\n')).toContain(`today is ${sampleAsOf} in the preview`);
    });

    test('a sample rep\'s stepping stones have weeks with Closed Won deals, in the period and in the last 12 weeks', async () => {
        const { org, reps } = await sampleOrg();
        const weeks = weeklyWins(org, reps[0]!.id);
        // 2026-01-01 to 2026-06-30: 26 weeks, the 26th under way.
        expect(weeks).toHaveLength(26);
        expect(weeks.filter((won) => won > 0).length).toBeGreaterThan(1);
        expect(weeks.slice(-chartWeeks).some((won) => won > 0)).toBe(true);
        // Across the team: most reps' charts show a won week.
        const withRecentWins = reps.filter((rep) => weeklyWins(org, rep.id).slice(-chartWeeks).some((won) => won > 0));
        expect(withRecentWins.length).toBeGreaterThan(reps.length / 2);
    });

    test('on a day 22 weeks after the export, as on the real date, the last 12 weeks would be empty', async () => {
        const later = format(addDays(new Date(`${sampleAsOf}T12:00:00Z`), 22 * 7), 'yyyy-MM-dd');
        const { org, reps } = await sampleOrg({ today: later });
        const weeks = weeklyWins(org, reps[0]!.id);
        expect(weeks).toHaveLength(48);
        expect(weeks.slice(-chartWeeks).every((won) => won === 0)).toBe(true);
    });
});
