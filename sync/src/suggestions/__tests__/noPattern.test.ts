import type { AnalysisResult, RepResult } from '../../core/contract';
import { noSuggestionNotes } from '../noPattern';

function rep(id: string, won: number, lost: number, extra: Partial<RepResult> = {}): RepResult {
    return { id, name: id, managerId: null, closed: won + lost, won, lost, winRate: won / (won + lost), signals: {}, baselines: {}, lossesByStage: {}, suggestions: [], ...extra };
}

function team(reps: RepResult[]): AnalysisResult {
    const won = reps.reduce((sum, item) => sum + item.won, 0);
    const closed = reps.reduce((sum, item) => sum + item.closed, 0);
    return { asOf: '2026-06-30', window: { from: '2025-06-30', to: '2026-06-30' }, decisionStages: [], team: { closed, won, lost: closed - won, winRate: won / closed, signals: {}, lossesByStage: {} }, reps };
}

describe('what a rep without a suggestion is told', () => {
    // 20 reps winning 8 to 10 of 36, a rep winning 4 of 34 and a rep winning 9 of 35.
    const typical = Array.from({ length: 20 }, (_, index) => rep(`typical-${index}`, 8 + (index % 3), 28 - (index % 3)));
    const result = team([...typical, rep('losing', 4, 30), rep('usual', 9, 26), rep('new', 0, 5, { withheld: 'insufficient data' })]);
    const notes = noSuggestionNotes(result);

    it('says plainly when the outcome is clearly worse but no skill pattern is clear', () => {
        expect(notes.get('losing')).toEqual({ worseOutcome: true, text: `no clear skill pattern yet: win rate 12% vs team ${Math.round(100 * result.team.winRate!)}%` });
    });

    it('says "in line with the team" only when the outcome is', () => {
        expect(notes.get('usual')).toEqual({ worseOutcome: false, text: 'no learning goal suggested: in line with the team' });
    });

    it('has nothing to say for withheld reps or reps with a suggestion', () => {
        expect(notes.has('new')).toBe(false);
        const suggested = team([...typical, rep('coached', 4, 30, { suggestions: [{ skill: 'decision-process', confidence: 0.9, summary: 's', evidence: [] }] })]);
        expect(noSuggestionNotes(suggested).has('coached')).toBe(false);
    });
});
