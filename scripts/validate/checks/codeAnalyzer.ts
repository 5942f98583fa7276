import { existsSync } from 'node:fs';
import path from 'node:path';
import { SeverityLevel } from '@salesforce/code-analyzer-core';
import { allowedFindings, allowlistEntryFor, AllowedFinding, ruleId } from '../codeAnalyzerAllowlist';
import { AnalyzerViolation, ENGINE_NOT_STARTED_RULE, EngineError, RULE_SELECTOR, runCodeAnalyzer } from '../codeAnalyzerRun';
import { Check, FindingInput, ProjectContext } from '../types';

const name = 'code-analyzer';
const ALLOWLIST_FILE = 'scripts/validate/codeAnalyzerAllowlist.ts';
/** The engines that the PMD plugin provides; both run on Java. */
const JAVA_ENGINES = new Set(['pmd', 'cpd']);
/** Apex and Visualforce: the languages of PMD's Recommended rules (65 Apex, 3 Visualforce in pmd-engine 0.46). */
const PMD_RECOMMENDED_EXTENSIONS = new Set(['.cls', '.trigger', '.page', '.component']);

/**
 * tsc's output: each `.js` next to the `.ts` it was compiled from. Code Analyzer reads both. Its LWC,
 * LWC-platform and Lightning rules (no-inner-html among them) apply only to JavaScript, so they see
 * the `.js` the org receives; the TypeScript and SLDS rules see the source people edit.
 */
function emittedJavaScript(files: readonly string[]): Set<string> {
    const all = new Set(files);
    return new Set(files.filter((file) => file.endsWith('.js') && all.has(`${file.slice(0, -3)}.ts`)));
}

/** A rule that runs on TypeScript too has already reported on the `.ts` what it finds in its output. */
const reportedOnSource = (violation: AnalyzerViolation, emitted: ReadonlySet<string>) =>
    violation.file !== undefined && emitted.has(violation.file) && violation.tags.includes('TypeScript');

function location(project: ProjectContext, violation: AnalyzerViolation): { file: string; line?: number } {
    if (!violation.file) return { file: '.' };
    return { file: project.relative(violation.file), line: violation.line && violation.line > 0 ? violation.line : undefined };
}

const describeRule = (violation: AnalyzerViolation) =>
    `${ruleId(violation)}, severity ${violation.severity} ${SeverityLevel[violation.severity]}`;

const ruleDocs = (violation: AnalyzerViolation) =>
    violation.resourceUrls.length > 0 ? ` The rule's documentation: ${violation.resourceUrls.join(' ')}` : '';

/** A severity 1-4 violation that is not allowlisted: an error, with the rule's documentation. */
function violationFinding(violation: AnalyzerViolation, where: { file: string; line?: number }, emitted: ReadonlySet<string>): FindingInput {
    const inOutput = violation.file !== undefined && emitted.has(violation.file)
        ? ` The file is tsc's output of ${path.basename(violation.file, '.js')}.ts: fix the .ts, \`npm run build\` emits the .js again.`
        : '';
    return {
        check: name,
        ...where,
        message: `${violation.message} (${describeRule(violation)})`,
        fix: (violation.severity === SeverityLevel.Low
            ? `Fix it, or keep it with an entry and its reason in ${ALLOWLIST_FILE}.`
            : 'Change the code to satisfy the rule; severities 1-3 cannot be allowlisted.') + inOutput + ruleDocs(violation),
    };
}

const firstLine = (text: string) => text.split('\n').find((line) => line.trim() !== '')?.trim() ?? text;

/**
 * PMD and CPD run on Java 11 or later. Without Java they do not start; that fails the validation only
 * when the project has Apex or Visualforce, the languages of PMD's Recommended rules. Otherwise all
 * that is lost is CPD's copy-paste count (severity 5, informational), so it is a warning.
 */
export function javaEnginesNotStarted(notStarted: readonly AnalyzerViolation[], hasPmdLanguages: boolean): FindingInput {
    const engines = notStarted.map((violation) => violation.engine).join(' and ');
    return {
        check: name,
        severity: hasPmdLanguages ? 'error' : 'warning',
        file: '.',
        message: `Code Analyzer's ${engines} engine${notStarted.length > 1 ? 's' : ''} did not start: PMD and CPD need Java 11 or later, `
            + `looked up in JAVA_HOME, JRE_HOME, JDK_HOME, then \`java\` on PATH (${firstLine(notStarted[0]!.message)})`
            + (hasPmdLanguages
                ? ' The project has Apex or Visualforce, so PMD\'s Recommended rules did not run.'
                : ' The project has no Apex or Visualforce, which PMD\'s Recommended rules cover, so only the copy-paste count (severity 5) is missing.'),
        fix: 'Install a Java 11+ runtime (e.g. `apt-get install openjdk-17-jre-headless`) or point JAVA_HOME at one; `java -version` must work.',
    };
}

