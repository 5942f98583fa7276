import type { AnalyzerViolation } from './codeAnalyzerRun';

/**
 * A severity-4 (Low) Code Analyzer finding the project keeps on purpose. Severities 1-3 cannot be
 * allowlisted: they are fixed. An entry names the rule, the file and a piece of the message (the
 * value the rule flags), not a line, so that it survives edits elsewhere in the file.
 */
export interface AllowedFinding {
    /** `engine:rule`, as Code Analyzer prints it. */
    readonly rule: string;
    /** Path relative to the project root. */
    readonly file: string;
    /** Text the violation's message contains, e.g. the flagged value. */
    readonly messageIncludes: string;
    /** Why the finding stays: what the alternatives would break. */
    readonly reason: string;
}

/** Empty today: the project has no Low finding it keeps (the test suite brings its own entry for its fixture). */
export const allowedFindings: readonly AllowedFinding[] = [];

export const ruleId = (violation: Pick<AnalyzerViolation, 'engine' | 'rule'>) => `${violation.engine}:${violation.rule}`;

export function allowlistEntryFor(
    violation: AnalyzerViolation,
    relativeFile: string | undefined,
    allowlist: readonly AllowedFinding[] = allowedFindings,
): AllowedFinding | undefined {
    return allowlist.find((entry) =>
        entry.rule === ruleId(violation) && entry.file === relativeFile && violation.message.includes(entry.messageIncludes));
}
