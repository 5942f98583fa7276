import { Random } from '../../../src/sample/random';
import { plantWeaknesses, shuffled, strengthBandOf, truthOf } from '../family';

describe('the bench families’ planting', () => {
    it('shuffles into a permutation, every item first about equally often', () => {
        const random = new Random(7);
        const first = new Map<string, number>();
        for (let draw = 0; draw < 30_000; draw++) {
            const order = shuffled(random, ['a', 'b', 'c']);
            expect([...order].sort()).toEqual(['a', 'b', 'c']);
            first.set(order[0]!, (first.get(order[0]!) ?? 0) + 1);
        }
        // A sort with a random comparator put the first item first 44 % of the time and the second 19 %.
        for (const item of ['a', 'b', 'c']) expect(first.get(item)! / 30_000).toBeCloseTo(1 / 3, 1);
    });

    it('plants each skill about equally often', () => {
        const random = new Random(11);
        const bySkill = new Map<string, number>();
        for (let team = 0; team < 200; team++) {
            for (const weaknesses of plantWeaknesses(random, 30, false, 2)) for (const { skill } of weaknesses) bySkill.set(skill, (bySkill.get(skill) ?? 0) + 1);
        }
        const total = [...bySkill.values()].reduce((sum, count) => sum + count, 0);
        expect(bySkill.size).toBe(3);
        for (const count of bySkill.values()) expect(count / total).toBeCloseTo(1 / 3, 1);
    });

    it('keeps each planted strength in the truth and bands it from +10 to +40 points', () => {
        const truth = truthOf(['a', 'b'], [[{ skill: 'priority-management', effect: 0.27, variant: 1 }], []]);
        expect(truth.get('a')).toEqual(new Map([['priority-management', 0.27]]));
        expect(truth.get('b')?.size).toBe(0);
        expect([0.1, 0.199, 0.2, 0.299, 0.3, 0.4].map(strengthBandOf)).toEqual([0, 0, 1, 1, 2, 2]);
    });
});
