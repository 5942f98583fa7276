// How goal-coach starts: the bundle built at npm ci while it is as new as the sources and the
// installed dependencies, the TypeScript sources otherwise, and a failed build never failing npm ci.
// The real bin, freshness check and build script run in a small copy of the project whose entry
// points only say which of them ran.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleState, projectRoot } from '../freshness';

const copied = ['bin/goal-coach', 'bin/goal-coach.js', 'sync/build/freshness.js', 'sync/build/build.js'];
const linkedPackages = ['tsx', 'esbuild', 'node'];

let root: string;

function write(relative: string, text: string, mtime?: Date): void {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    if (mtime) fs.utimesSync(file, mtime, mtime);
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/**
 * Entry points that print which file ran (cli.ts, or goal-coach.js for the bundle, whether written
 * here or built from cli.ts) with the arguments, and exit with the code main returns.
 */
const fakeSource = "import path from 'node:path';\n\nexport async function main(argv: string[]): Promise<number> {\n    process.stdout.write(`${path.basename(__filename)} ${argv.join(' ')}`);\n    return 3;\n}\n";

function writeEntries(): void {
    write('sync/src/cli.ts', fakeSource, minutesAgo(30));
    write('sync/src/__tests__/cli.test.ts', '// edited after the build: tests are not part of the bundle\n', minutesAgo(1));
    write(
        'sync/dist/goal-coach.js',
        "exports.main = async (argv) => { process.stdout.write(`goal-coach.js ${argv.join(' ')}`); return 3; };\nif (require.main === module) exports.main(process.argv.slice(2)).then((code) => { process.exitCode = code; });\n",
        minutesAgo(20),
    );
    write('node_modules/.package-lock.json', '{}\n', minutesAgo(40));
}

function goalCoach(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
    const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', env });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** PATH without the project's node_modules/.bin, so `node` is the machine's, as for cron. */
const machineEnv = { ...process.env, PATH: (process.env.PATH ?? '').split(path.delimiter).filter((dir) => !dir.endsWith(path.join('node_modules', '.bin'))).join(path.delimiter) };

beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'goal-coach-start-'));
    for (const file of copied) {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.copyFileSync(path.join(projectRoot, file), path.join(root, file));
    }
    for (const name of linkedPackages) {
        fs.mkdirSync(path.join(root, 'node_modules'), { recursive: true });
        fs.symlinkSync(path.join(projectRoot, 'node_modules', name), path.join(root, 'node_modules', name));
    }
    writeEntries();
});

afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
});

describe('the bundle freshness check', () => {
    const paths = () => ({ bundle: path.join(root, 'sync/dist/goal-coach.js'), sources: path.join(root, 'sync/src'), dependencies: path.join(root, 'node_modules/.package-lock.json') });

    it('finds the bundle fresh when it was built after the sources and the install (test edits do not count)', () => {
        expect(bundleState(paths())).toBe('fresh');
    });

    it('finds it stale after a source edit or an install, and missing when there is none', () => {
        write('sync/src/core/days.ts', 'export {};\n', minutesAgo(5));
        expect(bundleState(paths())).toBe('stale');
        fs.rmSync(path.join(root, 'sync/src/core'), { recursive: true });
        write('node_modules/.package-lock.json', '{}\n', minutesAgo(5));
        expect(bundleState(paths())).toBe('stale');
        fs.rmSync(path.join(root, 'sync/dist'), { recursive: true });
        expect(bundleState(paths())).toBe('missing');
    });
});

describe('bin/goal-coach.js', () => {
    it('runs the bundle while it is fresh, passing the arguments and the exit code', () => {
        const run = goalCoach(process.execPath, [path.join(root, 'bin/goal-coach.js'), 'analyze', '--help']);
        expect(run).toEqual({ status: 3, stdout: 'goal-coach.js analyze --help', stderr: '' });
    });

    it('runs the TypeScript sources once they changed after the build', () => {
        write('sync/src/cli.ts', fakeSource);
        const run = goalCoach(process.execPath, [path.join(root, 'bin/goal-coach.js'), '--help']);
        expect(run).toEqual({ status: 3, stdout: 'cli.ts --help', stderr: '' });
    });

    it('through bin/goal-coach (node_modules/.bin/goal-coach) runs on the pinned Node whatever node is on PATH', () => {
        const run = goalCoach(path.join(root, 'bin/goal-coach'), ['sync', '--dry-run'], machineEnv);
        expect(run).toEqual({ status: 3, stdout: 'goal-coach.js sync --dry-run', stderr: '' });
        fs.rmSync(path.join(root, 'sync/dist'), { recursive: true });
        expect(goalCoach(path.join(root, 'bin/goal-coach'), ['--help'], machineEnv).stdout).toBe('cli.ts --help');
    });
});

describe('the build at npm ci (sync/build/build.js)', () => {
    it('bundles the sources and links node_modules/.bin/goal-coach to the launcher', () => {
        const run = goalCoach(process.execPath, [path.join(root, 'sync/build/build.js'), '--at-install']);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(bundleState({ bundle: path.join(root, 'sync/dist/goal-coach.js'), sources: path.join(root, 'sync/src'), dependencies: path.join(root, 'node_modules/.package-lock.json') })).toBe('fresh');
        expect(fs.readlinkSync(path.join(root, 'node_modules/.bin/goal-coach'))).toBe(path.join('..', '..', 'bin', 'goal-coach'));
        expect(goalCoach(path.join(root, 'node_modules/.bin/goal-coach'), ['a', 'b'], machineEnv)).toEqual({ status: 3, stdout: 'goal-coach.js a b', stderr: '' });
    });

    it('warns and exits 0 at npm ci when the build fails, so the command runs from the sources; exits 1 when run by hand', () => {
        write('sync/src/cli.ts', 'export async function main( {\n');
        const atInstall = goalCoach(process.execPath, [path.join(root, 'sync/build/build.js'), '--at-install']);
        expect(atInstall.status).toBe(0);
        expect(atInstall.stderr).toMatch(/building sync\/dist\/goal-coach\.js failed: .*\n.*still works, from the TypeScript sources.*npm run build:sync/s);
        const byHand = goalCoach(process.execPath, [path.join(root, 'sync/build/build.js')]);
        expect(byHand.status).toBe(1);
        expect(byHand.stderr).toMatch(/building sync\/dist\/goal-coach\.js failed/);
    });
});
