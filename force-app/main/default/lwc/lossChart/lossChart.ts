import { LightningElement, api } from 'lwc';
import { formatDate, parseLossProfile } from 'c/goalPlanData';
import type { LossStage } from 'c/goalPlanData';

/** The longest bar takes this share of the row, leaving room for its value beside it at 400 px. */
const LONGEST_BAR_PERCENT = 50;

function share(count: number, total: number): number {
    return total > 0 ? count / total : 0;
}

function percent(value: number): string {
    return `${Math.round(value * 100)}%`;
}

/**
 * Where deals are lost: the rep's lost deals by the last open stage reached, against the rest of the
 * team's, as shares of each one's losses, with the values written on the bars and the decision stages
 * shaded. Headline and few-deals caveat are the sync service's words (Loss_Profile__c), so the panel
 * and the HTML report say the same. Bars are HTML, so the chart takes the card's full width at any size
 * with text at its normal size; a visually hidden table is the text equivalent.
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

    get headline(): string {
        return this.parsed?.profile?.headline ?? '';
    }

    get caveat(): string {
        return this.parsed?.profile?.caveat ?? '';
    }

    get hasDecisionStages(): boolean {
        return this.stages.some((stage) => stage.decision);
    }

    get rows() {
        const repTotal = this.stages.reduce((sum, stage) => sum + stage.rep, 0);
        const teamTotal = this.stages.reduce((sum, stage) => sum + stage.team, 0);
        const longest = Math.max(...this.stages.flatMap((stage) => [share(stage.rep, repTotal), share(stage.team, teamTotal)]), 0);
        const barStyle = (value: number) => `width: ${(longest > 0 ? (value / longest) * LONGEST_BAR_PERCENT : 0).toFixed(1)}%`;
        return this.stages.map((stage, index) => {
            const repShare = share(stage.rep, repTotal);
            const teamShare = share(stage.team, teamTotal);
            return {
                key: `stage-${index}`,
                stage: stage.stage,
                decision: stage.decision,
                rowClass: stage.decision ? 'stage-row stage-row_decision' : 'stage-row',
                repStyle: barStyle(repShare),
                teamStyle: barStyle(teamShare),
                repText: `${stage.rep} of ${repTotal} (${percent(repShare)})`,
                teamText: `${stage.team} of ${teamTotal} (${percent(teamShare)})`,
                decisionText: stage.decision ? 'Yes' : 'No',
            };
        });
    }

    get tableCaption(): string {
        return `Lost deals by the last open stage reached: the rep against the rest of the team, as a share of each one's losses. ${this.headline}`.trim();
    }

    get asOfText(): string {
        const asOf = this.parsed?.profile?.asOf;
        return asOf ? `As of ${formatDate(asOf)}` : '';
    }
}
