// The engine: sources → normalized records → signals → statistics → suggestions. I/O-free apart
// from reading the source, so the CLI (CSV export) and the org sync (live org) share it.
import { AnalysisResult, type Evidence, type RepResult, type SkillSlug, type Suggestion } from './core/contract';
import { formatDay } from './core/days';
import { Warnings } from './core/problems';
import { normalizeId } from './core/salesforceId';
import type { RecordSource } from './core/source';
import { AnalyzeOptions, type AnalyzeOptionsInput } from './options';
import { loadDataset, windowOf, type Dataset } from './records/loadDataset';
import { Status, noRank } from './records/opportunityStore';
import { signals } from './signals/registry';
import { SignalContext, type SignalCounts, type SignalDefinition } from './signals/signal';

import type { RepComparison } from './statistics/betaBinomial';
import { assessTeam, compareSignal, type SignalCountsInput } from './statistics/assess';
import type { SkillAssessment } from './statistics/decide';
import { bandNote, evidenceNote, pointsToWeakness, summaryOf } from './suggestions/phrasing';

export { AnalyzeOptions } from './options';
export type { AnalyzeOptionsInput } from './options';

export interface AnalysisRun {
    result: AnalysisResult;
    warnings: Warnings;
    /** Stage order came from the data, not OpportunityStage. */
    stagesInferred: boolean;
    /** Closed deals a rep needed for suggestions in this run; the reports tell withheld reps how many more. */
    minClosedDeals: number;
}

interface SignalResult {
    definition: SignalDefinition;
    counts: { all: SignalCounts; small: SignalCounts | null; large: SignalCounts | null };
    team: Record<"all" | "small" | "large", { successes: number; trials: number }>;
    comparisons: (RepComparison | null)[];
    bandComparisons: Record<'small' | 'large', (RepComparison | null)[]>;
}

function sum(values: Int32Array): number {
    let total = 0;
    for (const value of values) total += value;
    return total;
}

function compareAll(counts: SignalCounts, margin: number): { team: { successes: number; trials: number }; comparisons: (RepComparison | null)[] } {
    const team = { successes: sum(counts.successes), trials: sum(counts.trials) };
    return { team, comparisons: compareSignal(counts.successes, counts.trials, margin) };
}

export async function analyze(source: RecordSource, input: AnalyzeOptionsInput = {}): Promise<AnalysisRun> {
    const options = AnalyzeOptions.parse(input);
    const warnings = new Warnings();
    const dataset = await loadDataset(source, options, warnings);
    const result = analyzeDataset(dataset, options);
    return { result, warnings, stagesInferred: dataset.stages.inferred, minClosedDeals: options.minClosedDeals };
}

/** A signal's counts as the statistics step takes them: the whole team's, and by deal-size band when it has bands. */
export function signalCountsInput(definition: SignalDefinition, counts: { all: SignalCounts; small: SignalCounts | null; large: SignalCounts | null }): SignalCountsInput {
    return {
        name: definition.name,
        skill: definition.skill,
        successes: counts.all.successes,
        trials: counts.all.trials,
        activityVolume: definition.activityVolume === true,
        ...(counts.small && counts.large ? { bands: { small: counts.small, large: counts.large } } : {}),
    };
}

/** Every signal's counts, for the whole team and by deal-size band where the signal has bands. */
function computeSignals(context: SignalContext, options: AnalyzeOptions): SignalResult[] {
    return signals.map((definition) => {
        const all = definition.compute(context, 'all');
        const small = definition.banded ? definition.compute(context, 'small') : null;
        const large = definition.banded ? definition.compute(context, 'large') : null;
        const smallCompared = small ? compareAll(small, options.margin) : null;
        const largeCompared = large ? compareAll(large, options.margin) : null;
        return {
            definition,
            counts: { all, small, large },
            team: { all: { successes: sum(all.successes), trials: sum(all.trials) }, small: smallCompared?.team ?? { successes: 0, trials: 0 }, large: largeCompared?.team ?? { successes: 0, trials: 0 } },
            // Filled in from the team assessment: each rep against their own baseline.
            comparisons: [],
            bandComparisons: { small: smallCompared?.comparisons ?? [], large: largeCompared?.comparisons ?? [] },
        };
    });
}

