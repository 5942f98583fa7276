#!/usr/bin/env node
'use strict';
// Entry point of the goal-coach command. Runs the bundle built at npm ci (sync/dist/goal-coach.js),
// or the TypeScript sources through tsx when there is no bundle or it is older than the sources (a
// developer edited them), so a start never runs stale code. jsforce and @salesforce/core need Node
// 22, which the project pins with the `node` devDependency: an older Node runs the command on the
// pinned runtime, in a child process.
const { bundleFile, bundleState, sourceEntry } = require('../sync/build/freshness');

const argv = process.argv.slice(2);
const state = bundleState();
if (state !== 'fresh' && process.stderr.isTTY) {
    const why = state === 'missing' ? 'sync/dist has no build' : 'sync/src changed since the last build';
    process.stderr.write(`goal-coach: ${why}; running from the sources (slower start). \`npm run build:sync\` rebuilds.\n`);
}

if (Number(process.versions.node.split('.')[0]) < 22) {
    let pinnedNode;
    try {
        pinnedNode = require.resolve('node/bin/node');
    } catch {
        process.stderr.write('goal-coach needs Node 22 or later. Run `npm ci` in the project to install the pinned runtime.\n');
        process.exit(1);
    }
    const entry = state === 'fresh' ? [bundleFile] : ['--require', require.resolve('tsx/cjs'), sourceEntry];
    const result = require('node:child_process').spawnSync(pinnedNode, [...entry, ...argv], { stdio: 'inherit' });
    process.exit(result.status ?? 1);
}

if (state !== 'fresh') require('tsx/cjs');
require(state === 'fresh' ? bundleFile : sourceEntry)
    .main(argv)
    .then((code) => {
        process.exitCode = code;
    });
