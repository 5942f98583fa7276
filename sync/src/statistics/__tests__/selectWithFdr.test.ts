import { selectWithFdr } from '../decide';

const confidences = (items: readonly { confidence: number }[]) => items.map((item) => item.confidence);

describe('selectWithFdr: Bayesian false-discovery control', () => {
    it('takes the most confident first, whatever order the candidates come in', () => {
        const candidates = [0.85, 0.99, 0.6, 0.9, 0.97].map((confidence) => ({ confidence }));
        // Sorted 0.99, 0.97, 0.9, 0.85: expected false 0.01, 0.04, 0.14, 0.29 → means 0.01, 0.02, 0.047, 0.0725.
        expect(confidences(selectWithFdr(candidates, 0.8, 0.05))).toEqual([0.99, 0.97, 0.9]);
        expect(confidences(selectWithFdr(candidates, 0.8, 0.1))).toEqual([0.99, 0.97, 0.9, 0.85]);
    });

    it('stops at the first candidate that would take the expected share of false ones over the rate', () => {
        // 0.99, 0.9: mean expected false 0.055; with 0.7 it would be 0.137, over a rate of 0.09.
        expect(confidences(selectWithFdr([{ confidence: 0.9 }, { confidence: 0.7 }, { confidence: 0.99 }], 0.5, 0.09))).toEqual([0.99, 0.9]);
        // 0.9 alone: an expected share of 0.1, over the rate.
        expect(selectWithFdr([{ confidence: 0.9 }], 0.5, 0.09)).toEqual([]);
    });

    it('accepts a candidate whose expected share of false ones equals the rate exactly', () => {
        expect(confidences(selectWithFdr([{ confidence: 0.75 }], 0.5, 0.25))).toEqual([0.75]);
        expect(confidences(selectWithFdr([{ confidence: 0.5 }, { confidence: 1 }], 0.5, 0.25))).toEqual([1, 0.5]);
    });

    it('keeps candidates at the minimum confidence and drops those below it', () => {
        expect(confidences(selectWithFdr([{ confidence: 0.8 }, { confidence: 0.79 }], 0.8, 0.5))).toEqual([0.8]);
    });

    it('returns the candidates themselves, with everything they carry, and leaves the input as it was', () => {
        const candidates = [
            { confidence: 0.9, rep: 1 },
            { confidence: 0.95, rep: 2 },
        ];
        const accepted = selectWithFdr(candidates, 0.8, 0.1);
        expect(accepted).toEqual([candidates[1], candidates[0]]);
        expect(accepted[0]).toBe(candidates[1]);
        expect(candidates.map((item) => item.rep)).toEqual([1, 2]);
    });

    it('accepts nothing from no candidates', () => {
        expect(selectWithFdr([], 0.8, 0.1)).toEqual([]);
    });
});
