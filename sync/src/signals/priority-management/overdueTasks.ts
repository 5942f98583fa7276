import type { SignalDefinition } from '../signal';

export const overdueTasks: SignalDefinition = {
    name: 'overdueTasks',
    label: 'Overdue tasks',
    skill: 'priority-management',
    describe: 'Of the rep’s open tasks due by the as-of day plus the follow-up days, the share already past their due date.',
    trials: 'open tasks',
    event: 'were overdue',
    finding: 'more overdue tasks',
    banded: false,
    compute(context) {
        const successes = new Int32Array(context.repCount);
        const trials = new Int32Array(context.repCount);
        context.dataset.repIds.forEach((repId, rep) => {
            const counts = context.dataset.tasksByRep.get(repId);
            if (!counts) return;
            trials[rep] = counts.open;
            successes[rep] = counts.overdue;
        });
        return { successes, trials };
    },
};
