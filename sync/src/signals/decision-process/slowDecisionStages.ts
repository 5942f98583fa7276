import { noDay } from '../../core/days';
import type { SignalContext, SignalDefinition } from '../signal';

/** Days from first entering a decision stage to the close, for closed deals that got there. */
function lateStageDays(context: SignalContext, i: number): number | null {
    const o = context.dataset.opportunities;
    if (context.closedInWindow[i] !== 1) return null;
    const entered = o.firstDecisionDay[i]!;
    if (entered === noDay || o.closeDay[i]! < entered) return null;
    return o.closeDay[i]! - entered;
}

export const slowDecisionStages: SignalDefinition = {
    name: 'slowDecisionStages',
    label: 'Slow decision stages',
    skill: 'decision-process',
    describe: "Of the closed deals that reached a decision stage, the share whose time from the first decision stage to the close exceeds the team's upper quartile.",
    trials: 'closed deals that reached a decision stage',
    event: 'spent more than {detail} in the decision stages (the team’s slowest quarter)',
    finding: 'longer late-stage cycles',
    banded: true,
    compute(context, band) {
        const threshold = context.teamUpperQuartile((i) => lateStageDays(context, i));
        const counts = context.countDeals(band, (i) => {
            const days = lateStageDays(context, i);
            return days === null || threshold === null ? null : days > threshold;
        });
        return { ...counts, detail: `${Math.round(threshold ?? 0)} days` };
    },
};
