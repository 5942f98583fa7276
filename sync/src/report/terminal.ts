// The per-rep coaching summary printed in the terminal.
import { skillLabels, type AnalysisResult } from '../core/contract';
import type { WarningGroup } from '../core/problems';
import { learningGoals } from '../suggestions/learningGoals';
import { noSuggestionNotes } from '../suggestions/noPattern';
import { confidenceLabel } from '../suggestions/confidence';
import { evidenceLine, percent, withheldText } from '../suggestions/phrasing';
import { needOrderText, orderByNeed } from './needOrder';

/** `minClosedDeals`: the closed deals a rep needed for suggestions in this analysis. */
export function terminalSummary(result: AnalysisResult, warnings: readonly WarningGroup[], stagesInferred: boolean, minClosedDeals: number): string {
    const lines: string[] = [];
    const { team } = result;
    lines.push(`Goal Coach analysis as of ${result.asOf} (closed deals ${result.window.from} to ${result.window.to})`);
    lines.push(
        `Team: ${team.closed} closed deals, ${team.won} won, win rate ${team.winRate === null ? 'n/a' : percent(team.winRate)}; ${result.reps.length} reps`,
    );
    if (stagesInferred) lines.push('Stage order inferred from the data (no OpportunityStage.csv).');
    lines.push('');
    lines.push(needOrderText);
    const notes = noSuggestionNotes(result);
    for (const rep of orderByNeed(result, notes)) {
        const header = `${rep.name} — ${rep.closed} closed, win rate ${rep.winRate === null ? 'n/a' : percent(rep.winRate)}`;
        if (rep.withheld) {
            lines.push(`${header}: too few closed deals for suggestions (${withheldText(rep.closed, minClosedDeals)})`);
            continue;
        }
        if (rep.suggestions.length === 0) {
            lines.push(`${header}: ${notes.get(rep.id)?.text}`);
            continue;
        }
        lines.push(`${header}:`);
        for (const suggestion of rep.suggestions) {
            lines.push(`  ▸ ${skillLabels[suggestion.skill]} — confidence ${confidenceLabel(suggestion.confidence)}: ${suggestion.summary}`);
            for (const evidence of suggestion.evidence.slice(0, 3)) lines.push(`      - ${evidenceLine(evidence)}`);
            lines.push(`      Suggested learning goal: ${learningGoals[suggestion.skill].title}`);
        }
    }
    const suggested = result.reps.reduce((sum, rep) => sum + rep.suggestions.length, 0);
    const withheld = result.reps.filter((rep) => rep.withheld).length;
    lines.push('');
    lines.push(`${suggested} learning goal${suggested === 1 ? '' : 's'} suggested; ${withheld} rep${withheld === 1 ? '' : 's'} with too few closed deals.`);
    if (warnings.length > 0) {
        const total = warnings.reduce((sum, group) => sum + group.count, 0);
        lines.push('');
        lines.push(`${total} input warning${total === 1 ? '' : 's'} (each says what was skipped or changed, and the fix):`);
        for (const group of warnings) {
            lines.push(`  ${group.count} × ${group.kind}`);
            for (const example of group.examples) lines.push(`      ${example}`);
        }
    }
    return lines.join('\n') + '\n';
}
