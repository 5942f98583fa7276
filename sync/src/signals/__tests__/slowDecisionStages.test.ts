import { ExportBuilder } from '../../testing/exportBuilder';
import { signalCounts } from '../../testing/signalCounts';

describe('slowDecisionStages', () => {
    it('counts closed deals whose days from the first decision stage to the close exceed the team upper quartile', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const ben = b.rep('Ben');
        // First decision stage on 2026-02-01; closed 0, 10, 20 and 30 days later. Upper quartile 22.5.
        const closedAfter = (owner: string, close: string) => b.deal(owner, { stage: 'Closed Lost', created: '2026-01-05', close, history: [['Prospecting', '2026-01-05'], ['Value Proposition', '2026-02-01']] });
        closedAfter(ana, '2026-02-01');
        closedAfter(ana, '2026-02-11');
        closedAfter(ben, '2026-02-21');
        closedAfter(ben, '2026-03-03'); // slow
        // A decision stage logged after the close, a deal that never reached one, and one closed before the window: not trials.
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-02-01', history: [['Value Proposition', '2026-02-05']] });
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-06-01', history: [['Prospecting', '2026-01-05']] });
        b.deal(ben, { stage: 'Closed Lost', created: '2025-01-05', close: '2025-05-01', history: [['Value Proposition', '2025-02-01']] });
        // Still open in a decision stage: not closed, so not a trial however long it has been there.
        b.deal(ben, { stage: 'Value Proposition', created: '2026-01-05', close: '2026-09-01', history: [['Value Proposition', '2026-02-01']] });
        expect(await signalCounts(b, 'slowDecisionStages', [ana, ben])).toEqual([
            [0, 2],
            [1, 2],
        ]);
    });
});
