import type { SignalDefinition } from '../signal';

// A decision maker can be named on the deal and still never be met: the rep works the contacts
// who answer. Only deals whose activities name contacts (WhoId) count, so an org or a rep that
// logs activities without contacts says nothing here rather than looking as if nobody was met.
// WhoId is an activity's primary contact; with Shared Activities "a task can be related to one lead
// or up to 50 contacts" (Object Reference, TaskRelation: https://developer.salesforce.com/docs/platform/
// object-reference/references/standard-objects/object-taskrelation.html), and the others, held in
// TaskWhoRelation and EventWhoRelation, are not read, so a decision maker met as a second invitee
// counts as not met: the signal compares reps within one org, where that habit is shared.
export const decisionMakerNotMet: SignalDefinition = {
    name: 'decisionMakerNotMet',
    label: 'Decision makers never met',
    skill: 'decision-process',
    describe:
        'Of the deals closed in the window with a contact in a decision role and activities logged with contacts, the share where no meeting or completed task was with a decision-role contact.',
    trials: 'closed deals with a decision maker named and activities logged with contacts',
    event: 'never had a meeting or completed task with the decision maker',
    finding: 'fewer deals where the decision maker was met',
    banded: true,
    compute: (context, band) => {
        const o = context.dataset.opportunities;
        return context.countDeals(band, (i) => (context.closedInWindow[i] === 1 && o.decisionRole[i] === 1 && o.contactActivity[i] === 1 ? o.decisionMakerMet[i] === 0 : null));
    },
};
