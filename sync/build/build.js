'use strict';
// Builds the sync service into one file, sync/dist/goal-coach.js, and links the command into
// node_modules/.bin. Runs at npm ci (the prepare script) and as `npm run build:sync`.
//
// A bundle rather than tsc's file-per-module output, by measurement on the sample export (CPU time,
// median of 5 to 11 runs on Node 22): `analyze` 0.52 s against 0.65 s (date-fns and the @stdlib
// statistics are tree-shaken, and Node reads one file instead of hundreds), `--help` 0.06 s against
// 0.03 s (parsing one 2.8 MB file), and esbuild builds in under a second where tsc takes 6 to 13.
// jsforce and @salesforce/core stay outside: only `sync` loads them, and @salesforce/core loads
// files of its own at run time. Type errors are tsc's job (npm run typecheck); esbuild strips types.
//
//   node sync/build/build.js [--at-install]
// With --at-install a failed build warns and exits 0: the command then runs from the TypeScript
// sources (a slower start), so a broken build never stops npm ci.
const fs = require('node:fs');
const path = require('node:path');
const { bundleFile, projectRoot, sourceEntry } = require('./freshness');

const binLink = path.join(projectRoot, 'node_modules', '.bin', 'goal-coach');

async function bundle() {
    const startedAt = new Date();
    const esbuild = require('esbuild');
    await esbuild.build({
        entryPoints: [sourceEntry],
        outfile: bundleFile,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node22',
        external: ['jsforce', 'jsforce/*', '@salesforce/core'],
        sourcemap: 'linked',
        logLevel: 'warning',
    });
    // The bundle is as new as the sources it read: an edit saved while it was being built makes it stale.
    fs.utimesSync(bundleFile, startedAt, startedAt);
}

/**
 * npm links the bins of dependencies into node_modules/.bin, never the project's own: this gives
 * scripts and cron the command at node_modules/.bin/goal-coach, a symlink (as npm makes them) to
 * the POSIX launcher bin/goal-coach. Windows has no such launcher: there it is `node bin/goal-coach.js`.
 */
function linkBin() {
    if (process.platform === 'win32') return;
    const target = path.relative(path.dirname(binLink), path.join(projectRoot, 'bin', 'goal-coach'));
    fs.mkdirSync(path.dirname(binLink), { recursive: true });
    fs.rmSync(binLink, { force: true });
    fs.symlinkSync(target, binLink);
}

const messageOf = (error) => (error instanceof Error ? error.message : String(error));

async function main() {
    const atInstall = process.argv.includes('--at-install');
    let built = true;
    try {
        await bundle();
    } catch (error) {
        built = false;
        process.stderr.write(`goal-coach: building ${path.relative(projectRoot, bundleFile)} failed: ${messageOf(error)}\n`);
        if (atInstall) process.stderr.write('goal-coach: the command still works, from the TypeScript sources (slower start). Fix the error above, then run `npm run build:sync`.\n');
    }
    try {
        linkBin();
    } catch (error) {
        process.stderr.write(`goal-coach: could not link ${path.relative(projectRoot, binLink)} (${messageOf(error)}); run the command as \`node bin/goal-coach.js\`.\n`);
    }
    return built || atInstall ? 0 : 1;
}

main().then((code) => {
    process.exitCode = code;
});
