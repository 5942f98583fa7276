// What a signal is: a named per-rep rate (successes of trials) for one skill. Every signal counts a
// *bad* outcome, so "worse than the team" always means a higher rate; continuous measures are turned
// into rates by counting the rep's deals beyond the team's upper quartile.
import type { SkillSlug } from '../core/contract';
import { noDay } from '../core/days';
import type { Dataset } from '../records/loadDataset';
import { Status, noRank } from '../records/opportunityStore';
import type { AnalyzeOptions } from '../options';

export type Band = 'all' | 'small' | 'large';
export const bandCodes: Record<Band, number> = { all: 0, small: 1, large: 2 };

export interface SignalCounts {
    /** Per rep (index as in Dataset.repIds): how many trials had the bad outcome. */
    successes: Int32Array;
    trials: Int32Array;
    /** Fills in the {detail} of the event phrase, e.g. the threshold in days. */
    detail?: string;
}

export interface SignalDefinition {
    /** The API name: the key in the JSON result's signal values, e.g. "decisionStageLosses". */
    name: string;
    /** The plain name a manager reads in the reports, e.g. "Losses at the decision stages". */
    label: string;
    skill: SkillSlug;
    /** One sentence: exactly what is counted. */
    describe: string;
    /** Plural noun phrase of the trials, e.g. "closed deals that reached a decision stage". */
    trials: string;
    /** What the successes did, e.g. "were lost"; may contain {detail}. */
    event: string;
    /** Short phrase for summaries, e.g. "more deals lost after reaching the decision stages". */
    finding: string;
    /** False when the signal is not about deals (so it has no deal-size bands). */
    banded: boolean;
    /**
     * True when the signal counts activity volume, which also reflects how much a rep logs: a heavy
     * logger is far off on it for reasons outside the skill, so it never decides alone.
     */
    activityVolume?: boolean;
    compute(context: SignalContext, band: Band): SignalCounts;
}

export class SignalContext {
    readonly repCount: number;
    /** Per opportunity: 1 when it counts (open now, or closed in the window). */
    readonly inScope: Uint8Array;
    readonly closedInWindow: Uint8Array;
    /** Per opportunity: 0 no amount, 1 small (at most the team median), 2 large. */
    readonly band: Uint8Array;
    readonly medianAmount: number | null;
    readonly firstDecisionRank: number;

    constructor(
        readonly dataset: Dataset,
        readonly options: AnalyzeOptions,
    ) {
        const o = dataset.opportunities;
        this.repCount = dataset.repIds.length;
        this.inScope = new Uint8Array(o.size);
        this.closedInWindow = new Uint8Array(o.size);
        this.band = new Uint8Array(o.size);
        this.firstDecisionRank = dataset.stages.firstDecisionRank;
        const amounts: number[] = [];
        for (let i = 0; i < o.size; i++) {
            const closed = o.status[i] !== Status.open;
            const closeDay = o.closeDay[i]!;
            const inWindow = closed && closeDay >= dataset.fromDay && closeDay <= dataset.asOfDay;
            const openNow = !closed && o.createdDay[i]! <= dataset.asOfDay;
            if (inWindow) this.closedInWindow[i] = 1;
            if (inWindow || openNow) {
                this.inScope[i] = 1;
                if (!Number.isNaN(o.amount[i]!)) amounts.push(o.amount[i]!);
            }
        }
        this.medianAmount = amounts.length > 0 ? quantile(Float64Array.from(amounts), 0.5) : null;
        for (let i = 0; i < o.size; i++) {
            const amount = o.amount[i]!;
            if (this.medianAmount === null || Number.isNaN(amount)) continue;
            this.band[i] = amount <= this.medianAmount ? 1 : 2;
        }
    }

    /** True when the deal is in the band (every deal is in "all"). */
    inBand(i: number, band: Band): boolean {
        return band === 'all' || this.band[i] === bandCodes[band];
    }

    reachedDecision(i: number): boolean {
        const o = this.dataset.opportunities;
        return o.firstDecisionDay[i] !== noDay || (o.maxRank[i] !== noRank && o.maxRank[i]! >= this.firstDecisionRank);
    }

    /** Counts per rep over in-scope deals: `outcome` returns null (not a trial), true (bad) or false. */
    countDeals(band: Band, outcome: (i: number) => boolean | null): SignalCounts {
        const o = this.dataset.opportunities;
        const successes = new Int32Array(this.repCount);
        const trials = new Int32Array(this.repCount);
        for (let i = 0; i < o.size; i++) {
            if (this.inScope[i] !== 1 || !this.inBand(i, band)) continue;
            const result = outcome(i);
            if (result === null) continue;
            const rep = o.owner[i]!;
            trials[rep]! += 1;
            if (result) successes[rep]! += 1;
        }
        return { successes, trials };
    }

    /** The team's upper quartile of a per-deal value over in-scope deals where it is defined. */
    teamUpperQuartile(value: (i: number) => number | null): number | null {
        const o = this.dataset.opportunities;
        const values: number[] = [];
        for (let i = 0; i < o.size; i++) {
            if (this.inScope[i] !== 1) continue;
            const v = value(i);
            if (v !== null) values.push(v);
        }
        return values.length > 0 ? quantile(Float64Array.from(values), 0.75) : null;
    }
}

/** Linear-interpolated quantile (type 7, as R and NumPy default). Sorts its argument in place. */
export function quantile(values: Float64Array, q: number): number {
    values.sort();
    const position = (values.length - 1) * q;
    const low = Math.floor(position);
    const high = Math.ceil(position);
    return values[low]! + (values[high]! - values[low]!) * (position - low);
}
