// Family "sample variants": the sample generator's mechanisms (a weakness moves every signal of its
// skill at once) on teams unlike the sample's, held out from every rule change: 10–50 reps under
// 2–5 managers, reps who differ by nature up to twice as much, each weakness at its own strength
// (a quarter to all of the sample's effect, the planted +10 to +40 points read as a share of the
// sample's +40), "Economic Decision Maker" or "Decision Maker" alone as the decision role in some
// orgs, and in a third of the orgs each no OpportunityStage.csv (the process inferred) or no
// PrevCloseDate in the history.
import type { SkillSlug } from '../../../src/core/contract';
import { generateExport, sampleOptions } from '../../../src/sample/generate';
import { Random } from '../../../src/sample/random';
import { plantWeaknesses, truthOf, type Family, type OrgRequest } from '../family';
import { closedPerCreated, fullEffect } from './tuning';

const roleSets: readonly (readonly string[])[] = [['Decision Maker', 'Economic Buyer'], ['Economic Decision Maker'], ['Decision Maker']];

export const sampleVariants: Family = {
    name: 'sample variants',
    tuned: false,
    describe: '10–50 reps under 2–5 managers, the standard 8 stages with or without OpportunityStage.csv, the sample’s mechanisms at a quarter to all of its effect, up to twice its natural spread',
    teamSizes: [10, 50],
    async generate(request: OrgRequest, directory: string) {
        const random = new Random(request.seed * 65_537 + 11);
        const planted = plantWeaknesses(random, request.reps, request.healthy, 1);
        const weaknesses = new Map<number, SkillSlug[]>();
        const strengths = new Map<string, number>();
        planted.forEach((list, rep) => {
            if (list.length > 0) weaknesses.set(rep, list.map((weakness) => weakness.skill));
            for (const weakness of list) strengths.set(`${rep}:${weakness.skill}`, weakness.effect / fullEffect);
        });
        const format = random.int(0, 2);
        const generated = await generateExport(directory, {
            ...sampleOptions,
            seed: request.seed,
            reps: request.reps,
            managers: random.int(2, 5),
            dealsPerRep: Math.round(request.closedPerRep / closedPerCreated),
            weaknesses,
            newReps: [],
            naturalSpread: 1 + random.next(),
            weaknessStrength: (rep, skill) => strengths.get(`${rep}:${skill}`) ?? 1,
            decisionRoles: random.pick(roleSets),
            omitStages: format === 1,
            omitPrevCloseDate: format === 2,
        });
        return truthOf(generated.reps.map((rep) => rep.id), planted);
    },
};
