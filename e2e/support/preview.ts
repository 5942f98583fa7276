// One preview per test file: a server with a fresh in-memory org on a free port, a Chromium page,
// helpers to open a panel and wait until it has settled, and screenshots into artifacts/.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { defaultOutDir, repoRoot } from '../../preview/build';
import { type PreviewServer, startPreviewServer } from '../../preview/server/http';
import { type LaunchedBrowser, launchChromium } from './browser';

export const screenshotsDir = path.join(repoRoot, 'artifacts', 'screenshots');

export interface PreviewSession {
    server: PreviewServer;
    browser: LaunchedBrowser;
    page: Page;
    /** Messages the page logged as errors, and uncaught exceptions. */
    pageErrors: string[];
    close(): Promise<void>;
}

export async function openPreview(): Promise<PreviewSession> {
    const server = await startPreviewServer({ distDir: path.join(defaultOutDir, 'dist') });
    let browser: LaunchedBrowser | undefined;
    let page: Page;
    try {
        browser = await launchChromium();
        page = await browser.context.newPage();
    } catch (error) {
        // A setup that failed half-way must not leave the server (or the browser) holding jest open.
        await browser?.close().catch(() => undefined);
        await server.close();
        throw error;
    }
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
        if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) pageErrors.push(message.text());
    });
    const launched = browser;
    return {
        server,
        browser: launched,
        page,
        pageErrors,
        close: async () => {
            try {
                await launched.close();
            } finally {
                await server.close();
            }
        },
    };
}

export interface PanelMetrics {
    /** Requests to the org since the panel was mounted. */
    requests: number;
    requestsByKind: Record<string, number>;
    /** From mounting the panel to its last render. */
    readyMs: number;
    /** From the last data response to the render that shows it. */
    dataToRenderMs: number;
}

/** Waits until no request is in flight, the last response is rendered, and nothing changes for a moment. */
export async function waitForSettled(page: Page, quietMs = 250): Promise<void> {
    await page.waitForFunction(
        (quiet) => {
            const preview = window.goalCoachPreview as { inFlight: number; lastResponseAt: number; renderedAt: number } | undefined;
            const host = document.getElementById('panel-host');
            if (!preview || !host || host.dataset.state === 'loading') return false;
            if (preview.inFlight > 0 || preview.renderedAt < preview.lastResponseAt) return false;
            return performance.now() - Math.max(preview.renderedAt, preview.lastResponseAt) > quiet;
        },
        quietMs,
        { timeout: 30_000, polling: 50 },
    );
}

/** Runs a user action, then waits until the requests it caused are answered and rendered. */
export async function settleAfter(page: Page, action: () => Promise<unknown>): Promise<void> {
    const before = await page.evaluate(() => window.goalCoachPreview?.requests ?? 0);
    await action();
    await page.waitForFunction((count) => (window.goalCoachPreview?.requests ?? 0) > count, before, { timeout: 15_000, polling: 25 });
    await waitForSettled(page);
}

export async function openPanel(page: Page, server: PreviewServer, query: Record<string, string>): Promise<PanelMetrics> {
    const url = new URL('/', server.url);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    await page.goto(url.toString());
    await page.waitForSelector('#panel-host[data-state="mounted"], #panel-host[data-state="empty"], #panel-host[data-state="error"]');
    await waitForSettled(page);
    return metrics(page);
}

export async function metrics(page: Page): Promise<PanelMetrics> {
    return page.evaluate(() => {
        const preview = window.goalCoachPreview as unknown as {
            requests: number;
            requestsByKind: Record<string, number>;
            lastResponseAt: number;
            renderedAt: number;
            mountedAt: number;
        };
        return {
            requests: preview.requests,
            requestsByKind: { ...preview.requestsByKind },
            readyMs: Math.round(preview.renderedAt - preview.mountedAt),
            dataToRenderMs: Math.round(preview.renderedAt - preview.lastResponseAt),
        };
    });
}

/** Where a screenshot called `name` goes: artifacts/screenshots/<name>.png (the folder is made). */
export function screenshotPath(name: string): string {
    fs.mkdirSync(screenshotsDir, { recursive: true });
    return path.join(screenshotsDir, `${name}.png`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
    const file = screenshotPath(name);
    // Toasts fade out on a timer; the picture is of the page as it is now.
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
    return file;
}

/** Toasts the page has shown (title, message, variant). */
export async function toasts(page: Page): Promise<Array<{ title?: string; message?: string; variant: string }>> {
    return page.evaluate(() => (window.goalCoachPreview as unknown as { toasts: Array<{ title?: string; message?: string; variant: string }> }).toasts);
}
