// assessTeam's bookkeeping on a tiny constructed team: which signals count for a rep (the minimum
// trials, the skill, trials at all), who is assessed, and what each assessment carries.
import { assessTeam, compareSignal, type SignalCountsInput } from '../assess';

const options = { margin: 0.05, minSignalTrials: 5, minConfidence: 0.8, falseDiscoveryRate: 0.1 };
const reps = 20;
/** Rep 0 at `rep0` of `trials0`; everyone else around 6 of 20 (30 %). */
const signal = (name: string, rep0: number, trials0 = 20, skill: SignalCountsInput['skill'] = 'decision-process'): SignalCountsInput => ({
    name,
    skill,
    successes: Array.from({ length: reps }, (_, rep) => (rep === 0 ? rep0 : 6 + (rep % 3) - 1)),
    trials: Array.from({ length: reps }, (_, rep) => (rep === 0 ? trials0 : 20)),
});
const assessmentOf = (signals: SignalCountsInput[], rep: number, opts = options) =>
    assessTeam(signals, () => true, opts).assessed.find((item) => item.rep === rep && item.skill === 'decision-process');

describe('assessTeam: the signals that count for a rep', () => {
    it('leaves out a signal on which the rep has fewer than the minimum trials, and counts it at the minimum', () => {
        const signals = [signal('a', 14), signal('b', 4, 4), signal('c', 6)];
        expect(assessmentOf(signals, 0)!.usable.map((item) => item.signal).sort()).toEqual(['a', 'c']);
        signals[1] = signal('b', 5, 5);
        expect(assessmentOf(signals, 0)!.usable.map((item) => item.signal).sort()).toEqual(['a', 'b', 'c']);
        expect(assessmentOf([signal('a', 14), signal('b', 4, 4), signal('c', 6)], 0, { ...options, minSignalTrials: 4 })!.usable).toHaveLength(3);
    });

    it('lists the usable signals strongest first, with their trials and probability of being worse', () => {
        const { usable } = assessmentOf([signal('a', 6), signal('b', 14), signal('c', 9)], 0)!;
        expect(usable.map((item) => item.signal)).toEqual(['b', 'c', 'a']);
        expect(usable.map((item) => item.trials)).toEqual([20, 20, 20]);
        expect(usable[0]!.probabilityWorse).toBeGreaterThan(usable[1]!.probabilityWorse);
        expect(usable[1]!.probabilityWorse).toBeGreaterThan(usable[2]!.probabilityWorse);
    });

    it('counts a signal only for its own skill, and assesses no skill without a usable signal', () => {
        const signals = [signal('a', 14), signal('p', 14, 20, 'priority-management')];
        const assessed = assessTeam(signals, () => true, options).assessed.filter((item) => item.rep === 0);
        expect(assessed.map((item) => [item.skill, item.usable.map((evidence) => evidence.signal)])).toEqual([
            ['decision-process', ['a']],
            ['priority-management', ['p']],
        ]);
        expect(assessTeam([signal('a', 3, 3)], () => true, options).assessed.filter((item) => item.rep === 0)).toEqual([]);
    });

    it('assesses only the eligible reps, each skill once', () => {
        const { assessed } = assessTeam([signal('a', 14), signal('b', 14)], (rep) => rep % 2 === 1, options);
        expect(assessed.map((item) => item.rep)).toEqual(Array.from({ length: reps / 2 }, (_, k) => 2 * k + 1));
        expect(assessed.every((item) => item.skill === 'decision-process')).toBe(true);
    });

    it('compares each rep with trials on each signal, and none without', () => {
        const { comparisons } = assessTeam([signal('a', 0, 0), signal('b', 14)], () => true, options);
        expect(comparisons).toHaveLength(2);
        expect(comparisons[0]![0]).toBeNull();
        expect(comparisons[0]!.slice(1).every((comparison) => comparison !== null)).toBe(true);
        expect(comparisons[1]![0]!.shrunkRate).toBeGreaterThan(comparisons[1]![1]!.shrunkRate);
    });

    it('lets an overwhelming signal decide alone, but never one that counts activity volume', () => {
        const decides = (activityVolume: boolean) => assessTeam([{ ...signal('a', 20), activityVolume }, signal('b', 6), signal('c', 5)], () => true, options).accepted.map((item) => item.rep);
        expect(decides(false)).toEqual([0]);
        expect(decides(true)).toEqual([]);
    });

    it('passes over a signal nobody has trials on', () => {
        const none = { ...signal('none', 0, 0), successes: Array(reps).fill(0), trials: Array(reps).fill(0) };
        const { comparisons, assessed } = assessTeam([none, signal('a', 14)], () => true, options);
        expect(comparisons[0]!.every((comparison) => comparison === null)).toBe(true);
        expect(assessed.find((item) => item.rep === 0)!.usable.map((item) => item.signal)).toEqual(['a']);
    });

    it('gives no confidence to a rep nothing sets apart', () => {
        const assessment = assessmentOf([signal('a', 6), signal('b', 6)], 1)!;
        expect(assessment.confidence).toBe(0);
    });

    it('assesses nobody in a team without signals', () => {
        expect(assessTeam([], () => true, options)).toEqual({ comparisons: [], accepted: [], assessed: [] });
    });
});

describe('compareSignal: each rep against the rest of the team', () => {
    it('compares every rep with trials with the others’ pooled rate, and none without', () => {
        const comparisons = compareSignal([2, 4, 6, 0], [10, 10, 10, 0], 0.05);
        expect(comparisons.map((comparison) => comparison?.teamRate ?? null)).toEqual([0.5, 0.4, 0.3, null]);
    });

    it('compares nobody when no rep has trials', () => {
        expect(compareSignal([0, 0], [0, 0], 0.05)).toEqual([null, null]);
    });
});
