import { LightningElement, api } from 'lwc';
import type { GoalPlan } from 'c/goalPlanData';

type StepKey = 'ladder' | 'reality' | 'discovery' | 'cost' | 'trigger';

const DISCOVERY_KEYS = [
    'discoverySixMonths',
    'discoveryThreeYears',
    'discoveryTenMillion',
    'discoveryDreamCost',
    'discoveryUnfinished',
    'discoveryMostEarned',
    'compPlanCeiling',
] as const;

const filled = (value: unknown) => value !== null && value !== undefined && value !== '';

/** The method's order: find the why, check it is real, discover more, learn what it costs, tie it to an event. */
const STEPS: Array<{ key: StepKey; title: string; question: string; answered: (plan: GoalPlan) => boolean }> = [
    { key: 'ladder', title: 'The why', question: 'What will that get you?', answered: (plan) => filled(plan.whyGoal) },
    { key: 'reality', title: 'Reality check', question: 'Is the why real?', answered: (plan) => filled(plan.realityCheckRead) },
    {
        key: 'discovery',
        title: 'Discovery',
        question: 'What else matters to the rep?',
        answered: (plan) => DISCOVERY_KEYS.some((key) => filled(plan[key])),
    },
    { key: 'cost', title: 'Cost', question: 'What does the why cost?', answered: (plan) => filled(plan.whyCost) || filled(plan.earningsTarget) },
    { key: 'trigger', title: 'Trigger event', question: 'What makes it real now?', answered: (plan) => filled(plan.triggerEventType) },
];

/**
 * The discovery conversation a manager has with the rep in a one-on-one, one step at a time in the
 * method's order. Every step is optional: Next moves on whether or not it was answered, and the
 * stepper shows which steps hold an answer. Each step saves its own fields.
 */
export default class DiscoveryConversation extends LightningElement {
    @api plan?: GoalPlan;
    /** The viewer may not edit the plan: every step shows its answers without inputs. */
    @api readOnly = false;

    stepIndex = 0;

    get current() {
        return STEPS[this.stepIndex];
    }

    get steps() {
        const plan = this.plan;
        return STEPS.map((step, index) => {
            const answered = plan ? step.answered(plan) : false;
            const isCurrent = index === this.stepIndex;
            return {
                key: step.key,
                index,
                label: `${index + 1}. ${step.title}`,
                state: answered ? 'answered' : 'not answered yet',
                ariaCurrent: isCurrent ? 'step' : null,
                buttonClass: `step-button slds-button${isCurrent ? ' slds-button_brand' : answered ? ' slds-button_success' : ' slds-button_neutral'}`,
            };
        });
    }

    get progressText(): string {
        const answered = this.steps.filter((step) => step.state === 'answered').length;
        return `Step ${this.stepIndex + 1} of ${STEPS.length} · ${answered} answered`;
    }

    get stepHeading(): string {
        return `${this.current.title}: ${this.current.question}`;
    }

    get isLadder(): boolean {
        return this.current.key === 'ladder';
    }
    get isReality(): boolean {
        return this.current.key === 'reality';
    }
    get isDiscovery(): boolean {
        return this.current.key === 'discovery';
    }
    get isCost(): boolean {
        return this.current.key === 'cost';
    }
    get isTrigger(): boolean {
        return this.current.key === 'trigger';
    }

    get hasBack(): boolean {
        return this.stepIndex > 0;
    }

    get hasNext(): boolean {
        return this.stepIndex < STEPS.length - 1;
    }

    get nextLabel(): string {
        return this.hasNext ? `Next: ${STEPS[this.stepIndex + 1].title}` : '';
    }

    get backLabel(): string {
        return this.hasBack ? `Back: ${STEPS[this.stepIndex - 1].title}` : '';
    }

    handleStep(event: Event) {
        this.stepIndex = Number((event.currentTarget as HTMLElement).dataset.index);
    }

    handleNext() {
        if (this.hasNext) this.stepIndex++;
    }

    handleBack() {
        if (this.hasBack) this.stepIndex--;
    }

    handlePlanChange() {
        this.dispatchEvent(new CustomEvent('planchange'));
    }
}
