import { createElement } from 'lwc';
import TriggerEvent from 'c/triggerEvent';
import { updateRecord } from 'lightning/uiRecordApi';
import { getPicklistValues } from 'lightning/uiObjectInfoApi';
import plan from './data/planInConversation.json';
import triggerTypes from './data/triggerTypes.json';

const updateRecordMock = updateRecord as unknown as jest.Mock;
const picklistAdapter = getPicklistValues as unknown as LdsTestWireAdapter;

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function createTrigger(planValue: Record<string, unknown> = plan, readOnly = false) {
    const element = createElement('c-trigger-event', { is: TriggerEvent }) as HTMLElement & { plan: unknown; readOnly: boolean };
    element.plan = planValue;
    element.readOnly = readOnly;
    const toasts: Array<{ variant?: string; message?: string }> = [];
    element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent).detail));
    document.body.appendChild(element);
    return { element, root: element.shadowRoot!, toasts };
}

function change(root: ShadowRoot, selector: string, value: string) {
    const input = root.querySelector(selector) as HTMLElement & { value: string };
    input.value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-trigger-event', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
    });

    it("offers the org's trigger event types, values an admin added included", async () => {
        const { element, root } = createTrigger();
        picklistAdapter.emit(triggerTypes);
        await flushPromises();
        const combobox = root.querySelector('lightning-combobox.trigger-type') as HTMLElement & { options: Array<{ value: string }> };
        expect(combobox.options.map((option) => option.value)).toEqual([
            'New baby',
            'Financing terms',
            'Probation',
            'Hire',
            'Onboarding',
            'New manager',
            'Other',
            'Visa renewal',
        ]);
        expect(picklistAdapter.getLastConfig()).toEqual({ recordTypeId: '012000000000000AAA', fieldApiName: { objectApiName: 'Goal_Plan__c', fieldApiName: 'Trigger_Event_Type__c' } });
        await expect(element).toBeAccessible();
    });

    it('saves the type and the date', async () => {
        const { element, root, toasts } = createTrigger();
        picklistAdapter.emit(triggerTypes);
        await flushPromises();
        change(root, 'lightning-combobox.trigger-type', 'Hire');
        change(root, 'lightning-input.trigger-date', '2026-03-02');
        await flushPromises();
        (root.querySelector('lightning-button.save-trigger') as HTMLElement).click();
        await flushPromises();
        expect(updateRecordMock).toHaveBeenCalledWith({
            fields: { Id: 'a015g00000PlAn1AAB', Trigger_Event_Type__c: 'Hire', Trigger_Event_Date__c: '2026-03-02' },
        });
        expect(toasts).toEqual([expect.objectContaining({ variant: 'success', title: 'Trigger event saved' })]);
        await expect(element).toBeAccessible();
    });

    it('keeps what was chosen and shows the error when the save fails', async () => {
        updateRecordMock.mockRejectedValueOnce({ body: { message: 'Trigger Event Date: invalid date' } });
        const { element, root } = createTrigger();
        picklistAdapter.emit(triggerTypes);
        await flushPromises();
        change(root, 'lightning-combobox.trigger-type', 'New baby');
        await flushPromises();
        (root.querySelector('lightning-button.save-trigger') as HTMLElement).click();
        await flushPromises();
        expect(updateRecordMock).toHaveBeenCalledWith({ fields: { Id: 'a015g00000PlAn1AAB', Trigger_Event_Type__c: 'New baby' } });
        expect((root.querySelector('lightning-combobox.trigger-type') as HTMLElement & { value: string }).value).toBe('New baby');
        expect(root.querySelector('.save-error')!.textContent).toContain('Trigger Event Date: invalid date');
        await expect(element).toBeAccessible();
    });

    it('says how to fix it when the types cannot load, and keeps a stored type', async () => {
        const { element, root } = createTrigger({ ...plan, triggerEventType: 'Probation' });
        picklistAdapter.error({ message: 'No access to field Trigger_Event_Type__c' });
        await flushPromises();
        expect(root.querySelector('.types-problem')!.textContent).toContain('Reload the page');
        const combobox = root.querySelector('lightning-combobox.trigger-type') as HTMLElement & { options: Array<{ value: string }>; value: string };
        expect(combobox.value).toBe('Probation');
        expect(combobox.options.map((option) => option.value)).toEqual(['Probation']);
        await expect(element).toBeAccessible();
    });

    it('shows the event without inputs to a viewer who may not edit the plan', async () => {
        const { element, root } = createTrigger({ ...plan, triggerEventType: 'Hire', triggerEventDate: '2026-03-02' }, true);
        await flushPromises();
        expect(root.querySelector('lightning-combobox, lightning-input, lightning-button')).toBeNull();
        expect(root.querySelector('.shown-event')!.textContent).toBe('Hire, Mar 2, 2026');
        await expect(element).toBeAccessible();
    });
});
