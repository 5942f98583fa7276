import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { runValidation } from '../run';
import { Finding } from '../types';

export const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

/** Runs one check on a fixture project and returns its findings. */
export async function findingsOf(check: string, fixtureName: string): Promise<Finding[]> {
    const report = await runValidation(fixture(fixtureName), { only: [check] });
    return report.outcomes.flatMap((outcome) => outcome.findings);
}

export const errorsOf = (findings: Finding[]) => findings.filter((finding) => finding.severity === 'error');

/** `file:line message` lines, sorted: compact and order-independent for assertions. */
export const summarize = (findings: Finding[]) =>
    findings.map((finding) => `${finding.severity} ${finding.file}${finding.line ? `:${finding.line}` : ''} ${finding.message}`).sort();

const repositoryRoot = path.resolve(__dirname, '../../..');

export interface CliRun {
    readonly status: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/**
 * Runs `scripts/validate/index.ts` in a child Node process, as `npm run validate` does. The platform
 * compiler and ESLint's config loading need Node's own module loader (ESM), which jest replaces.
 */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = process.env): CliRun {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate/index.ts', ...args], {
        cwd: repositoryRoot,
        env,
        encoding: 'utf8',
        timeout: 120_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface CliJsonReport {
    errors: number;
    warnings: number;
    checks: Array<{ check: string; findings: Finding[]; notes: string[] }>;
}

export function runCliJson(args: readonly string[], env?: NodeJS.ProcessEnv): CliJsonReport & { status: number | null } {
    const run = runCli([...args, '--json'], env);
    try {
        return { ...(JSON.parse(run.stdout) as CliJsonReport), status: run.status };
    } catch {
        throw new Error(`validate --json printed no JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    }
}
