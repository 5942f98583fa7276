import { LightningElement, api } from 'lwc';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import INPUT_GOAL_OBJECT from '@salesforce/schema/Input_Goal__c';
import ID_FIELD from '@salesforce/schema/Input_Goal__c.Id';
import PLAN_FIELD from '@salesforce/schema/Input_Goal__c.Goal_Plan__c';
import METRIC_FIELD from '@salesforce/schema/Input_Goal__c.Metric__c';
import TARGET_FIELD from '@salesforce/schema/Input_Goal__c.Target__c';
import { apiName, errorToast, inputValue, successToast } from 'c/goalPlanData';
import type { InputGoal } from 'c/goalPlanData';

/** Which object counts toward each metric of Input_Goal__c.Metric__c (the plan query counts them). */
export const METRIC_SOURCES: Record<string, string> = {
    'Meetings Held': 'Event',
    'Calls Made': 'Task',
    'Decision Makers Mapped': 'OpportunityContactRole',
    'Milestones Completed': 'Milestone_Completion__c',
    'Opportunities Created': 'OpportunitiesCreated',
};

/** Activity and milestone targets for the period, next to the actual counts so far. */
export default class InputGoals extends LightningElement {
    @api planId?: string;
    @api inputGoals: InputGoal[] = [];
    isFormOpen = false;
    metricDraft = '';
    targetDraft = '';
    isSaving = false;
    editingId?: string;
    editTargetDraft = '';

    /** Actual counts so far, by source object (Event, Task, ...), from the panel's count queries. */
    @api actualCounts?: Record<string, number>;
    /** Sources whose count query the org refused (e.g. Task while it is Beta in UI API GraphQL). */
    @api uncountedSources: string[] = [];

    actualFor(metric: string | null | undefined): number | undefined {
        const source = metric ? METRIC_SOURCES[metric] : undefined;
        const count = source ? this.actualCounts?.[source] : undefined;
        return typeof count === 'number' ? count : undefined;
    }

    get rows() {
        return (this.inputGoals ?? []).map((goal) => {
            const actual = this.actualFor(goal.metric);
            const target = typeof goal.target === 'number' ? goal.target : undefined;
            const percent = actual !== undefined && target ? Math.min(100, Math.round((actual / target) * 100)) : 0;
            let actualText = 'Not counted automatically';
            if (goal.metric && METRIC_SOURCES[goal.metric]) {
                if (actual !== undefined) {
                    actualText = `${actual} so far`;
                } else {
                    actualText = (this.uncountedSources ?? []).includes(METRIC_SOURCES[goal.metric]) ? "Can't be counted here" : 'Count not available';
                }
            }
            return {
                id: goal.id,
                metric: goal.metric ?? 'Input goal',
                targetText: target === undefined ? 'No target' : `Target ${target}`,
                actualText,
                progressText: actual !== undefined && target ? `${percent}% of target` : '',
                percent,
                showProgress: actual !== undefined && !!target,
                isEditing: this.editingId === goal.id,
                changeLabel: `Change the ${goal.metric ?? 'input goal'} target`,
            };
        });
    }

    get hasRows(): boolean {
        return this.rows.length > 0;
    }

    get metricOptions() {
        return Object.keys(METRIC_SOURCES).map((metric) => ({ label: metric, value: metric }));
    }

    get saveDisabled(): boolean {
        const target = Number(this.targetDraft);
        return this.isSaving || !this.metricDraft || this.targetDraft === '' || !Number.isInteger(target) || target <= 0;
    }

    get editTargetDisabled(): boolean {
        const target = Number(this.editTargetDraft);
        return this.isSaving || this.editTargetDraft === '' || !Number.isInteger(target) || target <= 0;
    }

    handleStartEdit(event: Event) {
        const id = (event.currentTarget as HTMLElement).dataset.id;
        const goal = (this.inputGoals ?? []).find((candidate) => candidate.id === id);
        this.editTargetDraft = typeof goal?.target === 'number' ? String(goal.target) : '';
        this.editingId = id;
    }

    handleCancelEdit() {
        this.editingId = undefined;
    }

    handleEditTargetChange(event: Event) {
        this.editTargetDraft = inputValue(event);
    }

    async handleSaveTarget() {
        if (!this.editingId || this.editTargetDisabled) {
            return;
        }
        this.isSaving = true;
        try {
            await updateRecord({
                fields: { [apiName(ID_FIELD)]: this.editingId, [apiName(TARGET_FIELD)]: Number(this.editTargetDraft) },
            });
            this.editingId = undefined;
            this.dispatchEvent(successToast('Target saved'));
            this.dispatchEvent(new CustomEvent('planchange'));
        } catch (error) {
            this.dispatchEvent(errorToast('The target could not be saved', error));
        } finally {
            this.isSaving = false;
        }
    }

    handleOpenForm() {
        this.isFormOpen = true;
    }

    handleCancel() {
        this.isFormOpen = false;
    }

    handleMetricChange(event: Event) {
        this.metricDraft = inputValue(event);
    }

    handleTargetChange(event: Event) {
        this.targetDraft = inputValue(event);
    }

    async handleSave() {
        if (!this.planId || this.saveDisabled) {
            return;
        }
        this.isSaving = true;
        try {
            await createRecord({
                apiName: apiName(INPUT_GOAL_OBJECT),
                fields: {
                    [apiName(PLAN_FIELD)]: this.planId,
                    [apiName(METRIC_FIELD)]: this.metricDraft,
                    [apiName(TARGET_FIELD)]: Number(this.targetDraft),
                },
            });
            this.dispatchEvent(successToast('Input goal added'));
            this.dispatchEvent(new CustomEvent('planchange'));
            this.metricDraft = '';
            this.targetDraft = '';
            this.isFormOpen = false;
        } catch (error) {
            this.dispatchEvent(errorToast('The input goal could not be added', error));
        } finally {
            this.isSaving = false;
        }
    }
}
