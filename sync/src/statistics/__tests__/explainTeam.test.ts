// explainTeam on tiny constructed teams: what it says of each rep × skill (why a signal is absent,
// the rep's baseline and peers, the likelihood ratio) and which rule decided, in agreement with
// assessTeam. `npm run bench:insight:diagnose` prints exactly this for generated orgs.
import { assessTeam, explainTeam, type SignalCountsInput } from '../assess';
import { estimatePrior, maxPrior, minPrior } from '../skillModel';

const options = { margin: 0.05, minSignalTrials: 5, minConfidence: 0.8, falseDiscoveryRate: 0.1 };
const reps = 20;
/** Everyone around 6 of 20 (30 %) but the reps in `special`, at their own counts. */
const signal = (name: string, special: Record<number, [number, number]> = {}, skill: SignalCountsInput['skill'] = 'decision-process'): SignalCountsInput => ({
    name,
    skill,
    successes: Array.from({ length: reps }, (_, rep) => special[rep]?.[0] ?? 6 + (rep % 3) - 1),
    trials: Array.from({ length: reps }, (_, rep) => special[rep]?.[1] ?? 20),
});
/** A signal almost nobody has: 0 of 20 for everyone (flat in this team). */
const flat = (name: string): SignalCountsInput => ({ name, skill: 'decision-process', successes: Array(reps).fill(0), trials: Array(reps).fill(20) });

const explained = (signals: SignalCountsInput[], rep: number, opts = options, peers?: number[]) =>
    explainTeam(signals, () => true, opts, undefined, peers).find((item) => item.rep === rep && item.skill === 'decision-process')!;

describe('explainTeam: each signal of the skill, for the rep', () => {
    it('names why a signal did not count: no trials, flat in this team, or too few trials', () => {
        const signals = [signal('strong', { 0: [16, 20] }), signal('none', { 0: [0, 0] }), flat('flat'), signal('few', { 0: [3, 4] })];
        const { signals: lines } = explained(signals, 0);
        expect(lines.map((line) => [line.index, line.absent])).toEqual([
            [0, undefined],
            [1, 'no trials'],
            [2, 'flat in this team'],
            [3, 'too few trials'],
        ]);
        // An absent signal says nothing: its likelihood ratio stays 1.
        expect(lines.slice(1).map((line) => line.likelihoodRatio)).toEqual([1, 1, 1]);
        expect(lines[0]!.likelihoodRatio).toBeGreaterThan(1000);
    });

    it('carries the rep’s counts, baseline and the team’s concentration', () => {
        const line = explained([signal('a', { 0: [12, 20] })], 0).signals[0]!;
        expect([line.successes, line.trials]).toEqual([12, 20]);
        expect(line.baseline).toBeGreaterThan(0.25);
        expect(line.baseline).toBeLessThan(0.35);
        expect(line.concentration).toBeGreaterThanOrEqual(15);
        expect(line.peerRate).toBeUndefined();
    });

    it('gives the sub-team peers’ rate only when there are peers to compare with', () => {
        const peers = Array.from({ length: reps }, (_, rep) => (rep < 5 ? 1 : 0));
        expect(explained([signal('a', { 0: [12, 20] })], 0, options, peers).signals[0]!.peerRate).toBeCloseTo(0.3, 1);
        const alone = peers.map((team, rep) => (rep === 0 ? 2 : team));
        expect(explained([signal('a', { 0: [12, 20] })], 0, options, alone).signals[0]!.peerRate).toBeUndefined();
    });

    it('explains every eligible rep once per skill with a signal, and no one else', () => {
        const explanations = explainTeam([signal('a'), signal('p', {}, 'priority-management')], (rep) => rep < 3, options);
        expect(explanations.map((item) => `${item.rep}:${item.skill}`).sort()).toEqual(
            ['0', '1', '2'].flatMap((rep) => [`${rep}:decision-process`, `${rep}:emotional-intelligence`, `${rep}:priority-management`]).sort(),
        );
        const withoutSignal = explanations.find((item) => item.skill === 'emotional-intelligence')!;
        expect(withoutSignal.signals).toEqual([]);
        expect(withoutSignal.outcome).toBe('no usable signal');
    });
});

