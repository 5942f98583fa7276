import { ExportBuilder } from '../../testing/exportBuilder';
import { signalCounts } from '../../testing/signalCounts';

// The analysis is as of 2026-06-30 with the default 30 follow-up days; every first meeting below
// is on 2026-01-10 (so its follow-up days end on 2026-02-09) unless said otherwise.
const meeting = '2026-01-10';

describe('meetingWithoutAdvance', () => {
    it('counts the deals that did not move to a later stage within the follow-up days of their first meeting', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const lost = (close: string, history: [string, string][]) => b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close, history, meetings: [meeting] });
        lost('2026-03-20', [['Prospecting', '2026-01-05'], ['Qualification', '2026-01-20']]); // moved: not counted
        lost('2026-03-20', [['Prospecting', '2026-01-05'], ['Qualification', '2026-03-01']]); // moved too late: counted
        lost('2026-03-20', [['Prospecting', '2026-01-05']]); // never moved: counted
        lost('2026-03-20', [['Prospecting', '2026-01-05'], ['Qualification', '2026-02-09']]); // moved on the last follow-up day
        lost('2026-03-20', [['Prospecting', '2026-01-05'], ['Qualification', meeting]]); // moved on the meeting day, then not again: counted
        lost('2026-02-10', [['Prospecting', '2026-01-05']]); // lost a day after the follow-up days, never moved: counted
        b.deal(ana, { stage: 'Closed Won', created: '2026-01-05', close: '2026-01-25', history: [['Prospecting', '2026-01-05'], ['Closed Won', '2026-01-25']], meetings: [meeting] }); // won within the days: moved
        expect(await signalCounts(b, 'meetingWithoutAdvance', [ana])).toEqual([[4, 7]]);
    });

    it('compares with the stage at the meeting, or the first stage logged after it', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const lost = (history: [string, string][]) => b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', history, meetings: [meeting] });
        lost([['Needs Analysis', '2026-01-08'], ['Qualification', '2026-01-20']]); // moved back after the meeting: counted
        lost([['Prospecting', '2026-01-05'], ['Needs Analysis', '2026-01-08'], ['Needs Analysis', '2026-01-20']]); // the same stage again: counted
        lost([['Qualification', '2026-01-15']]); // nothing before the meeting, then one stage: counted
        lost([['Prospecting', '2026-01-05'], ['Needs Analysis', '2026-01-08'], ['Value Proposition', '2026-01-20']]); // moved on: not counted
        // Open with a close date already past before the meeting: still a deal that did not move.
        b.deal(ana, { stage: 'Prospecting', created: '2026-01-01', close: '2026-01-05', history: [['Prospecting', '2026-01-01']], meetings: [meeting] });
        expect(await signalCounts(b, 'meetingWithoutAdvance', [ana])).toEqual([[4, 5]]);
    });

    it('leaves out deals lost within the follow-up days, closed by the day of the meeting, without a stage or a meeting', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const prospecting: [string, string][] = [['Prospecting', '2026-01-05']];
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-01-30', history: prospecting, meetings: [meeting] }); // an early loss
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-02-09', history: prospecting, meetings: [meeting] }); // lost on the last follow-up day
        b.deal(ana, { stage: 'Closed Won', created: '2026-01-01', close: '2026-01-05', history: [['Prospecting', '2026-01-01']], meetings: [meeting] }); // won before the meeting
        b.deal(ana, { stage: 'Closed Won', created: '2026-01-01', close: meeting, history: [['Prospecting', '2026-01-01']], meetings: [meeting] }); // won on the day of the meeting
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', meetings: [meeting] }); // no stage history
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', history: prospecting }); // no meeting
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', history: prospecting, meetings: [meeting] }); // the one trial
        expect(await signalCounts(b, 'meetingWithoutAdvance', [ana])).toEqual([[1, 1]]);
    });

    it('waits the full follow-up days after a recent meeting of an open deal', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const open = (firstMeeting: string) => b.deal(ana, { stage: 'Prospecting', created: '2026-05-01', close: '2026-09-01', history: [['Prospecting', '2026-05-01']], meetings: [firstMeeting] });
        open('2026-05-31'); // 30 days before the analysis: counted
        open('2026-06-01'); // 29 days: too early to tell
        expect(await signalCounts(b, 'meetingWithoutAdvance', [ana])).toEqual([[1, 1]]);
    });
});
