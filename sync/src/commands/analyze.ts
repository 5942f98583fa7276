// `goal-coach analyze`: reads a folder of CSV exports, prints the coaching summary, writes the
// JSON and the HTML report.
import { stat } from 'node:fs/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import { analyze } from '../analyze';
import { Warnings, UsageError } from '../core/problems';
import { toId18 } from '../core/salesforceId';
import { writeHtmlReport } from '../report/html';
import { writeJsonReport } from '../report/json';
import { terminalSummary } from '../report/terminal';
import { CsvExportSource } from '../sources/csvExport';

function integer(name: string, min: number, max: number) {
    return (value: string): number => {
        const parsed = Number(value);
        if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
            throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
        }
        return parsed;
    };
}

function date(value: string): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
        throw new InvalidArgumentError('give the date as YYYY-MM-DD, e.g. 2026-06-30.');
    }
    return value;
}

function recordId(value: string, previous: string[] = []): string[] {
    if (toId18(value) === null) throw new InvalidArgumentError(`"${value}" is not a 15- or 18-character Salesforce id.`);
    return [...previous, value];
}

function list(value: string, previous: string[] = []): string[] {
    return [...previous, ...value.split(',').map((item) => item.trim()).filter(Boolean)];
}

export function analyzeCommand(): Command {
    return new Command('analyze')
        .summary('Find where each rep’s deals go wrong and suggest learning goals.')
        .description(
            'Reads a folder of Salesforce CSV exports (User, Opportunity, OpportunityHistory, OpportunityStage (optional), ' +
                'OpportunityContactRole, Task, Event; Bulk API 2.0 / Data Loader format), compares each rep with the team ' +
                'and suggests learning goals in decision process, priority management and emotional intelligence.',
        )
        .requiredOption('-d, --data <dir>', 'folder with one <SObject>.csv per object')
        .addOption(new Option('--as-of <date>', 'day to analyze from, YYYY-MM-DD (default: the export’s last modification)').argParser(date))
        .addOption(new Option('--months <n>', 'months of closed deals to analyze').argParser(integer('--months', 1, 120)).default(12))
        .option('--json <file>', 'write the analysis as JSON to this file')
        .option('--html <file>', 'write a self-contained HTML report to this file')
        .option('--rep <id>', 'only report this rep (User id, 15 or 18 characters); repeatable', recordId)
        .option('--decision-stage <stage>', 'stage that counts as a decision stage (default: open stages at 50% or more); repeatable or comma-separated', list)
        .option('--decision-role <role>', 'contact role that shows the decision process was mapped (default: Decision Maker, Economic Buyer); repeatable', list)
        .addOption(new Option('--stale-days <n>', 'days without activity after which an open deal is stale').argParser(integer('--stale-days', 1, 365)).default(30))
        .addOption(new Option('--min-closed <n>', 'closed deals a rep needs before getting suggestions').argParser(integer('--min-closed', 1, 10000)).default(15))
        .action(async (flags: {
            data: string;
            asOf?: string;
            months: number;
            json?: string;
            html?: string;
            rep?: string[];
            decisionStage?: string[];
            decisionRole?: string[];
            staleDays: number;
            minClosed: number;
        }) => {
            const folder = await stat(flags.data).catch(() => null);
            if (!folder?.isDirectory()) throw new UsageError(`--data ${flags.data}: no such folder. Give the folder that holds the CSV exports.`);
            const readWarnings = new Warnings();
            const source = new CsvExportSource(flags.data, { warnings: readWarnings, progress: Boolean(process.stderr.isTTY) });
            const run = await analyze(source, {
                asOf: flags.asOf,
                months: flags.months,
                repIds: flags.rep,
                decisionStages: flags.decisionStage,
                decisionRoles: flags.decisionRole,
                staleDays: flags.staleDays,
                minClosedDeals: flags.minClosed,
            });
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
