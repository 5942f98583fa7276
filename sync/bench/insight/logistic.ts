// A small logistic regression for the bench's supervised ceiling: Newton's method (iteratively
// reweighted least squares) with an intercept and a ridge penalty, on a handful of features. The
// npm packages for it run fixed-step gradient descent with no intercept and no penalty.

export interface LogisticModel {
    /** Intercept first, then one weight per feature. */
    weights: number[];
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const withIntercept = (features: readonly number[]) => [1, ...features];

/** Solves the small symmetric positive-definite system A x = b by Gaussian elimination. */
function solve(matrix: number[][], vector: number[]): number[] {
    const n = vector.length;
    const a = matrix.map((row, i) => [...row, vector[i]!]);
    for (let col = 0; col < n; col++) {
        let pivot = col;
        for (let row = col + 1; row < n; row++) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
        [a[col], a[pivot]] = [a[pivot]!, a[col]!];
        for (let row = col + 1; row < n; row++) {
            const factor = a[row]![col]! / a[col]![col]!;
            for (let k = col; k <= n; k++) a[row]![k]! -= factor * a[col]![k]!;
        }
    }
    const x = new Array<number>(n).fill(0);
    for (let row = n - 1; row >= 0; row--) {
        let sum = a[row]![n]!;
        for (let k = row + 1; k < n; k++) sum -= a[row]![k]! * x[k]!;
        x[row] = sum / a[row]![row]!;
    }
    return x;
}

export function fitLogistic(features: readonly (readonly number[])[], labels: readonly boolean[], ridge = 1, iterations = 25): LogisticModel {
    const rows = features.map(withIntercept);
    const size = rows[0]?.length ?? 1;
    let weights = new Array<number>(size).fill(0);
    for (let iteration = 0; iteration < iterations; iteration++) {
        const hessian = Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => (i === j && i > 0 ? ridge : 0)));
        const gradient = weights.map((weight, i) => (i > 0 ? -ridge * weight : 0));
        rows.forEach((row, n) => {
            const p = sigmoid(row.reduce((sum, value, i) => sum + value * weights[i]!, 0));
            const error = (labels[n] ? 1 : 0) - p;
            const curvature = Math.max(1e-9, p * (1 - p));
            for (let i = 0; i < size; i++) {
                gradient[i]! += error * row[i]!;
                for (let j = 0; j < size; j++) hessian[i]![j]! += curvature * row[i]! * row[j]!;
            }
        });
        const step = solve(hessian, gradient);
        weights = weights.map((weight, i) => weight + step[i]!);
        if (step.every((value) => Math.abs(value) < 1e-8)) break;
    }
    return { weights };
}

export function scoreLogistic(model: LogisticModel, features: readonly number[]): number {
    return sigmoid(withIntercept(features).reduce((sum, value, i) => sum + value * model.weights[i]!, 0));
}
