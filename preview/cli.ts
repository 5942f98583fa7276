// npm run preview: builds the panels with open-source LWC and serves them with the in-memory
// sample org on 127.0.0.1. Options: --port, --no-build, --export <dir>, --analysis <json>, --today <day>.
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { buildPreview, defaultOutDir } from './build';
import { startPreviewServer } from './server/http';

function port(value: string): number {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
    return parsed;
}

const program = new Command()
    .name('preview')
    .description('Build the Goal Coach panels and show them with the in-memory sample org in a browser')
    .option('-p, --port <port>', 'port on 127.0.0.1 (0 picks a free one)', port, 4173)
    .option('--no-build', 'serve the last build without building again')
    .option('--export <dir>', 'folder of the sample org CSV export', path.join('sync', 'sample-data', 'export'))
    .option('--analysis <file>', 'analysis result JSON to seed learning goals from (default: artifacts/coaching-report.json)')
    .option('--today <day>', "day the preview treats as today, YYYY-MM-DD (default: the export's as-of day)")
    .option('--build-only', 'build and exit');

async function main(): Promise<void> {
    const options = program.parse().opts<{ port: number; build: boolean; export: string; analysis?: string; today?: string; buildOnly?: boolean }>();
    if (options.build) {
        const result = await buildPreview({ log: (line) => console.log(line) });
        if (result.warnings) console.log(`${result.warnings} compiler warning(s) in the project's components: see above`);
    }
    if (options.buildOnly) return;
    const server = await startPreviewServer({
        distDir: path.join(defaultOutDir, 'dist'),
        port: options.port,
        sampleOrg: {
            exportDir: path.resolve(options.export),
            ...(options.analysis ? { analysisJson: path.resolve(options.analysis) } : {}),
            ...(options.today ? { today: options.today } : {}),
        },
    });
    for (const note of server.sample().notes) console.log(`sample org: ${note}`);
    console.log(`Goal Coach preview: ${server.url}/  (Ctrl+C to stop)`);
    const stop = () => {
        void server.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        console.error(`preview failed: port ${program.opts().port} on 127.0.0.1 is in use. Pass --port <number>, or --port 0 for a free one.`);
        process.exitCode = 1;
        return;
    }
    console.error(`preview failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
});
