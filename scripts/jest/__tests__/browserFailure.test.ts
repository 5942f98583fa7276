// A browser suite whose browser cannot start must fail and let jest exit: the preview server and
// anything else its setup started are closed on that path too. Runs a real e2e file in a child jest.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const jestBin = require.resolve('jest/bin/jest');
/**
 * A run that has not ended by then is hanging. The child first builds the preview (the LWC compiler
 * over every component), which takes 20-40 s on an idle 2-core machine and over 90 s on a loaded one.
 */
const HANG_MS = 240_000;

interface JestRun {
    code: number | null;
    output: string;
    timedOut: boolean;
}

function runE2eFile(file: string, chromiumPath: string): Promise<JestRun> {
    return new Promise((resolve) => {
        const child = spawn(
            process.execPath,
            [jestBin, '--selectProjects', 'e2e', '--reporters', 'default', '--detectOpenHandles', '--runTestsByPath', file],
            { cwd: repoRoot, env: { ...process.env, CHROMIUM_PATH: chromiumPath, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
        }, HANG_MS);
        child.on('close', (code) => {
            clearTimeout(timer);
            resolve({ code, output, timedOut });
        });
    });
}

let scratch: string;
beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'goal-coach-no-browser-'));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function expectFailedAndExited(run: JestRun): void {
    expect(run.timedOut).toBe(false);
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/Tests:\s+\d+ failed/);
    expect(run.output).not.toMatch(/did not exit|open handle/i);
}

test('a browser that exits at once fails the suite, and jest exits with no open handles', async () => {
    const browser = path.join(scratch, 'chromium-that-exits');
    fs.writeFileSync(browser, '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    const run = await runE2eFile('e2e/hostPage.e2e.ts', browser);
    expectFailedAndExited(run);
    expect(run.output).toMatch(/launchPersistentContext/);
}, HANG_MS + 10_000);

test('a CHROMIUM_PATH that names nothing fails the suite in one line naming CHROMIUM_PATH', async () => {
    const missing = path.join(scratch, 'no-such-chromium');
    const run = await runE2eFile('e2e/hostPage.e2e.ts', missing);
    expectFailedAndExited(run);
    expect(run.output).toContain(`CHROMIUM_PATH names ${missing}, which does not exist`);
}, HANG_MS + 10_000);
