import { createElement } from 'lwc';
import DiscoveryPrompts from 'c/discoveryPrompts';
import { updateRecord } from 'lightning/uiRecordApi';
import planWithoutWhy from './data/planWithoutWhy.json';

const updateRecordMock = updateRecord as unknown as jest.Mock;

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function createPrompts(plan: Record<string, unknown>, readOnly = false) {
    const element = createElement('c-discovery-prompts', { is: DiscoveryPrompts }) as HTMLElement & { plan: unknown; readOnly: boolean };
    element.plan = plan;
    element.readOnly = readOnly;
    const toasts: Array<{ variant?: string; message?: string }> = [];
    element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent).detail));
    document.body.appendChild(element);
    return { element, root: element.shadowRoot!, toasts };
}

function answer(root: ShadowRoot, key: string, value: string) {
    const textarea = root.querySelector(`[data-key="${key}"]`) as HTMLElement & { value: string };
    textarea.value = value;
    textarea.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-discovery-prompts', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('offers the five discovery prompts with the stored answers', async () => {
        const { element, root } = createPrompts(planWithoutWhy);
        await flushPromises();
        const prompts = Array.from(root.querySelectorAll('lightning-textarea')) as Array<HTMLElement & { label: string; value: string }>;
        expect(prompts.map((prompt) => prompt.label)).toEqual([
            'Magic wand: what do you see in 6 months?',
            'Magic wand: what do you see in 3 years?',
            'You won $10 million: what would you do?',
            "What were you hoping to get done that you didn't?",
            'What is the most you have ever earned, or dreamed of earning?',
        ]);
        expect(prompts[1].value).toBe('Leading a small team of my own');
        await expect(element).toBeAccessible();
    });

    it('saves only the answers that changed', async () => {
        const { element, root, toasts } = createPrompts(planWithoutWhy);
        await flushPromises();
        answer(root, 'discoverySixMonths', 'Two enterprise logos closed and a promotion case');
        answer(root, 'discoveryTenMillion', 'Buy my parents a house near the coast');
        await flushPromises();
        (root.querySelector('lightning-button.save-discovery') as HTMLElement).click();
        await flushPromises();
        expect(updateRecordMock).toHaveBeenCalledWith({
            fields: {
                Id: 'a015g00000PlAn1AAB',
                Discovery_Six_Months__c: 'Two enterprise logos closed and a promotion case',
                Discovery_Ten_Million__c: 'Buy my parents a house near the coast',
            },
        });
        expect(toasts).toEqual([expect.objectContaining({ variant: 'success' })]);
        await expect(element).toBeAccessible();
    });

    it('keeps the answers when the save fails', async () => {
        updateRecordMock.mockRejectedValueOnce({ body: { message: 'Record locked' } });
        const { element, root, toasts } = createPrompts(planWithoutWhy);
        await flushPromises();
        answer(root, 'discoveryUnfinished', 'Finish the sales certification');
        await flushPromises();
        (root.querySelector('lightning-button.save-discovery') as HTMLElement).click();
        await flushPromises();
        expect(toasts).toEqual([expect.objectContaining({ variant: 'error', message: 'Record locked' })]);
        expect(root.querySelector('.save-error')!.textContent).toContain('Record locked');
        const textarea = root.querySelector('lightning-textarea[data-key="discoveryUnfinished"]') as HTMLElement & { value: string };
        expect(textarea.value).toBe('Finish the sales certification');
        await expect(element).toBeAccessible();
    });

    it('leaves out prompts whose fields the viewer cannot read', async () => {
        const plan: Record<string, unknown> = { ...planWithoutWhy };
        delete plan.discoveryMostEarned;
        delete plan.discoveryTenMillion;
        const { root, element } = createPrompts(plan);
        await flushPromises();
        expect(root.querySelectorAll('lightning-textarea')).toHaveLength(3);
        await expect(element).toBeAccessible();
    });

    it('asks the two amount questions: the lottery follow-up and the comp-plan ceiling', async () => {
        const { element, root } = createPrompts(planWithoutWhy);
        await flushPromises();
        const amounts = Array.from(root.querySelectorAll('lightning-input.discovery-amount')) as Array<HTMLElement & { label: string; value: string }>;
        expect(amounts.map((input) => [input.label, input.value])).toEqual([
            ['How much of the $10 million would it take to get that done, or at least started?', ''],
            ["Given your current comp plan, what's the most you think you could earn?", '180000'],
        ]);
        await expect(element).toBeAccessible();
    });

    it('saves the amounts as numbers, and an emptied one as blank', async () => {
        const { element, root } = createPrompts(planWithoutWhy);
        await flushPromises();
        answer(root, 'discoveryDreamCost', '250000');
        answer(root, 'compPlanCeiling', '');
        await flushPromises();
        (root.querySelector('lightning-button.save-discovery') as HTMLElement).click();
        await flushPromises();
        expect(updateRecordMock).toHaveBeenCalledWith({
            fields: { Id: 'a015g00000PlAn1AAB', Discovery_Dream_Cost__c: 250000, Comp_Plan_Ceiling__c: null },
        });
        await expect(element).toBeAccessible();
    });

    it('does not save an amount that is not a number', async () => {
        const { element, root } = createPrompts(planWithoutWhy);
        await flushPromises();
        answer(root, 'discoveryDreamCost', 'a lot');
        await flushPromises();
        expect((root.querySelector('lightning-button.save-discovery') as HTMLElement & { disabled: boolean }).disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('shows the answers without inputs to a viewer who may not edit the plan', async () => {
        const { element, root } = createPrompts(planWithoutWhy, true);
        await flushPromises();
        expect(root.querySelector('lightning-textarea, lightning-input, lightning-button')).toBeNull();
        const answers = Array.from(root.querySelectorAll('.discovery-answer-text')).map((item) => item.textContent);
        expect(answers).toContain('Leading a small team of my own');
        expect(answers).toContain('$180,000');
        await expect(element).toBeAccessible();
    });
});
