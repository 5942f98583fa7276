import { ExportBuilder } from '../../testing/exportBuilder';
import { signalCounts } from '../../testing/signalCounts';

const early: [string, string][] = [
    ['Prospecting', '2026-01-05'],
    ['Qualification', '2026-01-20'],
];
const late: [string, string][] = [...early, ['Value Proposition', '2026-02-10']];

describe('earlyLossAfterMeeting', () => {
    it('counts, of the closed deals with a meeting, those lost before a decision stage', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const closed = (stage: string, history: [string, string][], meetings: string[] = ['2026-01-25'], close = '2026-03-20') =>
            b.deal(ana, { stage, created: '2026-01-05', close, history, meetings });
        closed('Closed Lost', early); // counted
        closed('Closed Lost', early); // counted
        closed('Closed Lost', late); // lost after reaching a decision stage
        closed('Closed Won', early); // won early
        closed('Closed Won', late);
        closed('Closed Lost', early, []); // no meeting: not a trial
        closed('Closed Lost', early, ['2026-01-25'], '2025-03-01'); // closed before the window: not a trial
        b.deal(ana, { stage: 'Qualification', created: '2026-04-01', close: '2026-09-01', history: [['Qualification', '2026-04-01']], meetings: ['2026-04-10'] }); // open
        expect(await signalCounts(b, 'earlyLossAfterMeeting', [ana])).toEqual([[2, 5]]);
    });
});
