import { AnalysisResult } from '../../core/contract';
import { html, escapeHtml } from '../htmlTemplate';
import { renderHtmlReport } from '../html';
import { terminalSummary } from '../terminal';

const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';

const result: AnalysisResult = AnalysisResult.parse({
    asOf: '2026-06-30',
    window: { from: '2025-06-30', to: '2026-06-30' },
    team: { closed: 40, won: 10, lost: 30, winRate: 0.25, signals: { decisionStageLosses: 0.4, noDecisionMaker: 0.3 }, lossesByStage: { Prospecting: 20, [hostile]: 10 } },
    reps: [
        {
            id: '005000000000001AAA',
            name: hostile,
            managerId: null,
            closed: 20,
            won: 2,
            lost: 18,
            winRate: 0.1,
            signals: { decisionStageLosses: 0.9, noDecisionMaker: 0.8 },
            lossesByStage: { Prospecting: 8, [hostile]: 10 },
            suggestions: [{ skill: 'decision-process', confidence: 0.97, summary: `Compared with the team: ${hostile}`, evidence: [{ signal: 'decisionStageLosses', rep: 0.9, team: 0.4, n: 10, note: `9 of 10 ${hostile}` }] }],
        },
        { id: '005000000000002AAA', name: 'New Rep', managerId: null, closed: 3, won: 1, lost: 2, winRate: 0.33, signals: {}, lossesByStage: {}, suggestions: [], withheld: 'insufficient data' },
    ],
});

describe('the html template', () => {
    it('escapes every interpolated value and keeps nested templates as markup', () => {
        expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
        expect(html`<p>${'<b>'}${html`<i>${'&'}</i>`}</p>`.value).toBe('<p>&lt;b&gt;<i>&amp;</i></p>');
    });
});

describe('the HTML report', () => {
    const page = renderHtmlReport(result, [{ kind: 'wrong type', count: 2, examples: [`Opportunity.csv line 3: ${hostile}`] }]);

    it('is self-contained: no scripts, no external assets', () => {
        expect(page).not.toMatch(/<(script|link|img|iframe|object)\b|@import|url\(/i);
    });

    it('escapes names, stages, summaries, evidence and warnings from the data', () => {
        expect(page).not.toContain(hostile);
        expect(page).toContain(escapeHtml(hostile));
    });

    it('draws where deals die and each signal compared with the team, with accessible labels', () => {
        expect(page.match(/<svg role="img" aria-label="/g)?.length).toBeGreaterThanOrEqual(4);
        expect(page).toContain('Where');
        expect(page).toContain('signals compared with the team');
        expect(page).toContain('Insufficient data');
        expect(page).toContain('Map the decision process before Proposal');
    });
});

describe('the terminal summary', () => {
    it('lists each rep with the suggested goal, the evidence and the skipped rows', () => {
        const text = terminalSummary(result, [{ kind: 'wrong type', count: 2, examples: ['Opportunity.csv line 3: Amount "x" is not a number'] }], false);
        expect(text).toContain('Decision Process (confidence 97%)');
        expect(text).toContain('Suggested learning goal: Map the decision process before Proposal');
        expect(text).toContain('New Rep — 3 closed, win rate 33%: insufficient data for suggestions');
        expect(text).toContain('2 input warnings (each says what was skipped or changed, and the fix):');
        expect(text).toContain('Opportunity.csv line 3: Amount "x" is not a number');
    });
});
