// The goal plan's two charts at 1280 px and in a 400 px column, in headless Chromium: the loss chart
// of the rep with the most losses and the streak chart of a rep with wins in the last 12 weeks. Each
// is pictured on its own (artifacts/screenshots/goalPlanPanel-loss-chart*.png,
// goalPlanPanel-stepping-stones-400px.png) and must fit the column.
import type { Locator, Page } from 'playwright-core';
import { type PreviewSession, openPanel, openPreview, screenshotPath, waitForSettled } from './support/preview';
import { pickRep, planOf } from './support/sample';

let preview: PreviewSession;

beforeAll(async () => {
    preview = await openPreview();
});

afterAll(async () => {
    await preview?.close();
});

/** The goal plan's section that holds `component`, scrolled into view. */
async function sectionOf(page: Page, component: string) {
    const section = page.locator('c-goal-plan-panel section', { has: page.locator(component) });
    await section.locator(component).waitFor();
    await section.scrollIntoViewIfNeeded();
    await waitForSettled(page);
    return section;
}

/**
 * A picture of the section and its chart: the chart's SVG may draw past the section's own box, so the
 * clip is the union of both, in page coordinates.
 */
async function chartScreenshot(page: Page, name: string, section: Locator, component: string): Promise<void> {
    const boxes = [await section.boundingBox(), ...(await Promise.all((await section.locator(`${component} svg`).all()).map((svg) => svg.boundingBox())))];
    const present = boxes.filter((box): box is NonNullable<typeof box> => box !== null);
    const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
    const left = Math.min(...present.map((box) => box.x));
    const top = Math.min(...present.map((box) => box.y));
    const right = Math.max(...present.map((box) => box.x + box.width));
    const bottom = Math.max(...present.map((box) => box.y + box.height));
    const margin = 8;
    await page.screenshot({
        path: screenshotPath(name),
        fullPage: true,
        animations: 'disabled',
        clip: { x: Math.max(0, left + scroll.x - margin), y: Math.max(0, top + scroll.y - margin), width: right - left + 2 * margin, height: bottom - top + 2 * margin },
    });
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
}

/** The sample rep whose loss profile counts the most losses. */
function repWithMostLosses(): string {
    const { server } = preview;
    const losses = (repId: string) => {
        const profile = planOf(server, repId)?.Loss_Profile__c;
        if (typeof profile !== 'string') return 0;
        return (JSON.parse(profile) as { stages: Array<{ rep: number }> }).stages.reduce((sum, stage) => sum + stage.rep, 0);
    };
    return [...server.sample().reps].sort((a, b) => losses(b.id) - losses(a.id))[0]!.id;
}

test('the loss chart at 1280 px and in a 400 px column', async () => {
    const { page, server } = preview;
    const repId = repWithMostLosses();
    await page.setViewportSize({ width: 1280, height: 900 });
    await openPanel(page, server, { panel: 'goalPlanPanel', rep: repId });
    let section = await sectionOf(page, 'c-loss-chart');
    await expect(section.locator('c-loss-chart .loss-bars .bar_rep').count()).resolves.toBeGreaterThan(0);
    await expect(section.locator('c-loss-chart .headline').textContent()).resolves.toMatch(/losses came|in line with the team/);
    expect(preview.pageErrors).toEqual([]);
    await chartScreenshot(page, 'goalPlanPanel-loss-chart', section, 'c-loss-chart');

    await page.setViewportSize({ width: 400, height: 900 });
    await openPanel(page, server, { panel: 'goalPlanPanel', rep: repId });
    section = await sectionOf(page, 'c-loss-chart');
    await expectNoSidewaysScroll(page);
    await chartScreenshot(page, 'goalPlanPanel-loss-chart-400px', section, 'c-loss-chart');
    await page.setViewportSize({ width: 1280, height: 900 });
});

test('the streak chart in a 400 px column', async () => {
    const { page, server } = preview;
    const org = server.sample().org;
    const today = org.now().toISOString().slice(0, 10);
    const chartStart = new Date(org.now().getTime() - 12 * 7 * 86_400_000).toISOString().slice(0, 10);
    const winner = pickRep(server, (plan) =>
        org.all('Opportunity').some((o) => o.OwnerId === plan.Rep__c && o.IsWon === true && String(o.CloseDate) >= chartStart && String(o.CloseDate) <= today),
    );
    await page.setViewportSize({ width: 400, height: 900 });
    await openPanel(page, server, { panel: 'goalPlanPanel', rep: winner.id });
    const section = await sectionOf(page, 'c-stepping-stones');
    await expect(section.locator('c-stepping-stones svg').count()).resolves.toBeGreaterThan(0);
    await expectNoSidewaysScroll(page);
    expect(preview.pageErrors).toEqual([]);
    await chartScreenshot(page, 'goalPlanPanel-stepping-stones-400px', section, 'c-stepping-stones');
    await page.setViewportSize({ width: 1280, height: 900 });
});
