// `npm run bench:insight:diagnose`: why the engine missed planted needs (or flagged healthy reps) in
// generated orgs of one family. Per rep × skill that was planted and missed, or suggested and not
// planted: each signal's rep rate against the rep's baseline, trials, likelihood ratio, and which
// rule held the suggestion back.
//   npm run bench:insight:diagnose -- --family "inside sales" [--orgs 2] [--closed 50] [--healthy] [--min-strength 0.3]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { explainTeam, type SkillExplanation } from '../../src/statistics/assess';
import { families } from './families';
import { healthySeed, plantedSeed, teamSize, type Truth } from './family';
import { loadOrgSignals } from './signalInputs';

const percent = (value: number) => `${Math.round(value * 100)}%`;

function describe(explanation: SkillExplanation, names: readonly string[]): string {
    const lines = explanation.signals.map((signal) => {
        const name = names[signal.index]!;
        const state = signal.absent ?? `LR ${signal.likelihoodRatio.toExponential(1)}`;
        return `      ${name.padEnd(24)} ${`${signal.successes}/${signal.trials}`.padEnd(8)} ${percent(signal.trials > 0 ? signal.successes / signal.trials : 0).padEnd(5)} vs ${percent(signal.baseline).padEnd(5)} peers ${signal.peerRate === undefined ? '-' : percent(signal.peerRate)} c=${Math.round(signal.concentration).toString().padEnd(5)} ${state}`;
    });
    return [`    logBF ${explanation.logBayesFactor.toFixed(2)} prior ${explanation.prior.toFixed(3)} confidence ${explanation.confidence.toFixed(3)} → ${explanation.outcome}`, ...lines].join('\n');
}

async function main(): Promise<void> {
    const program = new Command('bench:insight:diagnose')
        .requiredOption('--family <name>', 'the family to diagnose')
        .option('--orgs <n>', 'orgs to generate', Number, 2)
        .option('--closed <n>', 'closed deals per rep', Number, 50)
        .option('--healthy', 'all-healthy teams: show every suggestion')
        .option('--seeds <list>', 'only these seeds (comma-separated), as the bench prints them')
        .option('--min-strength <n>', 'only misses planted at least this strong (0.1–0.4)', Number, 0)
        .parse(process.argv);
    const options = program.opts<{ family: string; orgs: number; closed: number; healthy?: boolean; seeds?: string; minStrength: number }>();
    const family = families.find((candidate) => candidate.name === options.family);
    if (!family) throw new Error(`No family "${options.family}"; choose one of: ${families.map((candidate) => candidate.name).join(', ')}`);
    const root = await mkdtemp(path.join(os.tmpdir(), 'goal-coach-diagnose-'));
    try {
        const seeds = options.seeds ? options.seeds.split(',').map(Number) : Array.from({ length: options.orgs }, (_, k) => (options.healthy ? healthySeed(k) : plantedSeed(options.closed, k)));
        for (const seed of seeds) {
            const directory = path.join(root, String(seed));
            const truth: Truth = await family.generate({ seed, reps: teamSize(family, seed), closedPerRep: options.closed, healthy: options.healthy === true }, directory);
            await diagnoseOrg(directory, truth, seed, options.minStrength);
        }
    } finally {
        await rm(root, { recursive: true, force: true });
    }
}

async function diagnoseOrg(directory: string, truth: Truth, seed: number, minStrength: number): Promise<void> {
    const { dataset, options: analyzeOptions, inputs, closed, eligible, subTeams } = await loadOrgSignals(directory);
    const explanations = explainTeam(inputs, eligible, analyzeOptions, undefined, subTeams);
    const names = inputs.map((input) => input.name);
    let missed = 0;
    let flagged = 0;
    const missedBy = new Map<string, number>();
    console.log(`\norg ${seed}: ${dataset.repIds.length} reps`);
    for (const explanation of explanations) {
        const strength = truth.get(dataset.repIds[explanation.rep]!)?.get(explanation.skill);
        const planted = strength !== undefined;
        const suggested = explanation.outcome === 'suggested';
        if (planted === suggested || (planted && strength < minStrength)) continue;
        if (planted) {
            missed += 1;
            // A miss without any signal at a likelihood ratio of 10 is one the signals do not show.
            const reason = explanation.signals.some((signal) => !signal.absent && signal.likelihoodRatio >= 10) ? explanation.outcome : 'no signal at a likelihood ratio of 10';
            missedBy.set(reason, (missedBy.get(reason) ?? 0) + 1);
        } else flagged += 1;
        console.log(`  ${planted ? 'MISSED' : 'FALSE'} rep ${explanation.rep} (${closed[explanation.rep]} closed) ${explanation.skill}${planted ? ` planted +${Math.round(strength * 100)}` : ''}`);
        console.log(describe(explanation, names));
    }
    console.log(`  missed ${missed}, false ${flagged}${[...missedBy].map(([reason, count]) => `; ${count} ${reason}`).join('')}`);
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
});
