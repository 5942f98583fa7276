// Headless Chromium from the system package, driven by playwright-core (which never downloads a
// browser here): the flags the CI machine needs and a fresh, empty profile per launch.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumFlags = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
];

export interface LaunchedBrowser {
    context: BrowserContext;
    close(): Promise<void>;
}

export async function launchChromium(): Promise<LaunchedBrowser> {
    if (!fs.existsSync(chromiumPath)) {
        throw new Error(`Chromium is not installed at ${chromiumPath}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`);
    }
    // playwright passes the profile folder as --user-data-dir itself.
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'goal-coach-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: chromiumPath,
        headless: true,
        args: chromiumFlags,
        viewport: { width: 1280, height: 900 },
        locale: 'en-US',
        timezoneId: 'UTC',
    });
    return {
        context,
        close: async () => {
            await context.close();
            fs.rmSync(userDataDir, { recursive: true, force: true });
        },
    };
}
