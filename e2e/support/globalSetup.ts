// Builds the preview bundle once per test run, unless the last build is newer than every input.
import { ensurePreviewBuilt } from '../../preview/build';

export default async function globalSetup(): Promise<void> {
    const result = await ensurePreviewBuilt({ log: (line) => process.stdout.write(`\npreview: ${line}`) });
    process.stdout.write(result ? '\n' : '\npreview: bundle is up to date\n');
    if (result && !result.panels.length) process.stdout.write('preview: no panels exposed in force-app yet\n');
}
