// Simulated teams for checking the statistics: reps drawn from one healthy distribution, optionally
// with planted weak reps whose rates are worse on some of a skill's signals. Used by the tests.
import type { SkillSlug } from '../core/contract';
import { Random } from '../sample/random';
import type { SignalCountsInput } from './assess';

export interface SimulatedTeamOptions {
    seed: number;
    reps: number;
    /** Trials per rep and signal are drawn uniformly from this range. */
    trials: [number, number];
    /** Healthy reps' natural spread: their rates ~ Beta with this concentration around the team rate. */
    naturalConcentration: number;
    /** Weak reps per skill and how much worse (absolute) their affected signals are. */
    weakPerSkill: number;
    effect: number;
    /** How many of a skill's signals a weakness shows in. */
    affectedSignals: number;
}

const layout: { skill: SkillSlug; signals: number }[] = [
    { skill: 'decision-process', signals: 3 },
    { skill: 'priority-management', signals: 5 },
    { skill: 'emotional-intelligence', signals: 3 },
];

/** A Beta(a, b) draw from two Gamma draws (Marsaglia–Tsang), for simulation only. */
function gamma(random: Random, shape: number): number {
    if (shape < 1) return gamma(random, shape + 1) * Math.pow(random.next(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
        const x = random.normal();
        const v = (1 + c * x) ** 3;
        if (v <= 0) continue;
        const u = random.next();
        if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
}

function binomial(random: Random, n: number, p: number): number {
    let count = 0;
    for (let i = 0; i < n; i++) if (random.next() < p) count += 1;
    return count;
}

export interface SimulatedTeam {
    signals: SignalCountsInput[];
    /** Per rep, the skills planted as weak. */
    weak: Set<SkillSlug>[];
}

export function simulateTeam(options: SimulatedTeamOptions): SimulatedTeam {
    const random = new Random(options.seed);
    const weak: Set<SkillSlug>[] = Array.from({ length: options.reps }, () => new Set());
    const affected = new Map<string, Set<number>>();
    let next = 0;
    for (const { skill, signals } of layout) {
        for (let k = 0; k < options.weakPerSkill; k++) {
            const rep = next++ % options.reps;
            weak[rep]!.add(skill);
            const chosen = new Set<number>();
            while (chosen.size < Math.min(options.affectedSignals, signals)) chosen.add(random.int(0, signals - 1));
            affected.set(`${rep}:${skill}`, chosen);
        }
    }
    const result: SignalCountsInput[] = [];
    for (const { skill, signals } of layout) {
        for (let s = 0; s < signals; s++) {
            const base = 0.1 + random.next() * 0.4;
            const successes = new Int32Array(options.reps);
            const trials = new Int32Array(options.reps);
            for (let rep = 0; rep < options.reps; rep++) {
                const a = gamma(random, base * options.naturalConcentration);
                const b = gamma(random, (1 - base) * options.naturalConcentration);
                let rate = a / (a + b);
                if (affected.get(`${rep}:${skill}`)?.has(s)) rate = Math.min(0.95, rate + options.effect);
                trials[rep] = random.int(options.trials[0], options.trials[1]);
                successes[rep] = binomial(random, trials[rep]!, rate);
            }
            result.push({ name: `${skill}-${s}`, skill, successes, trials });
        }
    }
    return { signals: result, weak };
}
