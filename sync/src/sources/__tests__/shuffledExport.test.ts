// Property: the analysis of an export does not depend on the order of its rows, and duplicate rows
// change nothing but the counted warnings.
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Random } from '../../sample/random';
import { analyzeFolder } from './corpus';

const sample = path.join(__dirname, '..', '..', '..', 'sample-data', 'export');
const options = { asOf: '2026-06-30' };

/** Rewrites every file of the folder: data rows shuffled, then `duplicates` random rows appended again. */
async function shuffle(directory: string, random: Random, duplicates: number): Promise<number> {
    let appended = 0;
    for (const file of await readdir(directory)) {
        const text = await readFile(path.join(directory, file), 'utf8');
        const [header, ...rows] = text.split('\n').filter((line) => line !== '');
        for (let i = rows.length - 1; i > 0; i--) {
            const j = random.int(0, i);
            [rows[i], rows[j]] = [rows[j]!, rows[i]!];
        }
        const copies = file === 'OpportunityStage.csv' ? [] : Array.from({ length: Math.min(duplicates, rows.length) }, () => random.pick(rows));
        appended += copies.length;
        await writeFile(path.join(directory, file), [header, ...rows, ...copies].join('\n') + '\n');
    }
    return appended;
}

describe('the analysis of the sample export', () => {
    let baseline: Awaited<ReturnType<typeof analyzeFolder>>;
    beforeAll(async () => {
        baseline = await analyzeFolder(sample, options);
    });

    it.each([
        [1, 0],
        [2, 0],
        [3, 25],
        [4, 200],
    ])('is unchanged with its rows shuffled (seed %i) and %i duplicate rows appended to each file', async (seed, duplicates) => {
        const directory = await mkdtemp(path.join(os.tmpdir(), 'goal-coach-shuffled-'));
        try {
            await cp(sample, directory, { recursive: true });
            const appended = await shuffle(directory, new Random(seed), duplicates);
            const shuffled = await analyzeFolder(directory, options);
            expect(shuffled.result).toEqual(baseline.result);
            expect(shuffled.all).toEqual(appended === 0 ? [] : [expect.objectContaining({ kind: 'duplicate Id', count: appended })]);
        } finally {
            await rm(directory, { recursive: true, force: true });
        }
    });
});
