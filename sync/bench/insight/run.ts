// `npm run bench:insight`: the engine on generated orgs of several families (export → analyze, the
// CLI's defaults), scored against what each family planted and beside a plain one-signal z-test on
// the same signal counts (the named peer), plus the Maven CRM check of the empirical-Bayes win-rate
// estimates on real-looking data, and simulated healthy teams at more trials per rep than the
// statistics tests use.
//   npm run bench:insight -- [--orgs 4] [--healthy 40] [--families a,b] [--simulated 200] [--maven DIR]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { analyzeDataset } from '../../src/analyze';
import { skillSlugs } from '../../src/core/contract';
import { families } from './families';
import { healthySeed, plantedSeed, strengthBands, teamSize, type Family, type OrgRequest } from './family';
import { mavenCheck } from './maven';
import { calibration, pooled, precisionOf, recallOf, scoreFlags, scoreOrg, type OrgScore } from './score';
import { loadOrgSignals } from './signalInputs';
import { simulatedHealthyAlarms, simulatedTeam, simulatedTrialRanges } from './simulatedHealthy';
import { zTestFlags } from './zTestPeer';

const bands = [25, 50, 90];
const fixed = (value: number, digits = 2) => value.toFixed(digits);
const pad = (text: string | number, width: number) => String(text).padEnd(width);

interface OrgScores {
    engine: OrgScore;
    /** The z-test peer on the same org. */
    peer: OrgScore;
}

async function runOrg(family: Family, request: OrgRequest, root: string): Promise<OrgScores> {
    const directory = path.join(root, `${family.name.replace(/\W+/g, '-')}-${request.seed}`);
    try {
        const truth = await family.generate(request, directory);
        // One read of the export for both: the engine as `analyze` runs it, and the peer on its counts.
        const org = await loadOrgSignals(directory);
        const result = analyzeDataset(org.dataset, org.options);
        const flags = zTestFlags(org.inputs, org.eligible, org.options.minSignalTrials);
        return { engine: scoreOrg(result, truth), peer: scoreFlags(flags, org.dataset.repIds, org.eligible, org.closed, truth) };
    } finally {
        await rm(directory, { recursive: true, force: true });
    }
}

async function benchFamily(family: Family, orgs: number, healthyTeams: number, root: string) {
    const byBand: { band: number; scores: OrgScore[]; peer: OrgScore[] }[] = [];
    for (const band of bands) {
        const scores: OrgScores[] = [];
        for (let k = 0; k < orgs; k++) {
            const seed = plantedSeed(band, k);
            scores.push(await runOrg(family, { seed, reps: teamSize(family, seed), closedPerRep: band, healthy: false }, root));
        }
        byBand.push({ band, scores: scores.map((score) => score.engine), peer: scores.map((score) => score.peer) });
    }
    const alarms: string[] = [];
    let peerAlarms = 0;
    for (let k = 0; k < healthyTeams; k++) {
        const seed = healthySeed(k);
        const score = await runOrg(family, { seed, reps: teamSize(family, seed), closedPerRep: bands[k % bands.length]!, healthy: true }, root);
        if (score.engine.falsePositives > 0) alarms.push(`seed ${seed}: ${score.engine.falsePositives} suggestion(s)`);
        if (score.peer.falsePositives > 0) peerAlarms += 1;
    }
    return { byBand, alarms, peerAlarms };
}

function printFamily(family: Family, outcome: Awaited<ReturnType<typeof benchFamily>>, healthyTeams: number): void {
    console.log(`\n${family.name} (${family.tuned ? 'tuned on' : 'held out'}): ${family.describe}`);
    console.log(`  ${pad('band', 10)}${pad('orgs', 6)}${pad('reps', 6)}${pad('closed/rep', 12)}${pad('precision', 11)}${pad('recall', 8)}${pad('z-test peer', 13)}per org (precision/recall)`);
    for (const { band, scores, peer } of outcome.byBand) {
        const all = pooled(scores);
        const peerAll = pooled(peer);
        const perOrg = scores.map((score) => `${fixed(precisionOf(score))}/${fixed(recallOf(score))}`).join(' ');
        console.log(`  ${pad(`~${band}`, 10)}${pad(scores.length, 6)}${pad(all.reps, 6)}${pad(fixed(all.closed / Math.max(1, all.reps), 1), 12)}${pad(fixed(precisionOf(all)), 11)}${pad(fixed(recallOf(all)), 8)}${pad(`${fixed(precisionOf(peerAll))}/${fixed(recallOf(peerAll))}`, 13)}${perOrg}`);
    }
    const everyBand = pooled(outcome.byBand.flatMap((band) => band.scores));
    const perSkill = skillSlugs.map((skill) => {
        const { planted, found } = everyBand.bySkill[skill];
        return `${skill} ${found}/${planted}${planted > 0 ? ` (${fixed(found / planted)})` : ''}`;
    });
    console.log(`  recall by skill, every band: ${perSkill.join(', ')}`);
    console.log(`  recall by planted strength, ${outcome.byBand.map(({ band }) => `~${band}`).join(' / ')}: ${recallByStrength(outcome.byBand.map((band) => pooled(band.scores)))}`);
    console.log(`  healthy teams with any suggestion: ${outcome.alarms.length} of ${healthyTeams}${outcome.alarms.length > 0 ? ` (${outcome.alarms.join('; ')})` : ''}; z-test peer: ${outcome.peerAlarms} of ${healthyTeams}`);
}

