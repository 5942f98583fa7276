// Salesforce record ids: 15-character case-sensitive ids and their 18-character case-insensitive form.
const suffixAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const idPattern = /^[a-zA-Z0-9]{15}(?:[A-Z0-5]{3})?$/;

/** The 3-character checksum that makes a 15-character id case-insensitive. */
function checksum(id15: string): string {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let bits = 0;
        for (let position = 0; position < 5; position++) {
            const ch = id15.charAt(chunk * 5 + position);
            if (ch >= 'A' && ch <= 'Z') bits |= 1 << position;
        }
        suffix += suffixAlphabet.charAt(bits);
    }
    return suffix;
}

export function isSalesforceId(value: string): boolean {
    if (!idPattern.test(value)) return false;
    return value.length === 15 || checksum(value.slice(0, 15)) === value.slice(15);
}

/** The 18-character form of a 15- or 18-character id; throws with a clear message otherwise. */
export function toId18(value: string, what = 'record id'): string {
    if (!isSalesforceId(value)) {
        throw new Error(`${what} "${value}" is not a Salesforce id: expected 15 or 18 letters and digits (an 18-character id must end with its checksum)`);
    }
    return value.length === 18 ? value : value + checksum(value);
}

/** Builds an 18-character id from a 3-character key prefix and a sequence number (used by the fake org). */
export function makeId(keyPrefix: string, sequence: number, instance = '5g'): string {
    const body = `${keyPrefix}${instance}${sequence.toString(36).toUpperCase().padStart(15 - keyPrefix.length - instance.length, '0')}`;
    return body + checksum(body);
}
