// The jest run Stryker repeats for every mutant: the Node unit tests of the code it mutates
// (statistics, signals and the org write plan), without the simulated-team tests. Those run 100–200
// simulated teams each (about 30 s together) and would be repeated for almost every statistics
// mutant, turning a run of half an hour into hours; `npm test` still runs them.
const path = require('node:path');
const { projects } = require('../../jest.config.js');

const node = projects.find((project) => project.displayName === 'node');

module.exports = {
    ...node,
    rootDir: path.join(__dirname, '../..'),
    // All of sync/src, so that jest can trace a test to the mutated file through test helpers.
    roots: ['<rootDir>/sync/src'],
    testMatch: ['<rootDir>/sync/src/statistics/**/__tests__/**/*.test.ts', '<rootDir>/sync/src/signals/**/__tests__/**/*.test.ts', '<rootDir>/sync/src/sinks/__tests__/orgWritePlan*.test.ts'],
    testNamePattern: '^(?!simulated teams)',
    setupFilesAfterEnv: ['<rootDir>/scripts/mutation/skippedTestCoverage.js'],
};
