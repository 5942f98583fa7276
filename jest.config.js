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
            roots: ['<rootDir>/sync', '<rootDir>/scripts'],
            testEnvironment: 'node',
            testMatch: ['**/__tests__/**/*.test.ts'],
            testPathIgnorePatterns: ['/node_modules/', '/fixtures/', '/sync/dist/'],
            moduleFileExtensions: ['ts', 'js', 'json'],
            transform: { '^.+\\.ts$': nodeTypeScript },
        },
    ],
};
