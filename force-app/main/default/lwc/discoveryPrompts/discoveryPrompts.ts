import { LightningElement, api } from 'lwc';
import ID_FIELD from '@salesforce/schema/Goal_Plan__c.Id';
import SIX_MONTHS_FIELD from '@salesforce/schema/Goal_Plan__c.Discovery_Six_Months__c';
import THREE_YEARS_FIELD from '@salesforce/schema/Goal_Plan__c.Discovery_Three_Years__c';
import TEN_MILLION_FIELD from '@salesforce/schema/Goal_Plan__c.Discovery_Ten_Million__c';
import DREAM_COST_FIELD from '@salesforce/schema/Goal_Plan__c.Discovery_Dream_Cost__c';
import UNFINISHED_FIELD from '@salesforce/schema/Goal_Plan__c.Discovery_Unfinished__c';
import MOST_EARNED_FIELD from '@salesforce/schema/Goal_Plan__c.Discovery_Most_Earned__c';
import COMP_PLAN_CEILING_FIELD from '@salesforce/schema/Goal_Plan__c.Comp_Plan_Ceiling__c';
import { amountOrNull, apiName, formatCurrency, inputValue, savePlanFields } from 'c/goalPlanData';
import type { GoalPlan } from 'c/goalPlanData';

type DiscoveryKey =
    | 'discoverySixMonths'
    | 'discoveryThreeYears'
    | 'discoveryTenMillion'
    | 'discoveryDreamCost'
    | 'discoveryUnfinished'
    | 'discoveryMostEarned'
    | 'compPlanCeiling';

/** Text answers are long text; amounts (the lottery follow-up, the comp-plan ceiling) are currency. */
const PROMPTS: Array<{ key: DiscoveryKey; field: unknown; label: string; amount?: true }> = [
    { key: 'discoverySixMonths', field: SIX_MONTHS_FIELD, label: 'Magic wand: what do you see in 6 months?' },
    { key: 'discoveryThreeYears', field: THREE_YEARS_FIELD, label: 'Magic wand: what do you see in 3 years?' },
    { key: 'discoveryTenMillion', field: TEN_MILLION_FIELD, label: 'You won $10 million: what would you do?' },
    {
        key: 'discoveryDreamCost',
        field: DREAM_COST_FIELD,
        label: 'How much of the $10 million would it take to get that done, or at least started?',
        amount: true,
    },
    { key: 'discoveryUnfinished', field: UNFINISHED_FIELD, label: "What were you hoping to get done that you didn't?" },
    { key: 'discoveryMostEarned', field: MOST_EARNED_FIELD, label: 'What is the most you have ever earned, or dreamed of earning?' },
    {
        key: 'compPlanCeiling',
        field: COMP_PLAN_CEILING_FIELD,
        label: "Given your current comp plan, what's the most you think you could earn?",
        amount: true,
    },
];

/** The discovery prompts that find what matters to the rep; answers are stored on the plan. */
export default class DiscoveryPrompts extends LightningElement {
    @api plan?: GoalPlan;
    /** The viewer may not edit the plan: the answers show as text. */
    @api readOnly = false;

    drafts: Partial<Record<DiscoveryKey, string>> = {};
    isSaving = false;
    saveError: string | null = null;

    get prompts() {
        const plan = this.plan;
        if (!plan) {
            return [];
        }
        // A prompt whose field the viewer cannot read is left out.
        return PROMPTS.filter((prompt) => plan[prompt.key] !== undefined).map((prompt) => {
            const stored = plan[prompt.key];
            const storedText = stored === null || stored === undefined ? '' : String(stored);
            return {
                key: prompt.key,
                label: prompt.label,
                isAmount: prompt.amount === true,
                value: this.drafts[prompt.key] ?? storedText,
                shownAnswer: prompt.amount && typeof stored === 'number' ? formatCurrency(stored) : storedText || 'Not asked yet',
            };
        });
    }

    get hasPrompts(): boolean {
        return this.prompts.length > 0;
    }

    get invalidAmount(): boolean {
        return PROMPTS.some((prompt) => prompt.amount && this.drafts[prompt.key] !== undefined && amountOrNull(this.drafts[prompt.key]!) === undefined);
    }

    get saveDisabled(): boolean {
        return this.isSaving || Object.keys(this.drafts).length === 0 || this.invalidAmount;
    }

    handleChange(event: Event) {
        const key = (event.target as HTMLElement).dataset.key as DiscoveryKey;
        this.drafts = { ...this.drafts, [key]: inputValue(event) };
    }

    async handleSave() {
        const plan = this.plan;
        if (!plan || this.saveDisabled) {
            return;
        }
        const fields: Record<string, unknown> = { [apiName(ID_FIELD)]: plan.id };
        for (const prompt of PROMPTS) {
            const draft = this.drafts[prompt.key];
            if (draft !== undefined) {
                fields[apiName(prompt.field)] = prompt.amount ? amountOrNull(draft) : draft.trim() || null;
            }
        }
        this.isSaving = true;
        this.saveError = await savePlanFields(this, fields, 'Discovery answers saved', 'The discovery answers could not be saved');
        if (!this.saveError) {
            this.drafts = {};
        }
        this.isSaving = false;
    }
}
