// One signal's counts over a tiny built export, per named rep, for the signal tests.
import { Warnings } from '../core/problems';
import { AnalyzeOptions } from '../options';
import { loadDataset } from '../records/loadDataset';
import { signals } from '../signals/registry';
import { SignalContext, type Band, type SignalDefinition } from '../signals/signal';
import type { ExportBuilder } from './exportBuilder';

/**
 * Per rep, [successes, trials] of the named signal; [0, 0] for a rep the dataset does not know. As
 * of 2026-06-30 unless `options` say otherwise.
 */
export async function signalCounts(builder: ExportBuilder, name: string, reps: string[], band: Band = 'all', options: Record<string, unknown> = {}): Promise<number[][]> {
    const analyzeOptions = AnalyzeOptions.parse({ asOf: '2026-06-30', ...options });
    const dataset = await loadDataset(builder.source(), analyzeOptions, new Warnings());
    const context = new SignalContext(dataset, analyzeOptions);
    const definition = signals.find((signal) => signal.name === name) as SignalDefinition;
    const counts = definition.compute(context, band);
    return reps.map((rep) => {
        const index = dataset.repIds.indexOf(rep);
        return index < 0 ? [0, 0] : [counts.successes[index]!, counts.trials[index]!];
    });
}
