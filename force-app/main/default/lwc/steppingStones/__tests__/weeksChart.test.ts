import { weeksChart } from '../weeksChart';

const week = (index: number, won: number, hit: boolean, current = false) => ({ index, start: '2026-01-01', won, hit, current });

describe('weeksChart', () => {
    it('draws missed weeks as short grey bars, not gaps, and numbers the weeks', () => {
        const chart = weeksChart([week(0, 0, false), week(1, 25000, true), week(2, 0, false, true)], 20000);
        expect(chart.bars.map((bar) => [bar.weekLabel, bar.kind, Number(bar.height) > 0])).toEqual([
            ['W1', 'missed', true],
            ['W2', 'hit', true],
            ['W3', 'current', true],
        ]);
        expect(chart.bars.map((bar) => bar.labelShown)).toEqual([true, false, true]);
        // Three weeks sit at the right end of the 12 slots.
        expect(chart.bars[0].leftPercent).toBe(75);
    });

    it('keeps only the last 12 weeks and places each line by its amount', () => {
        const weeks = Array.from({ length: 15 }, (_, index) => week(index, 10000, false));
        const chart = weeksChart(weeks, 20000, [{ key: 'stone', amount: 5000 }, { key: 'own', amount: null }]);
        expect(chart.bars).toHaveLength(12);
        expect(chart.bars[0].weekLabel).toBe('W4');
        expect(chart.bars.every((bar) => bar.kind === 'stone')).toBe(true);
        expect(chart.lines.map((line) => line.key)).toEqual(['target', 'stone']);
        expect(chart.scaleTop).toBe(25000);
        const [target, stone] = chart.lines;
        expect(target.topPercent).toBeLessThan(stone.topPercent);
    });

    it('stops the chart at 2.5 times the target, so a much bigger own week does not flatten the bars', () => {
        const chart = weeksChart([week(0, 20000, true)], 10000, [{ key: 'own', amount: 80000 }]);
        expect(chart.scaleTop).toBe(25000);
        expect(chart.lines.find((line) => line.key === 'own')).toMatchObject({ aboveChart: true, y: '1.0' });
        expect(chart.lines.find((line) => line.key === 'target')!.aboveChart).toBe(false);
    });
});
