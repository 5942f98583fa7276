import { createElement } from 'lwc';
import WhyCost from 'c/whyCost';
import { updateRecord } from 'lightning/uiRecordApi';
import plan from './data/planInConversation.json';

const updateRecordMock = updateRecord as unknown as jest.Mock;

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function createCost(planValue: Record<string, unknown> = plan, readOnly = false) {
    const element = createElement('c-why-cost', { is: WhyCost }) as HTMLElement & { plan: unknown; readOnly: boolean };
    element.plan = planValue;
    element.readOnly = readOnly;
    const toasts: Array<{ variant?: string; message?: string }> = [];
    element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent).detail));
    document.body.appendChild(element);
    return { element, root: element.shadowRoot!, toasts };
}

function answer(root: ShadowRoot, key: string, value: string) {
    const input = root.querySelector(`[data-key="${key}"]`) as HTMLElement & { value: string };
    input.value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

const saveButton = (root: ShadowRoot) => root.querySelector('lightning-button.save-cost') as HTMLElement & { disabled: boolean };

describe('c-why-cost', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
    });

    it('asks the cost, what it pays for, the earnings and the commission rate, reminding of the comp-plan ceiling', async () => {
        const { element, root } = createCost();
        await flushPromises();
        const inputs = Array.from(root.querySelectorAll('lightning-input')) as Array<HTMLElement & { label: string; formatter?: string }>;
        expect(inputs.map((input) => [input.label, input.formatter])).toEqual([
            ['What does it cost?', 'currency'],
            ['What will that money pay for, in their words?', undefined],
            ['To pay for it, what do you want to earn this period?', 'currency'],
            ['Commission rate: the share of each sale you earn', 'percent-fixed'],
        ]);
        expect(root.querySelector('.ceiling-hint')!.textContent).toBe('They said the most they could earn on their comp plan is $220,000.');
        await expect(element).toBeAccessible();
    });

    it('saves the answers with numbers as numbers and the rate as shown (10 for 10%)', async () => {
        const { element, root, toasts } = createCost();
        await flushPromises();
        answer(root, 'whyCost', '60000');
        answer(root, 'whyPaysFor', ' the family cruise ');
        answer(root, 'commissionRate', '10');
        await flushPromises();
        saveButton(root).click();
        await flushPromises();
        expect(updateRecordMock).toHaveBeenCalledWith({
            fields: { Id: 'a015g00000PlAn1AAB', Why_Cost__c: 60000, Why_Pays_For__c: 'the family cruise', Commission_Rate__c: 10 },
        });
        expect(toasts).toEqual([expect.objectContaining({ variant: 'success', title: 'Cost saved' })]);
        await expect(element).toBeAccessible();
    });

    it('refuses a rate above 100% and an amount that is not a number', async () => {
        const { element, root } = createCost();
        await flushPromises();
        answer(root, 'commissionRate', '150');
        await flushPromises();
        expect(saveButton(root).disabled).toBe(true);
        answer(root, 'commissionRate', '12.5');
        answer(root, 'earningsTarget', 'lots');
        await flushPromises();
        expect(saveButton(root).disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('keeps what was typed and shows the error when the save fails', async () => {
        updateRecordMock.mockRejectedValueOnce({ body: { output: { fieldErrors: { Why_Cost__c: [{ message: 'Why Cost: value outside of valid range' }] } } } });
        const { element, root } = createCost();
        await flushPromises();
        answer(root, 'whyCost', '99999999999999999');
        await flushPromises();
        saveButton(root).click();
        await flushPromises();
        expect((root.querySelector('[data-key="whyCost"]') as HTMLElement & { value: string }).value).toBe('99999999999999999');
        expect(root.querySelector('.save-error')!.textContent).toContain('Why Cost: value outside of valid range');
        await expect(element).toBeAccessible();
    });

    it('shows the answers without inputs to a viewer who may not edit the plan', async () => {
        const { element, root } = createCost({ ...plan, whyCost: 60000, whyPaysFor: 'the family cruise', commissionRate: 10 }, true);
        await flushPromises();
        expect(root.querySelector('lightning-input, lightning-button')).toBeNull();
        expect(Array.from(root.querySelectorAll('.cost-answer-text')).map((item) => item.textContent)).toEqual([
            '$60,000',
            'the family cruise',
            'Not asked yet',
            '10%',
        ]);
        await expect(element).toBeAccessible();
    });
});
