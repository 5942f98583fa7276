'use strict';
// Whether the bundle built at npm ci (sync/dist/goal-coach.js) still matches the sources it was built
// from. The command checks this on every start, so it only compares modification times: the
// bundle carries the time its build started, and it is stale once any source file of the service
// (sync/src, tests excepted) or the installed dependencies (node_modules/.package-lock.json, which
// npm rewrites on every install) changed after that. About a hundred stat calls: well under 5 ms.
const fs = require('node:fs');
const path = require('node:path');

const projectRoot = path.join(__dirname, '..', '..');
const sourceRoot = path.join(projectRoot, 'sync', 'src');
const sourceEntry = path.join(sourceRoot, 'cli.ts');
const bundleFile = path.join(projectRoot, 'sync', 'dist', 'goal-coach.js');
const installRecord = path.join(projectRoot, 'node_modules', '.package-lock.json');

/** Modification time of a file in ms, or null when there is none. */
function modifiedAt(file) {
    const stats = fs.statSync(file, { throwIfNoEntry: false });
    return stats ? stats.mtimeMs : null;
}

/** True when some file under `directory` (skipping __tests__ folders) changed after `time`. */
function changedSince(directory, time) {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
        if (entry.name === '__tests__') continue;
        const full = path.join(directory, entry.name);
        if (entry.isDirectory() ? changedSince(full, time) : (modifiedAt(full) ?? 0) > time) return true;
    }
    return false;
}

/**
 * 'fresh', 'missing' or 'stale', for the bundle against the sources and dependencies.
 * @param {{ bundle?: string, sources?: string, dependencies?: string }} [paths] overrides for tests
 */
function bundleState(paths = {}) {
    const builtAt = modifiedAt(paths.bundle ?? bundleFile);
    if (builtAt === null) return 'missing';
    if ((modifiedAt(paths.dependencies ?? installRecord) ?? 0) > builtAt) return 'stale';
    return changedSince(paths.sources ?? sourceRoot, builtAt) ? 'stale' : 'fresh';
}

module.exports = { bundleFile, bundleState, installRecord, projectRoot, sourceEntry, sourceRoot };
