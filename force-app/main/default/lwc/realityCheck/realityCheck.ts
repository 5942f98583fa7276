import { LightningElement, api } from 'lwc';
import ID_FIELD from '@salesforce/schema/Goal_Plan__c.Id';
import REALITY_CHECK_FIELD from '@salesforce/schema/Goal_Plan__c.Reality_Check__c';
import REALITY_CHECK_READ_FIELD from '@salesforce/schema/Goal_Plan__c.Reality_Check_Read__c';
import { apiName, inputValue, savePlanFields } from 'c/goalPlanData';
import type { GoalPlan } from 'c/goalPlanData';

/** Reality_Check_Read__c is a restricted picklist: these are all its values (docs/data-model.md). */
const READS = [
    { value: 'Clearly important', label: 'Clearly important: I heard passion and emotion' },
    { value: 'Unsure', label: "Unsure: I can't tell yet" },
    { value: 'Not yet', label: 'Not yet: it sounded like a polite answer' },
];

const WHAT_NEXT: Record<string, string> = {
    'Clearly important': 'It matters: next, find out what it costs.',
    Unsure: 'Ask again in the next one-on-one, or climb the ladder once more.',
    'Not yet': 'Not the real why yet: go back up the ladder and ask "What will that get you?" again.',
};

/**
 * The reality check: is the why real? The manager asks "Why …?" and "How will your life be
 * different when you get there?", writes the answer down and notes what they heard.
 */
export default class RealityCheck extends LightningElement {
    @api plan?: GoalPlan;
    /** The viewer may not edit the plan: the answer and the read show as text. */
    @api readOnly = false;

    answerDraft?: string;
    readDraft?: string;
    isSaving = false;
    saveError: string | null = null;

    get canRead(): boolean {
        return this.plan?.realityCheck !== undefined || this.plan?.realityCheckRead !== undefined;
    }

    get hasAnswerField(): boolean {
        return this.plan?.realityCheck !== undefined;
    }

    get hasReadField(): boolean {
        return this.plan?.realityCheckRead !== undefined;
    }

    get whyQuestion(): string {
        const why = this.plan?.whyGoal?.trim();
        return why ? `Why “${why}”?` : 'Why does that matter to you?';
    }

    get answer(): string {
        return this.answerDraft ?? this.plan?.realityCheck ?? '';
    }

    get read(): string {
        return this.readDraft ?? this.plan?.realityCheckRead ?? '';
    }

    get readOptions() {
        return READS;
    }

    get shownAnswer(): string {
        return this.plan?.realityCheck || 'Not asked yet';
    }

    get shownRead(): string {
        return this.plan?.realityCheckRead || 'No read noted yet';
    }

    get whatNext(): string {
        return WHAT_NEXT[this.plan?.realityCheckRead ?? ''] ?? '';
    }

    get saveDisabled(): boolean {
        return this.isSaving || (this.answerDraft === undefined && this.readDraft === undefined);
    }

    handleAnswerChange(event: Event) {
        this.answerDraft = inputValue(event);
    }

    handleReadChange(event: Event) {
        this.readDraft = inputValue(event);
    }

    async handleSave() {
        const plan = this.plan;
        if (!plan || this.saveDisabled) {
            return;
        }
        const fields: Record<string, unknown> = { [apiName(ID_FIELD)]: plan.id };
        if (this.answerDraft !== undefined) fields[apiName(REALITY_CHECK_FIELD)] = this.answerDraft.trim() || null;
        if (this.readDraft !== undefined) fields[apiName(REALITY_CHECK_READ_FIELD)] = this.readDraft || null;
        this.isSaving = true;
        this.saveError = await savePlanFields(this, fields, 'Reality check saved', 'The reality check could not be saved');
        if (!this.saveError) {
            this.answerDraft = undefined;
            this.readDraft = undefined;
        }
        this.isSaving = false;
    }
}
