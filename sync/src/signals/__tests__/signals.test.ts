import { ExportBuilder } from '../../testing/exportBuilder';
import { signalCounts as countsOf } from '../../testing/signalCounts';
import { signals } from '../registry';

const early: [string, string][] = [
    ['Prospecting', '2026-01-05'],
    ['Qualification', '2026-01-20'],
];
const late: [string, string][] = [...early, ['Value Proposition', '2026-02-10'], ['Proposal/Price Quote', '2026-03-01']];

describe('the signal registry', () => {
    it('has one uniquely named signal per module, each with a skill and a description', () => {
        const names = signals.map((signal) => signal.name);
        expect(new Set(names).size).toBe(names.length);
        for (const signal of signals) {
            expect(signal.describe.length).toBeGreaterThan(20);
            expect(['decision-process', 'priority-management', 'emotional-intelligence']).toContain(signal.skill);
        }
    });
});

describe('decision process signals', () => {
    it('decisionStageLosses counts losses among closed deals that reached a decision stage', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', history: late });
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', history: late });
        b.deal(ana, { stage: 'Closed Won', created: '2026-01-05', close: '2026-03-20', history: late });
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-02-01', history: early }); // never reached a decision stage
        b.deal(ana, { stage: 'Closed Lost', created: '2024-01-05', close: '2024-03-20', history: [['Value Proposition', '2024-02-01']] }); // outside the window
        expect(await countsOf(b, 'decisionStageLosses', [ana])).toEqual([[2, 3]]);
    });

    it('noDecisionMaker counts closed deals without a Decision Maker or Economic Buyer role', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        b.deal(ana, { stage: 'Closed Won', created: '2026-01-05', close: '2026-03-20', roles: ['Economic Buyer'] });
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', roles: ['decision maker'] });
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', roles: ['Influencer'] });
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20' });
        b.deal(ana, { stage: 'Prospecting', created: '2026-06-01', close: '2026-09-20' }); // open: not counted
        expect(await countsOf(b, 'noDecisionMaker', [ana])).toEqual([[2, 4]]);
    });

    it('slowDecisionStages counts closed deals whose decision stages took longer than the team upper quartile', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const ben = b.rep('Ben');
        // Days in the decision stages: Ben 10, 10, 10, 10; Ana 10, 100. Upper quartile of 10×5, 100 → 10.
        for (let i = 0; i < 4; i++) b.deal(ben, { stage: 'Closed Won', created: '2026-01-01', close: '2026-02-11', history: [['Value Proposition', '2026-02-01']] });
        b.deal(ana, { stage: 'Closed Won', created: '2026-01-01', close: '2026-02-11', history: [['Value Proposition', '2026-02-01']] });
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-01', close: '2026-05-12', history: [['Value Proposition', '2026-02-01']] });
        expect(await countsOf(b, 'slowDecisionStages', [ana, ben])).toEqual([
            [1, 2],
            [0, 4],
        ]);
    });
});

