// The bench's named peer on tiny constructed teams: the binomial z-score against the rest of the
// team, and the Bonferroni bound that decides a flag.
import quantile from '@stdlib/stats-base-dists-normal-quantile';
import { peerFamilyWiseError, zAgainstRest, zTestFlags } from '../zTestPeer';
import type { Truth } from '../family';
import { scoreFlags } from '../score';

/** 10 reps at 3 of 10 but the ones in `special`. */
const signal = (special: Record<number, [number, number]>, skill: 'decision-process' | 'priority-management' = 'decision-process') => ({
    name: skill,
    skill,
    successes: Array.from({ length: 10 }, (_, rep) => special[rep]?.[0] ?? 3),
    trials: Array.from({ length: 10 }, (_, rep) => special[rep]?.[1] ?? 10),
});

describe('zAgainstRest', () => {
    it('is the rep’s count against the rest of the team’s pooled rate, in binomial standard errors', () => {
        // The rest: 27 of 90 = 30 %. Rep 0: 9 of 10 → (9 − 3) / √(10 · 0.3 · 0.7).
        expect(zAgainstRest(signal({ 0: [9, 10] }), 0, 5)).toBeCloseTo(6 / Math.sqrt(2.1), 9);
        expect(zAgainstRest(signal({ 0: [3, 10] }), 0, 5)).toBeCloseTo(0, 9);
    });

    it('has no score below the minimum trials, or when the rest of the team never or always has the outcome', () => {
        expect(zAgainstRest(signal({ 0: [4, 4] }), 0, 5)).toBeNull();
        const none = { successes: [5, 0, 0], trials: [10, 10, 10] };
        expect(zAgainstRest(none, 0, 5)).toBeNull();
    });
});

describe('zTestFlags', () => {
    it('flags a skill when one of its signals passes the one-sided Bonferroni bound over the team’s tests', () => {
        const signals = [signal({ 0: [9, 10], 1: [6, 10] }), signal({}, 'priority-management')];
        // 20 tests: bound Φ⁻¹(1 − 0.05 / 20) ≈ 2.81. Rep 0 at z ≈ 3.8 is flagged, rep 1 (≈ 1.5) is not.
        expect(quantile(1 - peerFamilyWiseError / 20, 0, 1)).toBeCloseTo(2.807, 3);
        const flags = zTestFlags(signals, () => true, 5);
        expect([...flags.keys()]).toEqual([0]);
        expect([...flags.get(0)!]).toEqual(['decision-process']);
    });

    it('tests only the eligible reps', () => {
        expect(zTestFlags([signal({ 0: [9, 10] })], (rep) => rep !== 0, 5).size).toBe(0);
    });

    it('is scored like the engine: flags against what was planted, on the eligible reps', () => {
        const ids = ['a', 'b', 'c'];
        const truth: Truth = new Map([
            ['a', new Map([['decision-process', 0.35]])],
            ['b', new Map()],
            ['c', new Map([['decision-process', 0.15]])],
        ]);
        const flags = new Map([
            [0, new Set(['decision-process' as const])],
            [1, new Set(['decision-process' as const])],
        ]);
        const score = scoreFlags(flags, ids, (rep) => rep < 2, [20, 30, 40], truth);
        expect(score).toMatchObject({ truePositives: 1, falsePositives: 1, planted: 1, reps: 2, closed: 50 });
        // Per skill, only the planted ones count: rep a's decision process, found.
        expect(score.bySkill).toEqual({ 'decision-process': { planted: 1, found: 1 }, 'priority-management': { planted: 0, found: 0 }, 'emotional-intelligence': { planted: 0, found: 0 } });
        // Per band of strength: rep a's +35 points is the strongest band; rep c is not eligible.
        expect(score.byStrength).toEqual([{ planted: 0, found: 0 }, { planted: 0, found: 0 }, { planted: 1, found: 1 }]);
    });
});
