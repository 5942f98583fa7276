// The whole statistical step for a team: per signal, find the typical group and each rep's
// baseline; per rep × skill, combine the skill's informative signals; across the team, keep what
// passes false-discovery control. Pure: counts in, decisions out.
import { skillSlugs, type SkillSlug } from '../core/contract';
import { compareWithBaseline, compareWithTeam, fitBetaPrior, type RateCount, type RepComparison } from './betaBinomial';
import { signalBaseline, type SignalBaseline } from './baseline';
import { fitTypical } from './typicalGroup';
import { selectWithFdr, type SkillAssessment } from './decide';
import { estimatePrior, posteriorWeak, skillEvidence, type SignalObservation } from './skillModel';

/** How strongly a signal on its own must favour "worse" to corroborate another. */
export const corroborationRatio = 4;
/**
 * One signal decides alone only when it is overwhelming (likelihood ratio of 10,000 or more at its
 * best-supported shift, about 4.3 standard errors) on a well-sampled rep (10 trials or more): a
 * healthy rep gets there on one of a team's signals far less often than once in a hundred teams.
 */
export const overwhelmingRatio = 10_000;
export const wellSampledTrials = 10;
/**
 * One clear signal decides alone with less (likelihood ratio of 150 or more, about 3.2 standard
 * errors, on 12 trials or more) when it is as clear against the rep's sub-team peers' rate: a
 * weakness often shows in just one signal of its skill, while a sub-team whose work differs (longer
 * late stages in mid-market, say) shows in that signal for all its reps, even a sub-team too small
 * for a baseline of its own.
 */
export const clearRatio = 150;
export const clearTrials = 12;

export interface SignalCountsInput {
    name: string;
    skill: SkillSlug;
    successes: ArrayLike<number>;
    trials: ArrayLike<number>;
    /** Counts activity volume (partly a logging habit): may corroborate, never decides alone. */
    activityVolume?: boolean;
    /** The same counts split by deal size, for signals about deals. */
    bands?: { small: { successes: ArrayLike<number>; trials: ArrayLike<number> }; large: { successes: ArrayLike<number>; trials: ArrayLike<number> } };
}

export interface AssessOptions {
    margin: number;
    minSignalTrials: number;
    minConfidence: number;
    falseDiscoveryRate: number;
}

export interface TeamAssessment {
    /** Per signal (same order as the input), per rep: the rep against their baseline, or null without trials. */
    comparisons: (RepComparison | null)[][];
    /** The suggestions that passed, any order. */
    accepted: SkillAssessment[];
    /** Every rep × skill that could be assessed. */
    assessed: SkillAssessment[];
}

const countsOf = (successes: ArrayLike<number>, trials: ArrayLike<number>): RateCount[] =>
    Array.from({ length: trials.length }, (_, rep) => ({ successes: successes[rep]!, trials: trials[rep]! }));

/** Each rep against the rest of the team (leave-one-out), for reports of a band or a single signal. */
export function compareSignal(successes: ArrayLike<number>, trials: ArrayLike<number>, margin: number): (RepComparison | null)[] {
    const perRep = countsOf(successes, trials);
    const team = perRep.reduce((sum, rep) => ({ successes: sum.successes + rep.successes, trials: sum.trials + rep.trials }), { successes: 0, trials: 0 });
    const prior = fitBetaPrior(perRep);
    return perRep.map((rep) => (prior && rep.trials > 0 ? compareWithTeam(rep, team, prior, margin) : null));
}

function baselineOf(signal: SignalCountsInput, subTeams: ArrayLike<number> | undefined, outside: ReadonlySet<number> | undefined): SignalBaseline | null {
    const all = countsOf(signal.successes, signal.trials);
    const bands = signal.bands && {
        small: countsOf(signal.bands.small.successes, signal.bands.small.trials),
        large: countsOf(signal.bands.large.successes, signal.bands.large.trials),
    };
    return signalBaseline(all, bands, subTeams, outside);
}

/** Why a signal of the skill did not count for the rep. */
export type AbsentReason = 'flat in this team' | 'too few trials' | 'no trials';

