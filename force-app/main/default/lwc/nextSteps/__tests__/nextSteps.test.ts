import { createElement } from 'lwc';
import NextSteps from 'c/nextSteps';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import data from './data/steps.json';

const createRecordMock = createRecord as unknown as jest.Mock;
const updateRecordMock = updateRecord as unknown as jest.Mock;
const PLAN_ID = 'a015g00000PlAn1AAB';

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function createSteps(steps: unknown[] = data.steps) {
    const element = createElement('c-next-steps', { is: NextSteps }) as unknown as HTMLElement & Record<string, unknown>;
    element.planId = PLAN_ID;
    element.steps = steps;
    element.learningGoals = data.learningGoals;
    element.today = '2026-03-18';
    const toasts: Array<{ variant?: string; message?: string }> = [];
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

describe('c-next-steps', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('lists open steps with due dates and makes overdue ones stand out', async () => {
        const { element, root } = createSteps();
        await flushPromises();
        const names = Array.from(root.querySelectorAll('.step-name')).map((node) => node.textContent);
        expect(names).toEqual(['Ask who signs on the Acme deal', 'Draw the Globex buying committee']);
        const rows = root.querySelectorAll('li.step');
        expect(rows[0].classList.contains('step_overdue')).toBe(true);
        expect(rows[0].querySelector('.overdue-badge')).not.toBeNull();
        expect(rows[0].textContent).toContain('Due Mar 13, 2026');
        expect(rows[0].textContent).toContain('Learning goal: Map the decision process before Proposal');
        expect(rows[1].classList.contains('step_overdue')).toBe(false);
        expect(root.querySelector('.overdue-summary')!.textContent).toBe('1 step is overdue.');
        expect(root.querySelector('.done-summary')!.textContent).toBe('1 step done this period.');
        await expect(element).toBeAccessible();
    });

    it('ticks a step done and invites the next one toward the same learning goal', async () => {
        const { element, root, toasts, changes } = createSteps();
        await flushPromises();
        const checkbox = root.querySelector('lightning-input.step-done[data-id="a035g00000StEp1AAB"]')!;
        checkbox.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
        await flushPromises();
        expect(updateRecordMock).toHaveBeenCalledWith({
            fields: { Id: 'a035g00000StEp1AAB', Done__c: true, Completed_On__c: '2026-03-18' },
        });
        expect(toasts).toEqual([expect.objectContaining({ variant: 'success' })]);
        expect(changes).toHaveLength(1);
        expect(root.querySelector('.form-heading')!.textContent).toBe(
            "Nice work on “Ask who signs on the Acme deal”. What's the next tiny step?"
        );
        const goalInput = root.querySelector('lightning-combobox.step-goal-input') as HTMLElement & { value: string };
        expect(goalInput.value).toBe('a025g00000LgOaLAAV');
        await expect(element).toBeAccessible();

        type(root.querySelector('lightning-input.step-name-input')!, 'Draw the Acme buying committee with the champion');
        type(root.querySelector('lightning-textarea.step-description-input')!, 'Names, roles, who signs, who can block.');
        await flushPromises();
        (root.querySelector('lightning-button.save-step') as HTMLElement).click();
        await flushPromises();
        expect(createRecordMock).toHaveBeenCalledWith({
            apiName: 'Goal_Step__c',
            fields: {
                Goal_Plan__c: 'a015g00000PlAn1AAB',
                Name: 'Draw the Acme buying committee with the champion',
                Description__c: 'Names, roles, who signs, who can block.',
                Due_Date__c: '2026-03-25',
                Learning_Goal__c: 'a025g00000LgOaLAAV',
                Done__c: false,
            },
        });
        expect(root.querySelector('.step-form')).toBeNull();
    });

    it('keeps the typed step when the save fails', async () => {
        createRecordMock.mockRejectedValueOnce({ body: { message: 'Due date cannot be before the plan starts' } });
        const { element, root, toasts } = createSteps([]);
        await flushPromises();
        expect(root.querySelector('.no-steps')).not.toBeNull();
        await expect(element).toBeAccessible();
        (root.querySelector('lightning-button.open-step-form') as HTMLElement).click();
        await flushPromises();
        type(root.querySelector('lightning-input.step-name-input')!, 'Call three past customers');
        await flushPromises();
        (root.querySelector('lightning-button.save-step') as HTMLElement).click();
        await flushPromises();
        expect(toasts).toEqual([
            expect.objectContaining({ variant: 'error', message: 'Due date cannot be before the plan starts' }),
        ]);
        expect((root.querySelector('lightning-input.step-name-input') as HTMLInputElement).value).toBe('Call three past customers');
    });

    it('reports a failed toggle', async () => {
        updateRecordMock.mockRejectedValueOnce({ body: { message: 'insufficient access' } });
        const { root, toasts, changes } = createSteps();
        await flushPromises();
        root.querySelector('lightning-input.step-done')!.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
        await flushPromises();
        expect(toasts).toEqual([expect.objectContaining({ variant: 'error', message: 'insufficient access' })]);
        expect(changes).toHaveLength(0);
        expect(root.querySelector('.step-form')).toBeNull();
    });
});
