// Builds the preview bundle once per test run, unless the last build is newer than every input.
import fs from 'node:fs';
import path from 'node:path';
import { buildPreview, defaultOutDir, repoRoot } from '../../preview/build';

function newestMtime(target: string): number {
    if (!fs.existsSync(target)) return 0;
    const stat = fs.statSync(target);
    if (!stat.isDirectory()) return stat.mtimeMs;
    let newest = stat.mtimeMs;
    for (const entry of fs.readdirSync(target)) {
        if (entry === 'node_modules' || entry === '__tests__') continue;
        newest = Math.max(newest, newestMtime(path.join(target, entry)));
    }
    return newest;
}

export default async function globalSetup(): Promise<void> {
    const bundle = path.join(defaultOutDir, 'dist', 'main.js');
    const inputs = [
        path.join(repoRoot, 'force-app', 'main', 'default', 'lwc'),
        path.join(repoRoot, 'preview', 'modules'),
        path.join(repoRoot, 'preview', 'app'),
        path.join(repoRoot, 'preview', 'build.ts'),
        path.join(repoRoot, 'package-lock.json'),
    ];
    const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
    if (built && Math.max(...inputs.map(newestMtime)) < built) {
        process.stdout.write('\npreview bundle is up to date\n');
        return;
    }
    const result = await buildPreview({ log: (line) => process.stdout.write(`\npreview: ${line}`) });
    process.stdout.write('\n');
    if (!result.panels.length) process.stdout.write('preview: no panels exposed in force-app yet\n');
}
