import { createElement } from 'lwc';
import DiscoveryPrompts from 'c/discoveryPrompts';
import { updateRecord } from 'lightning/uiRecordApi';
import planWithoutWhy from './data/planWithoutWhy.json';

const updateRecordMock = updateRecord as unknown as jest.Mock;

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function createPrompts(plan: Record<string, unknown>) {
    const element = createElement('c-discovery-prompts', { is: DiscoveryPrompts }) as HTMLElement & { plan: unknown };
    element.plan = plan;
    const toasts: Array<{ variant?: string; message?: string }> = [];
    element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent).detail));
    document.body.appendChild(element);
    return { element, root: element.shadowRoot!, toasts };
}

function answer(root: ShadowRoot, key: string, value: string) {
    const textarea = root.querySelector(`lightning-textarea[data-key="${key}"]`) as HTMLElement & { value: string };
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
        const { root, toasts } = createPrompts(planWithoutWhy);
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
    });

    it('keeps the answers when the save fails', async () => {
        updateRecordMock.mockRejectedValueOnce({ body: { message: 'Record locked' } });
        const { root, toasts } = createPrompts(planWithoutWhy);
        await flushPromises();
        answer(root, 'discoveryUnfinished', 'Finish the sales certification');
        await flushPromises();
        (root.querySelector('lightning-button.save-discovery') as HTMLElement).click();
        await flushPromises();
        expect(toasts).toEqual([expect.objectContaining({ variant: 'error', message: 'Record locked' })]);
        const textarea = root.querySelector('lightning-textarea[data-key="discoveryUnfinished"]') as HTMLElement & { value: string };
        expect(textarea.value).toBe('Finish the sales certification');
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
});
