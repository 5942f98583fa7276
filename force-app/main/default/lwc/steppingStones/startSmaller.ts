// The "start smaller" stepping stones: a first week at the amount the rep chose, then two such weeks
// back to back, then the best string of them. Reads the week streaks computed at that amount.
import type { SteppingStones } from 'c/goalPlanData';

export type StoneKey = 'first' | 'backToBack' | 'bestString';

export interface Stone {
    key: StoneKey;
    reached: boolean;
    current: boolean;
}

export interface SmallerStones {
    stones: Stone[];
    current: StoneKey;
    weeksAtStone: number;
    currentString: number;
    bestString: number;
}

/**
 * `atStone` is computeSteppingStones at the stone amount. The first two stones are reached once;
 * the best string never is: it is the stone to beat from then on.
 */
export function startSmaller(atStone: Pick<SteppingStones, 'weeksHit' | 'currentStreak' | 'bestStreak'>): SmallerStones {
    const reached: Record<StoneKey, boolean> = {
        first: atStone.weeksHit >= 1,
        backToBack: atStone.bestStreak >= 2,
        bestString: false,
    };
    const order: StoneKey[] = ['first', 'backToBack', 'bestString'];
    const current = order.find((key) => !reached[key]) ?? 'bestString';
    return {
        stones: order.map((key) => ({ key, reached: reached[key], current: key === current })),
        current,
        weeksAtStone: atStone.weeksHit,
        currentString: atStone.currentStreak,
        bestString: atStone.bestStreak,
    };
}
