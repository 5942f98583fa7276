// `goal-coach analyze`: its flags and help. The work is in analyzeRun, loaded when the command runs,
// so that `--help` and flag errors answer without loading the analysis.
import { Command } from 'commander';
import { addAnalysisFlags } from './analysisFlags';
import type { AnalyzeFlags } from './analyzeRun';

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
    return addAnalysisFlags(command, 'the export’s last modification').action(async (flags: AnalyzeFlags) => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on run, not for --help
        const { runAnalyzeCommand } = require('./analyzeRun') as typeof import('./analyzeRun');
        await runAnalyzeCommand(flags);
    });
}
