// Geometry of the streak chart: one bar per week (the last 12), the target lines and their labels.
// The SVG stretches to the panel's width, so the week and amount labels are positioned in percent
// and rendered as HTML around it, where text keeps its size.
import type { WeekResult } from 'c/goalPlanData';

export const CHART_WEEKS = 12;
export const CHART_WIDTH = 240;
export const CHART_HEIGHT = 80;
const BAR_GAP = 4;
/** A missed week with little or nothing won still shows as a short grey bar, not a gap. */
const MISSED_STUB = 3;
/** A line far above the weekly target (an own week much bigger than the quota's) would flatten the bars: the chart stops here. */
const MOST_TIMES_TARGET = 2.5;

export type BarKind = 'hit' | 'stone' | 'missed' | 'current';

export interface ChartBar {
    key: string;
    kind: BarKind;
    x: string;
    y: string;
    width: string;
    height: string;
    /** "W12": the week's number in the period. */
    weekLabel: string;
    /** Every other week is labelled, counting back from the latest, so the labels fit a 400 px column. */
    labelShown: boolean;
    /** Left edge and width of the bar's slot, in percent of the chart's width, for its week label. */
    leftPercent: number;
    widthPercent: number;
}

export interface ChartLine {
    key: 'target' | 'own' | 'stone';
    amount: number;
    y: string;
    /** From the chart's top, in percent of its height, for the HTML label. */
    topPercent: number;
    /** The amount is above the chart's top: the line is drawn at the top edge. */
    aboveChart: boolean;
}

export interface ChartLineInput {
    key: ChartLine['key'];
    amount: number | null | undefined;
}

export interface WeeksChart {
    bars: ChartBar[];
    lines: ChartLine[];
    /** The amount at the chart's top edge. */
    scaleTop: number;
}

function barKind(week: WeekResult, stoneAmount: number | null): BarKind {
    if (week.hit) return 'hit';
    if (stoneAmount !== null && week.won >= stoneAmount) return 'stone';
    return week.current ? 'current' : 'missed';
}

/** The chart of `weeks` (all weeks so far; the last 12 are drawn) against the weekly target and the other lines. */
export function weeksChart(weeks: WeekResult[], weeklyTarget: number, otherLines: ChartLineInput[] = []): WeeksChart {
    const shown = weeks.slice(-CHART_WEEKS);
    const lineInputs = [{ key: 'target' as const, amount: weeklyTarget }, ...otherLines].filter(
        (line): line is { key: ChartLine['key']; amount: number } => typeof line.amount === 'number' && Number.isFinite(line.amount) && line.amount > 0
    );
    const lineTop = (amount: number) => Math.min(amount * 1.1, weeklyTarget * MOST_TIMES_TARGET);
    const scaleTop = Math.max(weeklyTarget * 1.25, ...lineInputs.map((line) => lineTop(line.amount)), ...shown.map((week) => week.won));
    const scale = scaleTop > 0 ? (CHART_HEIGHT - 2) / scaleTop : 0;
    const stoneAmount = lineInputs.find((line) => line.key === 'stone')?.amount ?? null;
    const slot = CHART_WIDTH / CHART_WEEKS;
    const offset = CHART_WEEKS - shown.length;
    const bars = shown.map((week, position) => {
        const kind = barKind(week, stoneAmount);
        const height = Math.max(week.won * scale, kind === 'missed' || kind === 'current' ? MISSED_STUB : 2);
        return {
            key: `week-${week.index}`,
            kind,
            x: ((offset + position) * slot + BAR_GAP / 2).toFixed(1),
            y: (CHART_HEIGHT - height).toFixed(1),
            width: (slot - BAR_GAP).toFixed(1),
            height: height.toFixed(1),
            weekLabel: `W${week.index + 1}`,
            labelShown: (shown.length - 1 - position) % 2 === 0,
            leftPercent: Math.round(((offset + position) / CHART_WEEKS) * 1000) / 10,
            widthPercent: Math.round((1 / CHART_WEEKS) * 1000) / 10,
        };
    });
    const lines = lineInputs.map((line) => {
        const aboveChart = line.amount > scaleTop;
        const y = aboveChart ? 1 : CHART_HEIGHT - line.amount * scale;
        return { key: line.key, amount: line.amount, y: y.toFixed(1), topPercent: Math.round((y / CHART_HEIGHT) * 1000) / 10, aboveChart };
    });
    return { bars, lines, scaleTop };
}
