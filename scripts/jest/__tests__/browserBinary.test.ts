// Which browser the e2e tests drive, without starting one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserUnavailableError, fontConfig, launchArgs, npmBrowserSupported, resolveBrowser } from '../../../e2e/support/browserBinary';

test('CHROMIUM_PATH, when set, is the browser, and must exist', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goal-coach-browser-'));
    const binary = path.join(dir, 'chromium');
    fs.writeFileSync(binary, '', { mode: 0o755 });
    try {
        expect(resolveBrowser({ CHROMIUM_PATH: binary }, 'darwin', 'arm64')).toMatchObject({ executablePath: binary, args: [], env: {} });
        expect(() => resolveBrowser({ CHROMIUM_PATH: path.join(dir, 'missing') })).toThrow(/CHROMIUM_PATH names .*missing, which does not exist/);
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
});

test.each([
    ['darwin', 'arm64'],
    ['linux', 'arm64'],
    ['win32', 'x64'],
] as const)('on %s/%s without CHROMIUM_PATH the tests say in one line what to set', (platform, arch) => {
    expect(npmBrowserSupported(platform, arch)).toBe(false);
    let error: unknown;
    try {
        resolveBrowser({}, platform, arch);
    } catch (caught) {
        error = caught;
    }
    expect(error).toBeInstanceOf(BrowserUnavailableError);
    expect((error as Error).message).toBe(`The test browser from npm (@sparticuz/chromium) runs on Linux x64 only, not ${platform}/${arch}: set CHROMIUM_PATH to a Chromium or Chrome binary to run the browser tests.`);
});

test('linux x64 uses the npm package', () => {
    expect(npmBrowserSupported('linux', 'x64')).toBe(true);
});

test("the package's serverless-only flags are left out", () => {
    expect(launchArgs(['--no-pings', '--single-process', '--disable-web-security', "--headless='shell'", '--no-zygote'])).toEqual(['--no-pings', '--no-zygote']);
});

test('fonts come from the unpacked package, with sans-serif bound to Open Sans', () => {
    const conf = fontConfig(path.join('cache', '153.0.0'));
    expect(conf).toContain(`<dir>${path.join('cache', '153.0.0', 'fonts')}</dir>`);
    expect(conf).toContain('<alias><family>sans-serif</family><prefer><family>Open Sans</family></prefer></alias>');
    expect(conf).not.toContain('/tmp/fonts');
});
