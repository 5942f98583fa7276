import { LightningElement, api } from 'lwc';
import { formatDate, parseLossProfile } from 'c/goalPlanData';
import type { LossStage } from 'c/goalPlanData';

const LABEL_WIDTH = 120;
const BAR_AREA = 170;
const ROW_HEIGHT = 30;
const BAR_HEIGHT = 11;

function share(count: number, total: number): number {
    return total > 0 ? count / total : 0;
}

function percent(value: number): string {
    return `${Math.round(value * 100)}%`;
}

/**
 * Where deals are lost: the rep's lost deals by the last open stage reached, against the team's,
 * as shares of each one's losses. An inline SVG bar chart with a table as its text alternative.
 */
export default class LossChart extends LightningElement {
    @api lossProfile?: string | null;

    get parsed() {
        return parseLossProfile(this.lossProfile);
    }

    get isUnreadable(): boolean {
        return this.lossProfile === undefined;
    }

    get problem(): string | undefined {
        return this.parsed?.problem;
    }

    get stages(): LossStage[] {
        return this.parsed?.profile?.stages ?? [];
    }

    get hasStages(): boolean {
        return this.stages.length > 0;
    }

    get repTotal(): number {
        return this.stages.reduce((sum, stage) => sum + stage.rep, 0);
    }

    get teamTotal(): number {
        return this.stages.reduce((sum, stage) => sum + stage.team, 0);
    }

    get rows() {
        const repTotal = this.repTotal;
        const teamTotal = this.teamTotal;
        return this.stages.map((stage, index) => {
            const repShare = share(stage.rep, repTotal);
            const teamShare = share(stage.team, teamTotal);
            const top = index * ROW_HEIGHT + 4;
            return {
                key: `stage-${index}`,
                stage: stage.stage,
                labelY: (top + BAR_HEIGHT).toFixed(1),
                repY: top.toFixed(1),
                teamY: (top + BAR_HEIGHT + 2).toFixed(1),
                repWidth: Math.max(repShare * BAR_AREA, stage.rep > 0 ? 1 : 0).toFixed(1),
                teamWidth: Math.max(teamShare * BAR_AREA, stage.team > 0 ? 1 : 0).toFixed(1),
                repText: `${stage.rep} of ${repTotal} (${percent(repShare)})`,
                teamText: `${stage.team} of ${teamTotal} (${percent(teamShare)})`,
            };
        });
    }

    get labelX(): number {
        return LABEL_WIDTH - 6;
    }

    get barX(): number {
        return LABEL_WIDTH;
    }

    get viewBox(): string {
        return `0 0 ${LABEL_WIDTH + BAR_AREA + 10} ${this.stages.length * ROW_HEIGHT + 4}`;
    }

    /** The stage where the rep loses most above the team's share: the plain-words headline. */
    get headline(): string {
        let worst: { stage: LossStage; gap: number } | undefined;
        for (const stage of this.stages) {
            const gap = share(stage.rep, this.repTotal) - share(stage.team, this.teamTotal);
            if (!worst || gap > worst.gap) {
                worst = { stage, gap };
            }
        }
        if (!worst || worst.gap <= 0) {
            return 'Losses by stage are in line with the team.';
        }
        const { stage } = worst;
        return `${stage.rep} of ${this.repTotal} losses came at ${stage.stage}; team: ${percent(share(stage.team, this.teamTotal))} of its losses.`;
    }

    get chartTitle(): string {
        return `Lost deals by stage, rep against team, as a share of each one's losses. ${this.headline}`;
    }

    get asOfText(): string {
        const asOf = this.parsed?.profile?.asOf;
        return asOf ? `As of ${formatDate(asOf)}` : '';
    }
}
