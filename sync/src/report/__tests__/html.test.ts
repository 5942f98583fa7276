import { AnalysisResult, type RepResult } from '../../core/contract';
import { signals } from '../../signals/registry';
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
    const page = renderHtmlReport(result, { minClosedDeals: 15, warnings: [{ kind: 'wrong type', count: 2, examples: [`Opportunity.csv line 3: ${hostile}`] }] });

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
        expect(page).toContain('Map the decision process before Proposal');
    });

    it('names signals in plain words in the charts, not by their API names', () => {
        expect(page).toContain('Decision Process: Losses at the decision stages');
        for (const signal of signals) expect(page).not.toMatch(new RegExp(`>[^<]*\\b${signal.name}\\b`));
    });

    it('tells a withheld rep why and how many more closed deals are needed', () => {
        expect(page).toContain('Too few closed deals in the window for sound suggestions: 3 closed deals; suggestions start at 15: 12 more.');
        expect(page).toContain('<td>too few closed deals: 3 closed deals; suggestions start at 15: 12 more</td>');
    });
});

describe('the charts of the HTML report', () => {
    // A rep who loses most deals at the decision stages, with 3 losses at Prospecting of a new colleague's 4.
    const charted = AnalysisResult.parse({
        asOf: '2026-06-30',
        window: { from: '2025-06-30', to: '2026-06-30' },
        decisionStages: ['Proposal/Price Quote', 'Negotiation/Review'],
        team: { closed: 80, won: 30, lost: 50, winRate: 0.375, signals: { decisionStageLosses: 0.5 }, lossesByStage: { Prospecting: 18, Qualification: 12, 'Proposal/Price Quote': 14, 'Negotiation/Review': 6 } },
        reps: [
            {
                id: 'id-ana', name: 'Ana Lopez', managerId: null, closed: 24, won: 6, lost: 18, winRate: 0.25,
                signals: { decisionStageLosses: 0.67 }, baselines: { decisionStageLosses: 0.46 },
                lossesByStage: { Prospecting: 2, Qualification: 4, 'Proposal/Price Quote': 9, 'Negotiation/Review': 3 },
                suggestions: [{ skill: 'decision-process', confidence: 0.84, summary: 'Compared with the team: more deals lost after reaching the decision stages.', evidence: [{ signal: 'decisionStageLosses', label: 'Losses at the decision stages', rep: 0.67, team: 0.46, n: 18, note: '12 of 18 closed deals that reached a decision stage were lost; team: 46%' }] }],
            },
            { id: 'id-new', name: 'New Rep', managerId: null, closed: 5, won: 1, lost: 4, winRate: 0.2, signals: {}, lossesByStage: { Prospecting: 3, Qualification: 1 }, suggestions: [], withheld: 'insufficient data' },
        ],
    });
    const page = renderHtmlReport(charted, { minClosedDeals: 15 });
    const section = (id: string) => page.slice(page.indexOf(`<section id="rep-${id}">`), page.indexOf('</section>', page.indexOf(`<section id="rep-${id}">`)));

    it('ties the loss headline to the suggestion and shades the decision stages', () => {
        const ana = section('id-ana');
        // The rest of the team: 50 losses less Ana's 18; 14 - 9 + 6 - 3 = 8 of its 32 at the decision stages.
        expect(ana).toContain('<p class="chart-note">12 of 18 losses came at the decision stages (Proposal/Price Quote, Negotiation/Review); team: 25% of its losses.</p>');
        expect(ana.match(/<rect x="0" y="\d+" width="360" height="46" fill="#f3f3f3">/g)).toHaveLength(2);
        expect(ana).toContain('Proposal/Price Quote · decision stage');
        expect(ana).toContain('<th scope="row">Proposal/Price Quote (decision stage)</th><td>9 of 18 (50%)</td><td>5 of 32 (16%)</td>');
        expect(ana).not.toContain('Few deals');
    });

    it('writes the values on the bars and the same team figure in chart and evidence', () => {
        const ana = section('id-ana');
        expect(ana).toContain('>Rep: 9 of 18 (50%)</text>');
        expect(ana).toContain('<li>Losses at the decision stages: 12 of 18 closed deals that reached a decision stage were lost; team: 46%</li>');
        expect(ana).toContain('>Team: 46%</text>');
        expect(ana).toContain('confidence 84% (moderate)');
    });

    it('warns that a few losses are a hint, not a pattern', () => {
        const rookie = section('id-new');
        expect(rookie).toContain('3 of 4 losses came at Prospecting');
        expect(rookie).toContain('Few deals: 4 losses in all, so one more or less moves a share a lot.');
    });

    it('reads at 400 px: charts scale to their column, in the panels’ colours', () => {
        expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
        expect(page).not.toMatch(/<svg[^>]* width="/);
        expect(page).toContain('.chart svg { display: block; width: 100%;');
        expect(page).toContain('fill="#ba0517"');
        expect(page).toContain('fill="#aeaeae"');
        expect(page).not.toContain('#0176d3');
    });
});

describe('the terminal summary', () => {
    it('lists each rep with the suggested goal, the evidence and the skipped rows', () => {
        const text = terminalSummary(result, [{ kind: 'wrong type', count: 2, examples: ['Opportunity.csv line 3: Amount "x" is not a number'] }], false, 15);
        expect(text).toContain('Decision Process — confidence 97% (high)');
        expect(text).toContain('Suggested learning goal: Map the decision process before Proposal');
        expect(text).toContain('New Rep — 3 closed, win rate 33%: too few closed deals for suggestions (3 closed deals; suggestions start at 15: 12 more)');
        expect(text).toContain('2 input warnings (each says what was skipped or changed, and the fix):');
        expect(text).toContain('Opportunity.csv line 3: Amount "x" is not a number');
    });
});

describe('the order of need in both reports', () => {
    const rep = (name: string, won: number, lost: number, extra: Partial<RepResult> = {}): RepResult => ({
        id: `id-${name}`, name, managerId: null, closed: won + lost, won, lost, winRate: won / (won + lost), signals: {}, baselines: {}, lossesByStage: {}, suggestions: [], ...extra,
    });
    // Alphabetically the typical reps come first; by need the suggested, the losing and the new rep lead.
    const typical = Array.from({ length: 20 }, (_, index) => rep(`Avery ${String(index).padStart(2, '0')}`, 8 + (index % 3), 28 - (index % 3)));
    const reps = [
        ...typical,
        rep('Losing Rep', 4, 30),
        rep('New Rep', 1, 7, { withheld: 'insufficient data' }),
        rep('Zed Coached', 5, 30, { suggestions: [{ skill: 'decision-process', confidence: 0.93, summary: 'Compared with the team: more losses.', evidence: [] }] }),
    ];
    const won = reps.reduce((sum, item) => sum + item.won, 0);
    const closed = reps.reduce((sum, item) => sum + item.closed, 0);
    const team = AnalysisResult.parse({
        asOf: '2026-06-30',
        window: { from: '2025-06-30', to: '2026-06-30' },
        team: { closed, won, lost: closed - won, winRate: won / closed, signals: {}, lossesByStage: {} },
        reps,
    });
    const leading = ['Zed Coached', 'Losing Rep', 'New Rep', 'Avery 00'];
    const positions = (text: string, marker: (name: string) => string) => leading.map((name) => text.indexOf(marker(name)));
    const ascending = (values: number[]) => values.every((value, index) => value >= 0 && (index === 0 || value > values[index - 1]!));

    it('leads the terminal summary with the reps who need coaching and says what the order is', () => {
        const text = terminalSummary(team, [], false, 15);
        expect(text).toContain('Reps in order of need: suggested learning goals first');
        expect(ascending(positions(text, (name) => `\n${name} — `))).toBe(true);
        expect(text).toContain('Losing Rep — 34 closed, win rate 12%: no clear skill pattern yet');
        expect(text).toContain('New Rep — 8 closed, win rate 13%: too few closed deals for suggestions (8 closed deals; suggestions start at 15: 7 more)');
    });

    it('leads the HTML table and the rep sections with the same reps and says what the order is', () => {
        const page = renderHtmlReport(team, { minClosedDeals: 15 });
        expect(page).toContain('<p class="order">Reps in order of need: suggested learning goals first');
        expect(ascending(positions(page, (name) => `<tr><td><a href="#rep-id-${name}">`))).toBe(true);
        expect(ascending(positions(page, (name) => `<section id="rep-id-${name}">`))).toBe(true);
    });
});
