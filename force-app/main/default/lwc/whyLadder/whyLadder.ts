import { LightningElement, api } from 'lwc';
import { updateRecord } from 'lightning/uiRecordApi';
import ID_FIELD from '@salesforce/schema/Goal_Plan__c.Id';
import WHY_GOAL_FIELD from '@salesforce/schema/Goal_Plan__c.Why_Goal__c';
import WHY_LADDER_FIELD from '@salesforce/schema/Goal_Plan__c.Why_Ladder__c';
import { apiName, errorToast, inputValue, linesOf, successToast } from 'c/goalPlanData';
import type { GoalPlan } from 'c/goalPlanData';

export const LADDER_QUESTION = 'What will that get you?';
const FIRST_QUESTION = 'What do you want to get out of this year?';

/**
 * The "What will that get you?" ladder: each answer is asked about again until there is no new
 * answer; the last answer is the rep's why. Answers are stored one per line in Why_Ladder__c.
 */
export default class WhyLadder extends LightningElement {
    @api plan?: GoalPlan;
    /** The viewer may not edit the plan: the ladder shows without inputs. */
    @api readOnly = false;

    answerDraft = '';
    isEditing = false;
    ladderDraft = '';
    whyDraft = '';
    isSaving = false;

    get canRead(): boolean {
        return this.plan?.whyLadder !== undefined;
    }

    get canAnswer(): boolean {
        return !this.readOnly;
    }

    get answers(): string[] {
        return linesOf(this.plan?.whyLadder);
    }

    get rungs() {
        return this.answers.map((answer, index) => ({
            key: `rung-${index}`,
            question: index === 0 ? FIRST_QUESTION : LADDER_QUESTION,
            answer,
        }));
    }

    get hasRungs(): boolean {
        return this.answers.length > 0;
    }

    get why(): string | null | undefined {
        return this.plan?.whyGoal;
    }

    get canEditWhy(): boolean {
        return this.plan?.whyGoal !== undefined;
    }

    get lastAnswer(): string | undefined {
        const answers = this.answers;
        return answers[answers.length - 1];
    }

    get questionLabel(): string {
        return this.lastAnswer ? `${LADDER_QUESTION} (about: “${this.lastAnswer}”)` : FIRST_QUESTION;
    }

    get addDisabled(): boolean {
        return this.isSaving || this.answerDraft.trim() === '';
    }

    get settleDisabled(): boolean {
        return this.isSaving || !this.lastAnswer || this.lastAnswer === this.why || !this.canEditWhy;
    }

    get whyIsCurrent(): boolean {
        return !!this.why && this.why === this.lastAnswer;
    }

    handleAnswerInput(event: Event) {
        this.answerDraft = inputValue(event);
    }

    handleAnswerKeydown(event: KeyboardEvent) {
        if (event.key === 'Enter' && !this.addDisabled) {
            event.preventDefault();
            this.handleAddAnswer();
        }
    }

    async handleAddAnswer() {
        const answer = this.answerDraft.replace(/\s+/g, ' ').trim();
        if (!answer || !this.plan) {
            return;
        }
        const fields: Record<string, unknown> = {
            [apiName(ID_FIELD)]: this.plan.id,
            [apiName(WHY_LADDER_FIELD)]: [...this.answers, answer].join('\n'),
        };
        // A new answer means the previous last answer was not the why after all.
        if (this.why && this.canEditWhy) {
            fields[apiName(WHY_GOAL_FIELD)] = null;
        }
        if (await this.save(fields, 'Answer added')) {
            this.answerDraft = '';
        }
    }

    async handleSettleWhy() {
        if (!this.plan || !this.lastAnswer) {
            return;
        }
        await this.save({ [apiName(ID_FIELD)]: this.plan.id, [apiName(WHY_GOAL_FIELD)]: this.lastAnswer }, 'Why saved');
    }

    handleEdit() {
        this.ladderDraft = this.answers.join('\n');
        this.whyDraft = this.why ?? '';
        this.isEditing = true;
    }

    handleCancelEdit() {
        this.isEditing = false;
    }

    handleLadderDraftChange(event: Event) {
        this.ladderDraft = inputValue(event);
    }

    handleWhyDraftChange(event: Event) {
        this.whyDraft = inputValue(event);
    }

    async handleSaveEdit() {
        if (!this.plan) {
            return;
        }
        const fields: Record<string, unknown> = {
            [apiName(ID_FIELD)]: this.plan.id,
            [apiName(WHY_LADDER_FIELD)]: linesOf(this.ladderDraft).join('\n'),
        };
        if (this.canEditWhy) {
            fields[apiName(WHY_GOAL_FIELD)] = this.whyDraft.trim() || null;
        }
        if (await this.save(fields, 'Why ladder saved')) {
            this.isEditing = false;
        }
    }

    /** Saves through LDS; on failure the drafts stay as typed. */
    async save(fields: Record<string, unknown>, successTitle: string): Promise<boolean> {
        this.isSaving = true;
        try {
            await updateRecord({ fields });
            this.dispatchEvent(successToast(successTitle));
            this.dispatchEvent(new CustomEvent('planchange'));
            return true;
        } catch (error) {
            this.dispatchEvent(errorToast('The why ladder could not be saved', error));
            return false;
        } finally {
            this.isSaving = false;
        }
    }
}
