import { dueDate, ownWeek, sellingWeeksLeft } from '../ownWeek';

const base = {
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    sellingWeeks: 50,
    whyCost: null,
    earningsTarget: null,
    commissionRate: null,
    triggerEventDate: null,
    today: '2026-03-18',
    wonSoFar: 0,
};

describe('ownWeek', () => {
    it('has no own number without a cost or an earnings target', () => {
        expect(ownWeek({ ...base, commissionRate: 10 })).toEqual({ kind: 'none' });
    });

    it('needs the commission rate to turn earnings into sales', () => {
        expect(ownWeek({ ...base, whyCost: 60000 })).toEqual({ kind: 'needs rate', earnings: 60000, source: 'why cost' });
    });

    it('prefers the earnings target to the why cost, and divides by the rate as a percent', () => {
        const week = ownWeek({ ...base, whyCost: 60000, earningsTarget: 180000, commissionRate: 10, wonSoFar: 300000 });
        expect(week).toMatchObject({ kind: 'week', source: 'earnings target', earnings: 180000, sales: 1800000, remaining: 1500000, byDate: '2026-12-31', byTriggerEvent: false });
        // 2026-03-18 to 2026-12-31: 290 days, 41.4 calendar weeks, 50 of every 52.1 selling: 40 weeks.
        expect(week.kind === 'week' && week.weeksLeft).toBe(40);
        expect(week.kind === 'week' && week.weekly).toBe(37500);
    });

    it('is due at the trigger event when it is still ahead in the period', () => {
        const week = ownWeek({ ...base, whyCost: 20000, commissionRate: 10, triggerEventDate: '2026-06-30' });
        expect(week).toMatchObject({ kind: 'week', source: 'why cost', sales: 200000, byDate: '2026-06-30', byTriggerEvent: true, weeksLeft: 14 });
    });

    it('says the why is paid for once the wins cover the sales', () => {
        expect(ownWeek({ ...base, whyCost: 10000, commissionRate: 10, wonSoFar: 120000 })).toMatchObject({ kind: 'paid for', remaining: 0, weekly: 0 });
    });
});

describe('dueDate and sellingWeeksLeft', () => {
    it('ignores a trigger event already past or after the period', () => {
        expect(dueDate({ ...base, triggerEventDate: '2026-02-01' })).toEqual({ date: '2026-12-31', byTriggerEvent: false });
        expect(dueDate({ ...base, triggerEventDate: '2027-02-01' })).toEqual({ date: '2026-12-31', byTriggerEvent: false });
    });

    it('counts at least one week, from the period start when it has not begun', () => {
        expect(sellingWeeksLeft({ ...base, today: '2026-12-31' }, '2026-12-31')).toBe(1);
        expect(sellingWeeksLeft({ ...base, today: '2025-12-01' }, '2026-12-31')).toBe(50);
    });
});
