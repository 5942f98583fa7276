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

export const allowedFindings: readonly AllowedFinding[] = [
    {
        rule: 'eslint:@salesforce-ux/slds/no-hardcoded-values-slds2',
        file: 'force-app/main/default/lwc/lossChart/lossChart.css',
        messageIncludes: '24rem',
        reason: 'The loss chart\'s width cap, which sets the size of its stage labels: the SVG is 300 units wide '
            + 'with 10-unit labels, so at 24rem (384px) they draw at 12.8px, the size of SLDS body text (0.8125rem). '
            + 'SLDS 2 has no sizing hook near 24rem: --slds-g-sizing-15 (20rem) shrinks the labels to 10.7px, '
            + '--slds-g-sizing-16 (30rem) grows them to 16px and the chart a quarter taller.',
    },
];

export const ruleId = (violation: Pick<AnalyzerViolation, 'engine' | 'rule'>) => `${violation.engine}:${violation.rule}`;

export function allowlistEntryFor(
    violation: AnalyzerViolation,
    relativeFile: string | undefined,
    allowlist: readonly AllowedFinding[] = allowedFindings,
): AllowedFinding | undefined {
    return allowlist.find((entry) =>
        entry.rule === ruleId(violation) && entry.file === relativeFile && violation.message.includes(entry.messageIncludes));
}
