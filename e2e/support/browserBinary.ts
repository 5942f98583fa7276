// Which Chromium the tests drive. By default the one shipped inside the npm package
// @sparticuz/chromium (pinned in package-lock, so every machine tests the same browser), unpacked
// once into node_modules/.cache; a system Chromium only when CHROMIUM_PATH names it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface BrowserBinary {
    executablePath: string;
    /** Flags the binary needs on top of the tests' own. */
    args: string[];
    /** Environment for the browser process (fonts). */
    env: Record<string, string>;
    /** Where it came from, for one line of output. */
    source: string;
}

/** A browser that cannot be had here: the message is one line and says what to do. */
export class BrowserUnavailableError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'BrowserUnavailableError';
    }
}

const repoRoot = path.resolve(__dirname, '..', '..');
const packageName = '@sparticuz/chromium';

/** The package ships a Linux x64 build only (its bin/ holds one chromium.br). */
export function npmBrowserSupported(platform = process.platform, arch = process.arch): boolean {
    return platform === 'linux' && arch === 'x64';
}

export function resolveBrowser(env: NodeJS.ProcessEnv = process.env, platform = process.platform, arch = process.arch): BrowserBinary {
    const systemPath = env.CHROMIUM_PATH;
    if (systemPath) {
        if (!fs.existsSync(systemPath)) {
            throw new BrowserUnavailableError(`CHROMIUM_PATH names ${systemPath}, which does not exist: point it at a Chromium or Chrome binary, or unset it to use the npm package ${packageName}.`);
        }
        return { executablePath: systemPath, args: [], env: {}, source: `CHROMIUM_PATH (${systemPath})` };
    }
    if (!npmBrowserSupported(platform, arch)) {
        throw new BrowserUnavailableError(`The test browser from npm (${packageName}) runs on Linux x64 only, not ${platform}/${arch}: set CHROMIUM_PATH to a Chromium or Chrome binary to run the browser tests.`);
    }
    return unpackedNpmBrowser();
}

interface UnpackedManifest {
    executablePath: string;
    args: string[];
}

function packageVersion(): string {
    const manifest = path.join(repoRoot, 'node_modules', packageName, 'package.json');
    if (!fs.existsSync(manifest)) {
        throw new BrowserUnavailableError(`${packageName} is not installed: run \`npm ci\` in the project, or set CHROMIUM_PATH to a Chromium binary.`);
    }
    return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Unpacks the packaged browser once per installed version; parallel callers see the finished folder or none. */
export function unpackedNpmBrowser(cacheRoot = path.join(repoRoot, 'node_modules', '.cache', 'goal-coach-chromium')): BrowserBinary {
    const folder = path.join(cacheRoot, packageVersion());
    const manifestFile = path.join(folder, 'manifest.json');
    if (!fs.existsSync(manifestFile)) unpackInto(folder);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as UnpackedManifest;
    return {
        executablePath: manifest.executablePath,
        args: manifest.args,
        env: { FONTCONFIG_FILE: path.join(folder, 'fonts.conf') },
        source: `${packageName} ${path.basename(folder)}`,
    };
}

// The package is an ES module that unpacks into os.tmpdir(): a child process with TMPDIR set to a
// staging folder runs its own executablePath() there, then the folder is renamed into place.
function unpackInto(folder: string): void {
    fs.mkdirSync(path.dirname(folder), { recursive: true });
    const staging = fs.mkdtempSync(`${folder}.partial-`);
    try {
        const script = [
            `const { default: chromium } = await import(${JSON.stringify(packageName)});`,
            'chromium.setGraphicsMode = false;',
            'const executablePath = await chromium.executablePath();',
            'process.stdout.write(JSON.stringify({ executablePath, args: chromium.args }));',
        ].join('\n');
        const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
            cwd: repoRoot,
            env: { ...process.env, TMPDIR: staging },
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        const unpacked = JSON.parse(output) as UnpackedManifest;
        const relativeBinary = path.relative(staging, unpacked.executablePath);
        fs.writeFileSync(path.join(staging, 'fonts.conf'), fontConfig(folder));
        fs.writeFileSync(
            path.join(staging, 'manifest.json'),
            JSON.stringify({ executablePath: path.join(folder, relativeBinary), args: launchArgs(unpacked.args) }),
        );
        try {
            fs.renameSync(staging, folder);
        } catch (error) {
            // Another process finished first: keep its folder.
            if (!fs.existsSync(path.join(folder, 'manifest.json'))) throw error;
        }
    } catch (error) {
        const detail = (error as { stderr?: string }).stderr?.trim().split('\n').pop() ?? (error as Error).message;
        throw new BrowserUnavailableError(`Could not unpack the test browser from ${packageName}: ${detail}. Run \`npm ci\` again, or set CHROMIUM_PATH to a Chromium binary.`);
    } finally {
        fs.rmSync(staging, { recursive: true, force: true });
    }
}

/**
 * The package's flags are for a serverless sandbox. Two are left out: --single-process (one
 * process for every page makes a crash in one test take the others with it) and
 * --disable-web-security (the preview is same-origin and the tests should see what a browser enforces).
 */
export function launchArgs(packageArgs: readonly string[]): string[] {
    return packageArgs.filter((flag) => flag !== '--single-process' && flag !== '--disable-web-security' && !flag.startsWith('--headless'));
}

/**
 * Fonts from the package only, with sans-serif (the end of SLDS's system font stack) bound to
 * Open Sans: text renders the same on every machine, whatever fonts it has.
 */
export function fontConfig(folder: string): string {
    return [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        '<fontconfig>',
        `  <dir>${path.join(folder, 'fonts')}</dir>`,
        `  <cachedir>${path.join(folder, 'fonts-cache')}</cachedir>`,
        '  <alias><family>sans-serif</family><prefer><family>Open Sans</family></prefer></alias>',
        '  <alias><family>system-ui</family><prefer><family>Open Sans</family></prefer></alias>',
        '</fontconfig>',
        '',
    ].join('\n');
}
