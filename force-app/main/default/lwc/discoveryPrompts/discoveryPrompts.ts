import { LightningElement, api } from 'lwc';
import { updateRecord } from 'lightning/uiRecordApi';
import ID_FIELD from '@salesforce/schema/Goal_Plan__c.Id';
import SIX_MONTHS_FIELD from '@salesforce/schema/Goal_Plan__c.Discovery_Six_Months__c';
import THREE_YEARS_FIELD from '@salesforce/schema/Goal_Plan__c.Discovery_Three_Years__c';
import TEN_MILLION_FIELD from '@salesforce/schema/Goal_Plan__c.Discovery_Ten_Million__c';
import UNFINISHED_FIELD from '@salesforce/schema/Goal_Plan__c.Discovery_Unfinished__c';
import MOST_EARNED_FIELD from '@salesforce/schema/Goal_Plan__c.Discovery_Most_Earned__c';
import { apiName, errorToast, inputValue, successToast } from 'c/goalPlanData';
import type { GoalPlan } from 'c/goalPlanData';

type DiscoveryKey = 'discoverySixMonths' | 'discoveryThreeYears' | 'discoveryTenMillion' | 'discoveryUnfinished' | 'discoveryMostEarned';

const PROMPTS: Array<{ key: DiscoveryKey; field: unknown; label: string }> = [
    { key: 'discoverySixMonths', field: SIX_MONTHS_FIELD, label: 'Magic wand: what do you see in 6 months?' },
    { key: 'discoveryThreeYears', field: THREE_YEARS_FIELD, label: 'Magic wand: what do you see in 3 years?' },
    { key: 'discoveryTenMillion', field: TEN_MILLION_FIELD, label: 'You won $10 million: what would you do?' },
    { key: 'discoveryUnfinished', field: UNFINISHED_FIELD, label: "What were you hoping to get done that you didn't?" },
    { key: 'discoveryMostEarned', field: MOST_EARNED_FIELD, label: 'What is the most you have ever earned, or dreamed of earning?' },
];

/** The discovery prompts offered while the why is unknown; answers are stored on the plan. */
export default class DiscoveryPrompts extends LightningElement {
    @api plan?: GoalPlan;

    drafts: Partial<Record<DiscoveryKey, string>> = {};
    isSaving = false;

    get prompts() {
        const plan = this.plan;
        if (!plan) {
            return [];
        }
        // A prompt whose field the viewer cannot read is left out.
        return PROMPTS.filter((prompt) => plan[prompt.key] !== undefined).map((prompt) => ({
            key: prompt.key,
            label: prompt.label,
            value: this.drafts[prompt.key] ?? plan[prompt.key] ?? '',
        }));
    }

    get hasPrompts(): boolean {
        return this.prompts.length > 0;
    }

    get saveDisabled(): boolean {
        return this.isSaving || Object.keys(this.drafts).length === 0;
    }

    handleChange(event: Event) {
        const key = (event.target as HTMLElement).dataset.key as DiscoveryKey;
        this.drafts = { ...this.drafts, [key]: inputValue(event) };
    }

    async handleSave() {
        const plan = this.plan;
        if (!plan) {
            return;
        }
        const fields: Record<string, unknown> = { [apiName(ID_FIELD)]: plan.id };
        for (const prompt of PROMPTS) {
            const draft = this.drafts[prompt.key];
            if (draft !== undefined) {
                fields[apiName(prompt.field)] = draft.trim() || null;
            }
        }
        this.isSaving = true;
        try {
            await updateRecord({ fields });
            this.drafts = {};
            this.dispatchEvent(successToast('Discovery answers saved'));
            this.dispatchEvent(new CustomEvent('planchange'));
        } catch (error) {
            this.dispatchEvent(errorToast('The discovery answers could not be saved', error));
        } finally {
            this.isSaving = false;
        }
    }
}
