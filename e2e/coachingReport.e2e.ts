// The sync service's HTML report in headless Chromium: the sample export's report reads in a 400 px
// column (a phone, a Lightning sidebar) without sideways scrolling, and at 1280 px its charts sit
// side by side. Screenshots of the first rep's section at both widths.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../preview/build';
import { analyze } from '../sync/src/analyze';
import { Warnings } from '../sync/src/core/problems';
import { renderHtmlReport } from '../sync/src/report/html';
import { CsvExportSource } from '../sync/src/sources/csvExport';
import { type LaunchedBrowser, launchChromium } from './support/browser';
import { screenshotsDir } from './support/preview';

let browser: LaunchedBrowser;
let page: Page;
let report: string;

beforeAll(async () => {
    const run = await analyze(new CsvExportSource(path.join(repoRoot, 'sync', 'sample-data', 'export'), { warnings: new Warnings() }));
    report = renderHtmlReport(run.result, { minClosedDeals: run.minClosedDeals });
    browser = await launchChromium();
    page = await browser.context.newPage();
});

afterAll(async () => {
    await browser?.close();
});

async function open(width: number): Promise<void> {
    await page.setViewportSize({ width, height: 900 });
    await page.setContent(report, { waitUntil: 'load' });
}

test('reads at 400 px: no sideways scrolling, charts as wide as the column', async () => {
    await open(400);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const first = page.locator('main > section').first();
    const sectionWidth = (await first.boundingBox())!.width;
    for (const svg of await first.locator('figure.chart svg').all()) {
        const box = (await svg.boundingBox())!;
        expect(box.width).toBeGreaterThan(sectionWidth * 0.95);
        expect(box.width).toBeLessThanOrEqual(sectionWidth + 0.5);
    }
    // Chart text stays legible: the SVG is scaled close to 1:1 in the narrow column.
    const fontPx = await first.locator('figure.chart svg text').first().evaluate((text) => (text as SVGTextElement).getBoundingClientRect().height);
    expect(fontPx).toBeGreaterThanOrEqual(10);
    fs.mkdirSync(screenshotsDir, { recursive: true });
    await first.screenshot({ path: path.join(screenshotsDir, 'coachingReport-rep-400px.png') });
});

test('at 1280 px the two charts of a rep sit side by side, decision stages shaded and named', async () => {
    await open(1280);
    const first = page.locator('main > section').first();
    const [stages, signals] = await first.locator('figure.chart').all();
    const stagesBox = (await stages!.boundingBox())!;
    const signalsBox = (await signals!.boundingBox())!;
    expect(signalsBox.x).toBeGreaterThan(stagesBox.x + stagesBox.width - 1);
    expect(await stages!.locator('text', { hasText: '· decision stage' }).count()).toBeGreaterThan(0);
    expect(await first.locator('.chart-note').first().textContent()).toMatch(/^\d+ of \d+ losses came /);
    await first.screenshot({ path: path.join(screenshotsDir, 'coachingReport-rep.png') });
});
