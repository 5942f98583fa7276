// A fake org holding the bundled sample export (sync/sample-data/export), for end-to-end sync tests.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateExport, sampleOptions } from '../src/sample/generate';
import { FakeSalesforceApi, type FakeOrgOptions } from './fakeSalesforceApi';
import { loadExportIntoFake } from './loadExport';

export const sampleExportDirectory = path.join(__dirname, '..', 'sample-data', 'export');

let generated: Promise<string> | undefined;

/** The committed sample export, or the same export generated from its seed when it is not there. */
export function sampleExport(): Promise<string> {
    if (existsSync(path.join(sampleExportDirectory, 'Opportunity.csv'))) return Promise.resolve(sampleExportDirectory);
    generated ??= mkdtemp(path.join(os.tmpdir(), 'goal-coach-sample-')).then(async (directory) => {
        await generateExport(directory, sampleOptions);
        return directory;
    });
    return generated;
}

export async function startSampleOrg(options: FakeOrgOptions = {}): Promise<{ fake: FakeSalesforceApi; counts: Record<string, number> }> {
    const fake = new FakeSalesforceApi(options);
    const counts = await loadExportIntoFake(fake, await sampleExport());
    await fake.start();
    return { fake, counts };
}
