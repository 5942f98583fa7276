import { LightningElement, api } from 'lwc';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import GOAL_STEP_OBJECT from '@salesforce/schema/Goal_Step__c';
import STEP_PLAN_FIELD from '@salesforce/schema/Goal_Step__c.Goal_Plan__c';
import STEP_NAME_FIELD from '@salesforce/schema/Goal_Step__c.Name';
import STEP_DESCRIPTION_FIELD from '@salesforce/schema/Goal_Step__c.Description__c';
import STEP_DUE_DATE_FIELD from '@salesforce/schema/Goal_Step__c.Due_Date__c';
import STEP_DONE_FIELD from '@salesforce/schema/Goal_Step__c.Done__c';
import STEP_LEARNING_GOAL_FIELD from '@salesforce/schema/Goal_Step__c.Learning_Goal__c';
import SESSION_ID_FIELD from '@salesforce/schema/Coaching_Session__c.Id';
import NOTES_FIELD from '@salesforce/schema/Coaching_Session__c.Notes__c';
import COMMITMENT_FIELD from '@salesforce/schema/Coaching_Session__c.Rep_Commitment__c';
import FEEDBACK_FIELD from '@salesforce/schema/Coaching_Session__c.Manager_Feedback__c';
import NEXT_SESSION_FIELD from '@salesforce/schema/Coaching_Session__c.Next_Session_Date__c';
import { addDays, apiName, errorToast, formatDate, inputValue, successToast, todayIso } from 'c/goalPlanData';
import type { CoachingSession } from 'c/goalPlanData';

const DEFAULT_STEP_DAYS = 7;

type EditableKey = 'notes' | 'repCommitment' | 'managerFeedback' | 'nextSessionDate';

const EDITABLE: Array<{ key: EditableKey; field: unknown; label: string; isDate?: boolean }> = [
    { key: 'notes', field: NOTES_FIELD, label: 'Notes' },
    { key: 'repCommitment', field: COMMITMENT_FIELD, label: 'Rep commitment' },
    { key: 'managerFeedback', field: FEEDBACK_FIELD, label: 'Manager feedback' },
    { key: 'nextSessionDate', field: NEXT_SESSION_FIELD, label: 'Next session date', isDate: true },
];

/** Step title: the commitment's first line, cut at a word to fit Name (80 characters). */
export function stepTitle(commitment: string): string {
    const firstLine = commitment.trim().split(/\r?\n/)[0].trim();
    if (firstLine.length <= 80) {
        return firstLine;
    }
    const cut = firstLine.slice(0, 79);
    const lastSpace = cut.lastIndexOf(' ');
    return `${(lastSpace > 40 ? cut.slice(0, lastSpace) : cut).trim()}…`;
}

/**
 * One coaching session: what was discussed and committed. The commitment becomes a next step in
 * one click; the fields the viewer may edit (reps: the commitment) can be changed in place.
 */
export default class SessionItem extends LightningElement {
    @api session?: CoachingSession;
    @api focusName?: string;
    @api planId?: string;
    @api today?: string;
    /** API names of the Coaching_Session__c fields the viewer can update (from the object info). */
    @api editableFields: string[] = [];

    isSavingStep = false;
    isConverted = false;
    isEditing = false;
    isSaving = false;
    drafts: Partial<Record<EditableKey, string>> = {};

    get heading(): string {
        return this.session?.sessionDate ? `Session on ${formatDate(this.session.sessionDate)}` : 'Session (date not shared)';
    }

    get nextSessionText(): string {
        return this.session?.nextSessionDate ? `Next session ${formatDate(this.session.nextSessionDate)}` : '';
    }

    get stepButtonLabel(): string {
        return this.isConverted ? 'Added as a next step' : 'Make it a next step';
    }

    get stepButtonDisabled(): boolean {
        return this.isConverted || this.isSavingStep;
    }

    get editors() {
        const session = this.session;
        if (!session) {
            return [];
        }
        const editable = new Set(this.editableFields ?? []);
        return EDITABLE.filter((item) => editable.has(apiName(item.field)) && session[item.key] !== undefined).map((item) => ({
            key: item.key,
            label: item.label,
            isDate: !!item.isDate,
            value: this.drafts[item.key] ?? session[item.key] ?? '',
        }));
    }

    get showEditButton(): boolean {
        return !this.isEditing && this.editors.length > 0;
    }

    handleEdit() {
        this.drafts = {};
        this.isEditing = true;
    }

    handleCancelEdit() {
        this.isEditing = false;
    }

    handleDraftChange(event: Event) {
        const key = (event.target as HTMLElement).dataset.key as EditableKey;
        this.drafts = { ...this.drafts, [key]: inputValue(event) };
    }

    async handleSaveEdit() {
        const session = this.session;
        if (!session) {
            return;
        }
        // Only changed fields are sent: a rep may edit the commitment but not the notes.
        const fields: Record<string, unknown> = { [apiName(SESSION_ID_FIELD)]: session.id };
        for (const item of EDITABLE) {
            const draft = this.drafts[item.key];
            if (draft !== undefined && draft !== (session[item.key] ?? '')) {
                fields[apiName(item.field)] = item.isDate ? draft || null : draft.trim() || null;
            }
        }
        if (Object.keys(fields).length === 1) {
            this.isEditing = false;
            return;
        }
        this.isSaving = true;
        try {
            await updateRecord({ fields });
            this.isEditing = false;
            this.dispatchEvent(successToast('Session saved'));
            this.dispatchEvent(new CustomEvent('planchange'));
        } catch (error) {
            this.dispatchEvent(errorToast('The session could not be saved', error));
        } finally {
            this.isSaving = false;
        }
    }

    async handleMakeStep() {
        const session = this.session;
        const commitment = session?.repCommitment?.trim();
        if (!session || !commitment || !this.planId) {
            return;
        }
        const today = this.today ?? todayIso();
        const due =
            session.nextSessionDate && session.nextSessionDate >= today ? session.nextSessionDate : addDays(today, DEFAULT_STEP_DAYS);
        const fields: Record<string, unknown> = {
            [apiName(STEP_PLAN_FIELD)]: this.planId,
            [apiName(STEP_NAME_FIELD)]: stepTitle(commitment),
            [apiName(STEP_DESCRIPTION_FIELD)]: commitment.slice(0, 255),
            [apiName(STEP_DUE_DATE_FIELD)]: due,
            [apiName(STEP_DONE_FIELD)]: false,
        };
        if (session.focusLearningGoalId) {
            fields[apiName(STEP_LEARNING_GOAL_FIELD)] = session.focusLearningGoalId;
        }
        this.isSavingStep = true;
        try {
            await createRecord({ apiName: apiName(GOAL_STEP_OBJECT), fields });
            this.isConverted = true;
            this.dispatchEvent(successToast('Next step added', `Due ${formatDate(due)}`));
            this.dispatchEvent(new CustomEvent('planchange'));
        } catch (error) {
            this.dispatchEvent(errorToast('The commitment could not be turned into a step', error));
        } finally {
            this.isSavingStep = false;
        }
    }
}
