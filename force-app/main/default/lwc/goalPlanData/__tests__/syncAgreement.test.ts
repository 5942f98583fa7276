// The panels cannot import the sync service's code, so the rules both sides need are written on each
// side; these tests run both over the same values, so they can never drift apart.
import { CONFIDENCE_LEVELS, confidenceInWords, SIGNAL_NAMES } from 'c/goalPlanData';
import { confidenceLabel, confidenceLevels, confidencePoints } from '../../../../../../sync/src/suggestions/confidence';
import { signals } from '../../../../../../sync/src/signals/registry';

describe('the panels and the sync service agree', () => {
    it('on the confidence words and the "over 99%" cap, for every confidence the sync can store', () => {
        expect(CONFIDENCE_LEVELS).toEqual(confidenceLevels.map(({ from, word }) => ({ from, word })));
        for (let step = 0; step <= 2000; step++) {
            const confidence = step / 2000;
            // The panel reads what the write-back stores in Confidence__c (whole percent).
            expect(confidenceInWords(confidencePoints(confidence))).toBe(`Confidence: ${confidenceLabel(confidence)}`);
        }
    });

    it('on every signal’s plain name: the panel’s list is the sync’s signal labels', () => {
        expect(SIGNAL_NAMES).toEqual(Object.fromEntries(signals.map((signal) => [signal.name, signal.label])));
    });
});
