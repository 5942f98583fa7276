import { ExportBuilder } from '../../testing/exportBuilder';
import { Warnings } from '../../core/problems';
import { AnalyzeOptions } from '../../options';
import { loadDataset } from '../../records/loadDataset';
import { signals } from '../registry';
import { SignalContext } from '../signal';

const byName = (names: readonly string[]) => signals.filter((signal) => names.includes(signal.name)).map((signal) => signal.name);

describe('the signal registry, as the README table lists it', () => {
    it('has the twelve signals in order, each under its skill', () => {
        expect(signals.map((signal) => [signal.skill, signal.name])).toEqual([
            ['decision-process', 'decisionStageLosses'],
            ['decision-process', 'noDecisionMaker'],
            ['decision-process', 'decisionMakerNotMet'],
            ['decision-process', 'slowDecisionStages'],
            ['priority-management', 'closeDateSlips'],
            ['priority-management', 'stalePipeline'],
            ['priority-management', 'overdueTasks'],
            ['priority-management', 'activityWithoutProgress'],
            ['priority-management', 'largeDealsNeglected'],
            ['emotional-intelligence', 'earlyLossAfterMeeting'],
            ['emotional-intelligence', 'meetingWithoutAdvance'],
            ['emotional-intelligence', 'darkAfterMeeting'],
        ]);
    });

    it('marks exactly the activity-volume signals, which never decide alone', () => {
        expect(signals.filter((signal) => signal.activityVolume === true).map((signal) => signal.name)).toEqual(byName(['activityWithoutProgress', 'largeDealsNeglected']));
    });

    it('splits every signal about deals into deal-size bands, but not tasks or the large-deal signal itself', () => {
        expect(signals.filter((signal) => !signal.banded).map((signal) => signal.name)).toEqual(['overdueTasks', 'largeDealsNeglected']);
    });

    it('gives every signal the words a report needs, with a {detail} exactly where its counts carry one', async () => {
        const options = AnalyzeOptions.parse({ asOf: '2026-06-30' });
        const b = new ExportBuilder();
        b.deal(b.rep('Ana'), { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', history: [['Value Proposition', '2026-02-01']], meetings: ['2026-01-10'] });
        const context = new SignalContext(await loadDataset(b.source(), options, new Warnings()), options);
        for (const signal of signals) {
            for (const text of [signal.label, signal.describe, signal.trials, signal.event, signal.finding]) expect(text.trim().length).toBeGreaterThan(3);
            const { detail } = signal.compute(context, 'all');
            expect({ name: signal.name, detail: detail !== undefined }).toEqual({ name: signal.name, detail: signal.event.includes('{detail}') });
        }
    });

    it('words the details: days rounded, activities to one decimal, the stale and follow-up days', async () => {
        const options = AnalyzeOptions.parse({ asOf: '2026-06-30', staleDays: 45, followUpDays: 20 });
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const tasks = (n: number) => Array.from({ length: n }, () => ({ due: '2026-02-01', done: true }));
        // Decision stages for 10, 10, 11 days (upper quartile 10.5); 4, 8 and 10 activities over 4 steps
        // each (3 stages and the win): 0.8, 1.6, 2 per step (upper quartile 1.8).
        b.deal(ana, { stage: 'Closed Won', created: '2026-01-01', close: '2026-02-11', history: [['Prospecting', '2026-01-01'], ['Value Proposition', '2026-02-01']], tasks: tasks(4) });
        b.deal(ana, { stage: 'Closed Won', created: '2026-01-01', close: '2026-02-11', history: [['Prospecting', '2026-01-01'], ['Value Proposition', '2026-02-01']], tasks: tasks(8) });
        b.deal(ana, { stage: 'Closed Won', created: '2026-01-01', close: '2026-02-12', history: [['Prospecting', '2026-01-01'], ['Value Proposition', '2026-02-01']], tasks: tasks(10) });
        const context = new SignalContext(await loadDataset(b.source(), options, new Warnings()), options);
        const detail = (name: string) => signals.find((signal) => signal.name === name)!.compute(context, 'all').detail;
        expect(detail('slowDecisionStages')).toBe('11 days');
        expect(detail('activityWithoutProgress')).toBe('1.8');
        expect(detail('stalePipeline')).toBe('45 days');
        expect(detail('meetingWithoutAdvance')).toBe('20 days');
    });

    it('words the details of a team without any value to take a quartile of as zero', async () => {
        const options = AnalyzeOptions.parse({ asOf: '2026-06-30' });
        const b = new ExportBuilder();
        b.deal(b.rep('Ana'), { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', history: [['Prospecting', '2026-01-05']] });
        const context = new SignalContext(await loadDataset(b.source(), options, new Warnings()), options);
        const detail = (name: string) => signals.find((signal) => signal.name === name)!.compute(context, 'all').detail;
        expect(detail('slowDecisionStages')).toBe('0 days');
        expect(detail('activityWithoutProgress')).toBe('0.0');
    });
});
