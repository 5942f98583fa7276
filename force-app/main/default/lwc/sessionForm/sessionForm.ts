import { LightningElement, api } from 'lwc';
import { createRecord } from 'lightning/uiRecordApi';
import SESSION_OBJECT from '@salesforce/schema/Coaching_Session__c';
import PLAN_FIELD from '@salesforce/schema/Coaching_Session__c.Goal_Plan__c';
import SESSION_DATE_FIELD from '@salesforce/schema/Coaching_Session__c.Session_Date__c';
import FOCUS_FIELD from '@salesforce/schema/Coaching_Session__c.Focus_Learning_Goal__c';
import AGENDA_FIELD from '@salesforce/schema/Coaching_Session__c.Agenda__c';
import NOTES_FIELD from '@salesforce/schema/Coaching_Session__c.Notes__c';
import COMMITMENT_FIELD from '@salesforce/schema/Coaching_Session__c.Rep_Commitment__c';
import FEEDBACK_FIELD from '@salesforce/schema/Coaching_Session__c.Manager_Feedback__c';
import NEXT_SESSION_FIELD from '@salesforce/schema/Coaching_Session__c.Next_Session_Date__c';
import { addDays, apiName, errorToast, inputValue, successToast, todayIso } from 'c/goalPlanData';
import type { LearningGoal } from 'c/goalPlanData';

/** Feedback that points toward development rather than the number alone. */
export const FEEDBACK_PROMPTS = [
    'What did you try this week that you had not tried before, and what happened?',
    'Where did a buyer’s decision process surprise you, and what would you ask earlier next time?',
    'Which skill from your learning goal did you use, and what is the evidence it is growing?',
    'What got in the way of your most important work, and what will you protect time for?',
    'How did you read the buyer’s mood in your hardest conversation, and how did you respond?',
];

const NEXT_SESSION_DAYS = 14;
/** The agenda shows every line it has (one more to type in), up to this many; longer ones scroll. */
const MAX_AGENDA_ROWS = 30;

/** Grows a textarea to show all its text, wrapped lines included (the rows are its minimum). */
function fitToText(textarea: HTMLTextAreaElement): void {
    if (textarea.scrollHeight > textarea.clientHeight) {
        // scrollHeight leaves out the border: add it, or the box still scrolls by two pixels.
        const border = textarea.offsetHeight - textarea.clientHeight;
        textarea.style.height = `${textarea.scrollHeight + border}px`;
    }
}

/** A new coaching session, opened with the prepared agenda. */
export default class SessionForm extends LightningElement {
    @api planId?: string;
    @api learningGoals: LearningGoal[] = [];
    @api today?: string;
    /** The learning goal the session focuses on unless changed: the plan's top open goal. */
    @api focusGoalId?: string;

    private preparedAgenda = '';
    agendaDraft?: string;
    sessionDateDraft?: string;
    focusDraft?: string;
    notesDraft = '';
    commitmentDraft = '';
    feedbackDraft = '';
    nextSessionDraft?: string;
    isSaving = false;

    @api
    get agenda(): string {
        return this.preparedAgenda;
    }
    set agenda(value: string) {
        this.preparedAgenda = value ?? '';
    }

    get currentDay(): string {
        return this.today ?? todayIso();
    }

    get agendaValue(): string {
        return this.agendaDraft ?? this.preparedAgenda;
    }

    /** Every line of the agenda in view at once, not a two-line box to scroll through. */
    get agendaRows(): number {
        const lines = this.agendaValue.split('\n').length;
        return Math.min(MAX_AGENDA_ROWS, Math.max(3, lines + 1));
    }

    get focusValue(): string {
        if (this.focusDraft !== undefined) {
            return this.focusDraft;
        }
        const preset = this.focusGoalId;
        return preset && (this.learningGoals ?? []).some((goal) => goal.id === preset) ? preset : '';
    }

    get sessionDateValue(): string {
        return this.sessionDateDraft ?? this.currentDay;
    }

    get nextSessionValue(): string {
        return this.nextSessionDraft ?? addDays(this.sessionDateValue, NEXT_SESSION_DAYS);
    }

    get focusOptions() {
        return [
            { label: 'No focus goal', value: '' },
            ...(this.learningGoals ?? []).map((goal) => ({ label: goal.name ?? goal.id, value: goal.id })),
        ];
    }

    get feedbackPrompts() {
        return FEEDBACK_PROMPTS.map((text, index) => ({ key: `prompt-${index}`, text }));
    }

    get saveDisabled(): boolean {
        return this.isSaving || !this.sessionDateValue;
    }

    // A native textarea takes its text as a property, not from the template: keep it in step, and
    // grow the box to its text, since long lines wrap into more rows than the line count.
    override renderedCallback() {
        const agenda = this.template?.querySelector<HTMLTextAreaElement>('textarea.agenda');
        if (!agenda) {
            return;
        }
        if (agenda.value !== this.agendaValue) {
            agenda.value = this.agendaValue;
        }
        fitToText(agenda);
    }

    handleSessionDateChange(event: Event) {
        this.sessionDateDraft = inputValue(event);
    }

    handleFocusChange(event: Event) {
        this.focusDraft = inputValue(event);
    }

    handleAgendaChange(event: Event) {
        this.agendaDraft = inputValue(event);
        fitToText(event.target as HTMLTextAreaElement);
    }

    handleNotesChange(event: Event) {
        this.notesDraft = inputValue(event);
    }

    handleCommitmentChange(event: Event) {
        this.commitmentDraft = inputValue(event);
    }

    handleFeedbackChange(event: Event) {
        this.feedbackDraft = inputValue(event);
    }

    handleNextSessionChange(event: Event) {
        this.nextSessionDraft = inputValue(event);
    }

    handleCancel() {
        this.dispatchEvent(new CustomEvent('cancel'));
    }

    async handleSave() {
        if (!this.planId || this.saveDisabled) {
            return;
        }
        const fields: Record<string, unknown> = {
            [apiName(PLAN_FIELD)]: this.planId,
            [apiName(SESSION_DATE_FIELD)]: this.sessionDateValue,
        };
        const optional: Array<[unknown, string]> = [
            [FOCUS_FIELD, this.focusValue],
            [AGENDA_FIELD, this.agendaValue.trim()],
            [NOTES_FIELD, this.notesDraft.trim()],
            [COMMITMENT_FIELD, this.commitmentDraft.trim()],
            [FEEDBACK_FIELD, this.feedbackDraft.trim()],
            [NEXT_SESSION_FIELD, this.nextSessionValue],
        ];
        for (const [field, value] of optional) {
            if (value) {
                fields[apiName(field)] = value;
            }
        }
        this.isSaving = true;
        try {
            const record = await createRecord({ apiName: apiName(SESSION_OBJECT), fields });
            this.dispatchEvent(successToast('Coaching session saved'));
            this.dispatchEvent(new CustomEvent('saved', { detail: { id: record?.id } }));
        } catch (error) {
            // The drafts stay as typed so nothing is lost.
            this.dispatchEvent(errorToast('The coaching session could not be saved', error));
        } finally {
            this.isSaving = false;
        }
    }
}
