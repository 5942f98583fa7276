// Refreshes the committed screenshots (docs/screenshots) from the last e2e run
// (artifacts/screenshots): `npm run screenshots` after `npm run e2e`.
import fs from 'node:fs';
import path from 'node:path';

export interface CopyReport {
    copied: string[];
    unchanged: string[];
    /** In docs/ but not made by the last run: a screenshot a test no longer takes. */
    notRefreshed: string[];
}

const pngsIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.png')).sort() : []);

/** Copies every PNG of `from` into `to` when it differs; removes nothing. */
export function copyScreenshots(from: string, to: string): CopyReport {
    const made = pngsIn(from);
    if (!made.length) {
        throw new Error(`No screenshots in ${from}: run the e2e tests first (npm run e2e), then npm run screenshots.`);
    }
    fs.mkdirSync(to, { recursive: true });
    const report: CopyReport = { copied: [], unchanged: [], notRefreshed: [] };
    for (const name of made) {
        const source = fs.readFileSync(path.join(from, name));
        const target = path.join(to, name);
        if (fs.existsSync(target) && fs.readFileSync(target).equals(source)) {
            report.unchanged.push(name);
        } else {
            fs.writeFileSync(target, source);
            report.copied.push(name);
        }
    }
    report.notRefreshed = pngsIn(to).filter((name) => !made.includes(name));
    return report;
}

if (require.main === module) {
    const root = path.resolve(__dirname, '..', '..');
    try {
        const report = copyScreenshots(path.join(root, 'artifacts', 'screenshots'), path.join(root, 'docs', 'screenshots'));
        console.log(`docs/screenshots: ${report.copied.length} copied, ${report.unchanged.length} unchanged`);
        report.copied.forEach((name) => console.log(`  copied ${name}`));
        if (report.notRefreshed.length) {
            console.log(`not made by the last e2e run (delete them if no test takes them any more): ${report.notRefreshed.join(', ')}`);
        }
    } catch (error) {
        console.error(error instanceof Error ? error.message : String(error));
        process.exitCode = 1;
    }
}
