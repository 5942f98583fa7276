// The sub-team peers' rate that a single clear signal must also beat: who counts as a peer, and when
// there are too few to compare with.
import { minPeers, peerRate } from '../assess';

/** One signal's counts per rep: `rates[rep]` successes out of 10 trials, or no trials when null. */
const signal = (rates: (number | null)[]) => ({
    successes: Float64Array.from(rates.map((rate) => (rate === null ? 0 : rate))),
    trials: Float64Array.from(rates.map((rate) => (rate === null ? 0 : 10))),
});

describe('peerRate', () => {
    it('is the typical rate of the other reps under the same manager, the rep left out', () => {
        // Rep 0 (8 of 10) and its peers 1 and 2 (3 of 10 each) in sub-team 5; reps 3 and 4 elsewhere.
        const counts = signal([8, 3, 3, 9, 9]);
        expect(peerRate(counts, 0, [5, 5, 5, 6, 6])).toBeCloseTo(0.3, 6);
        // The rep's own rate never enters its peers' rate.
        expect(peerRate(signal([3, 8, 8, 1]), 0, [5, 5, 5, 6])).toBeCloseTo(0.8, 6);
    });

    it(`needs at least ${minPeers} peers with trials`, () => {
        expect(minPeers).toBe(2);
        // One other rep in the sub-team: too few.
        expect(peerRate(signal([8, 3, 9, 9]), 0, [5, 5, 6, 6])).toBeNull();
        // A peer without trials does not count towards the two.
        expect(peerRate(signal([8, 3, null, 9]), 0, [5, 5, 5, 6])).toBeNull();
        // Exactly two with trials: compared.
        expect(peerRate(signal([8, 3, 3, null]), 0, [5, 5, 5, 5])).toBeCloseTo(0.3, 6);
    });

    it('has no peers to compare with for a rep of no known sub-team, or without sub-teams', () => {
        const counts = signal([8, 3, 3, 3]);
        expect(peerRate(counts, 0, [-1, -1, -1, -1])).toBeNull();
        expect(peerRate(counts, 0, undefined)).toBeNull();
        expect(peerRate(counts, 3, [-1, 5, 5, 5])).toBeCloseTo(0.3, 6);
    });
});
