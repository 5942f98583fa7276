import { Status } from '../../records/opportunityStore';
import type { SignalDefinition } from '../signal';

export const stalePipeline: SignalDefinition = {
    name: 'stalePipeline',
    label: 'Stale pipeline',
    skill: 'priority-management',
    describe: 'Of the open deals, the share with no completed activity and no stage change for more than the stale days (30 by default) before the as-of day.',
    trials: 'open deals',
    event: 'had no completed activity or stage change for more than {detail}',
    finding: 'more open deals left untouched',
    banded: true,
    compute(context, band) {
        const o = context.dataset.opportunities;
        const { asOfDay } = context.dataset;
        const staleDays = context.options.staleDays;
        const counts = context.countDeals(band, (i) => {
            if (o.status[i] !== Status.open) return null;
            const lastTouch = Math.max(o.createdDay[i]!, o.lastActivityDay[i]!, o.lastChangeDay[i]!);
            return asOfDay - lastTouch > staleDays;
        });
        return { ...counts, detail: `${staleDays} days` };
    },
};
