import { LightningElement, api } from 'lwc';

/** What one row shows; built by opportunityMilestones from an evaluated milestone. */
export interface MilestoneRow {
    id: string;
    name: string;
    stage: string;
    status: 'done' | 'open' | 'unverifiable';
    evidenceSummary: string | null;
    evidenceDate: string | null;
    need: string | null;
    isNext: boolean;
    isMissing: boolean;
    canConfirm: boolean;
    /** The confirmation to delete on undo; only its author gets the button. */
    undoCompletionId: string | null;
    busy: boolean;
}

/**
 * One milestone: done or not, the evidence that made it done, and the confirm / undo actions of a
 * manual milestone. Fires `confirm` and `undo` with the milestone id; the parent does the writes.
 */
export default class MilestoneItem extends LightningElement {
    @api milestone?: MilestoneRow;

    get isDone(): boolean {
        return this.milestone?.status === 'done';
    }

    get iconName(): string {
        switch (this.milestone?.status) {
            case 'done':
                return 'utility:success';
            case 'unverifiable':
                return 'utility:hide';
            default:
                return this.milestone?.isMissing ? 'utility:warning' : 'utility:routing_offline';
        }
    }

    get iconVariant(): string {
        if (this.milestone?.status === 'done') {
            return 'success';
        }
        return this.milestone?.isMissing ? 'warning' : '';
    }

    get statusLabel(): string {
        switch (this.milestone?.status) {
            case 'done':
                return 'Done';
            case 'unverifiable':
                return "Can't be checked";
            default:
                return this.milestone?.isMissing ? 'Missing for this stage' : 'Not done';
        }
    }

    get itemClass(): string {
        return this.milestone?.isNext ? 'milestone milestone_next' : 'milestone';
    }

    get canUndo(): boolean {
        return this.milestone?.undoCompletionId != null;
    }

    handleConfirm(): void {
        this.dispatchEvent(new CustomEvent('confirm', { detail: { milestoneId: this.milestone?.id } }));
    }

    handleUndo(): void {
        this.dispatchEvent(new CustomEvent('undo', { detail: { milestoneId: this.milestone?.id } }));
    }
}
