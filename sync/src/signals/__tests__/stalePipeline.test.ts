import { ExportBuilder } from '../../testing/exportBuilder';
import { signalCounts } from '../../testing/signalCounts';

describe('stalePipeline', () => {
    it('counts open deals whose last touch (created, activity or stage change) is more than the stale days old', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const open = (created: string, spec: { meetings?: string[]; tasks?: { due: string; done: boolean }[]; history?: [string, string][] } = {}) =>
            b.deal(ana, { stage: 'Qualification', created, close: '2026-09-01', ...spec });
        // As of 2026-06-30 with 30 stale days: 2026-05-31 is 30 days old, 2026-05-30 is 31.
        open('2026-05-31');
        open('2026-05-30'); // stale
        open('2026-04-01', { meetings: ['2026-05-30'] }); // stale
        open('2026-04-01', { tasks: [{ due: '2026-05-31', done: true }] });
        open('2026-04-01', { history: [['Qualification', '2026-05-31']] });
        open('2026-04-01', { history: [['Qualification', '2026-05-30']] }); // stale
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-01', close: '2026-02-01' }); // closed: not pipeline
        expect(await signalCounts(b, 'stalePipeline', [ana])).toEqual([[3, 6]]);
        expect(await signalCounts(b, 'stalePipeline', [ana], 'all', { staleDays: 29 })).toEqual([[6, 6]]);
    });

    // Salesforce's Last Activity is "the latest Due Date of the Closed Tasks on a record" or "the latest
    // Start Date of Events" (Help: Differences between Last Activity and Last Modified Dates,
    // https://help.salesforce.com/s/articleView?id=000385365&type=1): a next-step task still open, however
    // recently created, is no touch.
    it('does not count an open task as a touch, however recently it was created, as Salesforce’s Last Activity does not', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        b.deal(ana, { stage: 'Qualification', created: '2026-04-01', close: '2026-09-01', tasks: [{ created: '2026-06-25', due: '2026-07-05', done: false }] }); // stale
        b.deal(ana, { stage: 'Qualification', created: '2026-04-01', close: '2026-09-01', tasks: [{ created: '2026-04-02', due: '2026-06-25', done: true }] });
        expect(await signalCounts(b, 'stalePipeline', [ana])).toEqual([[1, 2]]);
    });
});
