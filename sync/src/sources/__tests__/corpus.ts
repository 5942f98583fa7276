// The bad-input corpus: the base export in fixtures/base, and one folder per case whose files are laid
// over it. Runs the analysis on a case as the CLI does (its warnings and the analysis's together).
import { cp, mkdtemp, readdir, rm, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { analyze, type AnalyzeOptionsInput } from '../../analyze';
import { InputError, Warnings } from '../../core/problems';
import { CsvExportSource } from '../csvExport';

export const fixtures = path.join(__dirname, 'fixtures');
export const asOf = '2026-06-30';

/** The base export with one case's files laid over it, in a temporary folder. */
export async function exportWith(caseName: string | null, remove: string[] = []): Promise<string> {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'goal-coach-bad-'));
    await cp(path.join(fixtures, 'base'), directory, { recursive: true });
    if (caseName) {
        for (const file of await readdir(path.join(fixtures, caseName))) await cp(path.join(fixtures, caseName, file), path.join(directory, file));
    }
    for (const file of remove) await unlink(path.join(directory, file));
    return directory;
}

/** The analysis of an export folder, with every warning (the reader's and the analysis's). */
export async function analyzeFolder(directory: string, options: AnalyzeOptionsInput = { asOf, minClosedDeals: 1 }) {
    const readWarnings = new Warnings();
    const result = await analyze(new CsvExportSource(directory, { warnings: readWarnings }), options);
    return { ...result, all: [...readWarnings.list(), ...result.warnings.list()] };
}

export async function run(caseName: string | null, remove: string[] = [], options?: AnalyzeOptionsInput) {
    const directory = await exportWith(caseName, remove);
    try {
        return await analyzeFolder(directory, options);
    } finally {
        await rm(directory, { recursive: true, force: true });
    }
}

export async function failure(caseName: string | null, remove: string[] = [], options?: AnalyzeOptionsInput): Promise<InputError> {
    try {
        await run(caseName, remove, options);
    } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return error as InputError;
    }
    throw new Error(`expected ${caseName} to fail`);
}
