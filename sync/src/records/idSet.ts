// A set of the Salesforce ids seen in one file, to find duplicate rows, in 8 bytes a slot instead of
// a Set entry plus a string: millions of Task or OpportunityHistory ids must fit next to the
// per-opportunity state.
//
// A 15-character id is a 3-character key prefix, a 2-character pod, a reserved character and a
// 9-character sequence; the ids of one object from one org share the first 6 characters. Ids with
// the stem of the first id seen are kept exactly as their 9-character sequence (two base-62 numbers
// in two Uint32Arrays); any other id goes to a plain Set, so no two ids are ever confused.
// Exports usually list ids in increasing order: those go to SortedIds (about 2 bytes an id,
// sequential memory), and only ids out of order to the hash table, whose scattered writes cost a
// cache miss each.
import { base62 } from './idIndex';
import { SortedIds } from './sortedIds';

const stemLength = 6;

export class IdSet {
    private capacity = 1 << 12;
    /** The sequence's first 4 characters plus one (0 marks an empty slot), and its last 5. */
    private high = new Uint32Array(this.capacity);
    private low = new Uint32Array(this.capacity);
    private count = 0;
    private stem: string | null = null;
    private readonly sorted = new SortedIds();
    private readonly others = new Set<string>();

    get size(): number {
        return this.sorted.count + this.count + this.others.size;
    }

    /** Adds the id (its case-sensitive first 15 characters); false when it was already there. */
    add(id: string): boolean {
        // Read in place (no substring per row): the stem, then the sequence's two parts.
        const full = id.length === 15 || id.length === 18;
        if (this.stem === null && full) this.stem = id.slice(0, stemLength);
        const high = full && id.startsWith(this.stem!) ? base62(id, 6, 10) : -1;
        const low = high >= 0 ? base62(id, 10, 15) : -1;
        if (high < 0 || low < 0) {
            const key = id.length > 15 ? id.slice(0, 15) : id;
            if (this.others.has(key)) return false;
            this.others.add((' ' + key).slice(1));
            return true;
        }
        if (this.sorted.isAfterLast(high + 1, low)) {
            this.sorted.append(high + 1, low);
            return true;
        }
        if (this.sorted.has(high + 1, low)) return false;
        if ((this.count + 1) * 4 > this.capacity * 3) this.grow();
        const at = this.slot(high + 1, low);
        if (this.high[at] !== 0) return false;
        this.high[at] = high + 1;
        this.low[at] = low;
        this.count += 1;
        return true;
    }

    private slot(high: number, low: number): number {
        const mask = this.capacity - 1;
        let h = Math.imul(low, 0x9e3779b1) ^ Math.imul(high, 0x85ebca6b);
        h ^= h >>> 15;
        let at = h & mask;
        while (this.high[at] !== 0 && (this.high[at] !== high || this.low[at] !== low)) at = (at + 1) & mask;
        return at;
    }

    private grow(): void {
        const { high, low } = this;
        this.capacity *= 2;
        this.high = new Uint32Array(this.capacity);
        this.low = new Uint32Array(this.capacity);
        for (let i = 0; i < high.length; i++) {
            if (high[i] === 0) continue;
            const at = this.slot(high[i]!, low[i]!);
            this.high[at] = high[i]!;
            this.low[at] = low[i]!;
        }
    }
}
