import { LightningElement, api } from 'lwc';
import { createRecord } from 'lightning/uiRecordApi';
import LEARNING_GOAL_OBJECT from '@salesforce/schema/Learning_Goal__c';
import PLAN_FIELD from '@salesforce/schema/Learning_Goal__c.Goal_Plan__c';
import NAME_FIELD from '@salesforce/schema/Learning_Goal__c.Name';
import SKILL_FIELD from '@salesforce/schema/Learning_Goal__c.Skill__c';
import STATUS_FIELD from '@salesforce/schema/Learning_Goal__c.Status__c';
import SOURCE_FIELD from '@salesforce/schema/Learning_Goal__c.Source__c';
import SUMMARY_FIELD from '@salesforce/schema/Learning_Goal__c.Summary__c';
import TARGET_DATE_FIELD from '@salesforce/schema/Learning_Goal__c.Target_Date__c';
import RESOURCE_URL_FIELD from '@salesforce/schema/Learning_Goal__c.Resource_Url__c';
import { apiName, errorToast, formatDate, successToast } from 'c/goalPlanData';
import type { LearningGoal } from 'c/goalPlanData';
import type { LearningGoalDraft } from 'c/learningGoalForm';

const STATUS_ORDER = ['Suggested', 'In Progress', 'Accepted', 'Achieved'];

/** Shown only on request: goals a person dismissed, and suggestions the analysis withdrew. */
const TUCKED_AWAY = [
    { status: 'Dismissed', kind: 'dismissed' },
    { status: 'Withdrawn', kind: 'withdrawn' },
];

interface TuckedGroup {
    kind: string;
    goals: LearningGoal[];
    shown: boolean;
    label: string;
    toggleClass: string;
}

/**
 * The plan's learning goals, suggested ones first, with a form to add a goal by hand. Dismissed goals
 * and withdrawn suggestions (the analysis no longer makes them) are hidden until asked for.
 */
export default class LearningGoalList extends LightningElement {
    @api planId?: string;
    @api goals: LearningGoal[] = [];
    @api viewerIsRep = false;
    /** Goal_Plan__c.Last_Analyzed__c: when the sync service last analysed this rep (null: never). */
    @api lastAnalyzed?: string | null;
    /** The analysis's word on a rep it suggested nothing for (Loss_Profile__c.standing), e.g. too few closed deals yet. */
    @api standing?: string | null;

    /** Which tucked-away groups are open, by kind. */
    shownGroups: Record<string, boolean> = {};
    isFormOpen = false;
    isSaving = false;

    get activeGoals(): LearningGoal[] {
        const rank = (goal: LearningGoal) => {
            const index = STATUS_ORDER.indexOf(goal.status ?? '');
            return index < 0 ? STATUS_ORDER.length : index;
        };
        const tucked = TUCKED_AWAY.map(({ status }) => status);
        return (this.goals ?? []).filter((goal) => !tucked.includes(goal.status ?? '')).sort((a, b) => rank(a) - rank(b));
    }

    get tuckedGroups(): TuckedGroup[] {
        return TUCKED_AWAY.map(({ status, kind }) => {
            const goals = (this.goals ?? []).filter((goal) => goal.status === status);
            const shown = Boolean(this.shownGroups[kind]);
            const count = goals.length;
            const label = `${shown ? 'Hide' : 'Show'} ${count} ${kind} ${count === 1 ? 'goal' : 'goals'}`;
            return { kind, goals, shown, label, toggleClass: `toggle-${kind}` };
        }).filter((group) => group.goals.length > 0);
    }

    get hasActiveGoals(): boolean {
        return this.activeGoals.length > 0;
    }

    get noGoalsMessage(): string {
        return (this.goals ?? []).length > 0
            ? 'No current learning goals. Dismissed and withdrawn goals are listed below.'
            : this.lastAnalyzed
              ? `No learning goals yet. The analysis of ${formatDate(this.lastAnalyzed.slice(0, 10))} suggested none for this rep.${this.standing ? ` ${this.standing}` : ''} You can add one.`
              : 'No learning goals yet. The analysis suggests goals after it runs; you can also add one.';
    }

    handleToggleGroup(event: Event) {
        const kind = (event.currentTarget as HTMLElement).dataset.kind ?? '';
        this.shownGroups = { ...this.shownGroups, [kind]: !this.shownGroups[kind] };
    }

    handleOpenForm() {
        this.isFormOpen = true;
    }

    handleCancel() {
        this.isFormOpen = false;
    }

    handleGoalChange() {
        this.dispatchEvent(new CustomEvent('planchange'));
    }

    async handleSave(event: CustomEvent<LearningGoalDraft>) {
        const draft = event.detail;
        if (!this.planId || this.isSaving || !draft.name) {
            return;
        }
        // A goal added by hand is a human decision already: it starts Accepted.
        const fields: Record<string, unknown> = {
            [apiName(PLAN_FIELD)]: this.planId,
            [apiName(NAME_FIELD)]: draft.name.slice(0, 80),
            [apiName(STATUS_FIELD)]: 'Accepted',
            [apiName(SOURCE_FIELD)]: this.viewerIsRep ? 'Rep' : 'Manager',
        };
        if (draft.skill) {
            fields[apiName(SKILL_FIELD)] = draft.skill;
        }
        if (draft.summary) {
            fields[apiName(SUMMARY_FIELD)] = draft.summary.slice(0, 255);
        }
        if (draft.targetDate) {
            fields[apiName(TARGET_DATE_FIELD)] = draft.targetDate;
        }
        if (draft.resourceUrl) {
            fields[apiName(RESOURCE_URL_FIELD)] = draft.resourceUrl;
        }
        this.isSaving = true;
        try {
            await createRecord({ apiName: apiName(LEARNING_GOAL_OBJECT), fields });
            this.dispatchEvent(successToast('Learning goal added'));
            this.dispatchEvent(new CustomEvent('planchange'));
            // Closing the form discards its drafts: the next goal starts blank.
            this.isFormOpen = false;
        } catch (error) {
            this.dispatchEvent(errorToast('The learning goal could not be added', error));
        } finally {
            this.isSaving = false;
        }
    }
}
