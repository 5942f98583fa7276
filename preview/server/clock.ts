// The preview's clock. The sample export is a snapshot that ends on its as-of day (2026-06-30): on
// the real date every "last 12 weeks" window would hold no deals, and once the year turns the plans
// would no longer be the current period's. So the preview runs at the export's as-of day. The
// in-memory org (TODAY and LAST_N_DAYS in queries, the dates of the seeded plans, steps and
// sessions, CreatedDate of new records) and the page (a Date installed before the panels load, see
// browserClockScript) read one clock that starts at noon UTC of that day and then runs in real time.
// Noon UTC is the same calendar day from UTC-11 to UTC+11, so the viewer's time zone (the preview's
// is America/Los_Angeles) does not move "today".
import { format } from 'date-fns';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The export's as-of day, as `goal-coach analyze` reads it by default (sync/src/records/loadDataset.ts):
 * the latest day an opportunity was modified (or created) or, for a closed deal, closed, and never
 * after today. Null when there are no opportunities.
 */
export function exportAsOfDay(opportunities: ReadonlyArray<Record<string, string | undefined>>, today = new Date()): string | null {
    let latest = '';
    for (const row of opportunities) {
        const modified = (row.LastModifiedDate || row.CreatedDate || '').slice(0, 10);
        const closedOrCreated = (row.IsClosed === 'true' ? row.CloseDate : row.CreatedDate)?.slice(0, 10) ?? '';
        for (const day of [modified, closedOrCreated]) if (isoDay.test(day) && day > latest) latest = day;
    }
    if (!latest) return null;
    const realToday = format(today, 'yyyy-MM-dd');
    return latest < realToday ? latest : realToday;
}

/** A clock that reads noon UTC of `day` now and runs on from there in real time. */
export function clockStartingAt(day: string, realNow: () => number = Date.now): () => Date {
    if (!isoDay.test(day) || Number.isNaN(Date.parse(`${day}T12:00:00.000Z`))) throw new Error(`The preview clock needs a day as YYYY-MM-DD, not "${day}".`);
    const offset = Date.parse(`${day}T12:00:00.000Z`) - realNow();
    return () => new Date(realNow() + offset);
}

/**
 * The page's clock, as a classic script the host page runs before its modules: `new Date()` and
 * `Date.now()` read the server's clock (`nowMs` when the page loaded, then real time), while
 * `new Date(value)`, `Date.UTC`, `Date.parse`, `instanceof Date` and the prototype stay the
 * browser's own. A Proxy rather than a subclass, so that `Date()` called without `new` still works.
 */
export function browserClockScript(nowMs: number): string {
    return `// The preview's clock (preview/server/clock.ts): today is the sample export's as-of day.
(() => {
    const RealDate = Date;
    const offset = ${Math.round(nowMs)} - RealDate.now();
    const now = () => RealDate.now() + offset;
    window.Date = new Proxy(RealDate, {
        construct: (target, args, newTarget) => Reflect.construct(target, args.length ? args : [now()], newTarget),
        apply: () => new RealDate(now()).toString(),
        get: (target, key, receiver) => (key === 'now' ? now : Reflect.get(target, key, receiver)),
    });
})();
`;
}
