// `npm run bench:insight:ceiling`: how far the engine's own signal counts separate weak reps from
// typical ones, whatever the rule. Per family and deals band, a logistic regression per skill on the
// skill's signals' z-scores (each rep against the rest of the team) is trained on other orgs of the
// same family (and healthy teams), its bound set for 95 % precision on them, and scored on the
// bench's orgs and healthy teams. A supervised model knows the family; the engine does not, so this
// is a ceiling for a rule that reads these signals, not a rival to it. Beside it, on the same orgs:
// the engine's own rule, and the same rule with each skill's truly weak reps left out of the typical
// fits (a perfectly known typical group), which shows what contamination of the fits still costs.
//   npm run bench:insight:ceiling -- [--families a,b] [--train 6] [--orgs 4] [--healthy 20]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { skillSlugs, type SkillSlug } from '../../src/core/contract';
import { explainTeam, explainTeamWithout, type SkillExplanation } from '../../src/statistics/assess';
import { families } from './families';
import { healthySeed, plantedSeed, teamSize, type Family, type Truth } from './family';
import { fitLogistic, scoreLogistic } from './logistic';
import { loadOrgSignals } from './signalInputs';
import { zAgainstRest } from './zTestPeer';

const bands = [25, 50, 90];
const targetPrecision = 0.95;

interface Example {
    skill: SkillSlug;
    features: number[];
    weak: boolean;
    org: number;
    /** Suggested by the engine's rule. */
    engine: boolean;
    /** Suggested by the rule with the truly weak reps left out of the typical fits. */
    knownTypical: boolean;
}

/** Per skill, the indexes of the reps planted weak in it. */
function weakRepsOf(repIds: readonly string[], truth: Truth): Map<SkillSlug, Set<number>> {
    const weak = new Map(skillSlugs.map((skill) => [skill, new Set<number>()]));
    repIds.forEach((id, rep) => truth.get(id)?.forEach((_, skill) => weak.get(skill)!.add(rep)));
    return weak;
}

const suggestedSet = (explanations: readonly SkillExplanation[]) => new Set(explanations.filter((item) => item.outcome === 'suggested').map((item) => `${item.rep}:${item.skill}`));

/** Per eligible rep × skill: the skill's signals' z-scores (0 when a signal has too few trials). */
async function examplesOf(family: Family, seed: number, closedPerRep: number, healthy: boolean, root: string): Promise<Example[]> {
    const directory = path.join(root, `${seed}`);
    try {
        const truth: Truth = await family.generate({ seed, reps: teamSize(family, seed), closedPerRep, healthy }, directory);
        const org = await loadOrgSignals(directory);
        // As `analyze` runs it: no sub-team baselines, the sub-teams as peers.
        const byEngine = suggestedSet(explainTeam(org.inputs, org.eligible, org.options, undefined, org.subTeams));
        const withTypicalKnown = suggestedSet(explainTeamWithout(org.inputs, org.eligible, org.options, weakRepsOf(org.dataset.repIds, truth), undefined, org.subTeams));
        const examples: Example[] = [];
        org.dataset.repIds.forEach((id, rep) => {
            if (!org.eligible(rep)) return;
            for (const skill of skillSlugs) {
                const features = org.inputs.filter((input) => input.skill === skill).map((input) => Math.max(-5, Math.min(8, zAgainstRest(input, rep, org.options.minSignalTrials) ?? 0)));
                const key = `${rep}:${skill}`;
                examples.push({ skill, features, weak: truth.get(id)?.has(skill) === true, org: seed, engine: byEngine.has(key), knownTypical: withTypicalKnown.has(key) });
            }
        });
        return examples;
    } finally {
        await rm(directory, { recursive: true, force: true });
    }
}

/** The lowest score at which the training examples reach the target precision. */
function boundFor(scores: readonly { score: number; weak: boolean }[]): number {
    const sorted = [...scores].sort((a, b) => b.score - a.score);
    let hits = 0;
    let bound = Infinity;
    sorted.forEach((item, k) => {
        if (item.weak) hits += 1;
        if (hits / (k + 1) >= targetPrecision) bound = item.score;
    });
    return bound;
}

