import { LightningElement, api } from 'lwc';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import GOAL_STEP_OBJECT from '@salesforce/schema/Goal_Step__c';
import ID_FIELD from '@salesforce/schema/Goal_Step__c.Id';
import PLAN_FIELD from '@salesforce/schema/Goal_Step__c.Goal_Plan__c';
import NAME_FIELD from '@salesforce/schema/Goal_Step__c.Name';
import DESCRIPTION_FIELD from '@salesforce/schema/Goal_Step__c.Description__c';
import DUE_DATE_FIELD from '@salesforce/schema/Goal_Step__c.Due_Date__c';
import DONE_FIELD from '@salesforce/schema/Goal_Step__c.Done__c';
import COMPLETED_ON_FIELD from '@salesforce/schema/Goal_Step__c.Completed_On__c';
import LEARNING_GOAL_FIELD from '@salesforce/schema/Goal_Step__c.Learning_Goal__c';
import { addDays, apiName, errorToast, formatDate, inputValue, isOverdue, successToast, todayIso } from 'c/goalPlanData';
import type { GoalStep, LearningGoal } from 'c/goalPlanData';

const NAME_MAX = 80;
const DESCRIPTION_MAX = 255;

/**
 * The next tiny steps toward the why or a learning goal. The plan adapts one step at a time:
 * ticking a step done invites the next one; overdue steps stand out.
 */
export default class NextSteps extends LightningElement {
    @api planId?: string;
    @api steps: GoalStep[] = [];
    @api learningGoals: LearningGoal[] = [];
    @api today?: string;

    isFormOpen = false;
    invitedAfter?: string;
    nameDraft = '';
    descriptionDraft = '';
    dueDateDraft = '';
    learningGoalDraft = '';
    isSaving = false;

    get currentDay(): string {
        return this.today ?? todayIso();
    }

    get openSteps() {
        const goalNames = new Map(this.learningGoals.map((goal) => [goal.id, goal.name ?? '']));
        return this.steps
            .filter((step) => !step.done)
            .map((step) => {
                const overdue = isOverdue(step, this.currentDay);
                return {
                    ...step,
                    overdue,
                    checkboxLabel: `Done: ${step.name ?? 'step'}`,
                    dueText: step.dueDate ? `Due ${formatDate(step.dueDate)}` : 'No due date',
                    rowClass: overdue ? 'step slds-p-vertical_x-small step_overdue' : 'step slds-p-vertical_x-small',
                    learningGoalName: step.learningGoalId ? goalNames.get(step.learningGoalId) : undefined,
                };
            });
    }

    get hasOpenSteps(): boolean {
        return this.openSteps.length > 0;
    }

    get doneCount(): number {
        return this.steps.filter((step) => step.done).length;
    }

    get doneSummary(): string {
        return this.doneCount === 1 ? '1 step done this period.' : `${this.doneCount} steps done this period.`;
    }

    get overdueCount(): number {
        return this.openSteps.filter((step) => step.overdue).length;
    }

    get overdueSummary(): string {
        return this.overdueCount === 1 ? '1 step is overdue.' : `${this.overdueCount} steps are overdue.`;
    }

    get formHeading(): string {
        return this.invitedAfter ? `Nice work on “${this.invitedAfter}”. What's the next tiny step?` : 'Add the next tiny step';
    }

    get learningGoalOptions() {
        return [
            { label: 'None: a step toward the why', value: '' },
            ...this.learningGoals.map((goal) => ({ label: goal.name ?? goal.id, value: goal.id })),
        ];
    }

    get saveDisabled(): boolean {
        return this.isSaving || this.nameDraft.trim() === '';
    }

    openForm(learningGoalId = '') {
        this.learningGoalDraft = learningGoalId;
        this.dueDateDraft = addDays(this.currentDay, 7);
        this.isFormOpen = true;
    }

    handleOpenForm() {
        this.invitedAfter = undefined;
        this.openForm();
    }

    handleCancel() {
        this.isFormOpen = false;
        this.invitedAfter = undefined;
    }

    handleNameChange(event: Event) {
        this.nameDraft = inputValue(event);
    }

    handleDescriptionChange(event: Event) {
        this.descriptionDraft = inputValue(event);
    }

    handleDueDateChange(event: Event) {
        this.dueDateDraft = inputValue(event);
    }

    handleLearningGoalChange(event: Event) {
        this.learningGoalDraft = inputValue(event);
    }

    async handleDoneChange(event: Event) {
        const stepId = (event.target as HTMLElement).dataset.id;
        const step = this.steps.find((candidate) => candidate.id === stepId);
        if (!step) {
            return;
        }
        const done = (event as CustomEvent<{ checked?: boolean }>).detail?.checked ?? true;
        try {
            await updateRecord({
                fields: {
                    [apiName(ID_FIELD)]: step.id,
                    [apiName(DONE_FIELD)]: done,
                    [apiName(COMPLETED_ON_FIELD)]: done ? this.currentDay : null,
                },
            });
            this.dispatchEvent(successToast(done ? 'Step done' : 'Step reopened', done ? "What's the next tiny step?" : ''));
            this.dispatchEvent(new CustomEvent('planchange'));
            if (done) {
                this.invitedAfter = step.name ?? 'that step';
                this.openForm(step.learningGoalId ?? '');
            }
        } catch (error) {
            this.dispatchEvent(errorToast('The step could not be updated', error));
        }
    }

    async handleSave() {
        if (!this.planId || this.saveDisabled) {
            return;
        }
        const fields: Record<string, unknown> = {
            [apiName(PLAN_FIELD)]: this.planId,
            [apiName(NAME_FIELD)]: this.nameDraft.trim().slice(0, NAME_MAX),
            [apiName(DONE_FIELD)]: false,
        };
        if (this.descriptionDraft.trim()) {
            fields[apiName(DESCRIPTION_FIELD)] = this.descriptionDraft.trim().slice(0, DESCRIPTION_MAX);
        }
        if (this.dueDateDraft) {
            fields[apiName(DUE_DATE_FIELD)] = this.dueDateDraft;
        }
        if (this.learningGoalDraft) {
            fields[apiName(LEARNING_GOAL_FIELD)] = this.learningGoalDraft;
        }
        this.isSaving = true;
        try {
            await createRecord({ apiName: apiName(GOAL_STEP_OBJECT), fields });
            this.dispatchEvent(successToast('Step added'));
            this.dispatchEvent(new CustomEvent('planchange'));
            this.nameDraft = '';
            this.descriptionDraft = '';
            this.isFormOpen = false;
            this.invitedAfter = undefined;
        } catch (error) {
            this.dispatchEvent(errorToast('The step could not be added', error));
        } finally {
            this.isSaving = false;
        }
    }
}
