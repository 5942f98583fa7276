import { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel, SeverityLevel } from '@salesforce/code-analyzer-core';
import type { EngineLogEvent, Violation } from '@salesforce/code-analyzer-core';
import { createEnginePlugin as eslintEngines } from '@salesforce/code-analyzer-eslint-engine';
import { createEnginePlugin as pmdEngines } from '@salesforce/code-analyzer-pmd-engine';
import { createEnginePlugin as regexEngines } from '@salesforce/code-analyzer-regex-engine';
import { createEnginePlugin as retireJsEngines } from '@salesforce/code-analyzer-retirejs-engine';

/** The rule selector Salesforce Code Analyzer runs by default: each engine's rules tagged Recommended. */
export const RULE_SELECTOR = 'Recommended';

/** Rule name Code Analyzer core gives the violation it reports for an engine that could not start. */
export const ENGINE_NOT_STARTED_RULE = 'UninstantiableEngineError';

/** One violation as the check needs it, detached from the Code Analyzer classes. */
export interface AnalyzerViolation {
    readonly engine: string;
    readonly rule: string;
    /** 1 (Critical) to 5 (Info), Code Analyzer's SeverityLevel. */
    readonly severity: SeverityLevel;
    /** The rule's tags: its languages (JavaScript, TypeScript, CSS, ...), category and Recommended. */
    readonly tags: readonly string[];
    /** Absolute path; absent for a violation about an engine rather than a file. */
    readonly file?: string;
    readonly line?: number;
    readonly message: string;
    readonly resourceUrls: readonly string[];
}

/**
 * An error an engine logged instead of reporting it as a violation: the ESLint engine logs a file
 * it cannot parse (a `.ts` outside every tsconfig.json, a syntax error), CPD a file its lexer rejects;
 * both go on without the file.
 */
export interface EngineError {
    readonly engine: string;
    /** Absolute path, when the message names the file it is about. */
    readonly file?: string;
    readonly message: string;
}

/** How the ESLint engine ("When scanning file '…'") and CPD ("processing error for file '…'") name the file. */
const SCANNED_FILE = /(?:When scanning file|for file) '([^']+)'/;

function engineError(engine: string, message: string): EngineError {
    return { engine, file: SCANNED_FILE.exec(message)?.[1], message: message.trim().replace(/\s*\n\s*/g, ' ') };
}

export interface AnalyzerRun {
    readonly violations: AnalyzerViolation[];
    readonly engineErrors: EngineError[];
    /** `engine version` of each engine that started. */
    readonly engines: string[];
    readonly ruleCount: number;
    readonly fileCount: number;
}

/**
 * Code Analyzer's configuration, as a code-analyzer.yml would hold it. Inline suppression markers
 * are turned off so that the check's allowlist is the one reviewed list of exceptions. The ESLint
 * engine's React base config is off: the project has no React, and that config only prints a
 * "React version was set to detect" warning.
 */
function analyzerConfig(root: string): CodeAnalyzerConfig {
    return CodeAnalyzerConfig.fromObject({
        suppressions: { disable_suppressions: true },
        engines: { eslint: { disable_react_base_config: true } },
    }, root);
}

function detach(violation: Violation): AnalyzerViolation {
    const rule = violation.getRule();
    const location = violation.getPrimaryLocation();
    return {
        engine: rule.getEngineName(),
        rule: rule.getName(),
        severity: rule.getSeverityLevel(),
        tags: rule.getTags(),
        file: location.getFile(),
        line: location.getStartLine(),
        message: violation.getMessage(),
        resourceUrls: violation.getResourceUrls(),
    };
}

/**
 * Runs Code Analyzer core with its ESLint, PMD/CPD, regex and RetireJS engines and the Recommended
 * rules over `files` (absolute paths), as `sf code-analyzer run` does with its default selector.
 */
export async function runCodeAnalyzer(root: string, files: readonly string[]): Promise<AnalyzerRun> {
    const analyzer = new CodeAnalyzer(analyzerConfig(root));
    const engineErrors: EngineError[] = [];
    analyzer.onEvent<EngineLogEvent>(EventType.EngineLogEvent, (event) => {
        if (event.logLevel === LogLevel.Error) engineErrors.push(engineError(event.engineName, event.message));
    });
    for (const plugin of [eslintEngines(), pmdEngines(), regexEngines(), retireJsEngines()]) {
        await analyzer.addEnginePlugin(plugin);
    }
    const workspace = await analyzer.createWorkspace([...files]);
    const rules = await analyzer.selectRules([RULE_SELECTOR], { workspace });
    const results = await analyzer.run(rules, { workspace });
    return {
        violations: results.getViolations().map(detach),
        engineErrors,
        engines: results.getEngineNames()
            .map((name) => results.getEngineRunResults(name))
            .filter((engine) => !engine.getViolations().some((violation) => violation.getRule().getName() === ENGINE_NOT_STARTED_RULE))
            .map((engine) => `${engine.getEngineName()} ${engine.getEngineVersion()}`),
        ruleCount: rules.getCount(),
        fileCount: files.length,
    };
}
