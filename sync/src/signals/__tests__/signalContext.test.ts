// What every signal counts over: the deals in scope (open now, or closed in the window), their
// deal-size band, and whether they reached a decision stage.
import { ExportBuilder } from '../../testing/exportBuilder';
import { signalCounts } from '../../testing/signalCounts';

// As of 2026-06-30 with the default 12 months: deals closed from 2025-06-30 to 2026-06-30 count.
describe('the deals a signal counts', () => {
    it('counts deals closed on the first and the last day of the window, and none closed outside it', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        for (const close of ['2025-06-29', '2025-06-30', '2026-06-30', '2026-07-01']) b.deal(ana, { stage: 'Closed Lost', created: '2025-01-05', close });
        expect(await signalCounts(b, 'noDecisionMaker', [ana])).toEqual([[2, 2]]);
        expect(await signalCounts(b, 'noDecisionMaker', [ana], 'all', { months: 1 })).toEqual([[1, 1]]);
    });

    it('counts open deals created by the analysis day, not those created after it', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        for (const created of ['2026-06-30', '2026-07-01']) b.deal(ana, { stage: 'Prospecting', created, close: '2026-09-01', slips: [['2026-06-30', '2026-08-01', '2026-09-01']] });
        expect(await signalCounts(b, 'closeDateSlips', [ana])).toEqual([[1, 1]]);
    });

    it('splits deals at the team median amount of the deals in scope: at the median is small, without an amount is in neither band', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const ben = b.rep('Ben');
        const lost = (owner: string, amount?: number) => b.deal(owner, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', amount });
        // Amounts in scope 100, 200, 300 (median 200); the deals of 2024 and those without an amount do not move it.
        lost(ana, 100);
        lost(ana, 200);
        lost(ben, 300);
        lost(ben);
        lost(ben);
        b.deal(ben, { stage: 'Closed Lost', created: '2024-01-05', close: '2024-03-20', amount: 1 });
        b.deal(ben, { stage: 'Closed Lost', created: '2024-01-05', close: '2024-03-20', amount: 2 });
        expect(await signalCounts(b, 'noDecisionMaker', [ana, ben], 'small')).toEqual([
            [2, 2],
            [0, 0],
        ]);
        expect(await signalCounts(b, 'noDecisionMaker', [ana, ben], 'large')).toEqual([
            [0, 0],
            [1, 1],
        ]);
        expect(await signalCounts(b, 'noDecisionMaker', [ana, ben], 'all')).toEqual([
            [2, 2],
            [3, 3],
        ]);
    });

    it('puts every deal in no band when no deal in scope has an amount', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20' });
        expect(await signalCounts(b, 'noDecisionMaker', [ana], 'small')).toEqual([[0, 0]]);
        expect(await signalCounts(b, 'noDecisionMaker', [ana], 'large')).toEqual([[0, 0]]);
        expect(await signalCounts(b, 'noDecisionMaker', [ana], 'all')).toEqual([[1, 1]]);
    });

    it('takes a deal past the first decision stage as having reached it, even through a later stage that is not one', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        // Only Value Proposition is a decision stage here; Negotiation/Review ranks after it.
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', history: [['Prospecting', '2026-01-05'], ['Negotiation/Review', '2026-02-01']] });
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', history: [['Prospecting', '2026-01-05'], ['Needs Analysis', '2026-02-01']] });
        b.deal(ana, { stage: 'Closed Won', created: '2026-01-05', close: '2026-03-20', history: [['Value Proposition', '2026-02-01']] });
        // Open in a decision stage: not closed, so not yet a loss or a win.
        b.deal(ana, { stage: 'Value Proposition', created: '2026-01-05', close: '2026-09-01', history: [['Value Proposition', '2026-02-01']] });
        expect(await signalCounts(b, 'decisionStageLosses', [ana], 'all', { decisionStages: ['Value Proposition'] })).toEqual([[1, 2]]);
    });
});
