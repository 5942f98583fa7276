// What a rep without a suggestion is told. "In line with the team" only when the rep's outcome is;
// a rep who clearly loses more often than the typical reps, with no skill pattern clear enough to
// name, is told so plainly: "no clear skill pattern yet: win rate 12% vs team 24%".
import type { AnalysisResult, RepResult } from '../core/contract';
import { compareWithBaseline } from '../statistics/betaBinomial';
import { fitTypical } from '../statistics/typicalGroup';
import { percent, withheldText } from './phrasing';

/** How probable it must be that the rep loses more often than the typical reps do (any margin). */
export const clearlyWorse = 0.8;
export const outcomeMargin = 0;

export interface NoSuggestionNote {
    /** True when the rep's outcome is clearly worse than the team's, with no skill pattern named. */
    worseOutcome: boolean;
    /** Lower-case phrase, e.g. "no clear skill pattern yet: win rate 12% vs team 24%". */
    text: string;
}

/** Per rep id without suggestions (and not withheld): what the reports say instead. */
export function noSuggestionNotes(result: AnalysisResult): Map<string, NoSuggestionNote> {
    // Compared with the typical reps' loss rate and spread, so weak reps do not make a bad outcome look normal.
    const typical = fitTypical(result.reps.filter((rep) => !rep.withheld).map((rep) => ({ successes: rep.lost, trials: rep.closed })));
    const notes = new Map<string, NoSuggestionNote>();
    result.reps.forEach((rep) => {
        if (rep.withheld || rep.suggestions.length > 0) return;
        const worseOutcome =
            typical !== null && rep.closed > 0 && compareWithBaseline({ successes: rep.lost, trials: rep.closed }, typical.mean, typical.concentration, outcomeMargin).probabilityWorse >= clearlyWorse;
        notes.set(rep.id, {
            worseOutcome,
            text:
                worseOutcome && rep.winRate !== null && result.team.winRate !== null
                    ? `no clear skill pattern yet: win rate ${percent(rep.winRate)} vs team ${percent(result.team.winRate)}`
                    : 'no learning goal suggested: in line with the team',
        });
    });
    return notes;
}

/**
 * Where a rep without a suggestion stands, as a sentence for the goal plan (Loss_Profile__c.standing):
 * withheld, with the closed deals still needed, or the no-suggestion note; '' for a rep with suggestions.
 */
export function repStanding(rep: RepResult, notes: ReadonlyMap<string, NoSuggestionNote>, minClosedDeals: number): string {
    if (rep.withheld) return `Too few closed deals for suggestions yet: ${withheldText(rep.closed, minClosedDeals)}.`;
    const note = notes.get(rep.id);
    return note ? `${note.text.charAt(0).toUpperCase()}${note.text.slice(1)}.` : '';
}
