// zod field types for export values: every value arrives as text (or null for ""), and the issue
// message says what is wrong in words a person fixing the CSV understands.
import { z } from 'zod';
import { maxYear, minYear, parseDay } from '../core/days';

const idPattern = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

const requiredText = (what: string) =>
    z.string({ error: (issue) => (issue.input === null || issue.input === undefined ? `is empty; ${what} is required` : `is not text`) });

export const requiredId = requiredText('a Salesforce id').regex(idPattern, { error: 'is not a 15- or 18-character Salesforce id' });
export const optionalId = z.string().regex(idPattern, { error: 'is not a 15- or 18-character Salesforce id' }).nullable().optional();
export const requiredName = requiredText('a value');
export const optionalText = z.string().nullable().optional();

/** Date or date-time text to a UTC day number; out-of-range years get their own message. */
function toDay(text: string, ctx: z.RefinementCtx): number {
    const parsed = parseDay(text);
    if (parsed.ok) return parsed.day;
    ctx.addIssue({
        code: 'custom',
        message:
            parsed.reason === 'range'
                ? `is out of range (Salesforce dates lie between ${minYear} and ${maxYear})`
                : 'is not a date (expected yyyy-MM-dd or an ISO date-time such as 2026-03-14T09:30:00.000Z)',
        params: { kind: parsed.reason === 'range' ? 'date out of range' : 'wrong type' },
    });
    return z.NEVER;
}
export const requiredDay = z
    .string()
    .nullable()
    .optional()
    .transform((text, ctx) => {
        if (text === null || text === undefined) {
            ctx.addIssue({ code: 'custom', message: 'is empty; a date is required', params: { kind: 'missing value' } });
            return z.NEVER;
        }
        return toDay(text, ctx);
    });
export const optionalDay = z.string().transform(toDay).nullable().optional();

/**
 * Decimal notation, as the Bulk API exports numbers (an optional sign and exponent). Number() alone
 * would also read hex, octal and binary ("0x1F" is 31) and surrounding spaces.
 */
const decimal = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number a decimal text holds, or null. */
function decimalOf(text: string): number | null {
    if (!decimal.test(text)) return null;
    const value = Number(text);
    return Number.isFinite(value) ? value : null;
}

export const optionalNumber = z
    .string()
    .transform((text, ctx) => {
        const value = decimalOf(text);
        if (value === null) {
            ctx.addIssue({ code: 'custom', message: 'is not a decimal number (digits, an optional sign, point and exponent)', params: { kind: 'wrong type' } });
            return z.NEVER;
        }
        return value;
    })
    .nullable()
    .optional();

const booleanWords: Record<string, boolean> = { true: true, false: false, '1': true, '0': false, yes: true, no: false };
export const optionalBoolean = z
    .string()
    .transform((text, ctx) => {
        const value = booleanWords[text.toLowerCase()];
        if (value === undefined) {
            ctx.addIssue({ code: 'custom', message: 'is not true or false', params: { kind: 'wrong type' } });
            return z.NEVER;
        }
        return value;
    })
    .nullable()
    .optional();

/**
 * A copy of a value that outlives its row (a map key, a name). Values read from the CSV are slices
 * of a whole chunk of the file, and keeping a slice keeps the chunk.
 */
export function ownString(text: string): string {
    return (' ' + text).slice(1);
}

/** Returned by a fast column check when the value fails: zod then runs to word the warning. */
export const invalid: unique symbol = Symbol('invalid');
export type ColumnCheck = (value: string | null | undefined) => unknown;

// Days repeat a great deal in an export (dates, and date-times at a few times of day): parse each
// once. The two shapes Salesforce exports (yyyy-MM-dd and yyyy-MM-ddTHH:mm:ss.SSSZ) are cached by a
// number read from their digits; anything else by its text. Cleared when large so memory stays
// bounded whatever the input.
const dayCache = new Map<string, number | typeof invalid>();
const dateCache = new Map<number, number | typeof invalid>();
const dateTimeCache = new Map<number, number | typeof invalid>();

/** The value of the digits at text[from..to), or -1 if any is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
    let value = 0;
    for (let i = from; i < to; i++) {
        const code = text.charCodeAt(i) - 48;
        if (code < 0 || code > 9) return -1;
        value = value * 10 + code;
    }
    return value;
}

/** yyyy-MM-dd as the number yyyyMMdd, or -1 for any other shape. */
function dateKey(text: string): number {
    if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return -1;
    const year = digitsAt(text, 0, 4);
    const month = digitsAt(text, 5, 7);
    const day = digitsAt(text, 8, 10);
    return year < 0 || month < 0 || day < 0 ? -1 : (year * 100 + month) * 100 + day;
}

/** yyyy-MM-ddTHH:mm:ss.SSSZ as yyyyMMddHHmm (seconds never move the day), or -1. */
function dateTimeKey(text: string): number {
    const date = dateKey(text);
    if (date < 0) return -1;
    const separator = text.charCodeAt(10);
    if ((separator !== 84 && separator !== 32) || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58 || text.charCodeAt(19) !== 46 || text.charCodeAt(23) !== 90) return -1;
    const hours = digitsAt(text, 11, 13);
    const minutes = digitsAt(text, 14, 16);
    const seconds = digitsAt(text, 17, 19);
    // Seconds are not in the key: one out of range is left to the text cache, which parses it.
    if (hours < 0 || minutes < 0 || seconds < 0 || seconds > 59 || digitsAt(text, 20, 23) < 0) return -1;
    return date * 10_000 + hours * 100 + minutes;
}

function parsedDay(text: string): number | typeof invalid {
    const parsed = parseDay(text);
    return parsed.ok ? parsed.day : invalid;
}

function dayOrInvalid(text: string): number | typeof invalid {
    const key = text.length === 10 ? dateKey(text) : text.length === 24 ? dateTimeKey(text) : -1;
    if (key >= 0) {
        const cache = text.length === 10 ? dateCache : dateTimeCache;
        let day = cache.get(key);
        if (day === undefined) {
            day = parsedDay(text);
            if (cache.size >= 100_000) cache.clear();
            cache.set(key, day);
        }
        return day;
    }
    let day = dayCache.get(text);
    if (day === undefined) {
        day = parsedDay(text);
        if (dayCache.size >= 100_000) dayCache.clear();
        // A copy as the key: the text may be a slice of a whole chunk of the file, which the
        // cache would otherwise keep alive.
        dayCache.set(ownString(text), day);
    }
    return day;
}

/**
 * The same verdicts and outputs as each field schema above, without a zod parse per value: the hot
 * path of reading millions of rows. Keyed by schema object so a field type without a check here
 * falls back to zod (and the tests compare both on the same values).
 */
export const columnChecks = new Map<z.ZodType, ColumnCheck>([
    [requiredId, (value) => (typeof value === 'string' && idPattern.test(value) ? value : invalid)],
    [optionalId, (value) => (value === null || value === undefined ? value : idPattern.test(value) ? value : invalid)],
    [requiredName, (value) => (typeof value === 'string' ? value : invalid)],
    [optionalText, (value) => value],
    [requiredDay, (value) => (value === null || value === undefined ? invalid : dayOrInvalid(value))],
    [optionalDay, (value) => (value === null || value === undefined ? value : dayOrInvalid(value))],
    [
        optionalNumber,
        (value) => {
            if (value === null || value === undefined) return value;
            return decimalOf(value) ?? invalid;
        },
    ],
    [
        optionalBoolean,
        (value) => {
            if (value === null || value === undefined) return value;
            const word = booleanWords[value.toLowerCase()];
            return word === undefined ? invalid : word;
        },
    ],
]);
