// Ids that arrive in increasing order, in about 2 bytes each: blocks of up to 128 ids that share the
// sequence's high part, each kept as its first low part and the 16-bit steps to the next ones. Found
// again by a binary search over the blocks and a short scan within one. Deltas live in fixed-size
// chunks, so growing never copies (no transient double allocation).
const blockIds = 128;
const chunkBits = 16;

export class SortedIds {
    private readonly blockHigh: number[] = [];
    private readonly blockLow: number[] = [];
    /** Index of the block's first step in the step chunks, and how many steps it has. */
    private readonly blockStart: number[] = [];
    private readonly blockSteps: number[] = [];
    private readonly chunks: Uint16Array[] = [];
    private steps = 0;
    private lastHigh = -1;
    private lastLow = -1;
    count = 0;

    /** True when (high, low) is after every id added so far: only then may it be appended. */
    isAfterLast(high: number, low: number): boolean {
        return high > this.lastHigh || (high === this.lastHigh && low > this.lastLow);
    }

    append(high: number, low: number): void {
        const block = this.blockHigh.length - 1;
        const step = low - this.lastLow;
        if (block >= 0 && high === this.lastHigh && step <= 0xffff && this.blockSteps[block]! < blockIds - 1) {
            if ((this.steps >>> chunkBits) === this.chunks.length) this.chunks.push(new Uint16Array(1 << chunkBits));
            this.chunks[this.steps >>> chunkBits]![this.steps & ((1 << chunkBits) - 1)] = step;
            this.steps += 1;
            this.blockSteps[block]! += 1;
        } else {
            this.blockHigh.push(high);
            this.blockLow.push(low);
            this.blockStart.push(this.steps);
            this.blockSteps.push(0);
        }
        this.lastHigh = high;
        this.lastLow = low;
        this.count += 1;
    }

    has(high: number, low: number): boolean {
        // The last block whose first id is at or before (high, low).
        let from = 0;
        let to = this.blockHigh.length - 1;
        let found = -1;
        while (from <= to) {
            const middle = (from + to) >>> 1;
            const h = this.blockHigh[middle]!;
            if (h < high || (h === high && this.blockLow[middle]! <= low)) {
                found = middle;
                from = middle + 1;
            } else {
                to = middle - 1;
            }
        }
        if (found < 0 || this.blockHigh[found] !== high) return false;
        let value = this.blockLow[found]!;
        const start = this.blockStart[found]!;
        for (let k = 0; value < low && k < this.blockSteps[found]!; k++) {
            const at = start + k;
            value += this.chunks[at >>> chunkBits]![at & ((1 << chunkBits) - 1)]!;
        }
        return value === low;
    }
}
