// Regenerates the committed sample export: `npx tsx sync/src/sample/cli.ts [DIR]`.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateExport, sampleOptions } from './generate';

async function main(): Promise<void> {
    const directory = process.argv[2] ?? path.join(__dirname, '..', '..', 'sample-data', 'export');
    const generated = await generateExport(directory, sampleOptions);
    const manifest = path.join(directory, '..', 'planted-weaknesses.json');
    await writeFile(manifest, JSON.stringify({ asOf: sampleOptions.asOf, seed: sampleOptions.seed, reps: generated.reps }, null, 2) + '\n');
    process.stdout.write(`Wrote ${Object.entries(generated.counts).map(([name, rows]) => `${rows} ${name}`).join(', ')} to ${directory}\n`);
}

main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
});
