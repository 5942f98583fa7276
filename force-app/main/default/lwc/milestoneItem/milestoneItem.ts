import { LightningElement, api } from 'lwc';

/** What a row offers to do in place about an open milestone; the parent carries it out. */
export type MilestoneAction =
    /** Open the standard New Contact Role page with this deal and role filled in. */
    | { kind: 'addContactRole'; label: string; role: string }
    /** Edit the Opportunity field a Field Filled milestone needs, inline. */
    | {
          kind: 'editField';
          label: string;
          fieldApiName: string;
          fieldLabel: string;
          inputType: 'text' | 'textarea' | 'date' | 'number';
          maxLength: number | null;
          value: string;
      }
    /** Open the standard New Task or New Event page for this deal, as a logged call or meeting. */
    | { kind: 'logActivity'; label: string; activityType: string };

/** What one row shows; built by opportunityMilestones from an evaluated milestone. */
export interface MilestoneRow {
    id: string;
    name: string;
    stage: string;
    /** Rows outside the current stage name their stage. */
    showStage: boolean;
    status: 'done' | 'open' | 'unverifiable';
    evidenceSummary: string | null;
    evidenceDate: string | null;
    need: string | null;
    /** The next milestone's guidance; null on every other row. */
    guidance: string | null;
    isNext: boolean;
    isMissing: boolean;
    canConfirm: boolean;
    /** The confirmation to delete on undo; only its author gets the button. */
    undoCompletionId: string | null;
    action: MilestoneAction | null;
    busy: boolean;
}

/**
 * One milestone: done or not, the evidence that made it done, what is needed, and the actions in
 * place (confirm / undo a manual milestone, add the contact role, edit the field, log the
 * activity). Fires `confirm`, `undo`, `addcontactrole`, `logactivity` and `savefield` with the
 * milestone id; the parent does the writes and the navigation.
 */
export default class MilestoneItem extends LightningElement {
    @api milestone?: MilestoneRow;

    editing = false;
    draft = '';

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

    get actionButton(): { label: string } | null {
        const action = this.milestone?.action;
        return action && !this.editing ? { label: action.label } : null;
    }

    get editAction(): Extract<MilestoneAction, { kind: 'editField' }> | null {
        const action = this.milestone?.action;
        return this.editing && action?.kind === 'editField' ? action : null;
    }

    get editIsTextarea(): boolean {
        return this.editAction?.inputType === 'textarea';
    }

    get saveDisabled(): boolean {
        return Boolean(this.milestone?.busy) || this.draft.trim() === '';
    }

    private fire(name: string, detail: Record<string, unknown> = {}): void {
        this.dispatchEvent(new CustomEvent(name, { detail: { milestoneId: this.milestone?.id, ...detail } }));
    }

    handleConfirm(): void {
        this.fire('confirm');
    }

    handleUndo(): void {
        this.fire('undo');
    }

    handleAction(): void {
        const action = this.milestone?.action;
        if (!action) {
            return;
        }
        if (action.kind === 'editField') {
            this.draft = action.value;
            this.editing = true;
        } else if (action.kind === 'addContactRole') {
            this.fire('addcontactrole', { role: action.role });
        } else {
            this.fire('logactivity', { activityType: action.activityType });
        }
    }

    handleDraftChange(event: CustomEvent<{ value?: string }>): void {
        this.draft = String(event.detail?.value ?? (event.target as HTMLInputElement | null)?.value ?? '');
    }

    handleCancel(): void {
        this.editing = false;
    }

    handleSave(): void {
        const action = this.editAction;
        if (!action || this.saveDisabled) {
            return;
        }
        this.fire('savefield', { fieldApiName: action.fieldApiName, value: this.draft.trim() });
        this.editing = false;
    }
}
