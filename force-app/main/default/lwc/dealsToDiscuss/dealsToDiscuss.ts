import { addDays, formatCurrency, formatDate, nodeId, numberField, textField } from 'c/goalPlanData';
import type { GraphQlNode } from 'c/goalPlanData';

/** Without a previous session, deals count as stalled, and losses as recent, over this many days. */
export const DAYS_WITHOUT_SESSION = 30;

/** A deal worth talking about in the one-on-one, and why. */
export interface DealToDiscuss {
    id: string;
    name: string;
    amount: number | null;
    stage: string | null;
    /** Why it is on the agenda, e.g. "lost on Mar 12, 2026". */
    reason: string;
}

export interface DealSources {
    /** The rep's open opportunities (Id, Name, Amount, StageName, CloseDate, LastStageChangeDate). */
    openDeals: GraphQlNode[];
    /** The rep's Closed Lost opportunities, any period (Id, Name, Amount, StageName, CloseDate). */
    lostDeals?: GraphQlNode[];
    today: string;
    lastSessionDate?: string | null;
}

/** Since when deals count: the last session, else DAYS_WITHOUT_SESSION days ago. */
export function dealsSince(today: string, lastSessionDate: string | null | undefined): string {
    return lastSessionDate ?? addDays(today, -DAYS_WITHOUT_SESSION);
}

/**
 * Why an open deal is on the agenda, or null. A deal is said to have slipped since the last session
 * only when its close date passed after that session; an older close date is named as such.
 */
function openDealReason(node: GraphQlNode, today: string, since: string, lastSessionDate: string | null | undefined): string | null {
    const closeDate = textField(node, 'CloseDate');
    if (closeDate && closeDate < today) {
        return lastSessionDate && closeDate >= lastSessionDate
            ? `slipped since the last session: close date ${formatDate(closeDate)}`
            : `past its close date of ${formatDate(closeDate)}`;
    }
    const stageChanged = textField(node, 'LastStageChangeDate')?.slice(0, 10);
    return stageChanged && stageChanged < since ? `no stage change since ${formatDate(stageChanged)}` : null;
}

function toDeal(node: GraphQlNode, reason: string): DealToDiscuss {
    return {
        id: nodeId(node),
        name: textField(node, 'Name') ?? 'Opportunity',
        amount: numberField(node, 'Amount') ?? null,
        stage: textField(node, 'StageName') ?? null,
        reason,
    };
}

/** The biggest deal first: the one-on-one's minutes go where the money is. */
function byAmount(a: DealToDiscuss, b: DealToDiscuss): number {
    return (b.amount ?? -1) - (a.amount ?? -1) || a.name.localeCompare(b.name);
}

/**
 * The deals to discuss: open deals past their close date or with no stage change since the last
 * session, and deals lost since it, biggest first.
 */
export function dealsToDiscuss({ openDeals, lostDeals = [], today, lastSessionDate }: DealSources): DealToDiscuss[] {
    const since = dealsSince(today, lastSessionDate);
    const deals: DealToDiscuss[] = [];
    for (const node of openDeals) {
        const reason = openDealReason(node, today, since, lastSessionDate);
        if (reason) {
            deals.push(toDeal(node, reason));
        }
    }
    for (const node of lostDeals) {
        const closeDate = textField(node, 'CloseDate');
        if (closeDate && closeDate >= since && closeDate <= today) {
            deals.push(toDeal(node, `lost on ${formatDate(closeDate)}`));
        }
    }
    return deals.sort(byAmount);
}

/** "Acme renewal ($38,100, Proposal/Price Quote)": the deal's name, amount and stage in one line. */
export function dealLabel(deal: DealToDiscuss): string {
    const details = [formatCurrency(deal.amount), deal.stage ?? ''].filter(Boolean).join(', ');
    return details ? `${deal.name} (${details})` : deal.name;
}

/** The agenda's deal lines: at most `limit` named, the rest counted, so the agenda stays readable. */
export function dealAgendaLines(deals: DealToDiscuss[], limit: number): string[] {
    if (!deals.length) {
        return [];
    }
    const lines = ['Deals to discuss:', ...deals.slice(0, limit).map((deal) => `- ${dealLabel(deal)}: ${deal.reason}`)];
    if (deals.length > limit) {
        const more = deals.length - limit;
        lines.push(`- and ${more} more ${more === 1 ? 'deal' : 'deals'}`);
    }
    return lines;
}
