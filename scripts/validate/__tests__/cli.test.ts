// The validation as `npm run validate` runs it: a child Node process (the platform compiler and
// ESLint's config loading need Node's own ESM loader, which jest replaces).
import path from 'node:path';
import { allChecks } from '../checks';
import { fixture, runCli, runCliJson, summarize } from './helpers';

jest.setTimeout(120_000);

describe('validate on the good fixture', () => {
    it('runs every check and finds nothing', () => {
        const report = runCliJson(['--project', fixture('good')]);
        expect(report.checks.map((check) => check.check)).toEqual(allChecks.map((check) => check.name));
        for (const check of report.checks) expect({ check: check.check, findings: check.findings }).toEqual({ check: check.check, findings: [] });
        expect(report).toMatchObject({ errors: 0, warnings: 0, status: 0 });
        const notes = Object.fromEntries(report.checks.map((check) => [check.check, check.notes]));
        expect(notes['lwc-platform-compiler']).toEqual([expect.stringMatching(/^2 bundles compiled in/)]);
        expect(notes['eslint']).toEqual(['3 files linted, 0 errors, 0 warnings']);
        expect(notes['field-references']).toEqual(['22 field and object references checked']);
        expect(notes['code-analyzer']).toEqual([
            expect.stringMatching(/^\d+ files, \d+ rules; engines: eslint [\d.]+, cpd [\d.]+, regex [\d.]+, retire-js [\d.]+$/),
            '0 allowlisted at severity 4',
            '0 at severity 5 (Info)',
        ]);
    });

    it('prints a readable report and exits 0', () => {
        const run = runCli(['--project', fixture('good'), '--only', 'xml-well-formed,sdr-convert']);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('ok   xml-well-formed');
        expect(run.stdout).toContain('LightningComponentBundle: 2');
        expect(run.stdout).toContain('Validation passed: 2 checks, 0 errors, 0 warnings');
    });
});

describe('lwc-platform-compiler', () => {
    it('fails on compiler errors, on c/ modules and <c-*> components that do not exist and on unknown <lightning-*> components', () => {
        const report = runCliJson(['--project', fixture('lwc-compiler'), '--only', 'lwc-platform-compiler']);
        expect(report.status).toBe(1);
        expect(summarize(report.checks[0]!.findings)).toEqual([
            'error force-app/main/default/lwc/planSummary/planSummary.html:3 planSummary uses component <c-stepping-stone-list>, which is no bundle in the project: the deploy fails.',
            'error force-app/main/default/lwc/planSummary/planSummary.html:4 planSummary uses component <lightning-buton>, which is no known Lightning base component or platform module: the deploy fails.',
            'error force-app/main/default/lwc/planSummary/planSummary.js:2 planSummary uses module c/targetFormat, which is no bundle in the project: the deploy fails.',
            expect.stringMatching(/^error force-app\/main\/default\/lwc\/stageChart\/stageChart\.html:4 .*LWC1060: Template expression doesn't allow CallExpression/),
        ]);
    });
});

describe('eslint', () => {
    it('fails on LWC rule errors in components and typescript-eslint errors in scripts', () => {
        const report = runCliJson(['--project', fixture('eslint-errors'), '--only', 'eslint']);
        expect(report.status).toBe(1);
        expect(summarize(report.checks[0]!.findings)).toEqual([
            "error force-app/main/default/lwc/goalBadge/goalBadge.ts:9 Using 'innerHTML/outputHTML/insertAdjacentHTML' is not allowed (@lwc/lwc/no-inner-html)",
            'error scripts/report.ts:1 Unexpected any. Specify a different type. (@typescript-eslint/no-explicit-any)',
        ]);
    });
});

describe('code-analyzer', () => {
    it('warns, without failing, that PMD and CPD did not run when no Java is found and the project has no Apex', () => {
        const withoutJava: NodeJS.ProcessEnv = { ...process.env, PATH: path.dirname(process.execPath) };
        for (const variable of ['JAVA_HOME', 'JRE_HOME', 'JDK_HOME']) delete withoutJava[variable];
        const report = runCliJson(['--project', fixture('good'), '--only', 'code-analyzer'], withoutJava);
        expect(report).toMatchObject({ status: 0, errors: 0, warnings: 1 });
        const [warning] = report.checks[0]!.findings;
        expect(warning!.message).toMatch(/^Code Analyzer's pmd and cpd engines did not start: PMD and CPD need Java 11 or later/);
        expect(warning!.message).toContain('only the copy-paste count (severity 5) is missing');
        expect(warning!.fix).toContain('java -version');
        expect(report.checks[0]!.notes[0]).toMatch(/engines: eslint [\d.]+, regex [\d.]+, retire-js [\d.]+$/);
    });
});

describe('the command line', () => {
    it('exits 1 with every finding, a how-to-fix line and a summary, without a stack trace', () => {
        const run = runCli(['--project', fixture('field-security'), '--only', 'field-security,xml-well-formed']);
        expect(run.status).toBe(1);
        expect(run.stdout).toContain('FAIL field-security');
        expect(run.stdout).toContain('how to fix: Remove the <fieldPermissions> entry for Goal_Plan__c.Rep__c');
        expect(run.stdout).toContain('Validation FAILED: 2 checks, 4 errors, 0 warnings');
        expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
    });

    it('explains a folder that is no sfdx project', () => {
        const run = runCli(['--project', fixture('good/force-app')]);
        expect(run.status).toBe(1);
        expect(run.stderr).toContain('Validation could not start: No sfdx-project.json in');
        expect(run.stderr).toContain('how to fix: Run the validation from the project root, or pass --project <dir>');
        expect(run.stderr).not.toMatch(/\n\s+at /);
    });

    it('rejects an unknown check name with the list of known ones', () => {
        const run = runCli(['--only', 'xml']);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('Unknown check "xml". Known checks: project-schemas, xml-well-formed,');
    });
});
