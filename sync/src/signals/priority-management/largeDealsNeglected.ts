import { quantile, type SignalDefinition } from '../signal';

export const largeDealsNeglected: SignalDefinition = {
    name: 'largeDealsNeglected',
    label: 'Large deals left without activity',
    skill: 'priority-management',
    describe: "Of the rep's large deals (above the team's median amount), the share that got fewer activities than the rep's typical (median) small deal: effort skewed toward small deals.",
    trials: 'large deals',
    event: "got fewer activities than the rep's typical small deal",
    finding: 'less attention on large deals than on small ones',
    banded: false,
    activityVolume: true,
    compute(context) {
        const o = context.dataset.opportunities;
        const smallActivities: number[][] = Array.from({ length: context.repCount }, () => []);
        for (let i = 0; i < o.size; i++) {
            if (context.inScope[i] === 1 && context.band[i] === 1) smallActivities[o.owner[i]!]!.push(o.activities[i]!);
        }
        const typicalSmall = smallActivities.map((values) => (values.length > 0 ? quantile(Float64Array.from(values), 0.5) : null));
        return context.countDeals('large', (i) => {
            const typical = typicalSmall[o.owner[i]!];
            return typical === null || typical === undefined ? null : o.activities[i]! < typical;
        });
    },
};