/** Per band of planted strength, the recall in each deals band (a dash where nothing of that strength was planted). */
function recallByStrength(byBand: readonly OrgScore[]): string {
    return strengthBands
        .map((from, k) => {
            const recalls = byBand.map((score) => {
                const { planted, found } = score.byStrength[k]!;
                return planted === 0 ? '-' : `${fixed(found / planted)} (${planted})`;
            });
            return `+${Math.round(from * 100)}–${Math.round(from * 100) + 10} ${recalls.join(' / ')}`;
        })
        .join(', ');
}

function printCalibration(title: string, scores: readonly OrgScore[]): void {
    console.log(`\nCalibration, ${title}: stated confidence against observed share correct`);
    console.log(`  ${pad('confidence', 14)}${pad('suggestions', 13)}${pad('mean stated', 13)}observed`);
    for (const row of calibration(pooled(scores).judged)) {
        console.log(`  ${pad(`${fixed(row.from)}–${fixed(row.to)}`, 14)}${pad(row.count, 13)}${pad(fixed(row.meanConfidence, 3), 13)}${fixed(row.shareCorrect, 3)}`);
    }
}

function printSimulatedHealthy(teams: number): void {
    console.log(`\nSimulated healthy teams (${simulatedTeam.reps} reps, beta natural spread, concentration ${simulatedTeam.naturalConcentration}) with any suggestion, by trials per rep and signal`);
    console.log(`  ${pad('trials', 10)}${pad('engine', 14)}z-test peer`);
    for (const trials of simulatedTrialRanges) {
        const alarms = simulatedHealthyAlarms(trials, teams);
        console.log(`  ${pad(`${trials[0]}–${trials[1]}`, 10)}${pad(`${alarms.engine} of ${teams}`, 14)}${alarms.peer} of ${teams}`);
    }
}

async function main(): Promise<void> {
    const program = new Command('bench:insight')
        .option('--orgs <n>', 'orgs with planted weaknesses per family and deals band', Number, 4)
        .option('--healthy <n>', 'all-healthy teams per family', Number, 40)
        .option('--families <list>', 'only these families (comma-separated names)')
        .option('--simulated <n>', 'simulated healthy teams per range of trials (0 skips them)', Number, 200)
        .option('--maven <dir>', 'the Maven CRM dataset folder', path.join('..', 'shared', 'datasets', 'maven-crm'))
        .parse(process.argv);
    const options = program.opts<{ orgs: number; healthy: number; families?: string; simulated: number; maven: string }>();
    const chosen = options.families ? families.filter((family) => options.families!.split(',').includes(family.name)) : families;
    const root = await mkdtemp(path.join(os.tmpdir(), 'goal-coach-insight-'));
    const tuned: OrgScore[] = [];
    const heldOut: OrgScore[] = [];
    try {
        for (const family of chosen) {
            const outcome = await benchFamily(family, options.orgs, options.healthy, root);
            printFamily(family, outcome, options.healthy);
            (family.tuned ? tuned : heldOut).push(...outcome.byBand.flatMap((item) => item.scores));
        }
    } finally {
        await rm(root, { recursive: true, force: true });
    }
    if (tuned.length > 0) printCalibration('families tuned on', tuned);
    if (heldOut.length > 0) printCalibration('held-out families', heldOut);
    if (options.simulated > 0) printSimulatedHealthy(options.simulated);
    console.log('');
    console.log(await mavenCheck(options.maven));
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
});
