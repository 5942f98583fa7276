import { createElement } from 'lwc';
import OneOnOnePrep from 'c/oneOnOnePrep';
import { createRecord } from 'lightning/uiRecordApi';
import prep from './data/prep.json';
import evidenceJson from './data/prepEvidenceJson.json';

const createRecordMock = createRecord as unknown as jest.Mock;

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function createPrep(overrides: Record<string, unknown> = {}) {
    const element = createElement('c-one-on-one-prep', { is: OneOnOnePrep }) as unknown as HTMLElement & Record<string, unknown>;
    Object.assign(element, { ...JSON.parse(JSON.stringify(prep)), today: '2026-03-18' }, overrides);
    document.body.appendChild(element);
    return element;
}

const text = (element: HTMLElement, selector: string) => element.shadowRoot!.querySelector(selector)!.textContent!.trim();

describe('c-one-on-one-prep', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows the why, the top goal with its two strongest evidence lines, overdue steps and the last commitment', async () => {
        const element = createPrep();
        await flushPromises();
        expect(text(element, '.why')).toBe('More time with my kids');
        expect(text(element, '.top-goal')).toContain('Map the decision process before Proposal (In Progress)');
        expect([...element.shadowRoot!.querySelectorAll('.evidence li')].map((li) => li.textContent)).toEqual([
            '7 of 9 losses came after Proposal; team: 30% of its losses',
            'No decision maker on 5 of 9 lost deals; team: 33%',
        ]);
        expect([...element.shadowRoot!.querySelectorAll('.overdue li')].map((li) => li.textContent)).toEqual([
            'Ask who signs on the Acme deal (due Mar 13, 2026)',
        ]);
        expect(text(element, '.commitment')).toBe('Name the economic buyer on both proposals (Mar 4, 2026)');
        await expect(element).toBeAccessible();
    });

    it('lists only evidence that points the same way as the goal, strongest first, with plain signal names', async () => {
        const element = createPrep({ learningGoals: evidenceJson.learningGoals });
        await flushPromises();
        expect([...element.shadowRoot!.querySelectorAll('.evidence li')].map((li) => li.textContent)).toEqual([
            'Losses at the decision stages: 8 of 12 losses came at the decision stages; team: 46%',
            'Deals without a decision maker: 5 of 10 lost deals had no decision maker; team: 33%',
        ]);
        expect(text(element, '.top-goal')).toContain('Map the decision process before Proposal (Suggested)');
        await expect(element).toBeAccessible();
    });

    it('says what is missing: no why, no open goal, no session', async () => {
        const element = createPrep({ plan: { id: 'a015g00000PlAn1AAB', whyGoal: null }, learningGoals: [], steps: [], lastSession: undefined });
        await flushPromises();
        expect(text(element, '.why')).toBe('Not found yet: ask "What will that get you?" in the Why ladder below.');
        expect(text(element, '.top-goal')).toBe('No open learning goal yet.');
        expect(text(element, '.overdue')).toBe('None.');
        expect(text(element, '.commitment')).toBe('No session yet this period.');
        await expect(element).toBeAccessible();
    });

    it('Start session opens the form with the prepared agenda and the top goal as focus, and saves it', async () => {
        createRecordMock.mockResolvedValueOnce({ id: 'a055g00000SeSs9AAB', apiName: 'Coaching_Session__c', fields: {} });
        const element = createPrep();
        const changes: Event[] = [];
        element.addEventListener('planchange', (event) => changes.push(event));
        await flushPromises();
        (element.shadowRoot!.querySelector('lightning-button.start-session') as HTMLElement).click();
        await flushPromises();
        const form = element.shadowRoot!.querySelector('c-session-form') as HTMLElement & Record<string, unknown>;
        expect(form.focusGoalId).toBe('a025g00000LgOaLAAV');
        expect(String(form.agenda).split('\n')).toEqual([
            'Focus: Map the decision process before Proposal (In Progress)',
            '- 7 of 9 losses came after Proposal; team: 30% of its losses',
            '- No decision maker on 5 of 9 lost deals; team: 33%',
            'Overdue steps:',
            '- Ask who signs on the Acme deal (due Mar 13, 2026)',
            'Last commitment: Name the economic buyer on both proposals (Mar 4, 2026)',
        ]);
        expect(element.shadowRoot!.querySelector('lightning-button.start-session')).toBeNull();
        await expect(element).toBeAccessible();

        (form.shadowRoot!.querySelector('lightning-button.save-session') as HTMLElement).click();
        await flushPromises();
        expect(createRecordMock).toHaveBeenCalledWith({
            apiName: 'Coaching_Session__c',
            fields: {
                Goal_Plan__c: 'a015g00000PlAn1AAB',
                Session_Date__c: '2026-03-18',
                Focus_Learning_Goal__c: 'a025g00000LgOaLAAV',
                Agenda__c: String(form.agenda),
                Next_Session_Date__c: '2026-04-01',
            },
        });
        await flushPromises();
        expect(changes).toHaveLength(1);
        expect(element.shadowRoot!.querySelector('c-session-form')).toBeNull();
    });
});
