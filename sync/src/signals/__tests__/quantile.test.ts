import { quantile } from '../signal';

describe('quantile (type 7, linear interpolation)', () => {
    it('sorts the values first: the order they come in does not matter', () => {
        expect(quantile(Float64Array.from([40, 10, 30, 20]), 0.5)).toBe(25);
        expect(quantile(Float64Array.from([9, 1, 5]), 0.5)).toBe(5);
    });

    it('interpolates between the two neighbouring values', () => {
        // Sorted 10, 20, 30, 40: position (4 - 1) × 0.75 = 2.25, a quarter of the way from 30 to 40.
        expect(quantile(Float64Array.from([40, 10, 30, 20]), 0.75)).toBe(32.5);
        // Position 3 × 0.25 = 0.75: three quarters of the way from 10 to 20.
        expect(quantile(Float64Array.from([30, 20, 40, 10]), 0.25)).toBe(17.5);
    });

    it('gives the smallest and the largest value at 0 and 1, and the value itself for one value', () => {
        expect(quantile(Float64Array.from([3, 1, 2]), 0)).toBe(1);
        expect(quantile(Float64Array.from([3, 1, 2]), 1)).toBe(3);
        expect(quantile(Float64Array.from([7]), 0.75)).toBe(7);
    });

    it('sorts numerically, not as text', () => {
        expect(quantile(Float64Array.from([100, 9, 20]), 0.5)).toBe(20);
    });
});
