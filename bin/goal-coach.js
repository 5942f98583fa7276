#!/usr/bin/env node
'use strict';
// Entry point of the goal-coach command. jsforce and @salesforce/core need Node 22; the project pins
// it with the `node` package, so an older Node re-runs this file under the pinned runtime.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
    let pinnedNode;
    try {
        pinnedNode = require.resolve('node/bin/node');
    } catch {
        process.stderr.write('goal-coach needs Node 22 or later. Run `npm ci` in the project to install the pinned runtime.\n');
        process.exit(1);
    }
    const result = spawnSync(pinnedNode, [__filename, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(result.status ?? 1);
}

require('tsx/cjs');
require(path.join(__dirname, '..', 'sync', 'src', 'cli.ts'));
