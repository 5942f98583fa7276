import { createElement } from 'lwc';
import InputGoals from 'c/inputGoals';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import data from './data/inputGoals.json';

const createRecordMock = createRecord as unknown as jest.Mock;
const updateRecordMock = updateRecord as unknown as jest.Mock;

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function createInputGoals(inputGoals: unknown[] = data.inputGoals, actualCounts: Record<string, number> = data.actualCounts) {
    const element = createElement('c-input-goals', { is: InputGoals }) as unknown as HTMLElement & Record<string, unknown>;
    element.planId = 'a015g00000PlAn1AAB';
    element.inputGoals = inputGoals;
    element.actualCounts = actualCounts;
    const toasts: Array<{ variant?: string; message?: string }> = [];
    element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent).detail));
    document.body.appendChild(element);
    return { element, root: element.shadowRoot!, toasts };
}

describe('c-input-goals', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows each target next to the actual count so far', async () => {
        const { element, root } = createInputGoals();
        await flushPromises();
        const rows = Array.from(root.querySelectorAll('li.input-goal'));
        expect(rows.map((row) => row.querySelector('.counts')!.textContent)).toEqual([
            '34 so far · Target 120',
            '9 so far · Target 40',
            'Not counted automatically · Target 20',
        ]);
        const bar = rows[0].querySelector('lightning-progress-bar') as HTMLElement & { value: number };
        expect(bar.value).toBe(28);
        expect(rows[0].querySelector('.slds-assistive-text')!.textContent).toBe('28% of target');
        await expect(element).toBeAccessible();
    });

    it('says when a count is not available to the viewer', async () => {
        const { root } = createInputGoals(data.inputGoals, { Event: 34 });
        await flushPromises();
        expect(root.querySelectorAll('.counts')[1].textContent).toBe('Count not available · Target 40');
    });

    it("says a count can't be counted here when the org refused its query, and keeps the others", async () => {
        const { element, root } = createInputGoals(data.inputGoals, { Event: 34 });
        element.uncountedSources = ['OpportunityContactRole'];
        await flushPromises();
        expect(Array.from(root.querySelectorAll('.counts')).map((cell) => cell.textContent)).toEqual([
            '34 so far · Target 120',
            "Can't be counted here · Target 40",
            'Not counted automatically · Target 20',
        ]);
        await expect(element).toBeAccessible();
    });

    it('shows the empty state and adds an input goal', async () => {
        const { element, root, toasts } = createInputGoals([]);
        await flushPromises();
        expect(root.querySelector('.no-input-goals')).not.toBeNull();
        await expect(element).toBeAccessible();
        (root.querySelector('lightning-button.open-input-goal-form') as HTMLElement).click();
        await flushPromises();
        await expect(element).toBeAccessible();
        root.querySelector('lightning-combobox.metric-input')!.dispatchEvent(
            new CustomEvent('change', { detail: { value: 'Calls Made' } })
        );
        root.querySelector('lightning-input.target-input')!.dispatchEvent(new CustomEvent('change', { detail: { value: '300' } }));
        await flushPromises();
        (root.querySelector('lightning-button.save-input-goal') as HTMLElement).click();
        await flushPromises();
        expect(createRecordMock).toHaveBeenCalledWith({
            apiName: 'Input_Goal__c',
            fields: { Goal_Plan__c: 'a015g00000PlAn1AAB', Metric__c: 'Calls Made', Target__c: 300 },
        });
        expect(toasts).toEqual([expect.objectContaining({ variant: 'success' })]);
        expect(root.querySelector('.input-goal-form')).toBeNull();
    });

    it('keeps the form as typed when the save fails', async () => {
        createRecordMock.mockRejectedValueOnce({ body: { message: 'You do not have permission to create Input Goals' } });
        const { root, toasts } = createInputGoals([]);
        await flushPromises();
        (root.querySelector('lightning-button.open-input-goal-form') as HTMLElement).click();
        await flushPromises();
        root.querySelector('lightning-combobox.metric-input')!.dispatchEvent(
            new CustomEvent('change', { detail: { value: 'Meetings Held' } })
        );
        root.querySelector('lightning-input.target-input')!.dispatchEvent(new CustomEvent('change', { detail: { value: '100' } }));
        await flushPromises();
        (root.querySelector('lightning-button.save-input-goal') as HTMLElement).click();
        await flushPromises();
        expect(toasts).toEqual([
            expect.objectContaining({ variant: 'error', message: 'You do not have permission to create Input Goals' }),
        ]);
        expect((root.querySelector('lightning-input.target-input') as HTMLElement & { value: string }).value).toBe('100');
    });

    it('changes a target in place', async () => {
        const { element, root, toasts } = createInputGoals();
        await flushPromises();
        (root.querySelector('lightning-button.change-target[data-id="a045g00000InPt2AAB"]') as HTMLElement).click();
        await flushPromises();
        const input = root.querySelector('lightning-input.edit-target-input') as HTMLElement & { value: string; label: string };
        expect(input.value).toBe('40');
        expect(input.label).toBe('Change the Decision Makers Mapped target');
        await expect(element).toBeAccessible();
        input.dispatchEvent(new CustomEvent('change', { detail: { value: '45' } }));
        await flushPromises();
        (root.querySelector('lightning-button.save-target') as HTMLElement).click();
        await flushPromises();
        expect(updateRecordMock).toHaveBeenCalledWith({ fields: { Id: 'a045g00000InPt2AAB', Target__c: 45 } });
        expect(toasts).toEqual([expect.objectContaining({ variant: 'success' })]);
        expect(root.querySelector('.target-editor')).toBeNull();
    });

    it('keeps the typed target when the change fails', async () => {
        updateRecordMock.mockRejectedValueOnce({ body: { message: 'insufficient access rights on object id' } });
        const { root, toasts } = createInputGoals();
        await flushPromises();
        (root.querySelector('lightning-button.change-target') as HTMLElement).click();
        await flushPromises();
        root.querySelector('lightning-input.edit-target-input')!.dispatchEvent(new CustomEvent('change', { detail: { value: '150' } }));
        await flushPromises();
        (root.querySelector('lightning-button.save-target') as HTMLElement).click();
        await flushPromises();
        expect(toasts).toEqual([expect.objectContaining({ variant: 'error', message: 'insufficient access rights on object id' })]);
        expect((root.querySelector('lightning-input.edit-target-input') as HTMLElement & { value: string }).value).toBe('150');
    });
});