export interface SignalExplanation {
    /** Index of the signal in the input. */
    index: number;
    successes: number;
    trials: number;
    /** The rep's baseline: the typical reps' rate for the rep's deal mix. */
    baseline: number;
    concentration: number;
    /** The typical rate of the rep's sub-team peers (the rep left out), when there are enough. */
    peerRate?: number;
    /** Likelihood ratio worse-vs-typical at the best-supported shift (1 when absent). */
    likelihoodRatio: number;
    absent?: AbsentReason;
}

/** Which rule kept a rep × skill from a suggestion, or that it was suggested. */
export type SkillOutcome = 'suggested' | 'no usable signal' | 'not decisive (no corroboration, no clear or overwhelming signal)' | 'below the minimum confidence' | 'held back by false-discovery control';

export interface SkillExplanation {
    rep: number;
    skill: SkillSlug;
    logBayesFactor: number;
    prior: number;
    confidence: number;
    decisive: boolean;
    outcome: SkillOutcome;
    signals: SignalExplanation[];
}

interface Candidate {
    rep: number;
    logBayesFactor: number;
    decisive: boolean;
    usable: SkillAssessment['usable'];
    signals: SignalExplanation[];
}

/** For a rep with trials and a comparison on the signal (so the signal has a baseline). */
function absentReason(baseline: SignalBaseline, trials: number, options: AssessOptions): AbsentReason | undefined {
    if (!baseline.informative) return 'flat in this team';
    return trials < options.minSignalTrials ? 'too few trials' : undefined;
}

/** A rep's sub-team peers are compared with only when at least this many others have trials. */
export const minPeers = 2;

/**
 * The typical rate of the rep's sub-team peers (the rep left out; the typical-group fit, so weak
 * peers do not raise it); null without sub-teams or with fewer than `minPeers` peers.
 */
export function peerRate(signal: Pick<SignalCountsInput, 'successes' | 'trials'>, rep: number, peers: ArrayLike<number> | undefined): number | null {
    const team = peers?.[rep] ?? -1;
    if (!peers || team < 0) return null;
    const counts: RateCount[] = [];
    for (let other = 0; other < peers.length; other++) {
        if (other !== rep && peers[other] === team && signal.trials[other]! > 0) counts.push({ successes: signal.successes[other]!, trials: signal.trials[other]! });
    }
    return counts.length >= minPeers ? (fitTypical(counts)?.mean ?? null) : null;
}

/** The signal's likelihood ratio for the rep against the higher of its baseline and its sub-team peers' rate. */
function ratioAgainstPeers(observation: SignalObservation, peer: number | null): number {
    if (peer === null || peer <= observation.teamRate) return Infinity;
    return skillEvidence([{ ...observation, teamRate: peer }]).signalRatios[0]!;
}

