import type { SignalDefinition } from '../signal';

export const closeDateSlips: SignalDefinition = {
    name: 'closeDateSlips',
    label: 'Close dates pushed out',
    skill: 'priority-management',
    describe: 'Of the open deals and the deals closed in the window, the share whose close date was pushed later at least once while the deal was open (an OpportunityHistory row of an open stage with CloseDate after PrevCloseDate, or after the deal’s first CloseDate where PrevCloseDate is empty); the date set when a deal is closed is not a push.',
    trials: 'deals',
    event: 'had their close date pushed out',
    finding: 'more close dates pushed out',
    banded: true,
    compute: (context, band) => context.countDeals(band, (i) => context.dataset.opportunities.slips[i]! > 0),
};
