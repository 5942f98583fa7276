import { createElement } from 'lwc';
import WhyLadder from 'c/whyLadder';
import { updateRecord } from 'lightning/uiRecordApi';
import planWithLadder from './data/planWithLadder.json';

const updateRecordMock = updateRecord as unknown as jest.Mock;

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function createLadder(plan: Record<string, unknown>) {
    const element = createElement('c-why-ladder', { is: WhyLadder }) as HTMLElement & { plan: unknown };
    element.plan = plan;
    const toasts: Array<{ variant?: string; title?: string; message?: string }> = [];
    const changes: Event[] = [];
    element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent).detail));
    element.addEventListener('planchange', (event) => changes.push(event));
    document.body.appendChild(element);
    return { element, root: element.shadowRoot!, toasts, changes };
}

function type(input: Element, value: string) {
    (input as HTMLInputElement).value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-why-ladder', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows the ladder and asks "What will that get you?" about the last answer', async () => {
        const { element, root } = createLadder(planWithLadder);
        await flushPromises();
        const answers = Array.from(root.querySelectorAll('.rung-answer')).map((node) => node.textContent);
        expect(answers).toEqual(['Hit my number this year', 'A bigger commission check', 'Pay off the mortgage early']);
        const input = root.querySelector('lightning-input.answer-input') as HTMLElement & { label: string };
        expect(input.label).toBe('What will that get you? (about: “Pay off the mortgage early”)');
        expect(root.querySelector('.why-unknown')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('adds an answer to the ladder', async () => {
        const { root, toasts, changes } = createLadder(planWithLadder);
        await flushPromises();
        type(root.querySelector('lightning-input.answer-input')!, '  Time with my kids   while they are young ');
        await flushPromises();
        (root.querySelector('lightning-button.add-answer') as HTMLElement).click();
        await flushPromises();
        expect(updateRecordMock).toHaveBeenCalledWith({
            fields: {
                Id: 'a015g00000PlAn1AAB',
                Why_Ladder__c:
                    'Hit my number this year\nA bigger commission check\nPay off the mortgage early\nTime with my kids while they are young',
            },
        });
        expect(toasts).toEqual([expect.objectContaining({ variant: 'success' })]);
        expect(changes).toHaveLength(1);
    });

    it('stores the last answer as the why when there is no new answer', async () => {
        const { root } = createLadder(planWithLadder);
        await flushPromises();
        (root.querySelector('lightning-button.settle-why') as HTMLElement).click();
        await flushPromises();
        expect(updateRecordMock).toHaveBeenCalledWith({
            fields: { Id: 'a015g00000PlAn1AAB', Why_Goal__c: 'Pay off the mortgage early' },
        });
    });

    it('clears a settled why when a new answer climbs past it', async () => {
        const { root, element } = createLadder({ ...planWithLadder, whyGoal: 'Pay off the mortgage early' });
        await flushPromises();
        expect(root.querySelector('.why-goal')!.textContent).toContain('Pay off the mortgage early');
        await expect(element).toBeAccessible();
        type(root.querySelector('lightning-input.answer-input')!, 'Freedom to choose my hours');
        await flushPromises();
        (root.querySelector('lightning-button.add-answer') as HTMLElement).click();
        await flushPromises();
        expect(updateRecordMock.mock.calls[0][0].fields).toEqual(
            expect.objectContaining({ Why_Goal__c: null, Why_Ladder__c: expect.stringMatching(/Freedom to choose my hours$/) })
        );
    });

    it('keeps the typed answer and shows the error when the save fails', async () => {
        updateRecordMock.mockRejectedValueOnce({ body: { message: 'insufficient access rights on object id' } });
        const { root, toasts, changes } = createLadder(planWithLadder);
        await flushPromises();
        type(root.querySelector('lightning-input.answer-input')!, 'Freedom');
        await flushPromises();
        (root.querySelector('lightning-button.add-answer') as HTMLElement).click();
        await flushPromises();
        expect(toasts).toEqual([expect.objectContaining({ variant: 'error', message: 'insufficient access rights on object id' })]);
        expect(changes).toHaveLength(0);
        expect((root.querySelector('lightning-input.answer-input') as HTMLInputElement).value).toBe('Freedom');
    });

    it('edits the whole ladder and the why', async () => {
        const { root, element } = createLadder(planWithLadder);
        await flushPromises();
        (root.querySelector('lightning-button.edit-ladder') as HTMLElement).click();
        await flushPromises();
        await expect(element).toBeAccessible();
        type(root.querySelector('lightning-textarea.ladder-draft')!, 'Hit my number\n\nPay off the mortgage early\n');
        type(root.querySelector('lightning-input.why-draft')!, 'Pay off the mortgage early');
        await flushPromises();
        (root.querySelector('lightning-button.save-edit') as HTMLElement).click();
        await flushPromises();
        expect(updateRecordMock).toHaveBeenCalledWith({
            fields: {
                Id: 'a015g00000PlAn1AAB',
                Why_Ladder__c: 'Hit my number\nPay off the mortgage early',
                Why_Goal__c: 'Pay off the mortgage early',
            },
        });
        expect(root.querySelector('lightning-textarea.ladder-draft')).toBeNull();
    });

    it('says so when the ladder is not shared with the viewer', async () => {
        const plan: Record<string, unknown> = { ...planWithLadder };
        delete plan.whyLadder;
        delete plan.whyGoal;
        const { root, element } = createLadder(plan);
        await flushPromises();
        expect(root.querySelector('.no-ladder-access')).not.toBeNull();
        expect(root.querySelector('lightning-input')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
