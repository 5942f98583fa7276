import { LightningElement, api } from 'lwc';
import ID_FIELD from '@salesforce/schema/Goal_Plan__c.Id';
import WHY_COST_FIELD from '@salesforce/schema/Goal_Plan__c.Why_Cost__c';
import WHY_PAYS_FOR_FIELD from '@salesforce/schema/Goal_Plan__c.Why_Pays_For__c';
import EARNINGS_TARGET_FIELD from '@salesforce/schema/Goal_Plan__c.Earnings_Target__c';
import COMMISSION_RATE_FIELD from '@salesforce/schema/Goal_Plan__c.Commission_Rate__c';
import { amountOrNull, apiName, formatCurrency, inputValue, savePlanFields } from 'c/goalPlanData';
import type { GoalPlan } from 'c/goalPlanData';

type CostKey = 'whyCost' | 'whyPaysFor' | 'earningsTarget' | 'commissionRate';
type Kind = 'currency' | 'text' | 'percent';

const QUESTIONS: Array<{ key: CostKey; field: unknown; label: string; kind: Kind }> = [
    { key: 'whyCost', field: WHY_COST_FIELD, label: 'What does it cost?', kind: 'currency' },
    { key: 'whyPaysFor', field: WHY_PAYS_FOR_FIELD, label: 'What will that money pay for, in their words?', kind: 'text' },
    { key: 'earningsTarget', field: EARNINGS_TARGET_FIELD, label: 'To pay for it, what do you want to earn this period?', kind: 'currency' },
    { key: 'commissionRate', field: COMMISSION_RATE_FIELD, label: 'Commission rate: the share of each sale you earn', kind: 'percent' },
];

/** Why_Pays_For__c is Text(255). */
const PAYS_FOR_LENGTH = 255;
/**
 * Commission_Rate__c is Percent(5,2) and LDS carries it as shown: 10 for 10% (docs/data-model.md).
 * The input uses lightning-input's percent-fixed formatter, whose value is the percent as typed;
 * e2e/discoveryConversation.e2e.ts checks with lightning-base-components that typing 10 saves 10.
 */
const MAX_RATE = 100;

/**
 * What the why costs and what it pays for, then the rep's own earnings and commission rate: the
 * numbers the stepping stones turn into the rep's own week.
 */
export default class WhyCost extends LightningElement {
    @api plan?: GoalPlan;
    /** The viewer may not edit the plan: the answers show as text. */
    @api readOnly = false;

    drafts: Partial<Record<CostKey, string>> = {};
    isSaving = false;
    saveError: string | null = null;

    shown(kind: Kind, value: unknown): string {
        if (value === null || value === undefined || value === '') return 'Not asked yet';
        if (kind === 'currency') return formatCurrency(Number(value));
        return kind === 'percent' ? `${String(value)}%` : String(value);
    }

    get questions() {
        const plan = this.plan;
        if (!plan) {
            return [];
        }
        return QUESTIONS.filter((question) => plan[question.key] !== undefined).map((question) => {
            const stored = plan[question.key];
            return {
                key: question.key,
                label: question.label,
                isText: question.kind === 'text',
                formatter: question.kind === 'percent' ? 'percent-fixed' : 'currency',
                max: question.kind === 'percent' ? MAX_RATE : undefined,
                step: question.kind === 'percent' ? '0.01' : '1',
                maxLength: PAYS_FOR_LENGTH,
                value: this.drafts[question.key] ?? (stored === null || stored === undefined ? '' : String(stored)),
                shownAnswer: this.shown(question.kind, stored),
            };
        });
    }

    get hasQuestions(): boolean {
        return this.questions.length > 0;
    }

    get ceilingHint(): string {
        const ceiling = this.plan?.compPlanCeiling;
        return typeof ceiling === 'number' ? `They said the most they could earn on their comp plan is ${formatCurrency(ceiling)}.` : '';
    }

    valueFor(kind: Kind, draft: string): unknown {
        if (kind === 'text') return draft.trim() || null;
        const amount = amountOrNull(draft);
        return kind === 'percent' && typeof amount === 'number' && amount > MAX_RATE ? undefined : amount;
    }

    get saveDisabled(): boolean {
        const invalid = QUESTIONS.some((question) => this.drafts[question.key] !== undefined && this.valueFor(question.kind, this.drafts[question.key]!) === undefined);
        return this.isSaving || Object.keys(this.drafts).length === 0 || invalid;
    }

    handleChange(event: Event) {
        const key = (event.target as HTMLElement).dataset.key as CostKey;
        this.drafts = { ...this.drafts, [key]: inputValue(event) };
    }

    async handleSave() {
        const plan = this.plan;
        if (!plan || this.saveDisabled) {
            return;
        }
        const fields: Record<string, unknown> = { [apiName(ID_FIELD)]: plan.id };
        for (const question of QUESTIONS) {
            const draft = this.drafts[question.key];
            if (draft !== undefined) fields[apiName(question.field)] = this.valueFor(question.kind, draft);
        }
        this.isSaving = true;
        this.saveError = await savePlanFields(this, fields, 'Cost saved', 'The cost could not be saved');
        if (!this.saveError) {
            this.drafts = {};
        }
        this.isSaving = false;
    }
}
