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

/** 18-character ids pass through untouched (the hot path); 15-character ones get their checksum. */
export function normalizeId(text: string): string {
    if (text.length === 18) return text;
    return toId18(text) ?? text;
}