describe('priority management signals', () => {
    it('closeDateSlips counts deals whose close date was pushed later (not earlier)', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        b.deal(ana, { stage: 'Closed Won', created: '2026-01-05', close: '2026-04-20', history: early, slips: [['2026-02-01', '2026-03-01', '2026-04-01']] });
        b.deal(ana, { stage: 'Closed Won', created: '2026-01-05', close: '2026-03-20', history: early, slips: [['2026-02-01', '2026-04-01', '2026-03-01']] });
        b.deal(ana, { stage: 'Qualification', created: '2026-05-05', close: '2026-08-20', history: early });
        expect(await countsOf(b, 'closeDateSlips', [ana])).toEqual([[1, 3]]);
    });

    it('closeDateSlips counts pushes made while the deal was open, not the date set when it closed', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        // Closed three weeks after its forecast: the closing row moves the date, no forecast was pushed.
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-04-20', history: [['Prospecting', '2026-01-05', '2026-03-31']], slips: [['2026-04-20', '2026-03-31', '2026-04-20', 'Closed Lost']] });
        // Pushed while in Qualification, then closed on the new date.
        b.deal(ana, { stage: 'Closed Won', created: '2026-01-05', close: '2026-04-20', history: [['Prospecting', '2026-01-05', '2026-03-31']], slips: [['2026-02-01', '2026-03-31', '2026-04-20', 'Qualification']] });
        expect(await countsOf(b, 'closeDateSlips', [ana])).toEqual([[1, 2]]);
    });

    it('closeDateSlips finds pushes from the rows\' close dates when the export has no PrevCloseDate', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        // Each history row holds the close date as it then stood.
        b.deal(ana, { stage: 'Closed Won', created: '2026-01-05', close: '2026-05-10', history: [['Prospecting', '2026-01-05', '2026-03-01'], ['Qualification', '2026-02-01', '2026-04-15'], ['Closed Won', '2026-05-10', '2026-05-10']] });
        // Pulled in, then kept: no push.
        b.deal(ana, { stage: 'Closed Won', created: '2026-01-05', close: '2026-02-20', history: [['Prospecting', '2026-01-05', '2026-03-01'], ['Qualification', '2026-02-01', '2026-02-20']] });
        // Rows out of order in the file: the earliest row is still the start.
        b.deal(ana, { stage: 'Qualification', created: '2026-05-05', close: '2026-09-01', history: [['Qualification', '2026-06-01', '2026-09-01'], ['Prospecting', '2026-05-05', '2026-08-01']] });
        // The row that closed the deal late is no push.
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-04-20', history: [['Prospecting', '2026-01-05', '2026-03-01'], ['Closed Lost', '2026-04-20', '2026-04-20']] });
        expect(await countsOf(b, 'closeDateSlips', [ana])).toEqual([[2, 4]]);
    });

    it('stalePipeline counts open deals untouched (no activity, no stage change) for more than 30 days', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        b.deal(ana, { stage: 'Qualification', created: '2026-04-01', close: '2026-08-01', history: [['Qualification', '2026-04-10']] }); // stale since 04-10
        b.deal(ana, { stage: 'Qualification', created: '2026-04-01', close: '2026-08-01', history: [['Qualification', '2026-04-10']], tasks: [{ due: '2026-06-20', done: true }] });
        b.deal(ana, { stage: 'Qualification', created: '2026-04-01', close: '2026-08-01', history: [['Qualification', '2026-06-15']] });
        b.deal(ana, { stage: 'Qualification', created: '2026-04-01', close: '2026-08-01', meetings: ['2026-06-25'] });
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-01', close: '2026-02-01' }); // closed: not pipeline
        expect(await countsOf(b, 'stalePipeline', [ana])).toEqual([[1, 4]]);
    });

    it('overdueTasks counts open tasks past their due date among open tasks due soon', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        b.deal(ana, {
            stage: 'Qualification',
            created: '2026-04-01',
            close: '2026-08-01',
            tasks: [
                { due: '2026-06-01', done: false, created: '2026-05-20' }, // overdue
                { due: '2026-07-05', done: false, created: '2026-06-20' }, // due soon, not overdue
                { due: '2026-06-01', done: true }, // done
                { due: '2027-01-01', done: false, created: '2026-06-20' }, // far future: not counted
            ],
        });
        expect(await countsOf(b, 'overdueTasks', [ana])).toEqual([[1, 2]]);
    });

    it('activityWithoutProgress counts deals whose activities per stage advanced exceed the team upper quartile', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const tasks = (n: number) => Array.from({ length: n }, () => ({ due: '2026-02-01', done: true }));
        // 2 tasks over 3 stages advanced → 0.5 per step; 12 tasks with no advance → 12.
        for (let i = 0; i < 3; i++) b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', history: [['Prospecting', '2026-01-05'], ['Value Proposition', '2026-02-10']], tasks: tasks(2) });
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', history: [['Prospecting', '2026-01-05']], tasks: tasks(12) });
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', history: [['Prospecting', '2026-01-05']] }); // no activity: no trial
        expect(await countsOf(b, 'activityWithoutProgress', [ana])).toEqual([[1, 4]]);
    });

    it('largeDealsNeglected counts large deals with fewer activities than the rep’s typical small deal', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const tasks = (n: number) => Array.from({ length: n }, () => ({ due: '2026-02-01', done: true }));
        for (let i = 0; i < 3; i++) b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', amount: 1_000, tasks: tasks(4) });
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', amount: 900_000, tasks: tasks(1) });
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', amount: 800_000, tasks: tasks(6) });
        expect(await countsOf(b, 'largeDealsNeglected', [ana])).toEqual([[1, 2]]);
    });
});

describe('emotional intelligence signals', () => {
    it('earlyLossAfterMeeting counts closed deals with a meeting lost before a decision stage', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-02-20', history: early, meetings: ['2026-01-25'] });
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', history: late, meetings: ['2026-01-25'] });
        b.deal(ana, { stage: 'Closed Won', created: '2026-01-05', close: '2026-03-20', history: late, meetings: ['2026-01-25'] });
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-02-20', history: early }); // no meeting
        expect(await countsOf(b, 'earlyLossAfterMeeting', [ana])).toEqual([[1, 3]]);
    });

    it('meetingWithoutAdvance counts first meetings not followed by a later stage within 30 days', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', history: [['Prospecting', '2026-01-05'], ['Qualification', '2026-01-20']], meetings: ['2026-01-10'] });
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', history: [['Prospecting', '2026-01-05'], ['Qualification', '2026-03-01']], meetings: ['2026-01-10'] });
        b.deal(ana, { stage: 'Qualification', created: '2026-06-01', close: '2026-09-20', history: [['Qualification', '2026-06-01']], meetings: ['2026-06-20'] }); // too recent
        expect(await countsOf(b, 'meetingWithoutAdvance', [ana])).toEqual([[1, 2]]);
    });

    it('darkAfterMeeting counts lost or stale-open deals with no follow-up and no stage change after the last meeting', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', history: early, meetings: ['2026-02-01'] }); // dark
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', history: early, meetings: ['2026-02-01'], tasks: [{ due: '2026-02-02', done: true }] });
        b.deal(ana, { stage: 'Closed Won', created: '2026-01-05', close: '2026-03-20', history: early, meetings: ['2026-02-01'] }); // won: not a trial
        b.deal(ana, { stage: 'Qualification', created: '2026-04-01', close: '2026-08-20', history: [['Qualification', '2026-04-01']], meetings: ['2026-04-15'] }); // open and dark
        expect(await countsOf(b, 'darkAfterMeeting', [ana])).toEqual([[2, 3]]);
    });
});

describe('deal-size bands', () => {
    it('splits a banded signal at the team median amount', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', amount: 1_000 });
        b.deal(ana, { stage: 'Closed Won', created: '2026-01-05', close: '2026-03-20', amount: 2_000, roles: ['Economic Buyer'] });
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', amount: 90_000 });
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', amount: 80_000 });
        expect(await countsOf(b, 'noDecisionMaker', [ana], 'small')).toEqual([[1, 2]]);
        expect(await countsOf(b, 'noDecisionMaker', [ana], 'large')).toEqual([[2, 2]]);
    });
});
