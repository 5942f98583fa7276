// A small seeded PRNG (mulberry32) so the sample export is byte-identical on every run.
export class Random {
    private state: number;
    constructor(seed: number) {
        this.state = seed >>> 0;
    }
    next(): number {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    chance(probability: number): boolean {
        return this.next() < probability;
    }
    int(min: number, max: number): number {
        return min + Math.floor(this.next() * (max - min + 1));
    }
    pick<T>(items: readonly T[]): T {
        return items[Math.floor(this.next() * items.length)]!;
    }
    /** Exponential with the given mean. */
    exponential(mean: number): number {
        return -Math.log(1 - this.next()) * mean;
    }
    /** Poisson by inversion (small means only). */
    poisson(mean: number): number {
        const limit = Math.exp(-mean);
        let k = 0;
        let product = this.next();
        while (product > limit) {
            k += 1;
            product *= this.next();
        }
        return k;
    }
    normal(): number {
        return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
    }
}