/** Closed deals of the window per rep, won and lost, and the stage each lost deal died in (per rep and for the team). */
interface Outcomes {
    won: Int32Array;
    lost: Int32Array;
    lossesByStage: Record<string, number>[];
    teamLossesByStage: Record<string, number>;
}

function tallyOutcomes(dataset: Dataset, context: SignalContext): Outcomes {
    const o = dataset.opportunities;
    const repCount = dataset.repIds.length;
    const outcomes: Outcomes = { won: new Int32Array(repCount), lost: new Int32Array(repCount), lossesByStage: Array.from({ length: repCount }, () => ({})), teamLossesByStage: {} };
    const stageNameByRank = dataset.stages.openStages.map((stage) => stage.name);
    // Keys in sales-process order, so charts read left to right through the stages.
    const team: Record<string, number> = Object.fromEntries([...stageNameByRank, 'Unknown'].map((name) => [name, 0]));
    for (let i = 0; i < o.size; i++) {
        if (context.closedInWindow[i] !== 1) continue;
        const rep = o.owner[i]!;
        if (o.status[i] === Status.won) {
            outcomes.won[rep]! += 1;
            continue;
        }
        outcomes.lost[rep]! += 1;
        const rank = o.lastOpenRank[i] !== noRank ? o.lastOpenRank[i]! : o.maxRank[i]!;
        const stage = rank !== noRank ? (stageNameByRank[rank] ?? 'Unknown') : 'Unknown';
        const byStage = outcomes.lossesByStage[rep]!;
        byStage[stage] = (byStage[stage] ?? 0) + 1;
        team[stage] = (team[stage] ?? 0) + 1;
    }
    for (const [stage, count] of Object.entries(team)) if (count !== 0) outcomes.teamLossesByStage[stage] = count;
    return outcomes;
}

/** A rep's rate on every signal (and band, where it has enough deals) and the baseline it was compared with. */
function repSignals(rep: number, results: readonly SignalResult[], options: AnalyzeOptions): Pick<RepResult, 'signals' | 'baselines'> {
    const values: Record<string, number | null> = {};
    const baselines: Record<string, number | null> = {};
    for (const item of results) {
        const trials = item.counts.all.trials[rep]!;
        values[item.definition.name] = trials > 0 ? item.counts.all.successes[rep]! / trials : null;
        baselines[item.definition.name] = item.comparisons[rep]?.teamRate ?? null;
        for (const band of ['small', 'large'] as const) {
            const counts = item.counts[band];
            if (!counts) continue;
            const bandTrials = counts.trials[rep]!;
            values[`${item.definition.name}:${band}`] = bandTrials >= options.minSignalTrials ? counts.successes[rep]! / bandTrials : null;
        }
    }
    return { signals: values, baselines };
}

