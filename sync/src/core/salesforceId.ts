// Salesforce record ids: 15 characters (case-sensitive) or 18 (with a case-insensitive checksum).
const idPattern = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const checksumAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

function checksum(id15: string): string {
    let suffix = '';
    for (let block = 0; block < 3; block++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const ch = id15.charCodeAt(block * 5 + i);
            if (ch >= 65 && ch <= 90) bits |= 1 << i;
        }
        suffix += checksumAlphabet[bits];
    }
    return suffix;
}

/** The 18-character form of a valid id, or null when the text is not a Salesforce id. */
export function toId18(text: string): string | null {
    if (!idPattern.test(text)) return null;
    const id15 = text.slice(0, 15);
    const expected = checksum(id15);
    if (text.length === 18 && text.slice(15).toUpperCase() !== expected) return null;
    return id15 + expected;
}

export function isSalesforceId(text: string): boolean {
    return toId18(text) !== null;
}

/** The 18-character form of a 15- or 18-character id; throws a message naming `what` otherwise. */
export function requireId18(text: string, what = 'record id'): string {
    const id18 = toId18(text);
    if (id18 === null) {
        throw new Error(`${what} "${text}" is not a 15- or 18-character Salesforce id (letters and digits; an 18-character id must end with its checksum)`);
    }
    return id18;
}

/** Builds an 18-character id from a 3-character key prefix and a sequence number (the fake org's ids). */
export function makeId(keyPrefix: string, sequence: number, instance = '5g'): string {
    const body = `${keyPrefix}${instance}${sequence.toString(36).toUpperCase().padStart(15 - keyPrefix.length - instance.length, '0')}`;
    return body + checksum(body);
}

/** True when the last three characters are in the checksum alphabet (upper-case letters, 0-5). */
function canonicalSuffix(text: string): boolean {
    for (let i = 15; i < 18; i++) {
        const ch = text.charCodeAt(i);
        if (!((ch >= 65 && ch <= 90) || (ch >= 48 && ch <= 53))) return false;
    }
    return true;
}

/**
 * The canonical 18-character form: 15-character ids get their checksum, and an 18-character id's
 * checksum (case-insensitive) is upper-cased, so 005…AAA and 005…aaa are one user. Ids already in
 * canonical form pass through untouched (the hot path).
 */
export function normalizeId(text: string): string {
    if (text.length === 18 && canonicalSuffix(text)) return text;
    return toId18(text) ?? text;
}
