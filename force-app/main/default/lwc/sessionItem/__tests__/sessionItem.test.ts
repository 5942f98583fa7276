import { createElement } from 'lwc';
import SessionItem, { stepTitle } from 'c/sessionItem';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import data from './data/sessions.json';

const createRecordMock = createRecord as unknown as jest.Mock;
const updateRecordMock = updateRecord as unknown as jest.Mock;
const [olderSession, session] = data.sessions;
const MANAGER_FIELDS = ['Session_Date__c', 'Focus_Learning_Goal__c', 'Agenda__c', 'Notes__c', 'Rep_Commitment__c', 'Manager_Feedback__c', 'Next_Session_Date__c'];

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function createItem(sessionValue: Record<string, unknown> = session, editableFields: string[] = MANAGER_FIELDS) {
    const element = createElement('c-session-item', { is: SessionItem }) as unknown as HTMLElement & Record<string, unknown>;
    element.session = sessionValue;
    element.focusName = 'Map the decision process before Proposal';
    element.planId = 'a015g00000PlAn1AAB';
    element.today = '2026-03-18';
    element.editableFields = editableFields;
    const toasts: Array<{ variant?: string; message?: string }> = [];
    const changes: Event[] = [];
    element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent).detail));
    element.addEventListener('planchange', (event) => changes.push(event));
    document.body.appendChild(element);
    return { element, root: element.shadowRoot!, toasts, changes };
}

function type(root: ShadowRoot, key: string, value: string) {
    const input = root.querySelector(`.session-draft[data-key="${key}"]`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-session-item', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows date, focus, agenda, notes, commitment, feedback and next session', async () => {
        const { element, root } = createItem();
        await flushPromises();
        expect(root.querySelector('.session-heading')!.textContent).toBe('Session on Mar 4, 2026');
        expect(root.querySelector('.focus')!.textContent).toBe('Focus: Map the decision process before Proposal');
        expect(root.querySelector('.agenda')!.textContent).toContain('Open learning goals:');
        expect(root.querySelector('.commitment')!.textContent).toContain('Ask the Acme champion who signs');
        expect(root.querySelector('.feedback')!.textContent).toContain('draw the buying committee');
        expect(root.querySelector('.next-session')!.textContent).toBe('Next session Mar 25, 2026');
        await expect(element).toBeAccessible();
    });

    it('turns the commitment into a next step in one click', async () => {
        const { root, toasts, changes } = createItem();
        await flushPromises();
        (root.querySelector('lightning-button.make-step') as HTMLElement).click();
        await flushPromises();
        expect(createRecordMock).toHaveBeenCalledWith({
            apiName: 'Goal_Step__c',
            fields: {
                Goal_Plan__c: 'a015g00000PlAn1AAB',
                Name: 'Ask the Acme champion who signs and who can say no, before the pricing call',
                Description__c: 'Ask the Acme champion who signs and who can say no, before the pricing call',
                Due_Date__c: '2026-03-25',
                Done__c: false,
                Learning_Goal__c: 'a025g00000LgOaLAAV',
            },
        });
        expect(toasts).toEqual([expect.objectContaining({ variant: 'success', message: 'Due Mar 25, 2026' })]);
        expect(changes).toHaveLength(1);
        const button = root.querySelector('lightning-button.make-step') as HTMLElement & { label: string; disabled: boolean };
        expect(button.label).toBe('Added as a next step');
        expect(button.disabled).toBe(true);
    });

    it('dates the step a week out when the next session is already past', async () => {
        const { root } = createItem({ ...session, nextSessionDate: '2026-03-11' });
        await flushPromises();
        (root.querySelector('lightning-button.make-step') as HTMLElement).click();
        await flushPromises();
        expect(createRecordMock.mock.calls[0][0].fields.Due_Date__c).toBe('2026-03-25');
    });

    it('reports a failed conversion and lets the user try again', async () => {
        createRecordMock.mockRejectedValueOnce({ body: { message: 'Goal_Plan__c: entity is deleted' } });
        const { root, toasts } = createItem();
        await flushPromises();
        (root.querySelector('lightning-button.make-step') as HTMLElement).click();
        await flushPromises();
        expect(toasts).toEqual([expect.objectContaining({ variant: 'error', message: 'Goal_Plan__c: entity is deleted' })]);
        expect((root.querySelector('lightning-button.make-step') as HTMLElement & { disabled: boolean }).disabled).toBe(false);
    });

    it('lets a rep edit only the commitment, and sends only what changed', async () => {
        const { element, root, changes } = createItem(session, ['Rep_Commitment__c']);
        await flushPromises();
        (root.querySelector('lightning-button.edit-session') as HTMLElement).click();
        await flushPromises();
        const editors = Array.from(root.querySelectorAll('.session-draft')) as Array<HTMLElement & { label: string }>;
        expect(editors.map((editor) => editor.label)).toEqual(['Rep commitment']);
        await expect(element).toBeAccessible();
        type(root, 'repCommitment', 'Ask the Acme champion who signs, and book the CFO before pricing');
        await flushPromises();
        (root.querySelector('lightning-button.save-session-edit') as HTMLElement).click();
        await flushPromises();
        expect(updateRecordMock).toHaveBeenCalledWith({
            fields: {
                Id: 'a055g00000SeSs2AAB',
                Rep_Commitment__c: 'Ask the Acme champion who signs, and book the CFO before pricing',
            },
        });
        expect(changes).toHaveLength(1);
        expect(root.querySelector('.session-editor')).toBeNull();
    });

    it('keeps the edits when the save fails', async () => {
        updateRecordMock.mockRejectedValueOnce({ body: { message: 'Manager_Feedback__c: insufficient access' } });
        const { root, toasts } = createItem();
        await flushPromises();
        (root.querySelector('lightning-button.edit-session') as HTMLElement).click();
        await flushPromises();
        type(root, 'managerFeedback', 'Strong discovery on Globex: you found the second approver.');
        type(root, 'nextSessionDate', '2026-04-01');
        await flushPromises();
        (root.querySelector('lightning-button.save-session-edit') as HTMLElement).click();
        await flushPromises();
        expect(updateRecordMock).toHaveBeenCalledWith({
            fields: {
                Id: 'a055g00000SeSs2AAB',
                Manager_Feedback__c: 'Strong discovery on Globex: you found the second approver.',
                Next_Session_Date__c: '2026-04-01',
            },
        });
        expect(toasts).toEqual([expect.objectContaining({ variant: 'error', message: 'Manager_Feedback__c: insufficient access' })]);
        const feedback = root.querySelector('.session-draft[data-key="managerFeedback"]') as HTMLInputElement;
        expect(feedback.value).toBe('Strong discovery on Globex: you found the second approver.');
    });

    it('offers no edit to a viewer who cannot update any session field', async () => {
        const { element, root } = createItem(olderSession, []);
        await flushPromises();
        expect(root.querySelector('lightning-button.edit-session')).toBeNull();
        expect(root.querySelector('lightning-button.make-step')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('cuts long commitments at a word for the step title', () => {
        const long =
            'Before every proposal this quarter, write down who signs, who can block, and what each of them needs to hear from us';
        const title = stepTitle(long);
        expect(title.length).toBeLessThanOrEqual(80);
        expect(title.endsWith('…')).toBe(true);
        expect(long.startsWith(title.slice(0, -1))).toBe(true);
    });
});
