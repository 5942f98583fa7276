// The JSON sink: validated against the AnalysisResult contract before anything is written.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AnalysisResult } from '../core/contract';

export async function writeJsonReport(file: string, result: AnalysisResult): Promise<void> {
    const valid = AnalysisResult.parse(result);
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFile(file, JSON.stringify(valid, null, 2) + '\n');
}