describe('explainTeam: the rule that decided', () => {
    it('says "suggested" exactly for what assessTeam accepts', () => {
        const signals = [signal('a', { 0: [16, 20], 1: [9, 20] }), signal('b', { 0: [15, 20], 1: [9, 20] })];
        const accepted = assessTeam(signals, () => true, options).accepted.map((item) => `${item.rep}:${item.skill}`);
        const suggested = explainTeam(signals, () => true, options)
            .filter((item) => item.outcome === 'suggested')
            .map((item) => `${item.rep}:${item.skill}`);
        expect(suggested).toEqual(accepted);
        expect(suggested).toEqual(['0:decision-process']);
        expect(explained(signals, 0).decisive).toBe(true);
        expect(explained(signals, 0).confidence).toBeGreaterThanOrEqual(0.8);
    });

    it('says "no usable signal" when every signal is absent for the rep', () => {
        const item = explained([signal('few', { 0: [3, 4] })], 0);
        expect(item.outcome).toBe('no usable signal');
        expect(item.logBayesFactor).toBe(0);
        expect(item.decisive).toBe(false);
    });

    it('says "not decisive" for one high signal that is neither clear nor overwhelming, with no second', () => {
        const item = explained([signal('a', { 0: [11, 20] }), signal('b')], 0);
        expect(item.outcome).toBe('not decisive (no corroboration, no clear or overwhelming signal)');
        expect(item.confidence).toBe(0);
    });

    it('says "below the minimum confidence" for two mildly high signals that corroborate each other', () => {
        const item = explained([signal('a', { 0: [11, 20] }), signal('b', { 0: [11, 20] })], 0);
        expect(item.decisive).toBe(true);
        expect(item.confidence).toBeGreaterThan(0);
        expect(item.confidence).toBeLessThan(0.8);
        expect(item.outcome).toBe('below the minimum confidence');
    });

    it('says "held back by false-discovery control" for a confident suggestion the rate does not allow', () => {
        const signals = [signal('a', { 0: [13, 20] }), signal('b', { 0: [13, 20] })];
        const confident = explained(signals, 0);
        expect(confident.confidence).toBeGreaterThanOrEqual(0.8);
        expect(confident.confidence).toBeLessThan(0.999);
        const strict = { ...options, falseDiscoveryRate: 0.001 };
        expect(explained(signals, 0, strict).outcome).toBe('held back by false-discovery control');
        expect(assessTeam(signals, () => true, strict).accepted).toEqual([]);
    });

    it('gives the share of weak reps the skill’s prior settled on, within its bounds', () => {
        const item = explained([signal('a', { 0: [16, 20] }), signal('b', { 0: [15, 20] })], 0);
        expect(item.prior).toBeGreaterThanOrEqual(minPrior);
        expect(item.prior).toBeLessThanOrEqual(maxPrior);
    });
});

describe('explainTeam: each path to a decision on its own', () => {
    /** Everyone 2 or 3 of 20 (about 12 %) but rep 0, all bad outcomes on `trials`. */
    const rare = (trials: number): SignalCountsInput => ({
        name: 'rare',
        skill: 'decision-process',
        successes: Array.from({ length: reps }, (_, rep) => (rep === 0 ? trials : 2 + (rep % 2))),
        trials: Array.from({ length: reps }, (_, rep) => (rep === 0 ? trials : 20)),
    });

    it('lets one overwhelming signal decide on as few as 10 trials, below what a clear signal needs', () => {
        // 10 of 10 against about 12 %: overwhelming, on too few trials (12) to be merely clear.
        const at10 = explained([rare(10), signal('b')], 0);
        expect(at10.signals[0]!.likelihoodRatio).toBeGreaterThanOrEqual(10_000);
        expect(at10.decisive).toBe(true);
        // 9 of 9 is as overwhelming, but not on enough trials.
        const at9 = explained([rare(9), signal('b')], 0);
        expect(at9.signals[0]!.likelihoodRatio).toBeGreaterThanOrEqual(10_000);
        expect(at9.decisive).toBe(false);
    });

    it('lets an activity-volume signal corroborate one that is not, but not two volume signals each other', () => {
        const moderate = (name: string, activityVolume: boolean) => ({ ...signal(name, { 0: [11, 20] }), activityVolume });
        expect(explained([moderate('a', false), moderate('v', true)], 0).decisive).toBe(true);
        expect(explained([moderate('v', true), moderate('w', true)], 0).decisive).toBe(false);
    });

    it('does not let a volume signal the rep’s sub-team peers all share corroborate another', () => {
        // Reps 0–4 (one manager) all log far more per stage: the sub-team's habit.
        const volume = { ...signal('v', { 0: [12, 20], 1: [12, 20], 2: [12, 20], 3: [12, 20], 4: [12, 20] }), activityVolume: true };
        const other = signal('a', { 0: [11, 20] });
        const sameManager = Array.from({ length: reps }, (_, rep) => (rep < 5 ? 1 : 0));
        expect(explained([other, volume], 0, options, sameManager).decisive).toBe(false);
        // Under another manager, with typical peers, the same volume signal corroborates.
        const ownManager = sameManager.map((team, rep) => (rep === 0 ? 0 : team));
        expect(explained([other, volume], 0, options, ownManager).decisive).toBe(true);
    });

    it('explains every rep × skill of an all-eligible team exactly once', () => {
        const explanations = explainTeam([signal('a'), signal('p', {}, 'priority-management')], () => true, options);
        expect(explanations).toHaveLength(reps * 3);
        expect(new Set(explanations.map((item) => `${item.rep}:${item.skill}`)).size).toBe(reps * 3);
    });

    it('estimates the share of weak reps from the reps with a usable signal only', () => {
        // Half the team has too few trials: they neither raise nor lower the share.
        const special: Record<number, [number, number]> = { 0: [16, 20] };
        for (let rep = 10; rep < reps; rep++) special[rep] = [1, 3];
        const explanations = explainTeam([signal('a', special), signal('b', { ...special, 0: [15, 20] })], () => true, options).filter((item) => item.skill === 'decision-process');
        const usable = explanations.filter((item) => item.outcome !== 'no usable signal');
        expect(usable).toHaveLength(10);
        expect(explanations[0]!.prior).toBeCloseTo(estimatePrior(usable.map((item) => item.logBayesFactor)), 12);
    });
});
