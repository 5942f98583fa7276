import { ExportBuilder } from '../../testing/exportBuilder';
import { signalCounts } from '../../testing/signalCounts';

const tasks = (n: number) => Array.from({ length: n }, () => ({ due: '2026-02-01', done: true }));
const advanced: [string, string][] = [
    ['Prospecting', '2026-01-05'],
    ['Value Proposition', '2026-02-10'],
];

describe('activityWithoutProgress', () => {
    it('divides a deal’s activities by one plus its stages advanced (a win is one more) and counts those above the team upper quartile', async () => {
        const b = new ExportBuilder();
        const reps = ['won after 3 stages', 'lost after 3 stages', 'open, no history', 'won, no history', 'lost, no history'].map((name) => b.rep(name));
        const filler = b.rep('Filler');
        // Activities per step: 10 / 5 = 2; 10 / 4 = 2.5; 3 / 1 = 3; 2 / 2 = 1; 2 / 1 = 2; and the filler's 2, 2, 2, 2.
        b.deal(reps[0]!, { stage: 'Closed Won', created: '2026-01-05', close: '2026-03-20', history: advanced, tasks: tasks(10) });
        b.deal(reps[1]!, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', history: advanced, tasks: tasks(10) });
        b.deal(reps[2]!, { stage: 'Qualification', created: '2026-01-05', close: '2026-09-20', tasks: tasks(3) });
        b.deal(reps[3]!, { stage: 'Closed Won', created: '2026-01-05', close: '2026-03-20', tasks: tasks(2) });
        b.deal(reps[4]!, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', tasks: tasks(2) });
        for (let i = 0; i < 4; i++) b.deal(filler, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', tasks: tasks(2) });
        b.deal(filler, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20' }); // no activity: not a trial
        // Closed before the window: neither trials nor part of the team's quartile.
        for (let i = 0; i < 3; i++) b.deal(filler, { stage: 'Closed Lost', created: '2024-01-05', close: '2024-03-20', tasks: tasks(10) });
        // Sorted 1, 2, 2, 2, 2, 2, 2, 2.5, 3: the upper quartile is 2.
        expect(await signalCounts(b, 'activityWithoutProgress', [...reps, filler])).toEqual([
            [0, 1],
            [1, 1],
            [1, 1],
            [0, 1],
            [0, 1],
            [0, 4],
        ]);
    });

    it('counts the stages advanced from where the deal’s history starts, not from the first stage', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const filler = b.rep('Filler');
        // From Qualification (rank 1) to Value Proposition (rank 3): two stages, so 9 activities are 3 per step.
        b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', history: [['Qualification', '2026-01-05'], ['Value Proposition', '2026-02-10']], tasks: tasks(9) });
        for (let i = 0; i < 4; i++) b.deal(filler, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20', tasks: tasks(2) });
        // Sorted 2, 2, 2, 2, 3: the upper quartile is 2, and Ana's 3 is above it.
        expect(await signalCounts(b, 'activityWithoutProgress', [ana, filler])).toEqual([
            [1, 1],
            [0, 4],
        ]);
    });
});
