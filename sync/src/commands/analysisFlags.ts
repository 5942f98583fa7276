// The analysis flags `analyze` and `sync` share, their parsers, and their mapping to analyze()'s options.
import { Command, InvalidArgumentError, Option } from 'commander';
import { requireId18 } from '../core/salesforceId';
import type { AnalyzeOptionsInput } from '../options';

export function integer(name: string, min: number, max: number) {
    return (value: string): number => {
        const parsed = Number(value);
        if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
            throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
        }
        return parsed;
    };
}

export function isoDay(value: string): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
        throw new InvalidArgumentError('give the date as YYYY-MM-DD, e.g. 2026-06-30.');
    }
    return value;
}

/** Repeatable id flag: each value checked as a 15- or 18-character Salesforce id, kept as 18. */
export function recordIds(value: string, previous: string[] = []): string[] {
    try {
        return [...previous, requireId18(value, 'user id')];
    } catch (error) {
        throw new InvalidArgumentError((error as Error).message);
    }
}

/** Repeatable, comma-separated list flag. */
export function list(value: string, previous: string[] = []): string[] {
    return [...previous, ...value.split(',').map((item) => item.trim()).filter(Boolean)];
}

export interface AnalysisFlags {
    asOf?: string;
    months: number;
    rep?: string[];
    decisionStage?: string[];
    decisionRole?: string[];
    staleDays: number;
    minClosed: number;
}

export function addAnalysisFlags(command: Command, asOfDefault: string): Command {
    return command
        .addOption(new Option('--as-of <date>', `day to analyze from, YYYY-MM-DD (default: ${asOfDefault})`).argParser(isoDay))
        .addOption(new Option('--months <n>', 'months of closed deals to analyze').argParser(integer('--months', 1, 120)).default(12))
        .option('--rep <id>', 'only this rep (User id, 15 or 18 characters); repeatable', recordIds)
        .option('--decision-stage <stage>', 'stage that counts as a decision stage (default: open stages at 50% or more); repeatable or comma-separated', list)
        .option('--decision-role <role>', 'contact role that shows the decision process was mapped (default: Decision Maker, Economic Buyer, Economic Decision Maker); repeatable', list)
        .addOption(new Option('--stale-days <n>', 'days without activity after which an open deal is stale').argParser(integer('--stale-days', 1, 365)).default(30))
        .addOption(new Option('--min-closed <n>', 'closed deals a rep needs before getting suggestions').argParser(integer('--min-closed', 1, 10000)).default(15));
}

export function analyzeOptionsOf(flags: AnalysisFlags): AnalyzeOptionsInput {
    return {
        asOf: flags.asOf,
        months: flags.months,
        repIds: flags.rep,
        decisionStages: flags.decisionStage,
        decisionRoles: flags.decisionRole,
        staleDays: flags.staleDays,
        minClosedDeals: flags.minClosed,
    };
}
