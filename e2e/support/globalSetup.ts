// Once per test run, before any worker starts: builds the preview bundle unless the last build is
// newer than every input, and unpacks the test browser so parallel suites don't race to do it.
import { ensurePreviewBuilt } from '../../preview/build';
import { BrowserUnavailableError, resolveBrowser } from './browserBinary';

export default async function globalSetup(): Promise<void> {
    const result = await ensurePreviewBuilt({ log: (line) => process.stdout.write(`\npreview: ${line}`) });
    process.stdout.write(result ? '\n' : '\npreview: bundle is up to date\n');
    if (result && !result.panels.length) process.stdout.write('preview: no panels exposed in force-app yet\n');
    try {
        process.stdout.write(`browser: ${resolveBrowser().source}\n`);
    } catch (error) {
        // The browser suites fail with this same line; everything else still runs.
        if (!(error instanceof BrowserUnavailableError)) throw error;
        process.stdout.write(`browser: ${error.message}\n`);
    }
}
