import { createElement } from 'lwc';
import RealityCheck from 'c/realityCheck';
import { updateRecord } from 'lightning/uiRecordApi';
import plan from './data/planInConversation.json';

const updateRecordMock = updateRecord as unknown as jest.Mock;

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function createCheck(planValue: Record<string, unknown> = plan, readOnly = false) {
    const element = createElement('c-reality-check', { is: RealityCheck }) as HTMLElement & { plan: unknown; readOnly: boolean };
    element.plan = planValue;
    element.readOnly = readOnly;
    const toasts: Array<{ variant?: string; message?: string }> = [];
    const changes: Event[] = [];
    element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent).detail));
    element.addEventListener('planchange', (event) => changes.push(event));
    document.body.appendChild(element);
    return { element, root: element.shadowRoot!, toasts, changes };
}

function change(root: ShadowRoot, selector: string, value: string) {
    const input = root.querySelector(selector) as HTMLElement & { value: string };
    input.value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-reality-check', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
    });

    it('asks why and how life will be different, with the three reads to choose from', async () => {
        const { element, root } = createCheck();
        await flushPromises();
        expect(root.querySelector('.why-question')!.textContent).toBe('Why “Pay off the mortgage early”?');
        expect(root.querySelector('.life-question')!.textContent).toBe('How will your life be different when you get there?');
        const read = root.querySelector('lightning-radio-group.reality-read') as HTMLElement & { options: Array<{ value: string }> };
        expect(read.options.map((option) => option.value)).toEqual(['Clearly important', 'Unsure', 'Not yet']);
        expect((root.querySelector('lightning-button.save-reality') as HTMLElement & { disabled: boolean }).disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('saves the answer and the read', async () => {
        const { element, root, toasts, changes } = createCheck();
        await flushPromises();
        change(root, 'lightning-textarea.reality-answer', '  I would sleep at night  ');
        change(root, 'lightning-radio-group.reality-read', 'Clearly important');
        await flushPromises();
        (root.querySelector('lightning-button.save-reality') as HTMLElement).click();
        await flushPromises();
        expect(updateRecordMock).toHaveBeenCalledWith({
            fields: { Id: 'a015g00000PlAn1AAB', Reality_Check__c: 'I would sleep at night', Reality_Check_Read__c: 'Clearly important' },
        });
        expect(toasts).toEqual([expect.objectContaining({ variant: 'success', title: 'Reality check saved' })]);
        expect(changes).toHaveLength(1);
        await expect(element).toBeAccessible();
    });

    it('keeps what was typed and shows the error when the save fails', async () => {
        updateRecordMock.mockRejectedValueOnce({ body: { message: 'Record is locked for approval' } });
        const { element, root, changes } = createCheck();
        await flushPromises();
        change(root, 'lightning-textarea.reality-answer', 'Fine, I guess');
        await flushPromises();
        (root.querySelector('lightning-button.save-reality') as HTMLElement).click();
        await flushPromises();
        expect(updateRecordMock).toHaveBeenCalledWith({ fields: { Id: 'a015g00000PlAn1AAB', Reality_Check__c: 'Fine, I guess' } });
        expect((root.querySelector('lightning-textarea.reality-answer') as HTMLElement & { value: string }).value).toBe('Fine, I guess');
        expect(root.querySelector('.save-error')!.textContent).toContain('Record is locked for approval');
        expect(changes).toHaveLength(0);
        await expect(element).toBeAccessible();
    });

    it('says what to do next after a polite answer', async () => {
        const { element, root } = createCheck({ ...plan, realityCheck: 'Fine, I guess', realityCheckRead: 'Not yet' });
        await flushPromises();
        expect(root.querySelector('.what-next')!.textContent).toBe('Not the real why yet: go back up the ladder and ask "What will that get you?" again.');
        await expect(element).toBeAccessible();
    });

    it('shows the answer and the read without inputs to a viewer who may not edit the plan', async () => {
        const { element, root } = createCheck({ ...plan, realityCheck: 'Home for dinner', realityCheckRead: 'Unsure' }, true);
        await flushPromises();
        expect(root.querySelector('lightning-textarea, lightning-radio-group, lightning-button')).toBeNull();
        expect(root.querySelector('.shown-answer')!.textContent).toBe('Home for dinner');
        expect(root.querySelector('.shown-read')!.textContent).toBe('Unsure');
        await expect(element).toBeAccessible();
    });

    it('says the reality check is not shared when its fields are not readable', async () => {
        const restricted: Record<string, unknown> = { ...plan };
        delete restricted.realityCheck;
        delete restricted.realityCheckRead;
        const { element, root } = createCheck(restricted);
        await flushPromises();
        expect(root.querySelector('.not-shared')).not.toBeNull();
        await expect(element).toBeAccessible();
    });
});
