// Mutation testing (`npm run test:mutation`): would the unit tests notice a wrong rule in the
// statistics, the signals or the org write plan? Report in reports/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
    testRunner: 'jest',
    jest: { projectType: 'custom', configFile: 'scripts/mutation/jest.config.js', enableFindRelatedTests: true },
    mutate: [
        'sync/src/statistics/**/*.ts',
        'sync/src/signals/**/*.ts',
        'sync/src/sinks/orgWritePlan.ts',
        '!**/__tests__/**',
        // Test support (simulated teams for the statistics tests), not shipped behaviour.
        '!sync/src/statistics/simulate.ts',
    ],
    coverageAnalysis: 'perTest',
    // The machine has 2 cores shared with other work.
    concurrency: 2,
    timeoutMS: 10000,
    reporters: ['clear-text', 'progress', 'html', 'json'],
    htmlReporter: { fileName: 'reports/mutation/index.html' },
    jsonReporter: { fileName: 'reports/mutation/mutation.json' },
    // `npm run test:mutation -- --incremental` retests only what changed since the last such run.
    incrementalFile: 'reports/mutation/incremental.json',
    // Not needed by the tests: left out of the sandbox copy.
    ignorePatterns: ['docs', 'sync/dist', 'sync/bench', 'artifacts', 'preview', 'e2e', 'reports'],
    tempDirName: '.stryker-tmp',
    cleanTempDir: true,
};
