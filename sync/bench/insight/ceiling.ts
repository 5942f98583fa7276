// `npm run bench:insight:ceiling`: how far the engine's own signal counts separate weak reps from
// typical ones, whatever the rule. Per family and deals band, a logistic regression per skill on the
// skill's signals' z-scores (each rep against the rest of the team) is trained on other orgs of the
// same family (and healthy teams), its bound set for 95 % precision on them, and scored on the
// bench's orgs and healthy teams. A supervised model knows the family; the engine does not, so this
// is a ceiling for a rule that reads these signals, not a rival to it.
//   npm run bench:insight:ceiling -- [--families a,b] [--train 6] [--orgs 4] [--healthy 20]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { skillSlugs, type SkillSlug } from '../../src/core/contract';
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
}

/** Per eligible rep × skill: the skill's signals' z-scores (0 when a signal has too few trials). */
async function examplesOf(family: Family, seed: number, closedPerRep: number, healthy: boolean, root: string): Promise<Example[]> {
    const directory = path.join(root, `${seed}`);
    try {
        const truth: Truth = await family.generate({ seed, reps: teamSize(family, seed), closedPerRep, healthy }, directory);
        const org = await loadOrgSignals(directory);
        const examples: Example[] = [];
        org.dataset.repIds.forEach((id, rep) => {
            if (!org.eligible(rep)) return;
            for (const skill of skillSlugs) {
                const features = org.inputs.filter((input) => input.skill === skill).map((input) => Math.max(-5, Math.min(8, zAgainstRest(input, rep, org.options.minSignalTrials) ?? 0)));
                examples.push({ skill, features, weak: truth.get(id)?.has(skill) === true, org: seed });
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

async function ceilingOf(family: Family, band: number, options: { train: number; orgs: number; healthy: number }, root: string) {
    const training: Example[] = [];
    for (let k = 0; k < options.train; k++) {
        training.push(...(await examplesOf(family, plantedSeed(band, 100 + k), band, false, root)));
        training.push(...(await examplesOf(family, healthySeed(100 + k), band, true, root)));
    }
    const test: Example[] = [];
    for (let k = 0; k < options.orgs; k++) test.push(...(await examplesOf(family, plantedSeed(band, k), band, false, root)));
    const healthyTeams: Example[][] = [];
    for (let k = 0; k < options.healthy; k++) healthyTeams.push(await examplesOf(family, healthySeed(k), band, true, root));
    let truePositives = 0;
    let flagged = 0;
    let planted = 0;
    const teamsFlagged = new Set<number>();
    for (const skill of skillSlugs) {
        const train = training.filter((example) => example.skill === skill);
        const model = fitLogistic(train.map((example) => example.features), train.map((example) => example.weak));
        const bound = boundFor(train.map((example) => ({ score: scoreLogistic(model, example.features), weak: example.weak })));
        for (const example of test.filter((item) => item.skill === skill)) {
            const flag = scoreLogistic(model, example.features) >= bound;
            planted += example.weak ? 1 : 0;
            flagged += flag ? 1 : 0;
            truePositives += flag && example.weak ? 1 : 0;
        }
        healthyTeams.forEach((team, k) => {
            if (team.some((example) => example.skill === skill && scoreLogistic(model, example.features) >= bound)) teamsFlagged.add(k);
        });
    }
    return { precision: flagged === 0 ? 1 : truePositives / flagged, recall: planted === 0 ? 1 : truePositives / planted, healthyFlagged: teamsFlagged.size };
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
        console.log(`Supervised ceiling: logistic regression per skill on the signals' z-scores, bound at ${targetPrecision} training precision`);
        console.log(`  ${'family'.padEnd(24)}${bands.map((band) => `~${band} precision/recall, healthy flagged`.padEnd(40)).join('')}`);
        for (const family of chosen) {
            const cells: string[] = [];
            for (const band of bands) {
                const result = await ceilingOf(family, band, options, root);
                cells.push(`${result.precision.toFixed(2)}/${result.recall.toFixed(2)}, ${result.healthyFlagged} of ${options.healthy}`.padEnd(40));
            }
            console.log(`  ${family.name.padEnd(24)}${cells.join('')}`);
        }
    } finally {
        await rm(root, { recursive: true, force: true });
    }
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
});
