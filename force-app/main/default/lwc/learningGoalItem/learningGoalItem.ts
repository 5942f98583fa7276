import { LightningElement, api } from 'lwc';
import { updateRecord } from 'lightning/uiRecordApi';
import ID_FIELD from '@salesforce/schema/Learning_Goal__c.Id';
import NAME_FIELD from '@salesforce/schema/Learning_Goal__c.Name';
import STATUS_FIELD from '@salesforce/schema/Learning_Goal__c.Status__c';
import SUMMARY_FIELD from '@salesforce/schema/Learning_Goal__c.Summary__c';
import TARGET_DATE_FIELD from '@salesforce/schema/Learning_Goal__c.Target_Date__c';
import RESOURCE_URL_FIELD from '@salesforce/schema/Learning_Goal__c.Resource_Url__c';
import DISMISSED_REASON_FIELD from '@salesforce/schema/Learning_Goal__c.Dismissed_Reason__c';
import { apiName, confidenceInWords, errorToast, formatDate, inputValue, successToast, supportingEvidence } from 'c/goalPlanData';
import type { LearningGoal, LearningGoalStatus } from 'c/goalPlanData';
import type { LearningGoalDraft } from 'c/learningGoalForm';

/** The next status in Suggested → Accepted → In Progress → Achieved, with the button that moves there. */
const NEXT_STATUS: Record<string, { status: LearningGoalStatus; label: string } | undefined> = {
    Suggested: { status: 'Accepted', label: 'Accept' },
    Accepted: { status: 'In Progress', label: 'Start' },
    'In Progress': { status: 'Achieved', label: 'Mark achieved' },
};

/** One learning goal: its evidence and confidence in plain words, and the status actions. */
export default class LearningGoalItem extends LightningElement {
    @api goal?: LearningGoal;

    mode: 'view' | 'dismiss' | 'edit' = 'view';
    reasonDraft = '';
    isSaving = false;

    /** Only the evidence that points the same way as the suggestion, under each signal's plain name. */
    get evidenceLines(): Array<{ key: string; text: string }> {
        return (this.goal ? supportingEvidence(this.goal) : []).map((text, index) => ({ key: `evidence-${index}`, text }));
    }

    get hasEvidence(): boolean {
        return this.evidenceLines.length > 0;
    }

    get confidenceText(): string {
        return confidenceInWords(this.goal?.confidence);
    }

    get targetDateText(): string {
        return this.goal?.targetDate ? `Target ${formatDate(this.goal.targetDate)}` : '';
    }

    get isSuggested(): boolean {
        return this.goal?.status === 'Suggested';
    }

    get isDismissed(): boolean {
        return this.goal?.status === 'Dismissed';
    }

    /** The analysis no longer makes this suggestion: nothing to accept, dismiss or edit. */
    get isWithdrawn(): boolean {
        return this.goal?.status === 'Withdrawn';
    }

    get withdrawnText(): string {
        const date = this.goal?.withdrawnDate ? ` on ${formatDate(this.goal.withdrawnDate)}` : '';
        const reason = this.goal?.withdrawnReason ? `: ${this.goal.withdrawnReason}` : '.';
        return `Withdrawn by the analysis${date}${reason}`;
    }

    get nextStep() {
        return this.goal?.status ? NEXT_STATUS[this.goal.status] : undefined;
    }

    get nextStepLabel(): string {
        return this.nextStep?.label ?? '';
    }

    get canEdit(): boolean {
        return !this.isDismissed && !this.isWithdrawn && this.goal?.status !== 'Achieved';
    }

    get isViewing(): boolean {
        return this.mode === 'view';
    }

    get isDismissing(): boolean {
        return this.mode === 'dismiss';
    }

    get isEditing(): boolean {
        return this.mode === 'edit';
    }

    get dismissDisabled(): boolean {
        return this.isSaving || this.reasonDraft.trim() === '';
    }

    get showsSummary(): boolean {
        return this.goal?.summary !== undefined;
    }

    get showsTargetDate(): boolean {
        return this.goal?.targetDate !== undefined;
    }

    get showsResourceUrl(): boolean {
        return this.goal?.resourceUrl !== undefined;
    }

    get statusBadgeClass(): string {
        switch (this.goal?.status) {
            case 'Achieved':
                return 'status slds-theme_success';
            case 'In Progress':
                return 'status slds-badge_inverse';
            default:
                return 'status';
        }
    }

    handleAdvance() {
        const next = this.nextStep;
        if (!next) {
            return Promise.resolve(false);
        }
        return this.save({ [apiName(STATUS_FIELD)]: next.status }, `Learning goal ${next.status.toLowerCase()}`);
    }

    handleStartDismiss() {
        this.reasonDraft = '';
        this.mode = 'dismiss';
    }

    handleReasonChange(event: Event) {
        this.reasonDraft = inputValue(event);
    }

    async handleConfirmDismiss() {
        const reason = this.reasonDraft.trim();
        if (!reason) {
            return;
        }
        const fields = { [apiName(STATUS_FIELD)]: 'Dismissed', [apiName(DISMISSED_REASON_FIELD)]: reason.slice(0, 255) };
        if (await this.save(fields, 'Learning goal dismissed')) {
            this.mode = 'view';
        }
    }

    handleStartEdit() {
        this.mode = 'edit';
    }

    handleCancel() {
        this.mode = 'view';
    }

    async handleSaveEdit(event: CustomEvent<LearningGoalDraft>) {
        const draft = event.detail;
        const fields: Record<string, unknown> = { [apiName(NAME_FIELD)]: draft.name.slice(0, 80) };
        // Only fields the viewer can read are offered, so only those are written.
        if (this.showsSummary) {
            fields[apiName(SUMMARY_FIELD)] = draft.summary.slice(0, 255) || null;
        }
        if (this.showsTargetDate) {
            fields[apiName(TARGET_DATE_FIELD)] = draft.targetDate || null;
        }
        if (this.showsResourceUrl) {
            fields[apiName(RESOURCE_URL_FIELD)] = draft.resourceUrl || null;
        }
        if (await this.save(fields, 'Learning goal saved')) {
            this.mode = 'view';
        }
    }

    async save(changes: Record<string, unknown>, successTitle: string): Promise<boolean> {
        if (!this.goal) {
            return false;
        }
        this.isSaving = true;
        try {
            await updateRecord({ fields: { [apiName(ID_FIELD)]: this.goal.id, ...changes } });
            this.dispatchEvent(successToast(successTitle, this.goal.name ?? ''));
            this.dispatchEvent(new CustomEvent('planchange'));
            return true;
        } catch (error) {
            this.dispatchEvent(errorToast('The learning goal could not be saved', error));
            return false;
        } finally {
            this.isSaving = false;
        }
    }
}
