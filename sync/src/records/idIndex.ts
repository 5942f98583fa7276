// Salesforce id → row index without holding the id strings: the first 15 characters (the
// case-sensitive id) are read as two base-62 numbers and kept in an open-addressing hash table of
// typed arrays, about 20 bytes an entry instead of a Map entry plus a string.
const digit = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) digit[48 + i] = i;
for (let i = 0; i < 26; i++) {
    digit[65 + i] = 10 + i;
    digit[97 + i] = 36 + i;
}

/** The base-62 value of id[from..to), or -1 when a character is not a letter or digit. */
export function base62(id: string, from: number, to: number): number {
    let value = 0;
    for (let i = from; i < to; i++) {
        const d = digit[id.charCodeAt(i)] ?? -1;
        if (d < 0) return -1;
        value = value * 62 + d;
    }
    return value;
}

export class IdIndex {
    private capacity = 1 << 12;
    private high = new Float64Array(this.capacity);
    private low = new Float64Array(this.capacity);
    private values = new Int32Array(this.capacity).fill(-1);
    private count = 0;
    /** Ids that are not 15/18 alphanumeric characters (validation normally keeps them out). */
    private readonly others = new Map<string, number>();

    get size(): number {
        return this.count + this.others.size;
    }

    private slot(high: number, low: number): number {
        const mask = this.capacity - 1;
        let h = Math.imul((low % 4294967296) ^ Math.floor(high / 7), 0x9e3779b1) ^ Math.imul(high % 4294967296, 0x85ebca6b);
        h ^= h >>> 15;
        let at = h & mask;
        while (this.values[at] !== -1 && (this.high[at] !== high || this.low[at] !== low)) at = (at + 1) & mask;
        return at;
    }

    // The key of the last id read by keyOf: two numbers in fields, not an array per lookup.
    private keyHigh = 0;
    private keyLow = 0;

    private keyOf(id: string): boolean {
        if (id.length !== 15 && id.length !== 18) return false;
        this.keyHigh = base62(id, 0, 8);
        this.keyLow = base62(id, 8, 15);
        return this.keyHigh >= 0 && this.keyLow >= 0;
    }

    get(id: string): number | undefined {
        if (!this.keyOf(id)) return this.others.get(id);
        const at = this.slot(this.keyHigh, this.keyLow);
        const value = this.values[at]!;
        return value === -1 ? undefined : value;
    }

    has(id: string): boolean {
        return this.get(id) !== undefined;
    }

    set(id: string, value: number): void {
        if (!this.keyOf(id)) {
            this.others.set(id, value);
            return;
        }
        const high = this.keyHigh;
        const low = this.keyLow;
        if ((this.count + 1) * 2 > this.capacity) this.grow();
        const at = this.slot(high, low);
        if (this.values[at] === -1) this.count += 1;
        this.high[at] = high;
        this.low[at] = low;
        this.values[at] = value;
    }

    private grow(): void {
        const { high, low, values } = this;
        this.capacity *= 2;
        this.high = new Float64Array(this.capacity);
        this.low = new Float64Array(this.capacity);
        this.values = new Int32Array(this.capacity).fill(-1);
        for (let i = 0; i < values.length; i++) {
            if (values[i] === -1) continue;
            const at = this.slot(high[i]!, low[i]!);
            this.high[at] = high[i]!;
            this.low[at] = low[i]!;
            this.values[at] = values[i]!;
        }
    }
}
