// `goal-coach analyze`: reads a folder of CSV exports, prints the coaching summary, writes the
// JSON and the HTML report.
import { stat } from 'node:fs/promises';
import { Command } from 'commander';
import { analyze } from '../analyze';
import { Warnings, UsageError } from '../core/problems';
import { writeHtmlReport } from '../report/html';
import { writeJsonReport } from '../report/json';
import { terminalSummary } from '../report/terminal';
import { CsvExportSource } from '../sources/csvExport';
import { checkOutputFile } from './outputPaths';
import { addAnalysisFlags, analyzeOptionsOf, type AnalysisFlags } from './analysisFlags';

export function analyzeCommand(): Command {
    const command = new Command('analyze')
        .summary('Find where each rep’s deals go wrong and suggest learning goals.')
        .description(
            'Reads a folder of Salesforce CSV exports (User, Opportunity, OpportunityHistory, OpportunityStage (optional), ' +
                'OpportunityContactRole, Task, Event; Bulk API 2.0 / Data Loader format), compares each rep with the team ' +
                'and suggests learning goals in decision process, priority management and emotional intelligence.',
        )
        .requiredOption('-d, --data <dir>', 'folder with one <SObject>.csv per object')
        .option('--json <file>', 'write the analysis as JSON to this file')
        .option('--html <file>', 'write a self-contained HTML report to this file');
    return addAnalysisFlags(command, 'the export’s last modification')
        .action(async (flags: AnalysisFlags & { data: string; json?: string; html?: string }) => {
            const folder = await stat(flags.data).catch(() => null);
            if (!folder?.isDirectory()) throw new UsageError(`--data ${flags.data}: no such folder. Give the folder that holds the CSV exports.`);
            if (flags.json) await checkOutputFile('--json', flags.json);
            if (flags.html) await checkOutputFile('--html', flags.html);
            const readWarnings = new Warnings();
            const source = new CsvExportSource(flags.data, { warnings: readWarnings, progress: Boolean(process.stderr.isTTY) });
            const run = await analyze(source, analyzeOptionsOf(flags));
            const warnings = [...readWarnings.list(), ...run.warnings.list()];
            process.stdout.write(terminalSummary(run.result, warnings, run.stagesInferred));
            if (flags.json) {
                await writeJsonReport(flags.json, run.result);
                process.stdout.write(`JSON written to ${flags.json}\n`);
            }
            if (flags.html) {
                await writeHtmlReport(flags.html, run.result, warnings);
                process.stdout.write(`HTML report written to ${flags.html}\n`);
            }
        });
}
