import { Command } from 'commander';
import { allChecks } from './checks';
import { runValidation, ValidationReport } from './run';
import { ValidationSetupError } from './types';

function printReport(report: ValidationReport): void {
    for (const outcome of report.outcomes) {
        const errors = outcome.findings.filter((finding) => finding.severity === 'error');
        const warnings = outcome.findings.filter((finding) => finding.severity === 'warning');
        const status = errors.length > 0 ? 'FAIL' : warnings.length > 0 ? 'WARN' : 'ok  ';
        const counts = [errors.length && `${errors.length} error(s)`, warnings.length && `${warnings.length} warning(s)`].filter(Boolean).join(', ');
        console.log(`${status} ${outcome.check.name}: ${outcome.check.description} (${outcome.seconds.toFixed(1)} s)${counts ? ` - ${counts}` : ''}`);
        for (const note of outcome.notes) console.log(`       ${note}`);
        for (const finding of [...errors, ...warnings]) {
            const location = finding.line ? `${finding.file}:${finding.line}` : finding.file;
            console.log(`     ${finding.severity === 'error' ? 'error  ' : 'warning'} ${location}`);
            console.log(`             ${finding.message}`);
            console.log(`             how to fix: ${finding.fix}`);
        }
    }
    const verdict = report.errors > 0 ? 'FAILED' : 'passed';
    console.log(`\nValidation ${verdict}: ${report.outcomes.length} checks, ${report.errors} errors, ${report.warnings} warnings (${report.project.root}).`);
}

async function main(argv: string[]): Promise<number> {
    const program = new Command()
        .name('validate')
        .description('Checks the Salesforce project without an org: what a deploy would reject.')
        .option('--project <dir>', 'sfdx project to validate (the folder holding sfdx-project.json)', process.cwd())
        .option('--only <checks>', 'comma-separated checks to run', (value) => value.split(',').map((s) => s.trim()).filter(Boolean))
        .option('--skip <checks>', 'comma-separated checks to leave out', (value) => value.split(',').map((s) => s.trim()).filter(Boolean))
        .option('--json', 'print the findings as JSON instead of the report')
        .option('--list', 'list the checks and exit')
        .option('--debug', 'print stack traces of unexpected errors')
        .exitOverride();
    try {
        program.parse(argv);
    } catch (error) {
        // commander already printed the usage problem (or the help text).
        return (error as { exitCode?: number }).exitCode ?? 2;
    }
    const options = program.opts<{ project: string; only?: string[]; skip?: string[]; json?: boolean; list?: boolean; debug?: boolean }>();
    if (options.list) {
        for (const check of allChecks) console.log(`${check.name.padEnd(24)} ${check.description}`);
        return 0;
    }
    if (options.debug) process.env.VALIDATE_DEBUG = '1';
    try {
        const report = await runValidation(options.project, {
            only: options.only,
            skip: options.skip,
            onCheckStart: (check) => process.stderr.write(`running ${check.name}...\n`),
        });
        if (options.json) {
            const { errors, warnings } = report;
            const checks = report.outcomes.map(({ check, findings, notes }) => ({ check: check.name, findings, notes }));
            console.log(JSON.stringify({ errors, warnings, checks }, null, 2));
        } else {
            printReport(report);
        }
        return report.errors > 0 ? 1 : 0;
    } catch (error) {
        if (error instanceof ValidationSetupError) {
            console.error(`Validation could not start: ${error.message}\nhow to fix: ${error.fix}`);
            return 1;
        }
        if (error instanceof Error && error.message.startsWith('Unknown check')) {
            console.error(error.message);
            return 2;
        }
        throw error;
    }
}

main(process.argv).then(
    (code) => {
        process.exitCode = code;
    },
    (error: unknown) => {
        console.error(`Validation stopped on an unexpected error: ${(error as Error).message ?? String(error)}`);
        if (process.env.VALIDATE_DEBUG) console.error(error);
        process.exitCode = 1;
    },
);
