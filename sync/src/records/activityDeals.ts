// Which deal an activity belongs to. Most tasks and events name their opportunity in WhatId, but a
// rep may log a call on the account instead: "A task can also be related to one account, asset,
// campaign, case, contract, opportunity, product, solution, or custom object" (Object Reference,
// TaskRelation). Such an activity counts for a deal only when that is unambiguous: the one deal of
// that account (Opportunity.AccountId) that the activity's owner owns and that was open on the
// activity's day. With two or more such deals it counts for none, and the caller counts a warning;
// with none it is account work, not deal work. An activity logged on a contact alone (no WhatId)
// goes the same way through the contact's account (the activity's AccountId; see loadDataset).
import { normalizeId } from '../core/salesforceId';
import { RowsById } from './idKeys';
import { Status, type OpportunityStore } from './opportunityStore';

export class ActivityDeals {
    private readonly byAccount = new RowsById();
    /** Deals the last `dealOf` found open on the account when it found more than one, else 0. */
    ambiguousDeals = 0;

    constructor(
        private readonly opportunities: OpportunityStore,
        /** Rep index of a user id, for reps who own opportunities. */
        private readonly repOf: (ownerId: string) => number | undefined,
    ) {}

    /** Deal i belongs to this account (Opportunity.AccountId). */
    noteAccount(i: number, accountId: string | null | undefined): void {
        if (accountId) this.byAccount.add(accountId, i);
    }

    /**
     * The deal index of an activity on `day` related to `relatedId` (an opportunity or an account):
     * that opportunity, else the one deal of that account the owner had open that day; -1 for none
     * (and `ambiguousDeals` set when several fit). A number rather than an object: it runs once per
     * task and event.
     */
    dealOf(relatedId: string | null | undefined, ownerId: string, day: number): number {
        this.ambiguousDeals = 0;
        if (!relatedId) return -1;
        const deal = this.opportunities.index.get(relatedId);
        if (deal !== undefined) return deal;
        const onAccount = this.byAccount.rowsOf(relatedId);
        if (onAccount.length === 0) return -1;
        const rep = this.repOf(normalizeId(ownerId));
        if (rep === undefined) return -1;
        const o = this.opportunities;
        // Open that day: created by then, and not yet closed (an open deal's CloseDate is a forecast).
        const open = onAccount.filter((i) => o.owner[i] === rep && o.createdDay[i]! <= day && (o.status[i] === Status.open || o.closeDay[i]! >= day));
        if (open.length === 1) return open[0]!;
        if (open.length > 1) this.ambiguousDeals = open.length;
        return -1;
    }
}
