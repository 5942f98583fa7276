import { changedSinceCount, rowCountProblem, watermarkProblem } from '../mirrorCheck';

const countedAt = Date.parse('2026-11-01T08:00:00.500Z');

describe('mirror checks', () => {
    it('accepts a watermark that is a date-time no later than the org clock', () => {
        expect(watermarkProblem('2026-11-01T07:59:59.000Z', countedAt)).toBeNull();
        expect(watermarkProblem('2026-11-01', countedAt)).toBe('its watermark "2026-11-01" is not a date-time');
        expect(watermarkProblem('2026-13-45T00:00:00.000Z', countedAt)).toMatch(/is not a date-time/);
        expect(watermarkProblem('2099-01-01T00:00:00.000Z', countedAt)).toBe(
            "its watermark 2099-01-01T00:00:00.000Z is later than the org's clock (2026-11-01T08:00:00.500Z), so changes since then would be missed",
        );
    });

    it('lets the row counts differ by at most the rows that changed after the count', () => {
        expect(rowCountProblem(1461, 1461, 0)).toBeNull();
        expect(rowCountProblem(1463, 1461, 2)).toBeNull();
        expect(rowCountProblem(1459, 1461, 2)).toBeNull();
        expect(rowCountProblem(731, 1461, 0)).toBe('the mirror holds 731 rows, the org 1,461');
        expect(rowCountProblem(1464, 1461, 2)).toBe('the mirror holds 1,464 rows, the org 1,461 (2 changed while reading)');
    });

    it('counts a row stamped in the second before the count, or later, as changed while reading', () => {
        expect(changedSinceCount('2026-11-01T07:59:58.000Z', countedAt)).toBe(false);
        expect(changedSinceCount('2026-11-01T07:59:59.000Z', countedAt)).toBe(true);
        expect(changedSinceCount('2026-11-01T08:00:03.000Z', countedAt)).toBe(true);
        expect(changedSinceCount(null, countedAt)).toBe(true);
    });
});
