// Dates as whole UTC day numbers (days since 1970-01-01): compact in typed arrays and cheap to compare.
import { format } from 'date-fns';

const msPerDay = 86_400_000;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Salesforce stores dates between these years. SOAP API Developer Guide, Field Types (date and
 * dateTime): "Valid date range 1700-01-01T00:00:00Z GMT to 4000-12-31T00:00:00Z GMT". The stored
 * copy of that page could not be found offline, so the range is listed as unproven in the README;
 * a date outside it is only a counted warning.
 */
export const minYear = 1700;
export const maxYear = 4000;

export type DayParse = { ok: true; day: number } | { ok: false; reason: 'format' | 'range' };

/** Parses an ISO date or date-time (Bulk API export format) to a UTC day number. */
export function parseDay(text: string): DayParse {
    const match = isoDate.exec(text);
    if (!match) return { ok: false, reason: 'format' };
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return { ok: false, reason: 'format' };
    // Hours, minutes and seconds within the day (Date.UTC would carry T99:99 into the next days).
    if (match[4] !== undefined && (Number(match[4]) > 23 || Number(match[5]) > 59 || (match[6] !== undefined && Number(match[6]) > 59))) return { ok: false, reason: 'format' };
    let ms = Date.UTC(year, month - 1, day);
    const check = new Date(ms);
    if (check.getUTCDate() !== day) return { ok: false, reason: 'format' };
    if (match[4] !== undefined && match[7] !== undefined && match[7] !== 'Z') {
        // A date-time with an offset: the UTC day may differ from the local one.
        ms = Date.parse(text.replace(' ', 'T'));
        if (Number.isNaN(ms)) return { ok: false, reason: 'format' };
    } else if (match[4] !== undefined) {
        ms += (Number(match[4]) * 60 + Number(match[5])) * 60_000;
    }
    if (year < minYear || year > maxYear) return { ok: false, reason: 'range' };
    return { ok: true, day: Math.floor(ms / msPerDay) };
}

export function dayToDate(day: number): Date {
    return new Date(day * msPerDay);
}

export function dateToDay(date: Date): number {
    return Math.floor(date.getTime() / msPerDay);
}

export function formatDay(day: number): string {
    const date = dayToDate(day);
    return format(new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()), 'yyyy-MM-dd');
}

/** A sentinel for "no date" in Int32Array columns. */
export const noDay = -2_147_483_648;
