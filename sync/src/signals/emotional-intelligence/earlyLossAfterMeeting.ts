import { Status } from '../../records/opportunityStore';
import type { SignalDefinition } from '../signal';

export const earlyLossAfterMeeting: SignalDefinition = {
    name: 'earlyLossAfterMeeting',
    label: 'Lost soon after a meeting',
    skill: 'emotional-intelligence',
    describe: 'Of the deals closed in the window that had at least one meeting, the share lost before reaching a decision stage.',
    trials: 'closed deals with a meeting',
    event: 'were lost before a decision stage',
    finding: 'more deals lost early despite meetings',
    banded: true,
    compute: (context, band) =>
        context.countDeals(band, (i) => {
            const o = context.dataset.opportunities;
            if (context.closedInWindow[i] !== 1 || o.meetings[i] === 0) return null;
            return o.status[i] === Status.lost && !context.reachedDecision(i);
        }),
};