export function analyzeDataset(dataset: Dataset, options: AnalyzeOptions): AnalysisResult {
    const context = new SignalContext(dataset, options);
    const results = computeSignals(context, options);
    const { won, lost, lossesByStage, teamLossesByStage } = tallyOutcomes(dataset, context);

    // Per rep × skill assessments for reps with enough closed deals.
    const eligible = (rep: number) => won[rep]! + lost[rep]! >= options.minClosedDeals;
    const { accepted, comparisons } = assessTeam(
        results.map((item) => signalCountsInput(item.definition, item.counts)),
        eligible,
        options,
        options.subTeamBaselines ? subTeamsOf(dataset) : undefined,
        subTeamsOf(dataset),
    );
    results.forEach((item, index) => (item.comparisons = comparisons[index]!));
    const acceptedByRep = new Map<number, SkillAssessment[]>();
    for (const assessment of accepted) {
        acceptedByRep.set(assessment.rep, [...(acceptedByRep.get(assessment.rep) ?? []), assessment]);
    }

    const wanted = options.repIds ? new Set(options.repIds.map(normalizeId)) : null;
    const reps: RepResult[] = [];
    for (let rep = 0; rep < dataset.repIds.length; rep++) {
        const id = dataset.repIds[rep]!;
        if (wanted && !wanted.has(id)) continue;
        const user = dataset.users.get(id);
        const closed = won[rep]! + lost[rep]!;
        const suggestions = (acceptedByRep.get(rep) ?? [])
            .sort((a, b) => b.confidence - a.confidence)
            .map((assessment) => suggestionOf(assessment, results, options));
        reps.push({
            id,
            name: user?.name ?? id,
            managerId: user?.managerId ?? null,
            closed,
            won: won[rep]!,
            lost: lost[rep]!,
            winRate: closed > 0 ? won[rep]! / closed : null,
            ...repSignals(rep, results, options),
            lossesByStage: lossesByStage[rep]!,
            suggestions,
            ...(eligible(rep) ? {} : { withheld: 'insufficient data' as const }),
        });
    }
    reps.sort((a, b) => a.name.localeCompare(b.name));

    const teamWon = sum(won);
    const teamLost = sum(lost);
    const teamSignals: Record<string, number | null> = {};
    for (const item of results) {
        const team = item.team.all;
        teamSignals[item.definition.name] = team.trials > 0 ? team.successes / team.trials : null;
    }
    return AnalysisResult.parse({
        asOf: formatDay(dataset.asOfDay),
        window: windowOf(dataset),
        decisionStages: dataset.stages.decisionStageNames,
        team: {
            closed: teamWon + teamLost,
            won: teamWon,
            lost: teamLost,
            winRate: teamWon + teamLost > 0 ? teamWon / (teamWon + teamLost) : null,
            signals: teamSignals,
            lossesByStage: teamLossesByStage,
        },
        reps,
    });
}

/** Per rep, an index of their manager (the sub-team), or -1 without one. */
export function subTeamsOf(dataset: Dataset): Int32Array {
    const managers = new Map<string, number>();
    return Int32Array.from(dataset.repIds, (id) => {
        const manager = dataset.users.get(id)?.managerId;
        if (!manager) return -1;
        if (!managers.has(manager)) managers.set(manager, managers.size);
        return managers.get(manager)!;
    });
}

function suggestionOf(assessment: SkillAssessment, results: readonly SignalResult[], options: AnalyzeOptions): Suggestion {
    const rep = assessment.rep;
    const evidence: Evidence[] = [];
    const findings: string[] = [];
    const byStrength = [...assessment.usable].sort((a, b) => b.probabilityWorse - a.probabilityWorse);
    for (const usable of byStrength) {
        const item = results.find((candidate) => candidate.definition.name === usable.signal)!;
        const comparison = item.comparisons[rep]!;
        const counts = item.counts.all;
        const successes = counts.successes[rep]!;
        const trials = counts.trials[rep]!;
        // Evidence is only what points the same way as the suggestion: a signal the model weighed where
        // the rep does as well as the team or better is not evidence of a weakness, so it is left out.
        if (!pointsToWeakness(successes / trials, comparison.teamRate, usable.probabilityWorse)) continue;
        let note = evidenceNote(item.definition, successes, trials, comparison.teamRate, counts.detail);
        // Name a deal-size band only when the pattern is concentrated there, not when it is everywhere.
        const bandProbability = (band: 'small' | 'large') => {
            const bandCounts = item.counts[band];
            const bandComparison = item.bandComparisons[band][rep];
            return bandCounts && bandComparison && bandCounts.trials[rep]! >= options.minSignalTrials ? bandComparison.probabilityWorse : null;
        };
        for (const [band, other] of [['small', 'large'], ['large', 'small']] as const) {
            const here = bandProbability(band);
            const there = bandProbability(other);
            if (here !== null && here >= options.minConfidence && (there === null || there < 0.5)) {
                const bandCounts = item.counts[band]!;
                note += `; mostly ${bandNote(band, bandCounts.successes[rep]!, bandCounts.trials[rep]!, item.bandComparisons[band][rep]!.teamRate)}`;
            }
        }
        evidence.push({ signal: item.definition.name, label: item.definition.label, rep: successes / trials, team: comparison.teamRate, n: trials, note });
        findings.push(item.definition.finding);
    }
    return {
        skill: assessment.skill as SkillSlug,
        confidence: Math.round(assessment.confidence * 1000) / 1000,
        summary: summaryOf(findings),
        evidence,
    };
}
