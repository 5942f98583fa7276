import { confidenceLabel, confidencePoints, confidenceText, confidenceWord } from '../confidence';

describe('confidence in words', () => {
    it('never reads as certainty: what rounds to 100% is "over 99%"', () => {
        expect(confidenceText(0.994)).toBe('99%');
        expect(confidenceText(0.995)).toBe('over 99%');
        expect(confidenceText(1)).toBe('over 99%');
        expect(confidencePoints(0.836)).toBe(84);
    });

    it('ties the words to the calibration: high from 95%, moderate from the 80% suggestion bar, low below', () => {
        expect(confidenceLabel(0.84)).toBe('84% (moderate)');
        expect(confidenceLabel(0.949)).toBe('95% (high)');
        expect(confidenceWord(0.944)).toBe('moderate');
        expect(confidenceLabel(0.999)).toBe('over 99% (high)');
        expect(confidenceLabel(0.795)).toBe('80% (moderate)');
        expect(confidenceLabel(0.79)).toBe('79% (low)');
    });
});
