// The input-goal actuals, each from its own count query. Counts whose objects the platform documents
// only as Beta (Event, Task) or not at all (OpportunityContactRole) for UI API GraphQL are separate
// queries, so a refusal of one leaves the rest of the plan and the other counts standing.
import type { PanelQueryResult } from 'c/repScope';

/** One count: known, still loading, or refused by the org ("can't be counted here"). */
export interface CountState {
    readonly count?: number;
    readonly failed: boolean;
}

/** The totalCount of `key` in a count query's result. */
export function countFrom(result: PanelQueryResult | undefined, key: string): CountState {
    const errors = result?.errors;
    if (errors && (!Array.isArray(errors) || errors.length > 0)) {
        return { failed: true };
    }
    const count = result?.data?.uiapi?.query?.[key]?.totalCount;
    return { count: typeof count === 'number' ? count : undefined, failed: false };
}

/** Counts by source (Event, Task, …) for c-input-goals, and the sources that cannot be counted here. */
export function collectCounts(states: Record<string, CountState>): { counts: Record<string, number>; uncounted: string[] } {
    const counts: Record<string, number> = {};
    const uncounted: string[] = [];
    for (const [source, state] of Object.entries(states)) {
        if (state.failed) {
            uncounted.push(source);
        } else if (state.count !== undefined) {
            counts[source] = state.count;
        }
    }
    return { counts, uncounted };
}