function engineNotStarted(violation: AnalyzerViolation): FindingInput {
    return {
        check: name,
        file: '.',
        message: `Code Analyzer's ${violation.engine} engine did not start: ${firstLine(violation.message)}`,
        fix: 'Run `npm ci` so the engine packages are installed as package-lock.json pins them, then run again with --debug.',
    };
}

/** An engine error fails the check: the engine skipped what it names, so the run proves nothing about it. */
function engineErrorFinding(project: ProjectContext, error: EngineError): FindingInput {
    const message = error.message.split(`${project.root}${path.sep}`).join('');
    const parse = /Parsing error/.test(message);
    return {
        check: name,
        file: error.file ? project.relative(error.file) : '.',
        message: `Code Analyzer's ${error.engine} engine skipped this: ${message}`,
        fix: parse
            ? 'Make the file parse: a .ts must be in the include of its nearest tsconfig.json (the ESLint engine type-checks it with that project); otherwise fix the syntax error.'
            : 'Fix what the message names, then run again with --debug.',
    };
}

function staleAllowlistEntries(project: ProjectContext, used: ReadonlySet<AllowedFinding>): FindingInput[] {
    return allowedFindings
        .filter((entry) => !used.has(entry) && existsSync(path.join(project.root, entry.file)))
        .map((entry) => ({
            check: name,
            severity: 'warning' as const,
            file: ALLOWLIST_FILE,
            message: `The allowlist entry for ${entry.rule} in ${entry.file} ("${entry.messageIncludes}") matches no finding any more.`,
            fix: `Remove the entry from ${ALLOWLIST_FILE}.`,
        }));
}

const countByRule = (violations: readonly AnalyzerViolation[]) => {
    const counts = new Map<string, number>();
    for (const violation of violations) counts.set(ruleId(violation), (counts.get(ruleId(violation)) ?? 0) + 1);
    return [...counts].map(([rule, count]) => `${count} ${rule}`).join(', ');
};

/**
 * Salesforce Code Analyzer (code-analyzer-core with its ESLint, PMD/CPD, regex and RetireJS engines)
 * with the Recommended rules over the package directories. Severities 1-3 fail; severity 4 fails
 * unless allowlisted with a reason in codeAnalyzerAllowlist.ts; severity 5 is counted.
 */
export const codeAnalyzerCheck: Check = {
    name,
    description: `Salesforce Code Analyzer (ESLint, PMD/CPD, regex, RetireJS engines; ${RULE_SELECTOR} rules) finds nothing at severity 1-3 and no unlisted severity 4`,
    async run(project) {
        const files = await project.allFiles();
        const emitted = emittedJavaScript(files);
        const hasPmdLanguages = files.some((file) => PMD_RECOMMENDED_EXTENSIONS.has(path.extname(file)));
        const run = await runCodeAnalyzer(project.root, files);
        const findings: FindingInput[] = [];
        const used = new Set<AllowedFinding>();
        const allowed: AnalyzerViolation[] = [];
        const info: AnalyzerViolation[] = [];
        const javaNotStarted: AnalyzerViolation[] = [];
        for (const violation of run.violations) {
            if (violation.rule === ENGINE_NOT_STARTED_RULE) {
                if (JAVA_ENGINES.has(violation.engine)) javaNotStarted.push(violation);
                else findings.push(engineNotStarted(violation));
                continue;
            }
            if (reportedOnSource(violation, emitted)) continue;
            if (violation.severity === SeverityLevel.Info) {
                info.push(violation);
                continue;
            }
            const where = location(project, violation);
            const entry = violation.severity === SeverityLevel.Low ? allowlistEntryFor(violation, where.file, allowedFindings) : undefined;
            if (entry) {
                used.add(entry);
                allowed.push(violation);
                continue;
            }
            findings.push(violationFinding(violation, where, emitted));
        }
        if (javaNotStarted.length > 0) findings.push(javaEnginesNotStarted(javaNotStarted, hasPmdLanguages));
        // CPD reads each emitted .js's source with its TypeScript lexer; its JavaScript lexer rejecting
        // the output (here: an em dash inside a nested template literal) loses nothing.
        const unreadOutput = run.engineErrors.filter((error) => error.engine === 'cpd' && error.file !== undefined && emitted.has(error.file));
        findings.push(...run.engineErrors.filter((error) => !unreadOutput.includes(error)).map((error) => engineErrorFinding(project, error)));
        findings.push(...staleAllowlistEntries(project, used));
        project.note(name, `${run.fileCount} files, ${run.ruleCount} rules; engines: ${run.engines.join(', ')}`);
        project.note(name, `${allowed.length} allowlisted at severity 4${allowed.length ? ` (${countByRule(allowed)})` : ''}`);
        project.note(name, `${info.length} at severity 5 (Info)${info.length ? `: ${countByRule(info)}` : ''}`);
        if (unreadOutput.length > 0) {
            project.note(name, `CPD's JavaScript lexer could not read ${unreadOutput.map((error) => project.relative(error.file!)).join(', ')} (tsc output; CPD read the .ts source)`);
        }
        return findings;
    },
};