function candidateFor(rep: number, skill: SkillSlug, signals: readonly SignalCountsInput[], baselines: readonly (SignalBaseline | null)[], comparisons: (RepComparison | null)[][], options: AssessOptions, peers: ArrayLike<number> | undefined): Candidate {
    const observations: SignalObservation[] = [];
    /** Per observation, the rep's sub-team peers' typical rate (null without enough peers). */
    const peerRates: (number | null)[] = [];
    const usable: SkillAssessment['usable'] = [];
    const explained: SignalExplanation[] = [];
    signals.forEach((signal, index) => {
        if (signal.skill !== skill) return;
        const baseline = baselines[index];
        const comparison = comparisons[index]![rep];
        const trials = signal.trials[rep]!;
        const successes = signal.successes[rep]!;
        // A flat signal is absent: it neither votes against a weakness nor is needed to corroborate one.
        const absent = comparison && baseline ? absentReason(baseline, trials, options) : 'no trials';
        const peer = peerRate(signal, rep, peers);
        explained.push({ index, successes, trials, baseline: baseline?.expected[rep] ?? 0, concentration: baseline?.concentration ?? 0, likelihoodRatio: 1, ...(peer === null ? {} : { peerRate: peer }), ...(absent ? { absent } : {}) });
        if (absent || !baseline || !comparison) return;
        peerRates.push(peer);
        observations.push({ successes, trials, teamRate: baseline.expected[rep]!, concentration: baseline.concentration, activityVolume: signal.activityVolume === true });
        usable.push({ signal: signal.name, trials, probabilityWorse: comparison.probabilityWorse });
    });
    if (observations.length === 0) return { rep, logBayesFactor: 0, decisive: false, usable, signals: explained };
    const evidence = skillEvidence(observations);
    explained.filter((signal) => !signal.absent).forEach((signal, k) => (signal.likelihoodRatio = evidence.signalRatios[k]!));
    // Two signals each favouring "worse", at least one of them not about activity volume (two volume
    // signals share one logging habit), or one overwhelming signal on enough trials. A volume signal
    // favours "worse" only when the rep is also above their sub-team peers on it: a sub-team that
    // logs more (strategic reps, say) shares the habit, which is no sign of a weakness.
    const favouring = observations.filter((observation, k) => {
        if (evidence.signalRatios[k]! < corroborationRatio) return false;
        return !observation.activityVolume || ratioAgainstPeers(observation, peerRates[k]!) >= corroborationRatio;
    });
    const corroborated = favouring.length >= 2 && favouring.some((observation) => !observation.activityVolume);
    const overwhelming = evidence.signalRatios.some((ratio, k) => ratio >= overwhelmingRatio && observations[k]!.trials >= wellSampledTrials && !observations[k]!.activityVolume);
    const clear = observations.some((observation, k) => {
        if (observation.activityVolume || observation.trials < clearTrials || evidence.signalRatios[k]! < clearRatio) return false;
        return ratioAgainstPeers(observation, peerRates[k]!) >= clearRatio;
    });
    usable.sort((a, b) => b.probabilityWorse - a.probabilityWorse);
    return { rep, logBayesFactor: evidence.logBayesFactor, decisive: corroborated || overwhelming || clear, usable, signals: explained };
}

function outcomeOf(candidate: Candidate, confidence: number, accepted: boolean, options: AssessOptions): SkillOutcome {
    if (accepted) return 'suggested';
    if (candidate.usable.length === 0) return 'no usable signal';
    if (!candidate.decisive) return 'not decisive (no corroboration, no clear or overwhelming signal)';
    return confidence < options.minConfidence ? 'below the minimum confidence' : 'held back by false-discovery control';
}

/**
 * Every eligible rep × skill with its evidence per signal and the rule that decided it: what
 * `assessTeam` decides, explained (for diagnosing misses and false alarms).
 */
export function explainTeam(signals: readonly SignalCountsInput[], eligible: (rep: number) => boolean, options: AssessOptions, subTeams?: ArrayLike<number>, peers?: ArrayLike<number>): SkillExplanation[] {
    return assessInDetail(signals, eligible, options, subTeams, peers).explanations;
}

/**
 * The same rule in one pass whose typical fits leave out the given reps per skill instead of those
 * a first pass finds clearly weak: with the reps truly weak given, what a perfectly known typical
 * group would decide (the insight bench's reference, `bench/insight/ceiling.ts`).
 */
export function explainTeamWithout(signals: readonly SignalCountsInput[], eligible: (rep: number) => boolean, options: AssessOptions, knownWeak: WeakReps, subTeams?: ArrayLike<number>, peers?: ArrayLike<number>): SkillExplanation[] {
    return assessInDetail(signals, eligible, options, subTeams, peers, knownWeak).explanations;
}

/**
 * A rep whose posterior of being weak in a skill is at least this after a first pass is left out of
 * that skill's typical fits in the second: when a third or more of the team is weak, the cut from
 * above cannot remove them all, and they raise the typical rate and widen its spread. Only reps
 * this clearly weak are left out, so a healthy team's wide natural spread stays as fitted.
 */
export const clearlyWeak = 0.95;

type WeakReps = ReadonlyMap<SkillSlug, ReadonlySet<number>>;

interface Pass {
    comparisons: (RepComparison | null)[][];
    assessed: SkillAssessment[];
    pending: { candidate: Candidate; skill: SkillSlug; prior: number; assessment: SkillAssessment | null }[];
    clearlyWeak: WeakReps;
}

