// One jest run for everything: the Lightning Web Components (sfdx-lwc-jest) and the Node side
// (sync service and scripts), each as its own project.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const nodeTypeScript = [
    'babel-jest',
    {
        babelrc: false,
        configFile: false,
        presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
    },
];

module.exports = {
    rootDir: __dirname,
    reporters: ['default', '<rootDir>/scripts/jest/summaryReporter.js'],
    // CI machines have 2 cores shared by parallel workers: give slow-but-correct tests room.
    testTimeout: 60000,
    projects: [
        {
            ...jestConfig,
            displayName: 'lwc',
            roots: ['<rootDir>/force-app'],
            setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/jest.sa11y-setup.js'],
        },
        {
            displayName: 'node',
            rootDir: __dirname,
            roots: ['<rootDir>/sync', '<rootDir>/scripts', '<rootDir>/platform'],
            testEnvironment: 'node',
            testMatch: ['**/__tests__/**/*.test.ts'],
            testPathIgnorePatterns: ['/node_modules/', '/fixtures/', '/sync/dist/'],
            moduleFileExtensions: ['ts', 'js', 'json'],
            transform: { '^.+\\.ts$': nodeTypeScript },
        },
        {
            // The preview's in-memory org (unit tests) and the panels in headless Chromium (e2e).
            displayName: 'e2e',
            rootDir: __dirname,
            roots: ['<rootDir>/e2e', '<rootDir>/preview'],
            testEnvironment: 'node',
            testMatch: ['<rootDir>/e2e/**/*.e2e.ts', '<rootDir>/preview/**/__tests__/**/*.test.ts'],
            moduleFileExtensions: ['ts', 'js', 'json'],
            transform: { '^.+\\.ts$': nodeTypeScript },
            globalSetup: '<rootDir>/e2e/support/globalSetup.ts',
            setupFilesAfterEnv: ['<rootDir>/e2e/support/timeout.ts'],
        },
    ],
};
