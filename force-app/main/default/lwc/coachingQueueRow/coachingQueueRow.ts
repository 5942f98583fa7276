import { LightningElement, api } from 'lwc';
import { CLOSED_DEALS_FOR_ANALYSIS, confidencePercent } from 'c/goalPlanData';

/** The queue row's data (c/coachingQueue's queueRanking), as far as the row shows it. */
export interface QueueRowView {
    repId: string;
    repName: string;
    planId: string | null;
    isNewHire?: boolean;
    topGoal: { name: string; skill: string | null; status: string; confidence: number | null } | null;
    reasons: string[];
    isSelected: boolean;
}

const STATUS_WORDS: Record<string, string> = { 'In Progress': 'Working on', Accepted: 'Accepted', Suggested: 'Suggested' };

/** One rep of the coaching queue: the name opens the rep's plan; the top goal and why the rep is here. */
export default class CoachingQueueRow extends LightningElement {
    @api row?: QueueRowView;

    get topGoalText(): string {
        const row = this.row;
        if (!row?.planId) {
            return 'No goal plan for this period yet.';
        }
        const goal = row.topGoal;
        if (!goal) {
            return row.isNewHire
                ? `New hire: learning goals from the analysis come after about ${CLOSED_DEALS_FOR_ANALYSIS} closed deals; start with the conversation.`
                : 'No open learning goal.';
        }
        const confidence = goal.status === 'Suggested' ? confidencePercent(goal.confidence) : '';
        const details = [goal.skill, confidence ? `${confidence} confidence` : ''].filter(Boolean).join(', ');
        return `${STATUS_WORDS[goal.status] ?? goal.status}: ${goal.name}${details ? ` (${details})` : ''}`;
    }

    get reasonsText(): string {
        const reasons = this.row?.reasons ?? [];
        return reasons.length ? reasons.join(' · ') : 'Nothing pressing this week.';
    }

    get ariaCurrent(): string | null {
        return this.row?.isSelected ? 'true' : null;
    }

    get rowClass(): string {
        return `queue-row slds-p-vertical_x-small slds-p-horizontal_x-small${this.row?.isSelected ? ' slds-theme_shade' : ''}`;
    }

    handleOpen() {
        if (this.row) {
            this.dispatchEvent(new CustomEvent('openrep', { detail: { repId: this.row.repId } }));
        }
    }
}
