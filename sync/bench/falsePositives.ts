// The engine on generated teams, end to end (export → analyze): how many healthy teams get any
// suggestion at a given natural spread, and what share of planted weaknesses is found.
//   npx tsx sync/bench/falsePositives.ts [--healthy 40] [--spread 1] [--recall-seeds 11,22,33,44,55,66] [--deals 28,36,52]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { analyze } from '../src/analyze';
import { Warnings } from '../src/core/problems';
import { generateExport, sampleOptions, type GenerateOptions } from '../src/sample/generate';
import { CsvExportSource } from '../src/sources/csvExport';

async function run(options: GenerateOptions) {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'goal-coach-bench-team-'));
    try {
        const generated = await generateExport(directory, options);
        const { result } = await analyze(new CsvExportSource(directory, { warnings: new Warnings() }));
        return { generated, result };
    } finally {
        await rm(directory, { recursive: true, force: true });
    }
}

const list = (value: string) => value.split(',').map(Number);

async function main(): Promise<void> {
    const program = new Command('false-positives')
        .option('--healthy <n>', 'healthy teams to generate (seeds 1..n)', Number, 40)
        .option('--spread <x>', 'natural spread of the healthy teams', Number, 1)
        .option('--recall-seeds <list>', 'seeds of the teams with planted weaknesses', list, [11, 22, 33, 44, 55, 66])
        .option('--deals <list>', 'opportunities per rep for each team size', list, [28, 36, 52])
        .parse(process.argv);
    const opts = program.opts<{ healthy: number; spread: number; recallSeeds: number[]; deals: number[] }>();

    let teamsWithSuggestions = 0;
    for (let seed = 1; seed <= opts.healthy; seed++) {
        const { result } = await run({ ...sampleOptions, seed, reps: 30, weaknesses: new Map(), newReps: [], naturalSpread: opts.spread });
        const found = result.reps.flatMap((rep) => rep.suggestions.map((s) => `${rep.name} ${s.skill} ${s.confidence.toFixed(2)}`));
        if (found.length > 0) {
            teamsWithSuggestions += 1;
            console.log(`healthy seed ${seed}: ${found.join('; ')}`);
        }
    }
    console.log(`healthy teams (30 reps, spread ${opts.spread}) with any suggestion: ${teamsWithSuggestions} of ${opts.healthy}`);

    for (const dealsPerRep of opts.deals) {
        let planted = 0;
        let foundRight = 0;
        let falseSuggestions = 0;
        let closed = 0;
        let reps = 0;
        for (const seed of opts.recallSeeds) {
            const { generated, result } = await run({ ...sampleOptions, seed, reps: 30, dealsPerRep });
            for (const rep of generated.reps) {
                const found = result.reps.find((item) => item.id === rep.id);
                if (!found || rep.newRep) continue;
                closed += found.closed;
                reps += 1;
                planted += rep.weaknesses.length;
                for (const suggestion of found.suggestions) {
                    if (rep.weaknesses.includes(suggestion.skill)) foundRight += 1;
                    else falseSuggestions += 1;
                }
            }
        }
        console.log(
            `${dealsPerRep} deals per rep (${(closed / reps).toFixed(1)} closed): found ${foundRight} of ${planted} planted (${((100 * foundRight) / planted).toFixed(0)} %), ${falseSuggestions} false suggestions`,
        );
    }
}

void main();
