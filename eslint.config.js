// ESLint 9 flat config. `npm run lint` and `npm run validate` both run it.
// Components: the Salesforce LWC rules (TypeScript flavour) plus the platform rules the org's
// compiler enforces. Node side (sync service, scripts): typescript-eslint's recommended rules.
const lwcConfig = require('@salesforce/eslint-config-lwc');
const lwcPlatform = require('@lwc/eslint-plugin-lwc-platform');
const tseslint = require('typescript-eslint');
const path = require('node:path');

// `globals` comes with @salesforce/eslint-config-lwc; resolve it from there, wherever npm puts it.
const globals = require(require.resolve('globals', { paths: [path.dirname(require.resolve('@salesforce/eslint-config-lwc'))] }));

const componentTs = ['force-app/**/lwc/**/*.ts'];
const componentJs = ['force-app/**/lwc/**/*.js'];
const nodeTs = ['sync/**/*.ts', 'scripts/**/*.ts', 'platform/**/*.ts', 'preview/**/*.ts', 'e2e/**/*.ts'];
const tests = ['**/__tests__/**/*.ts', '**/__tests__/**/*.js'];

/** Applies shared configs to the given files only. */
const scoped = (configs, files) => configs.map((config) => ({ ...config, files }));

module.exports = [
    {
        ignores: [
            '**/node_modules/**',
            // tsc output of the TypeScript components: lint the .ts source instead.
            'force-app/**/lwc/*/*.js',
            'sync/dist/**',
            'artifacts/**',
            'coverage/**',
            '**/__tests__/fixtures/**',
            '.sf/**',
            '.sfdx/**',
        ],
    },
    ...scoped(lwcConfig.configs.recommendedTs, componentTs),
    ...scoped(lwcConfig.configs.recommended, componentJs),
    ...scoped(lwcPlatform.configs.recommended, [...componentTs, ...componentJs]),
    {
        files: [...componentTs, ...componentJs],
        rules: {
            // Mobile-offline (Komaci) priming rule: it needs the list of offline adapters as options
            // and crashes on any @wire without them. Goal Coach has no offline use.
            '@lwc/lwc-platform/valid-offline-wire': 'off',
        },
    },
    {
        files: componentTs,
        // The LWC configs parse TypeScript with @babel/eslint-parser, whose scope analysis reads the
        // names in type annotations as variables (`status: string` in an interface becomes a use of
        // the global `status`). typescript-eslint's parser knows types and also parses decorators.
        languageOptions: { parser: tseslint.parser },
        rules: {
            // tsc checks these with full type knowledge (and jest's globals are declared in types/).
            'no-undef': 'off',
            'no-unused-vars': 'off',
        },
    },
    {
        files: componentTs.map((glob) => glob.replace('**/*.ts', '**/__tests__/**/*.ts')),
        rules: {
            // sfdx-lwc-jest drives wire adapters directly (adapter.emit) and tests wait with timers.
            '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off',
            '@lwc/lwc/no-async-operation': 'off',
        },
    },
    ...scoped(tseslint.configs.recommended, nodeTs),
    {
        files: tests,
        languageOptions: { globals: { ...globals.jest } },
    },
    {
        files: ['**/*.js'],
        ignores: [...componentJs],
        languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    },
];
