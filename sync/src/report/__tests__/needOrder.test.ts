import { AnalysisResult, type RepResult } from '../../core/contract';
import type { NoSuggestionNote } from '../../suggestions/noPattern';
import { needGroupOf, orderByNeed } from '../needOrder';

function rep(name: string, extra: Partial<RepResult> = {}): RepResult {
    return { id: `id-${name}`, name, managerId: null, closed: 20, won: 5, lost: 15, winRate: 0.25, signals: {}, baselines: {}, lossesByStage: {}, suggestions: [], ...extra };
}

const suggestion = (confidence: number) => ({ skill: 'decision-process' as const, confidence, summary: 'Compared with the team: more losses.', evidence: [] });

function resultOf(reps: RepResult[]): AnalysisResult {
    return AnalysisResult.parse({
        asOf: '2026-06-30',
        window: { from: '2025-06-30', to: '2026-06-30' },
        team: { closed: 100, won: 25, lost: 75, winRate: 0.25, signals: {}, lossesByStage: {} },
        reps,
    });
}

const worse: NoSuggestionNote = { worseOutcome: true, text: 'no clear skill pattern yet: win rate 10% vs team 25%' };
const inLine: NoSuggestionNote = { worseOutcome: false, text: 'no learning goal suggested: in line with the team' };

describe('the order of need', () => {
    it('puts suggested reps first, then a clearly worse outcome, then withheld reps, then the rest', () => {
        const result = resultOf([
            rep('Ada'),
            rep('Ben', { closed: 8, withheld: 'insufficient data' }),
            rep('Cy', { suggestions: [suggestion(0.85)] }),
            rep('Dee'),
        ]);
        const notes = new Map([
            ['id-Ada', inLine],
            ['id-Dee', worse],
        ]);
        expect(orderByNeed(result, notes).map((r) => r.name)).toEqual(['Cy', 'Dee', 'Ben', 'Ada']);
    });

    it('orders suggested reps by their highest suggestion confidence, then by name', () => {
        const result = resultOf([
            rep('Ann', { suggestions: [suggestion(0.82)] }),
            rep('Bo', { suggestions: [suggestion(0.81), suggestion(0.95)] }),
            rep('Cat', { suggestions: [suggestion(0.9)] }),
            rep('Abe', { suggestions: [suggestion(0.9)] }),
        ]);
        expect(orderByNeed(result, new Map()).map((r) => r.name)).toEqual(['Bo', 'Abe', 'Cat', 'Ann']);
    });

    it('breaks ties within a group by name and leaves the result as it was', () => {
        const result = resultOf([rep('Zoe', { withheld: 'insufficient data' }), rep('Max', { withheld: 'insufficient data' }), rep('Liv'), rep('Kim')]);
        expect(orderByNeed(result, new Map()).map((r) => r.name)).toEqual(['Max', 'Zoe', 'Kim', 'Liv']);
        expect(result.reps.map((r) => r.name)).toEqual(['Zoe', 'Max', 'Liv', 'Kim']);
    });

    it('counts a rep with suggestions as suggested even if a note says worse', () => {
        expect(needGroupOf(rep('Eve', { suggestions: [suggestion(0.9)] }), worse)).toBe('suggested');
        expect(needGroupOf(rep('Eve'), undefined)).toBe('rest');
    });
});
