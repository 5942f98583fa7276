import { Status } from '../../records/opportunityStore';
import type { SignalDefinition } from '../signal';

export const decisionStageLosses: SignalDefinition = {
    name: 'decisionStageLosses',
    label: 'Losses at the decision stages',
    skill: 'decision-process',
    describe: 'Of the deals closed in the window that had reached a decision stage, the share lost.',
    trials: 'closed deals that reached a decision stage',
    event: 'were lost',
    finding: 'more deals lost after reaching the decision stages',
    banded: true,
    compute: (context, band) =>
        context.countDeals(band, (i) =>
            context.closedInWindow[i] === 1 && context.reachedDecision(i) ? context.dataset.opportunities.status[i] === Status.lost : null,
        ),
};
