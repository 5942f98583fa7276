// The order in which both reports list reps: who needs the manager first. Defined once, so the HTML
// report and the terminal summary lead with the same reps.
import type { AnalysisResult, RepResult } from '../core/contract';
import type { NoSuggestionNote } from '../suggestions/noPattern';

/** Why a rep sits where it does, most urgent first. */
export const needGroups = ['suggested', 'worseOutcome', 'withheld', 'rest'] as const;
export type NeedGroup = (typeof needGroups)[number];

/** The order in words, for the reports' heading lines. */
export const needOrderText =
    'Reps in order of need: suggested learning goals first (highest confidence first), then reps with no clear skill pattern but a clearly worse win rate, then reps with too few closed deals, then the rest; ties by name.';

export function needGroupOf(rep: RepResult, note: NoSuggestionNote | undefined): NeedGroup {
    if (rep.suggestions.length > 0) return 'suggested';
    if (rep.withheld) return 'withheld';
    return note?.worseOutcome ? 'worseOutcome' : 'rest';
}

const topConfidence = (rep: RepResult) => Math.max(0, ...rep.suggestions.map((suggestion) => suggestion.confidence));

/** The reps of the result, neediest first; `notes` are the no-suggestion notes of the same result. */
export function orderByNeed(result: AnalysisResult, notes: ReadonlyMap<string, NoSuggestionNote>): RepResult[] {
    const rank = (rep: RepResult) => needGroups.indexOf(needGroupOf(rep, notes.get(rep.id)));
    return [...result.reps].sort(
        (a, b) => rank(a) - rank(b) || topConfidence(b) - topConfidence(a) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
    );
}
