import { allChecks } from './checks';
import { loadProject } from './project';
import { Check, Finding, findingSchema, ProjectContext } from './types';

export interface CheckOutcome {
    readonly check: Check;
    readonly findings: Finding[];
    readonly notes: readonly string[];
    readonly seconds: number;
}

export interface ValidationReport {
    readonly project: ProjectContext;
    readonly outcomes: CheckOutcome[];
    readonly errors: number;
    readonly warnings: number;
}

export interface RunOptions {
    /** Names of the checks to run (all when absent). */
    readonly only?: readonly string[];
    readonly skip?: readonly string[];
    /** Called before each check starts, for progress output. */
    readonly onCheckStart?: (check: Check) => void;
}

export function selectChecks(options: Pick<RunOptions, 'only' | 'skip'>): Check[] {
    const known = new Set(allChecks.map((check) => check.name));
    for (const requested of [...(options.only ?? []), ...(options.skip ?? [])]) {
        if (!known.has(requested)) {
            throw new Error(`Unknown check "${requested}". Known checks: ${[...known].join(', ')}.`);
        }
    }
    return allChecks.filter(
        (check) => (!options.only || options.only.includes(check.name)) && !(options.skip ?? []).includes(check.name),
    );
}

/** Runs the checks on the project at `projectDir`; a check that crashes becomes an error finding. */
export async function runValidation(projectDir: string, options: RunOptions = {}): Promise<ValidationReport> {
    const checks = selectChecks(options);
    const project = loadProject(projectDir);
    const outcomes: CheckOutcome[] = [];
    for (const check of checks) {
        options.onCheckStart?.(check);
        const started = performance.now();
        let findings: Finding[];
        try {
            findings = (await check.run(project)).map((finding) => findingSchema.parse(finding));
        } catch (error) {
            findings = [{
                check: check.name,
                severity: 'error',
                file: '.',
                message: `The check stopped on an unexpected error: ${(error as Error).message ?? String(error)}`,
                fix: 'Run again with --debug for the stack trace, and fix the file it names or report the problem.',
            }];
            if (process.env.VALIDATE_DEBUG) console.error(error);
        }
        outcomes.push({
            check,
            findings,
            notes: project.notes.get(check.name) ?? [],
            seconds: (performance.now() - started) / 1000,
        });
    }
    const all = outcomes.flatMap((outcome) => outcome.findings);
    return {
        project,
        outcomes,
        errors: all.filter((finding) => finding.severity === 'error').length,
        warnings: all.filter((finding) => finding.severity === 'warning').length,
    };
}
