import { ExportBuilder } from '../../testing/exportBuilder';
import { signalCounts } from '../../testing/signalCounts';

const tasks = (n: number) => Array.from({ length: n }, () => ({ due: '2026-02-01', done: true }));

describe('largeDealsNeglected', () => {
    it('counts the large deals with fewer activities than the rep’s own median small deal, not those with as many or more', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const ben = b.rep('Ben');
        const cleo = b.rep('Cleo');
        const deal = (owner: string, amount: number, activities: number) => b.deal(owner, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', amount, tasks: tasks(activities) });
        // Ana's small deals: 2, 4, 6 activities (median 4); her large ones 1, 4, 5, 6, 0: two with fewer.
        for (const activities of [2, 4, 6]) deal(ana, 1_000, activities);
        for (const activities of [1, 4, 5, 6, 0]) deal(ana, 900_000 + activities, activities);
        // Closed before the window: neither her typical small deal nor a large deal of hers.
        b.deal(ana, { stage: 'Closed Lost', created: '2024-01-05', close: '2024-03-20', amount: 1_000, tasks: tasks(100) });
        b.deal(ana, { stage: 'Closed Lost', created: '2024-01-05', close: '2024-03-20', amount: 900_000 });
        // Ben has no small deal to compare with: his large deals are not trials.
        deal(ben, 800_000, 0);
        deal(ben, 800_000, 3);
        // Cleo's small deals take 3 activities; her large deal as many.
        for (let i = 0; i < 5; i++) deal(cleo, 500, 3);
        deal(cleo, 700_000, 3);
        expect(await signalCounts(b, 'largeDealsNeglected', [ana, ben, cleo])).toEqual([
            [2, 5],
            [0, 0],
            [0, 1],
        ]);
    });

    it('compares with the small deals still open, and leaves out deals without an amount', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        // Open small deals with 5 activities each; a closed large deal with 4, one with 7.
        for (let i = 0; i < 3; i++) b.deal(ana, { stage: 'Qualification', created: '2026-04-01', close: '2026-09-01', amount: 100, tasks: tasks(5) });
        b.deal(ana, { stage: 'Closed Won', created: '2026-01-05', close: '2026-03-20', amount: 50_000, tasks: tasks(4) });
        b.deal(ana, { stage: 'Closed Won', created: '2026-01-05', close: '2026-03-20', amount: 60_000, tasks: tasks(7) });
        b.deal(ana, { stage: 'Closed Won', created: '2026-01-05', close: '2026-03-20', amount: 40_000, tasks: tasks(1) });
        b.deal(ana, { stage: 'Closed Won', created: '2026-01-05', close: '2026-03-20', tasks: tasks(0) });
        expect(await signalCounts(b, 'largeDealsNeglected', [ana])).toEqual([[2, 3]]);
    });
});
