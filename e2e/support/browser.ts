// Headless Chromium driven by playwright-core (which never downloads a browser): the binary from
// browserBinary.ts, the flags a closed network needs, and a fresh, empty profile per launch.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { resolveBrowser } from './browserBinary';

/** Without the background-networking flags Chromium keeps trying to reach Google's hosts. */
export const chromiumFlags = [
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
    const binary = resolveBrowser();
    // playwright passes the profile folder as --user-data-dir itself.
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'goal-coach-chromium-'));
    const removeProfile = () => fs.rmSync(userDataDir, { recursive: true, force: true });
    let context: BrowserContext;
    try {
        context = await chromium.launchPersistentContext(userDataDir, {
            executablePath: binary.executablePath,
            headless: true,
            args: [...new Set([...binary.args, ...chromiumFlags])],
            env: { ...process.env, ...binary.env },
            viewport: { width: 1280, height: 900 },
            locale: 'en-US',
            timezoneId: 'UTC',
            timeout: 30_000,
        });
    } catch (error) {
        removeProfile();
        throw error;
    }
    return {
        context,
        close: async () => {
            try {
                await context.close();
            } finally {
                removeProfile();
            }
        },
    };
}
