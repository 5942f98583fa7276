import type { Citation } from '../citation';

/** A documented maximum length of one metadata value (a label, a description, an API name...). */
export interface LengthLimit {
    /** What is limited, as a reader names it: "PermissionSet description". */
    readonly subject: string;
    readonly max: number;
    readonly citation: Citation;
}

/** Characters over the limit, or 0. Lengths count UTF-16 code units, as the platform's string fields do. */
export function charactersOver(limit: LengthLimit, value: string | undefined): number {
    return value === undefined ? 0 : Math.max(0, value.length - limit.max);
}
