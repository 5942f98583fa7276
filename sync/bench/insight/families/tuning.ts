// Family "sample": the generator of the committed sample export (sync/src/sample), with the
// weaknesses assigned the way every family assigns them. The engine's rule was tuned on it.
import { generateExport, sampleOptions } from '../../../src/sample/generate';
import { Random } from '../../../src/sample/random';
import type { SkillSlug } from '../../../src/core/contract';
import { plantWeaknesses, truthOf, type Family, type OrgRequest } from '../family';

/** The largest planted effect (+40 points), which the sample's weak profile corresponds to. */
export const fullEffect = 0.4;
/** The sample generator's closed deals in the window per opportunity created. */
export const closedPerCreated = 0.77;

export const sampleFamily: Family = {
    name: 'sample generator',
    tuned: true,
    describe: '30 reps, the standard 8 stages, the sample export’s fixed effect sizes',
    teamSizes: [30, 30],
    async generate(request: OrgRequest, directory: string) {
        const random = new Random(request.seed * 104_729 + 3);
        const planted = plantWeaknesses(random, request.reps, request.healthy, 1);
        const weaknesses = new Map<number, SkillSlug[]>();
        planted.forEach((list, rep) => list.length > 0 && weaknesses.set(rep, list.map((weakness) => weakness.skill)));
        const generated = await generateExport(directory, {
            ...sampleOptions,
            seed: request.seed,
            reps: request.reps,
            dealsPerRep: Math.round(request.closedPerRep / closedPerCreated),
            weaknesses,
            newReps: [],
        });
        // The sample generator plants every weakness at its full strength (+40 points).
        return truthOf(generated.reps.map((rep) => rep.id), planted.map((list) => list.map((weakness) => ({ ...weakness, effect: fullEffect }))));
    },
};
