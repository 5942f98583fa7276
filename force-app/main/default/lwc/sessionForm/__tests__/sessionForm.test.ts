import { createElement } from 'lwc';
import SessionForm from 'c/sessionForm';
import { createRecord } from 'lightning/uiRecordApi';
import openGoals from './data/openGoals.json';

const createRecordMock = createRecord as unknown as jest.Mock;
const AGENDA = 'Open learning goals:\n- Map the decision process before Proposal (In Progress)\nOverdue steps:\n- Ask who signs on the Acme deal (due Mar 13, 2026)';

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function createForm() {
    const element = createElement('c-session-form', { is: SessionForm }) as unknown as HTMLElement & Record<string, unknown>;
    element.planId = 'a015g00000PlAn1AAB';
    element.agenda = AGENDA;
    element.learningGoals = openGoals;
    element.today = '2026-03-18';
    const toasts: Array<{ variant?: string; message?: string }> = [];
    const saved: CustomEvent[] = [];
    const cancelled: Event[] = [];
    element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent).detail));
    element.addEventListener('saved', (event) => saved.push(event as CustomEvent));
    element.addEventListener('cancel', (event) => cancelled.push(event));
    document.body.appendChild(element);
    return { element, root: element.shadowRoot!, toasts, saved, cancelled };
}

function type(root: ShadowRoot, selector: string, value: string) {
    const input = root.querySelector(selector) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-session-form', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('opens with the prepared agenda, today, a next session in two weeks and development prompts', async () => {
        const { element, root } = createForm();
        await flushPromises();
        const agenda = root.querySelector('textarea.agenda') as HTMLTextAreaElement;
        expect(agenda.value).toBe(AGENDA);
        // All four lines in view, and one to type in: not a two-row box.
        expect(agenda.rows).toBe(5);
        expect((root.querySelector('lightning-combobox.focus-goal') as HTMLInputElement).value).toBe('');
        expect((root.querySelector('lightning-input.session-date') as HTMLInputElement).value).toBe('2026-03-18');
        expect((root.querySelector('lightning-input.next-session') as HTMLInputElement).value).toBe('2026-04-01');
        const options = (root.querySelector('lightning-combobox.focus-goal') as HTMLElement & { options: Array<{ value: string }> })
            .options;
        expect(options.map((option) => option.value)).toEqual(['', 'a025g00000LgOaLAAV']);
        expect(root.querySelectorAll('.feedback-prompts li').length).toBeGreaterThanOrEqual(4);
        await expect(element).toBeAccessible();
    });

    it('saves the session with every field filled in', async () => {
        createRecordMock.mockResolvedValueOnce({ id: 'a055g00000SeSs3AAB', apiName: 'Coaching_Session__c', fields: {} });
        const { root, toasts, saved } = createForm();
        await flushPromises();
        type(root, 'lightning-combobox.focus-goal', 'a025g00000LgOaLAAV');
        type(root, 'lightning-textarea.notes', 'Walked the Acme committee together; the CFO was missing.');
        type(root, 'lightning-textarea.commitment', 'Book a 20-minute call with the Acme CFO before the proposal');
        type(root, 'lightning-textarea.feedback', 'You asked better questions than last month: keep asking who else is affected.');
        type(root, 'lightning-input.next-session', '2026-03-30');
        await flushPromises();
        (root.querySelector('lightning-button.save-session') as HTMLElement).click();
        await flushPromises();
        expect(createRecordMock).toHaveBeenCalledWith({
            apiName: 'Coaching_Session__c',
            fields: {
                Goal_Plan__c: 'a015g00000PlAn1AAB',
                Session_Date__c: '2026-03-18',
                Focus_Learning_Goal__c: 'a025g00000LgOaLAAV',
                Agenda__c: AGENDA,
                Notes__c: 'Walked the Acme committee together; the CFO was missing.',
                Rep_Commitment__c: 'Book a 20-minute call with the Acme CFO before the proposal',
                Manager_Feedback__c: 'You asked better questions than last month: keep asking who else is affected.',
                Next_Session_Date__c: '2026-03-30',
            },
        });
        expect(toasts).toEqual([expect.objectContaining({ variant: 'success' })]);
        expect(saved).toHaveLength(1);
        expect(saved[0].detail).toEqual({ id: 'a055g00000SeSs3AAB' });
    });

    it('presets the focus goal and saves an edited agenda', async () => {
        createRecordMock.mockResolvedValueOnce({ id: 'a055g00000SeSs4AAB', apiName: 'Coaching_Session__c', fields: {} });
        const { element, root } = createForm();
        element.focusGoalId = 'a025g00000LgOaLAAV';
        await flushPromises();
        expect((root.querySelector('lightning-combobox.focus-goal') as HTMLInputElement).value).toBe('a025g00000LgOaLAAV');
        const agenda = root.querySelector('textarea.agenda') as HTMLTextAreaElement;
        agenda.value = `${AGENDA}\nThe Acme proposal`;
        agenda.dispatchEvent(new CustomEvent('input'));
        await flushPromises();
        expect(agenda.rows).toBe(6);
        (root.querySelector('lightning-button.save-session') as HTMLElement).click();
        await flushPromises();
        expect(createRecordMock).toHaveBeenCalledWith({
            apiName: 'Coaching_Session__c',
            fields: {
                Goal_Plan__c: 'a015g00000PlAn1AAB',
                Session_Date__c: '2026-03-18',
                Focus_Learning_Goal__c: 'a025g00000LgOaLAAV',
                Agenda__c: `${AGENDA}\nThe Acme proposal`,
                Next_Session_Date__c: '2026-04-01',
            },
        });
        await expect(element).toBeAccessible();
    });

    it('keeps everything typed when the save fails', async () => {
        createRecordMock.mockRejectedValueOnce({
            body: { output: { errors: [], fieldErrors: { Session_Date__c: [{ message: 'Session date is required' }] } } },
        });
        const { element, root, toasts, saved } = createForm();
        await flushPromises();
        type(root, 'lightning-textarea.notes', 'Notes worth keeping');
        await flushPromises();
        (root.querySelector('lightning-button.save-session') as HTMLElement).click();
        await flushPromises();
        expect(toasts).toEqual([expect.objectContaining({ variant: 'error', message: 'Session date is required' })]);
        expect(saved).toHaveLength(0);
        expect((root.querySelector('lightning-textarea.notes') as HTMLInputElement).value).toBe('Notes worth keeping');
        await expect(element).toBeAccessible();
    });

    it('cancels without saving', async () => {
        const { root, cancelled } = createForm();
        await flushPromises();
        (root.querySelector('lightning-button.cancel-session') as HTMLElement).click();
        expect(cancelled).toHaveLength(1);
        expect(createRecordMock).not.toHaveBeenCalled();
    });
});
