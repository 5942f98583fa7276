import { startSmaller } from '../startSmaller';

describe('startSmaller', () => {
    it('starts on the first week', () => {
        const stones = startSmaller({ weeksHit: 0, currentStreak: 0, bestStreak: 0 });
        expect(stones.current).toBe('first');
        expect(stones.stones).toEqual([
            { key: 'first', reached: false, current: true },
            { key: 'backToBack', reached: false, current: false },
            { key: 'bestString', reached: false, current: false },
        ]);
    });

    it('moves to back-to-back weeks after a first week at the stone', () => {
        expect(startSmaller({ weeksHit: 3, currentStreak: 1, bestStreak: 1 }).current).toBe('backToBack');
    });

    it('aims at the best string once two weeks came back to back', () => {
        const stones = startSmaller({ weeksHit: 5, currentStreak: 2, bestStreak: 3 });
        expect(stones).toMatchObject({ current: 'bestString', weeksAtStone: 5, currentString: 2, bestString: 3 });
        expect(stones.stones.map((stone) => stone.reached)).toEqual([true, true, false]);
    });
});