type Rule = 'engine' | 'knownTypical' | 'supervised';

async function ceilingOf(family: Family, band: number, options: { train: number; orgs: number; healthy: number }, root: string): Promise<Record<Rule, Scored>> {
    const training: Example[] = [];
    for (let k = 0; k < options.train; k++) {
        training.push(...(await examplesOf(family, plantedSeed(band, 100 + k), band, false, root)));
        training.push(...(await examplesOf(family, healthySeed(100 + k), band, true, root)));
    }
    const test: Example[] = [];
    for (let k = 0; k < options.orgs; k++) test.push(...(await examplesOf(family, plantedSeed(band, k), band, false, root)));
    const healthyTeams: Example[][] = [];
    for (let k = 0; k < options.healthy; k++) healthyTeams.push(await examplesOf(family, healthySeed(k), band, true, root));
    const supervised = new Map<Example, boolean>();
    for (const skill of skillSlugs) {
        const train = training.filter((example) => example.skill === skill);
        const model = fitLogistic(train.map((example) => example.features), train.map((example) => example.weak));
        const bound = boundFor(train.map((example) => ({ score: scoreLogistic(model, example.features), weak: example.weak })));
        for (const example of [...test, ...healthyTeams.flat()].filter((item) => item.skill === skill)) supervised.set(example, scoreLogistic(model, example.features) >= bound);
    }
    const scoreBy = (flags: (example: Example) => boolean) => scored(test, healthyTeams, flags);
    return { engine: scoreBy((example) => example.engine), knownTypical: scoreBy((example) => example.knownTypical), supervised: scoreBy((example) => supervised.get(example)!) };
}

interface Scored {
    precision: number;
    recall: number;
    healthyFlagged: number;
}

function scored(test: readonly Example[], healthyTeams: readonly Example[][], flags: (example: Example) => boolean): Scored {
    const flagged = test.filter(flags);
    const truePositives = flagged.filter((example) => example.weak).length;
    const planted = test.filter((example) => example.weak).length;
    return {
        precision: flagged.length === 0 ? 1 : truePositives / flagged.length,
        recall: planted === 0 ? 1 : truePositives / planted,
        healthyFlagged: healthyTeams.filter((team) => team.some(flags)).length,
    };
}

async function main(): Promise<void> {
    const program = new Command('bench:insight:ceiling')
        .option('--families <list>', 'only these families (comma-separated names)')
        .option('--train <n>', 'training orgs (and as many healthy teams) per family and band', Number, 6)
        .option('--orgs <n>', 'test orgs per family and band, the bench’s own', Number, 4)
        .option('--healthy <n>', 'healthy test teams per family and band', Number, 20)
        .parse(process.argv);
    const options = program.opts<{ families?: string; train: number; orgs: number; healthy: number }>();
    const chosen = options.families ? families.filter((family) => options.families!.split(',').includes(family.name)) : families;
    const root = await mkdtemp(path.join(os.tmpdir(), 'goal-coach-ceiling-'));
    try {
        console.log(`Per family: the engine, the engine with the truly weak reps left out of its typical fits, and a supervised`);
        console.log(`logistic regression per skill on the signals' z-scores (bound at ${targetPrecision} training precision)`);
        console.log(`  ${'family'.padEnd(24)}${'rule'.padEnd(18)}${bands.map((band) => `~${band} precision/recall, healthy flagged`.padEnd(40)).join('')}`);
        for (const family of chosen) {
            const results: Record<Rule, Scored>[] = [];
            for (const band of bands) results.push(await ceilingOf(family, band, options, root));
            const rows: [string, Rule][] = [['engine', 'engine'], ['typical known', 'knownTypical'], ['supervised', 'supervised']];
            rows.forEach(([label, key], k) => {
                const cells = results.map((result) => `${result[key].precision.toFixed(2)}/${result[key].recall.toFixed(2)}, ${result[key].healthyFlagged} of ${options.healthy}`.padEnd(40));
                console.log(`  ${(k === 0 ? family.name : '').padEnd(24)}${label.padEnd(18)}${cells.join('')}`);
            });
        }
    } finally {
        await rm(root, { recursive: true, force: true });
    }
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
});
