import { ExportBuilder } from '../../testing/exportBuilder';
import { signalCounts } from '../../testing/signalCounts';

describe('darkAfterMeeting', () => {
    it('counts lost and stale open deals with no task and no stage change after their last meeting', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const lost = (spec: { meetings?: string[]; tasks?: { due: string; done: boolean }[]; history?: [string, string][] }) =>
            b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', history: [['Prospecting', '2026-01-05']], meetings: ['2026-02-01'], ...spec });
        lost({}); // dark
        lost({ tasks: [{ due: '2026-02-01', done: true }] }); // a task on the meeting day only: dark
        lost({ tasks: [{ due: '2026-02-02', done: true }] }); // followed up
        lost({ meetings: ['2026-01-10', '2026-02-01'], tasks: [{ due: '2026-01-15', done: true }] }); // followed up the first meeting, not the last: dark
        lost({ history: [['Prospecting', '2026-01-05'], ['Qualification', '2026-02-02']] }); // moved after the meeting
        lost({ history: [['Prospecting', '2026-01-05'], ['Qualification', '2026-02-01']] }); // moved on the meeting day only: dark
        b.deal(ana, { stage: 'Closed Won', created: '2026-01-05', close: '2026-03-20', meetings: ['2026-02-01'] }); // won: not a trial
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20' }); // no meeting: not a trial
        const open = (meeting: string) => b.deal(ana, { stage: 'Prospecting', created: '2026-05-01', close: '2026-09-01', history: [['Prospecting', '2026-05-01']], meetings: [meeting] });
        open('2026-05-31'); // 30 days before the analysis: dark
        open('2026-06-01'); // 29 days: too early to tell
        b.deal(ana, { stage: 'Closed Lost', created: '2026-05-01', close: '2026-06-25', meetings: ['2026-06-20'] }); // lost days after its last meeting: dark
        expect(await signalCounts(b, 'darkAfterMeeting', [ana])).toEqual([[6, 8]]);
    });

    it('waits the follow-up days only for an open deal: a deal lost days after its meeting already went dark', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        b.deal(ana, { stage: 'Closed Lost', created: '2026-05-01', close: '2026-06-25', meetings: ['2026-06-20'] });
        expect(await signalCounts(b, 'darkAfterMeeting', [ana])).toEqual([[1, 1]]);
        const ben = new ExportBuilder();
        const rep = ben.rep('Ben');
        ben.deal(rep, { stage: 'Prospecting', created: '2026-05-01', close: '2026-09-01', history: [['Prospecting', '2026-05-01']], meetings: ['2026-06-20'] });
        expect(await signalCounts(ben, 'darkAfterMeeting', [rep])).toEqual([[0, 0]]);
    });
});
