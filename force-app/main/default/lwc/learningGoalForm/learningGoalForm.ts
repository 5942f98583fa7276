import { LightningElement, api } from 'lwc';
import { inputValue } from 'c/goalPlanData';
import type { LearningGoal } from 'c/goalPlanData';

const SKILLS = ['Decision Process', 'Priority Management', 'Emotional Intelligence'];

/** What the form hands to its parent on save: trimmed text, empty when left blank. */
export interface LearningGoalDraft {
    name: string;
    skill: string;
    summary: string;
    targetDate: string;
    resourceUrl: string;
}

/**
 * The fields of one learning goal, for adding (with the skill picker) or editing an existing goal
 * (only the fields the viewer can read). Fires `save` with a LearningGoalDraft and `cancel`; the
 * parent does the write, so a failed save leaves the form as typed.
 */
export default class LearningGoalForm extends LightningElement {
    @api mode: 'add' | 'edit' = 'add';
    /** Initial values; in edit mode a field the goal lacks (unreadable to the viewer) is not offered. */
    @api goal?: Partial<LearningGoal>;
    @api saving = false;

    nameDraft = '';
    skillDraft = '';
    summaryDraft = '';
    targetDateDraft = '';
    resourceUrlDraft = '';

    override connectedCallback() {
        this.nameDraft = this.goal?.name ?? '';
        this.skillDraft = this.goal?.skill ?? '';
        this.summaryDraft = this.goal?.summary ?? '';
        this.targetDateDraft = this.goal?.targetDate ?? '';
        this.resourceUrlDraft = this.goal?.resourceUrl ?? '';
    }

    get isAdding(): boolean {
        return this.mode !== 'edit';
    }

    get skillOptions() {
        return SKILLS.map((skill) => ({ label: skill, value: skill }));
    }

    get showsSummary(): boolean {
        return this.isAdding || this.goal?.summary !== undefined;
    }

    get showsTargetDate(): boolean {
        return this.isAdding || this.goal?.targetDate !== undefined;
    }

    get showsResourceUrl(): boolean {
        return this.isAdding || this.goal?.resourceUrl !== undefined;
    }

    get summaryLabel(): string {
        return this.isAdding ? 'Why this goal' : 'Summary';
    }

    get saveLabel(): string {
        return this.isAdding ? 'Add learning goal' : 'Save';
    }

    // The class names the panels' tests and styles have always used for each mode.
    get saveClass(): string {
        return this.isAdding ? 'save-goal' : 'save-edit';
    }

    get cancelClass(): string {
        return `${this.isAdding ? 'cancel-goal' : 'cancel'} slds-m-left_x-small`;
    }

    get saveDisabled(): boolean {
        return this.saving || this.nameDraft.trim() === '';
    }

    handleNameChange(event: Event) {
        this.nameDraft = inputValue(event);
    }

    handleSkillChange(event: Event) {
        this.skillDraft = inputValue(event);
    }

    handleSummaryChange(event: Event) {
        this.summaryDraft = inputValue(event);
    }

    handleTargetDateChange(event: Event) {
        this.targetDateDraft = inputValue(event);
    }

    handleResourceUrlChange(event: Event) {
        this.resourceUrlDraft = inputValue(event);
    }

    handleSave() {
        if (this.saveDisabled) {
            return;
        }
        const draft: LearningGoalDraft = {
            name: this.nameDraft.trim(),
            skill: this.skillDraft,
            summary: this.summaryDraft.trim(),
            targetDate: this.targetDateDraft,
            resourceUrl: this.resourceUrlDraft.trim(),
        };
        this.dispatchEvent(new CustomEvent('save', { detail: draft }));
    }

    handleCancel() {
        this.dispatchEvent(new CustomEvent('cancel'));
    }
}
