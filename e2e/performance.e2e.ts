// How fast each panel renders for a heavy rep (300 open opportunities, 50 learning goals, 40
// coaching sessions) and how many round trips it makes. Each panel is loaded several times; the
// median is printed and written to artifacts/preview-performance.json.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../preview/build';
import { type PanelMetrics, type PreviewSession, openPanel, openPreview, screenshot } from './support/preview';
import { childrenOfPlan, planOf } from './support/sample';

const RUNS = 5;
/** Budgets: generous for a 2-core CI machine; the measured values are printed. */
const MAX_REQUESTS = 10;
const MAX_DATA_TO_RENDER_MS = 1500;

let preview: PreviewSession;
const results: Array<{ panel: string; runs: PanelMetrics[] }> = [];

beforeAll(async () => {
    preview = await openPreview();
});

afterAll(async () => {
    await preview?.close();
    if (!results.length) return;
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const summary = results.map(({ panel, runs }) => ({
        panel,
        runs: runs.length,
        requests: median(runs.map((r) => r.requests)),
        requestsByKind: runs[runs.length - 1]!.requestsByKind,
        dataToRenderMs: median(runs.map((r) => r.dataToRenderMs)),
        readyMs: median(runs.map((r) => r.readyMs)),
    }));
    const file = path.join(repoRoot, 'artifacts', 'preview-performance.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ measuredAt: new Date().toISOString(), heavyRep: '300 open opportunities, 50 learning goals, 40 sessions', summary }, null, 2) + '\n');
    const lines = summary.map(
        (s) => `${s.panel.padEnd(24)} ${String(s.requests).padStart(3)} requests  data→rendered ${String(s.dataToRenderMs).padStart(4)} ms  mounted→ready ${String(s.readyMs).padStart(5)} ms`,
    );
    console.log(`Heavy rep render times (median of ${RUNS}, headless Chromium):\n${lines.join('\n')}`);
});

async function measure(panel: string, query: Record<string, string>): Promise<PanelMetrics[]> {
    const runs: PanelMetrics[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await openPanel(preview.page, preview.server, { panel, ...query }));
    results.push({ panel, runs });
    return runs;
}

function heavyRepId(): string {
    const id = preview.server.sample().heavyRepId;
    if (!id) throw new Error('The preview org has no heavy rep: buildSampleOrg needs heavyRep: true');
    return id;
}

test('the heavy rep has the load the measurement is about', () => {
    const { server } = preview;
    const repId = heavyRepId();
    const plan = planOf(server, repId)!;
    const openDeals = server.sample().org.all('Opportunity').filter((o) => o.OwnerId === repId && o.IsClosed !== true);
    expect(openDeals).toHaveLength(300);
    expect(childrenOfPlan(server, 'Learning_Goal__c', plan.Id)).toHaveLength(50);
    expect(childrenOfPlan(server, 'Coaching_Session__c', plan.Id)).toHaveLength(40);
});

test.each(['goalPlanPanel', 'coachingPanel'])('%s renders the heavy rep within budget', async (panel) => {
    const runs = await measure(panel, { rep: heavyRepId() });
    for (const run of runs) {
        expect(run.requests).toBeLessThanOrEqual(MAX_REQUESTS);
        expect(run.dataToRenderMs).toBeLessThan(MAX_DATA_TO_RENDER_MS);
    }
    await screenshot(preview.page, `${panel}-heavy-rep`);
});

test('opportunityMilestones renders a heavy rep\'s deal within budget', async () => {
    const repId = heavyRepId();
    const deal = preview.server.sample().org.all('Opportunity').find((o) => o.OwnerId === repId)!;
    const runs = await measure('opportunityMilestones', { recordId: deal.Id });
    for (const run of runs) {
        expect(run.requests).toBeLessThanOrEqual(MAX_REQUESTS);
        expect(run.dataToRenderMs).toBeLessThan(MAX_DATA_TO_RENDER_MS);
    }
});
