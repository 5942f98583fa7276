import { createElement } from 'lwc';
import SessionLog, { stepTitle } from 'c/sessionLog';
import { createRecord } from 'lightning/uiRecordApi';
import data from './data/sessions.json';

const createRecordMock = createRecord as unknown as jest.Mock;

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function createLog(sessions: unknown[] = data.sessions) {
    const element = createElement('c-session-log', { is: SessionLog }) as unknown as HTMLElement & Record<string, unknown>;
    element.planId = 'a015g00000PlAn1AAB';
    element.sessions = sessions;
    element.learningGoals = data.learningGoals;
    element.today = '2026-03-18';
    const toasts: Array<{ variant?: string; message?: string }> = [];
    const changes: Event[] = [];
    element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent).detail));
    element.addEventListener('planchange', (event) => changes.push(event));
    document.body.appendChild(element);
    return { element, root: element.shadowRoot!, toasts, changes };
}

describe('c-session-log', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('lists sessions newest first with focus, agenda, notes, commitment, feedback and next date', async () => {
        const { element, root } = createLog();
        await flushPromises();
        const headings = Array.from(root.querySelectorAll('.session-heading')).map((node) => node.textContent);
        expect(headings).toEqual(['Session on Mar 4, 2026', 'Session on Feb 18, 2026']);
        const newest = root.querySelector('li.session')!;
        expect(newest.querySelector('.focus')!.textContent).toBe('Focus: Map the decision process before Proposal');
        expect(newest.querySelector('.commitment')!.textContent).toContain('Ask the Acme champion who signs');
        expect(newest.querySelector('.feedback')!.textContent).toContain('draw the buying committee');
        expect(newest.querySelector('.next-session')!.textContent).toBe('Next session Mar 25, 2026');
        await expect(element).toBeAccessible();
    });

    it('turns a commitment into a next step in one click', async () => {
        const { root, toasts, changes } = createLog();
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

    it('reports a failed conversion and lets the user try again', async () => {
        createRecordMock.mockRejectedValueOnce({ body: { message: 'Goal_Plan__c: entity is deleted' } });
        const { root, toasts } = createLog();
        await flushPromises();
        (root.querySelector('lightning-button.make-step') as HTMLElement).click();
        await flushPromises();
        expect(toasts).toEqual([expect.objectContaining({ variant: 'error', message: 'Goal_Plan__c: entity is deleted' })]);
        const button = root.querySelector('lightning-button.make-step') as HTMLElement & { disabled: boolean };
        expect(button.disabled).toBe(false);
    });

    it('shows the empty log', async () => {
        const { element, root } = createLog([]);
        await flushPromises();
        expect(root.querySelector('.no-sessions')).not.toBeNull();
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
