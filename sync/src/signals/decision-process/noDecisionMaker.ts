import type { SignalDefinition } from '../signal';

export const noDecisionMaker: SignalDefinition = {
    name: 'noDecisionMaker',
    label: 'Deals without a decision maker',
    skill: 'decision-process',
    describe: 'Of the deals closed in the window, the share with no contact in a decision role (Decision Maker, Economic Buyer or Economic Decision Maker by default).',
    trials: 'closed deals',
    event: 'had no decision maker or economic buyer among their contact roles',
    finding: 'fewer deals with the decision maker or economic buyer identified',
    banded: true,
    compute: (context, band) =>
        context.countDeals(band, (i) => (context.closedInWindow[i] === 1 ? context.dataset.opportunities.decisionRole[i] === 0 : null)),
};