function assessPass(signals: readonly SignalCountsInput[], eligible: (rep: number) => boolean, options: AssessOptions, subTeams: ArrayLike<number> | undefined, peers: ArrayLike<number> | undefined, outside: WeakReps): Pass {
    const repCount = signals[0]?.trials.length ?? 0;
    const baselines = signals.map((signal) => baselineOf(signal, subTeams, outside.get(signal.skill)));
    const peerGroups = peers ?? subTeams;
    const comparisons = signals.map((signal, index) =>
        Array.from({ length: repCount }, (_, rep) => {
            const baseline = baselines[index];
            const trials = signal.trials[rep]!;
            return baseline && trials > 0 ? compareWithBaseline({ successes: signal.successes[rep]!, trials }, baseline.expected[rep]!, baseline.concentration, options.margin) : null;
        }),
    );
    const assessed: SkillAssessment[] = [];
    const pending: Pass['pending'] = [];
    const clearly = new Map<SkillSlug, Set<number>>();
    for (const skill of skillSlugs) {
        const candidates: Candidate[] = [];
        for (let rep = 0; rep < repCount; rep++) if (eligible(rep)) candidates.push(candidateFor(rep, skill, signals, baselines, comparisons, options, peerGroups));
        const withSignals = candidates.filter((candidate) => candidate.usable.length > 0);
        const prior = estimatePrior(withSignals.map((candidate) => candidate.logBayesFactor));
        const weakHere = new Set<number>();
        for (const candidate of candidates) {
            if (candidate.usable.length === 0) {
                pending.push({ candidate, skill, prior, assessment: null });
                continue;
            }
            const posterior = posteriorWeak(candidate.logBayesFactor, prior);
            if (posterior >= clearlyWeak) weakHere.add(candidate.rep);
            const confidence = candidate.decisive ? posterior : 0;
            const assessment = { rep: candidate.rep, skill, confidence, usable: candidate.usable };
            assessed.push(assessment);
            pending.push({ candidate, skill, prior, assessment });
        }
        clearly.set(skill, weakHere);
    }
    return { comparisons, assessed, pending, clearlyWeak: clearly };
}

function assessInDetail(signals: readonly SignalCountsInput[], eligible: (rep: number) => boolean, options: AssessOptions, subTeams?: ArrayLike<number>, peers?: ArrayLike<number>, knownWeak?: WeakReps) {
    const first = assessPass(signals, eligible, options, subTeams, peers, knownWeak ?? new Map());
    const anyClearlyWeak = [...first.clearlyWeak.values()].some((reps) => reps.size > 0);
    const { comparisons, assessed, pending } = anyClearlyWeak && !knownWeak ? assessPass(signals, eligible, options, subTeams, peers, first.clearlyWeak) : first;
    const accepted = selectWithFdr(assessed, options.minConfidence, options.falseDiscoveryRate);
    const acceptedSet = new Set(accepted);
    const explanations = pending.map(({ candidate, skill, prior, assessment }) => {
        const confidence = assessment?.confidence ?? 0;
        const isAccepted = assessment !== null && acceptedSet.has(assessment);
        return { rep: candidate.rep, skill, logBayesFactor: candidate.logBayesFactor, prior, confidence, decisive: candidate.decisive, outcome: outcomeOf(candidate, confidence, isAccepted, options), signals: candidate.signals };
    });
    return { comparisons, accepted, assessed, explanations };
}

/**
 * `subTeams`: per rep, an index of their sub-team (manager), or -1 when unknown; a sub-team that
 * clearly differs then gets its own baseline. `peers`: the same grouping, used only to check that
 * one clear signal deciding alone is not what the rep's sub-team peers all show (default: `subTeams`).
 */
export function assessTeam(signals: readonly SignalCountsInput[], eligible: (rep: number) => boolean, options: AssessOptions, subTeams?: ArrayLike<number>, peers?: ArrayLike<number>): TeamAssessment {
    const { comparisons, accepted, assessed } = assessInDetail(signals, eligible, options, subTeams, peers);
    return { comparisons, accepted, assessed };
}
