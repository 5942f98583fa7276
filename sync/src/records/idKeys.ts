// Salesforce ids as two numbers, without holding the strings: the first 15 characters (the
// case-sensitive id) read as two base-62 numbers, the same key the id index uses. Growable
// columns of such keys, each with the row index it belongs to, for the indexes that hold many ids
// per opportunity (accounts, contacts).
import { base62 } from './idIndex';

/** The id's key into `high` and `low` at `at`; false when the id is not 15 or 18 letters and digits. */
function writeKey(id: string, high: Float64Array, low: Float64Array, at: number): boolean {
    if (id.length !== 15 && id.length !== 18) return false;
    high[at] = base62(id, 0, 8);
    low[at] = base62(id, 8, 15);
    return high[at]! >= 0 && low[at]! >= 0;
}

/** Ids with the row each belongs to, appended in any order; about 20 bytes an entry. */
export class KeyedRows {
    size = 0;
    high = new Float64Array(1024);
    low = new Float64Array(1024);
    rows = new Int32Array(1024);
    private readonly probeHigh = new Float64Array(1);
    private readonly probeLow = new Float64Array(1);
    /** The key of the last id `readKey` read (fields, not an object per lookup: it runs once per activity). */
    keyHigh = 0;
    keyLow = 0;

    add(id: string, row: number): void {
        if (this.size === this.rows.length) this.grow(Math.ceil(this.size * 1.5));
        if (!writeKey(id, this.high, this.low, this.size)) return;
        this.rows[this.size++] = row;
    }

    /** Reads the id's key into `keyHigh` and `keyLow`; false when it is no Salesforce id. */
    readKey(id: string): boolean {
        if (!writeKey(id, this.probeHigh, this.probeLow, 0)) return false;
        this.keyHigh = this.probeHigh[0]!;
        this.keyLow = this.probeLow[0]!;
        return true;
    }

    private grow(capacity: number): void {
        const high = new Float64Array(capacity);
        const low = new Float64Array(capacity);
        const rows = new Int32Array(capacity);
        high.set(this.high);
        low.set(this.low);
        rows.set(this.rows);
        Object.assign(this, { high, low, rows });
    }
}

/** Where the key (high, low) of `keys` sits in `order` (sorted by key): the first position not below it. */
function lowerBound(keys: KeyedRows, order: Int32Array, high: number, low: number): number {
    let from = 0;
    let to = order.length;
    while (from < to) {
        const middle = (from + to) >>> 1;
        const at = order[middle]!;
        if (keys.high[at]! < high || (keys.high[at] === high && keys.low[at]! < low)) from = middle + 1;
        else to = middle;
    }
    return from;
}

/** Rows by id, when one id has several rows (an account's deals): sorted once, on the first lookup after a change. */
export class RowsById {
    private readonly keys = new KeyedRows();
    private order: Int32Array | null = null;

    add(id: string, row: number): void {
        this.keys.add(id, row);
        this.order = null;
    }

    rowsOf(id: string): number[] {
        if (this.keys.size === 0 || !this.keys.readKey(id)) return [];
        const { high, low, keyHigh, keyLow } = this.keys;
        this.order ??= Int32Array.from({ length: this.keys.size }, (_, k) => k).sort((a, b) => high[a]! - high[b]! || low[a]! - low[b]!);
        const rows: number[] = [];
        for (let k = lowerBound(this.keys, this.order, keyHigh, keyLow); k < this.order.length; k++) {
            const at = this.order[k]!;
            if (high[at] !== keyHigh || low[at] !== keyLow) break;
            rows.push(this.keys.rows[at]!);
        }
        return rows;
    }
}

/**
 * Ids by row, when a row has a few (a deal's decision-role contacts): grouped by row once, by a
 * counting sort on the first lookup after a change, so "is this contact one of this deal's?" scans
 * only that deal's entries.
 */
export class IdsByRow {
    private keys = new KeyedRows();
    /** starts[row] .. starts[row + 1]: the row's entries in `keys`, once grouped. */
    private starts: Int32Array | null = null;

    add(row: number, id: string): void {
        this.keys.add(id, row);
        this.starts = null;
    }

    has(row: number, id: string): boolean {
        const starts = (this.starts ??= this.grouped());
        if (row + 1 >= starts.length || starts[row] === starts[row + 1] || !this.keys.readKey(id)) return false;
        const { high, low, keyHigh, keyLow } = this.keys;
        for (let at = starts[row]!; at < starts[row + 1]!; at++) if (high[at] === keyHigh && low[at] === keyLow) return true;
        return false;
    }

    private grouped(): Int32Array {
        const { size, rows } = this.keys;
        let rowCount = 0;
        for (let k = 0; k < size; k++) rowCount = Math.max(rowCount, rows[k]! + 1);
        const starts = new Int32Array(rowCount + 1);
        for (let k = 0; k < size; k++) starts[rows[k]! + 1]! += 1;
        for (let row = 0; row < rowCount; row++) starts[row + 1]! += starts[row]!;
        const next = starts.slice(0, rowCount);
        const sorted = new KeyedRows();
        sorted.size = size;
        sorted.high = new Float64Array(Math.max(1, size));
        sorted.low = new Float64Array(Math.max(1, size));
        sorted.rows = new Int32Array(Math.max(1, size));
        for (let k = 0; k < size; k++) {
            const at = next[rows[k]!]!++;
            sorted.high[at] = this.keys.high[k]!;
            sorted.low[at] = this.keys.low[k]!;
            sorted.rows[at] = rows[k]!;
        }
        this.keys = sorted;
        return starts;
    }
}
