// The export's latest day, robust to a few outliers: the default as-of day must not move because one
// row says a deal closed in the year 3000. Keeps only the latest rows (about one in a thousand), so
// memory stays small whatever the export's size.

/** A day more than this after nearly every other row's is an outlier (a typo, not the latest activity). */
export const outlierDays = 366;

export interface DayRow {
    day: number;
    line: number;
    field: string;
}

export class LatestDays {
    private rows: DayRow[] = [];
    private seen = 0;
    private threshold = -Infinity;

    /** How many of the latest rows can be outliers: one in a thousand, at least two. */
    private keep(): number {
        return Math.max(2, Math.ceil(this.seen / 1000));
    }

    add(day: number, line: number, field: string): void {
        this.seen += 1;
        if (day < this.threshold) return;
        this.rows.push({ day, line, field });
        if (this.rows.length >= 2 * this.keep() + 16) this.prune();
    }

    private prune(): void {
        this.rows.sort((a, b) => b.day - a.day);
        if (this.rows.length > this.keep()) this.rows.length = this.keep();
        if (this.rows.length === this.keep()) this.threshold = this.rows[this.rows.length - 1]!.day;
    }

    /**
     * The latest day that is not an outlier, and the outlier rows: those more than `outlierDays`
     * after the day of the row ranked `keep()` from the latest. Null when no row was added.
     */
    result(): { latest: number; outliers: DayRow[] } | null {
        this.prune();
        if (this.rows.length === 0) return null;
        const reference = this.rows[this.rows.length - 1]!.day;
        const outliers = this.rows.filter((row) => row.day > reference + outlierDays).sort((a, b) => a.line - b.line);
        const latest = this.rows.find((row) => row.day <= reference + outlierDays)!.day;
        return { latest, outliers };
    }
}
