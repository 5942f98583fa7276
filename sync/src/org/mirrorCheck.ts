// The checks the mirror passes before a run trusts it: a watermark that is a date-time no later than
// the org's clock, and as many rows as the org counts. A row changed while the run reads can shift
// the org's count (taken before the read) by one, so the counts may differ by at most the rows read
// that changed since the count; any larger difference means the mirror lost or kept rows it should
// not have (a damaged file, or a row purged from the recycle bin between runs).

/** Whole seconds, as SystemModstamp has them: a row stamped in the second of the count may have been counted or not. */
export function changedSinceCount(stamp: string | null | undefined, countedAt: number | null): boolean {
    if (countedAt === null || !stamp) return true;
    return Date.parse(stamp) >= Math.floor(countedAt / 1000) * 1000 - 1000;
}

export function isDateTime(value: string): boolean {
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/.test(value) && !Number.isNaN(Date.parse(value));
}

/** What is wrong with a stored watermark, or null when it can be used. */
export function watermarkProblem(watermark: string, orgClock: number | null): string | null {
    if (!isDateTime(watermark)) return `its watermark "${watermark.length > 40 ? `${watermark.slice(0, 40)}…` : watermark}" is not a date-time`;
    if (orgClock !== null && Date.parse(watermark) > orgClock) {
        return `its watermark ${watermark} is later than the org's clock (${new Date(orgClock).toISOString()}), so changes since then would be missed`;
    }
    return null;
}

/** What is wrong with the mirror's row count, or null when it agrees with the org's. */
export function rowCountProblem(mirrorRows: number, orgRows: number, changedWhileReading: number): string | null {
    if (Math.abs(mirrorRows - orgRows) <= changedWhileReading) return null;
    const moving = changedWhileReading > 0 ? ` (${changedWhileReading} changed while reading)` : '';
    return `the mirror holds ${mirrorRows.toLocaleString('en-US')} rows, the org ${orgRows.toLocaleString('en-US')}${moving}`;
}
