// What `goal-coach analyze` does once its flags are parsed: reads the CSV exports, prints the
// coaching summary, writes the JSON and the HTML report. Loaded only when the command runs.
import { stat } from 'node:fs/promises';
import { analyze } from '../analyze';
import { Warnings, UsageError } from '../core/problems';
import { writeHtmlReport } from '../report/html';
import { writeJsonReport } from '../report/json';
import { terminalSummary } from '../report/terminal';
import { CsvExportSource } from '../sources/csvExport';
import { analyzeOptionsOf, type AnalysisFlags } from './analysisFlags';
import { checkOutputFile } from './outputPaths';

export interface AnalyzeFlags extends AnalysisFlags {
    data: string;
    json?: string;
    html?: string;
}

export async function runAnalyzeCommand(flags: AnalyzeFlags): Promise<void> {
    const folder = await stat(flags.data).catch(() => null);
    if (!folder?.isDirectory()) throw new UsageError(`--data ${flags.data}: no such folder. Give the folder that holds the CSV exports.`);
    // Before the analysis, so that a bad output path stops the run before anything is printed.
    if (flags.json) await checkOutputFile('--json', flags.json);
    if (flags.html) await checkOutputFile('--html', flags.html);
    const readWarnings = new Warnings();
    const source = new CsvExportSource(flags.data, { warnings: readWarnings, progress: Boolean(process.stderr.isTTY) });
    const run = await analyze(source, analyzeOptionsOf(flags));
    const warnings = [...readWarnings.list(), ...run.warnings.list()];
    process.stdout.write(terminalSummary(run.result, warnings, run.stagesInferred, run.minClosedDeals));
    if (flags.json) {
        await writeJsonReport(flags.json, run.result);
        process.stdout.write(`JSON written to ${flags.json}\n`);
    }
    if (flags.html) {
        await writeHtmlReport(flags.html, run.result, { warnings, minClosedDeals: run.minClosedDeals });
        process.stdout.write(`HTML report written to ${flags.html}\n`);
    }
}
