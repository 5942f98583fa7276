import { Status, noRank } from '../../records/opportunityStore';
import type { SignalContext, SignalDefinition } from '../signal';

/** Activities per stage advanced (plus one, so a deal that never moved counts all its activities). */
function activitiesPerStep(context: SignalContext, i: number): number | null {
    const o = context.dataset.opportunities;
    const activities = o.activities[i]!;
    if (activities === 0) return null;
    // Without history a deal never moved; the highest stage the history shows is never below its first.
    const first = o.firstRank[i]!;
    const advanced = (first !== noRank ? o.maxRank[i]! - first : 0) + (o.status[i] === Status.won ? 1 : 0);
    return activities / (1 + advanced);
}

export const activityWithoutProgress: SignalDefinition = {
    name: 'activityWithoutProgress',
    label: 'Activity without progress',
    skill: 'priority-management',
    describe: "Of the deals with activity, the share whose activities per stage advanced exceed the team's upper quartile: effort that does not move deals.",
    trials: 'deals with activity',
    event: 'took more than {detail} activities per stage advanced (the team’s busiest quarter)',
    finding: 'more activity without stage progress',
    banded: true,
    activityVolume: true,
    compute(context, band) {
        const threshold = context.teamUpperQuartile((i) => activitiesPerStep(context, i));
        const counts = context.countDeals(band, (i) => {
            const value = activitiesPerStep(context, i);
            return value === null || threshold === null ? null : value > threshold;
        });
        return { ...counts, detail: (threshold ?? 0).toFixed(1) };
    },
};
