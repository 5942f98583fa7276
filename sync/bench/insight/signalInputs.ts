// The engine's own signal counts for a generated org, as the statistics step receives them: shared
// by the diagnosis and the z-test peer, so both see exactly what the engine sees.
import { signalCountsInput, subTeamsOf } from '../../src/analyze';
import { Warnings } from '../../src/core/problems';
import { AnalyzeOptions } from '../../src/options';
import { loadDataset, type Dataset } from '../../src/records/loadDataset';
import { Status } from '../../src/records/opportunityStore';
import { signals } from '../../src/signals/registry';
import { SignalContext } from '../../src/signals/signal';
import { CsvExportSource } from '../../src/sources/csvExport';
import type { SignalCountsInput } from '../../src/statistics/assess';

export interface OrgSignals {
    dataset: Dataset;
    options: AnalyzeOptions;
    inputs: SignalCountsInput[];
    /** Per rep, closed deals in the window. */
    closed: Int32Array;
    /** Reps with enough closed deals for suggestions. */
    eligible: (rep: number) => boolean;
    /** Per rep, the sub-team (manager) index. */
    subTeams: Int32Array;
}

export async function loadOrgSignals(directory: string): Promise<OrgSignals> {
    const options = AnalyzeOptions.parse({});
    const dataset = await loadDataset(new CsvExportSource(directory, { warnings: new Warnings() }), options, new Warnings());
    const context = new SignalContext(dataset, options);
    const closed = new Int32Array(dataset.repIds.length);
    const o = dataset.opportunities;
    for (let i = 0; i < o.size; i++) if (context.closedInWindow[i] === 1 && o.status[i] !== Status.open) closed[o.owner[i]!]! += 1;
    const inputs = signals.map((definition) =>
        signalCountsInput(definition, {
            all: definition.compute(context, 'all'),
            small: definition.banded ? definition.compute(context, 'small') : null,
            large: definition.banded ? definition.compute(context, 'large') : null,
        }),
    );
    return { dataset, options, inputs, closed, eligible: (rep) => closed[rep]! >= options.minClosedDeals, subTeams: subTeamsOf(dataset) };
}
