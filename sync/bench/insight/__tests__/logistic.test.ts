// The supervised ceiling's logistic regression on tiny constructed data.
import { fitLogistic, scoreLogistic } from '../logistic';

describe('fitLogistic', () => {
    it('recovers the intercept and slope of a known logistic relation', () => {
        // Many copies of x in −3..3 whose label share is exactly σ(−1 + 2x): the fit recovers (−1, 2).
        const features: number[][] = [];
        const labels: boolean[] = [];
        for (let x = -3; x <= 3; x += 0.5) {
            const p = 1 / (1 + Math.exp(-(-1 + 2 * x)));
            for (let k = 0; k < 1000; k++) {
                features.push([x]);
                labels.push(k < Math.round(p * 1000));
            }
        }
        const { weights } = fitLogistic(features, labels, 0);
        expect(weights[0]).toBeCloseTo(-1, 1);
        expect(weights[1]).toBeCloseTo(2, 1);
    });

    it('stays finite on perfectly separated data thanks to the ridge, and ranks by the feature', () => {
        const model = fitLogistic([[-2], [-1], [1], [2]], [false, false, true, true]);
        expect(model.weights.every(Number.isFinite)).toBe(true);
        expect(scoreLogistic(model, [2])).toBeGreaterThan(scoreLogistic(model, [1]));
        expect(scoreLogistic(model, [1])).toBeGreaterThan(0.5);
        expect(scoreLogistic(model, [-1])).toBeLessThan(0.5);
    });
});
