import { analyze } from '../../analyze';
import { formatDay } from '../../core/days';
import { renderHtmlReport } from '../../report/html';
import { terminalSummary } from '../../report/terminal';
import { ExportBuilder } from '../../testing/exportBuilder';

// 12 typical reps and one who loses most deals at the decision stages without a decision maker, but
// moves through those stages faster than anyone: the one decision-process signal where the rep is
// better than the team. Every deal reaches Value Proposition (a decision stage) on Feb 1.
function exportWithOneWeakRep(): { builder: ExportBuilder; weak: string } {
    const builder = new ExportBuilder();
    const reached = '2026-02-01';
    const deal = (owner: string, lost: boolean, decisionMaker: boolean, days: number) =>
        builder.deal(owner, {
            stage: lost ? 'Closed Lost' : 'Closed Won',
            created: '2026-01-05',
            close: formatDay(Date.UTC(2026, 1, 1) / 86_400_000 + days),
            history: [
                ['Prospecting', '2026-01-05'],
                ['Value Proposition', reached],
            ],
            roles: decisionMaker ? ['Economic Buyer'] : ['Influencer'],
        });
    for (let r = 0; r < 12; r++) {
        const rep = builder.rep(`Typical ${String(r).padStart(2, '0')}`);
        for (let k = 0; k < 20; k++) deal(rep, (k + r) % 10 < 3, (k + 2 * r) % 10 >= 3, 10 + ((k * 7 + r * 3) % 60));
    }
    const weak = builder.rep('Weak Rep');
    for (let k = 0; k < 20; k++) deal(weak, k % 5 !== 0, k % 5 === 0, 5);
    return { builder, weak };
}

describe('the evidence of a suggestion', () => {
    it('lists only the signals that point the same way as the suggestion, each with its plain name and the rep’s baseline', async () => {
        const { builder, weak } = exportWithOneWeakRep();
        const run = await analyze(builder.source(), { asOf: '2026-06-30' });
        const rep = run.result.reps.find((candidate) => candidate.id === weak)!;
        const suggestion = rep.suggestions.find((candidate) => candidate.skill === 'decision-process');
        expect(suggestion).toBeDefined();
        // The rep is faster than the team in the decision stages: that is no evidence of a weakness.
        expect(rep.signals.slowDecisionStages).toBe(0);
        expect(suggestion!.evidence.map((item) => item.signal)).toEqual(['decisionStageLosses', 'noDecisionMaker']);
        for (const item of suggestion!.evidence) {
            expect(item.rep!).toBeGreaterThan(item.team!);
            expect(item.note).not.toContain('not a concern');
            // One team figure: the evidence's team is the rep's baseline, the figure the charts draw.
            expect(item.team).toBe(rep.baselines[item.signal]);
        }
        expect(suggestion!.evidence.map((item) => item.label)).toEqual(['Losses at the decision stages', 'Deals without a decision maker']);

        const text = terminalSummary(run.result, [], false, run.minClosedDeals);
        expect(text).toContain('      - Losses at the decision stages: 16 of 20 closed deals that reached a decision stage were lost; team: ');
        expect(text).not.toMatch(/Slow decision stages:|not a concern/);

        const page = renderHtmlReport(run.result, { minClosedDeals: run.minClosedDeals });
        const teamText = `${Math.round(rep.baselines.decisionStageLosses! * 100)}%`;
        expect(page).toContain(`<li>Losses at the decision stages: 16 of 20 closed deals that reached a decision stage were lost; team: ${teamText}</li>`);
        // The signal chart draws the same team figure (its bar's value, and its text table).
        expect(page).toContain(`Team: ${teamText}</text>`);
        expect(page).toContain(`<th scope="row">Decision Process: Losses at the decision stages</th><td>80%</td><td>${teamText}</td>`);
    });
});
