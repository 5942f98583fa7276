import { createElement } from 'lwc';
import SessionLog from 'c/sessionLog';
import data from './data/sessions.json';

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function createLog(sessions: unknown[] = data.sessions) {
    const element = createElement('c-session-log', { is: SessionLog }) as unknown as HTMLElement & Record<string, unknown>;
    element.planId = 'a015g00000PlAn1AAB';
    element.sessions = sessions;
    element.learningGoals = data.learningGoals;
    element.today = '2026-03-18';
    element.editableFields = ['Rep_Commitment__c'];
    const changes: Event[] = [];
    element.addEventListener('planchange', (event) => changes.push(event));
    document.body.appendChild(element);
    return { element, root: element.shadowRoot!, changes };
}

type ItemElement = HTMLElement & {
    session: { id: string };
    focusName: string;
    planId: string;
    today: string;
    editableFields: string[];
};

describe('c-session-log', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('lists sessions newest first with the focus goal named', async () => {
        const { element, root } = createLog();
        await flushPromises();
        const items = Array.from(root.querySelectorAll('c-session-item')) as ItemElement[];
        expect(items.map((item) => item.session.id)).toEqual(['a055g00000SeSs2AAB', 'a055g00000SeSs1AAB']);
        expect(items[0].focusName).toBe('Map the decision process before Proposal');
        expect(items[1].focusName).toBe('');
        expect(items[0].planId).toBe('a015g00000PlAn1AAB');
        expect(items[0].today).toBe('2026-03-18');
        expect(items[0].editableFields).toEqual(['Rep_Commitment__c']);
        await expect(element).toBeAccessible();
    });

    it('passes a change in a session up to the panel', async () => {
        const { root, changes } = createLog();
        await flushPromises();
        root.querySelector('c-session-item')!.dispatchEvent(new CustomEvent('planchange'));
        expect(changes).toHaveLength(1);
    });

    it('shows the empty log', async () => {
        const { element, root } = createLog([]);
        await flushPromises();
        expect(root.querySelector('.no-sessions')).not.toBeNull();
        await expect(element).toBeAccessible();
    });
});
