// The one check on data nobody here generated: Maven CRM's sales pipeline (agents' won and lost
// deals with dates). Each agent's closed deals are split by close date; the team prior the engine
// fits (fitBetaPrior) shrinks each agent's first-half win rate, and both the shrunk and the raw
// first-half rates are scored by their squared error against the agent's second-half win rate.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { fitBetaPrior, type RateCount } from '../../src/statistics/betaBinomial';

const PipelineRow = z.object({
    sales_agent: z.string().min(1),
    deal_stage: z.string(),
    close_date: z.string(),
});

interface Split {
    first: RateCount;
    second: RateCount;
}

/** Per agent, the closed deals in close-date order, split at the middle (or after `firstLimit`). */
function splitByTime(rows: z.infer<typeof PipelineRow>[], firstLimit: number | null): Split[] {
    const byAgent = new Map<string, { day: string; won: boolean }[]>();
    for (const row of rows) {
        if (row.deal_stage !== 'Won' && row.deal_stage !== 'Lost') continue;
        const deals = byAgent.get(row.sales_agent) ?? [];
        deals.push({ day: row.close_date, won: row.deal_stage === 'Won' });
        byAgent.set(row.sales_agent, deals);
    }
    const count = (deals: { won: boolean }[]): RateCount => ({ successes: deals.filter((deal) => deal.won).length, trials: deals.length });
    return [...byAgent.values()].map((deals) => {
        deals.sort((a, b) => a.day.localeCompare(b.day));
        const middle = Math.floor(deals.length / 2);
        return { first: count(deals.slice(0, firstLimit === null ? middle : Math.min(middle, firstLimit))), second: count(deals.slice(middle)) };
    });
}

function errors(splits: Split[]): { raw: number; shrunk: number; concentration: number; mean: number } {
    const prior = fitBetaPrior(splits.map((split) => split.first))!;
    let raw = 0;
    let shrunk = 0;
    for (const { first, second } of splits) {
        const actual = second.successes / second.trials;
        const estimate = (prior.mean * prior.concentration + first.successes) / (prior.concentration + first.trials);
        raw += (first.successes / first.trials - actual) ** 2;
        shrunk += (estimate - actual) ** 2;
    }
    return { raw: raw / splits.length, shrunk: shrunk / splits.length, concentration: prior.concentration, mean: prior.mean };
}

export async function mavenCheck(directory: string): Promise<string> {
    const file = path.join(directory, 'sales_pipeline.csv');
    if (!existsSync(file)) return `Maven CRM check skipped: ${file} not found (put the dataset at ../shared/datasets/maven-crm next to the repository, or pass --maven DIR).`;
    const rows = z.array(PipelineRow).parse(parse(await readFile(file, 'utf8'), { columns: true, skip_empty_lines: true }));
    const lines = ['Maven CRM: each agent’s closed deals split by close date; first-half win rate against second-half win rate (mean squared error over agents)'];
    for (const [label, limit] of [['whole first half', null], ['first 25 deals only', 25], ['first 10 deals only', 10]] as const) {
        const splits = splitByTime(rows, limit).filter((split) => split.first.trials > 0 && split.second.trials > 0);
        const result = errors(splits);
        lines.push(
            `  ${label.padEnd(22)} ${splits.length} agents, mean ${(splits.reduce((sum, split) => sum + split.first.trials, 0) / splits.length).toFixed(0)} deals: ` +
                `raw ${result.raw.toFixed(5)}, empirical Bayes ${result.shrunk.toFixed(5)} (team prior: mean ${(100 * result.mean).toFixed(1)}%, concentration ${result.concentration.toFixed(0)}) → ` +
                `${result.shrunk < result.raw ? `empirical Bayes ${(100 * (1 - result.shrunk / result.raw)).toFixed(0)}% lower` : 'empirical Bayes NOT lower'}`,
        );
    }
    return lines.join('\n');
}
