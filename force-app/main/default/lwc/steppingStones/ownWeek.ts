// The rep's own weekly number: from what the why costs (or the rep's earnings target), through the
// commission rate, to the sales still needed and the selling weeks left until the why is due.
import { daysBetween, isIsoDate } from 'c/goalPlanData';

export interface OwnWeekInput {
    periodStart: string;
    periodEnd: string;
    /** The plan's selling weeks in the period (holidays left out). */
    sellingWeeks: number;
    whyCost: number | null | undefined;
    earningsTarget: number | null | undefined;
    /** Commission_Rate__c as LDS carries a Percent field: 10 for 10% (docs/data-model.md). */
    commissionRate: number | null | undefined;
    triggerEventDate: string | null | undefined;
    today: string;
    /** Closed Won so far this period. */
    wonSoFar: number;
}

export type EarningsSource = 'earnings target' | 'why cost';

export type OwnWeek =
    /** No cost and no earnings target: there is no own number yet. */
    | { kind: 'none' }
    /** Earnings known, but without a commission rate they can't be turned into sales. */
    | { kind: 'needs rate'; earnings: number; source: EarningsSource }
    | {
          kind: 'week' | 'paid for';
          earnings: number;
          source: EarningsSource;
          sales: number;
          remaining: number;
          weeksLeft: number;
          /** 0 once the Closed Won so far already covers the sales. */
          weekly: number;
          byDate: string;
          /** True when byDate is the trigger event's date, false for the period end. */
          byTriggerEvent: boolean;
      };

const positive = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;

/** The date the why is due: the trigger event when it is still ahead within the period, else the period end. */
export function dueDate(input: Pick<OwnWeekInput, 'triggerEventDate' | 'today' | 'periodEnd'>): { date: string; byTriggerEvent: boolean } {
    const trigger = input.triggerEventDate;
    if (isIsoDate(trigger) && trigger > input.today && trigger <= input.periodEnd) {
        return { date: trigger.slice(0, 10), byTriggerEvent: true };
    }
    return { date: input.periodEnd, byTriggerEvent: false };
}

/**
 * Selling weeks from the week under way to `byDate`: the calendar weeks left, scaled by the plan's
 * share of selling weeks in the period (50 of 52 weeks sells 50/52 of any stretch), at least 1.
 */
export function sellingWeeksLeft(input: Pick<OwnWeekInput, 'periodStart' | 'periodEnd' | 'sellingWeeks' | 'today'>, byDate: string): number {
    const from = input.today > input.periodStart ? input.today : input.periodStart;
    const calendarWeeks = (daysBetween(from, byDate) + 1) / 7;
    const periodWeeks = (daysBetween(input.periodStart, input.periodEnd) + 1) / 7;
    const share = periodWeeks > 0 ? Math.min(1, input.sellingWeeks / periodWeeks) : 1;
    return Math.max(1, Math.round(calendarWeeks * share));
}

/** why's cost → earnings (the earnings target when the rep named one) → sales at the commission rate → a week. */
export function ownWeek(input: OwnWeekInput): OwnWeek {
    const source: EarningsSource | null = positive(input.earningsTarget) ? 'earnings target' : positive(input.whyCost) ? 'why cost' : null;
    if (!source) {
        return { kind: 'none' };
    }
    const earnings = (source === 'earnings target' ? input.earningsTarget : input.whyCost) as number;
    if (!positive(input.commissionRate)) {
        return { kind: 'needs rate', earnings, source };
    }
    const sales = earnings / (input.commissionRate / 100);
    const remaining = Math.max(0, sales - Math.max(0, input.wonSoFar));
    const due = dueDate(input);
    const weeksLeft = sellingWeeksLeft(input, due.date);
    return {
        kind: remaining > 0 ? 'week' : 'paid for',
        earnings,
        source,
        sales,
        remaining,
        weeksLeft,
        weekly: remaining / weeksLeft,
        byDate: due.date,
        byTriggerEvent: due.byTriggerEvent,
    };
}
