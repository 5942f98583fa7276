import { createElement } from 'lwc';
import OneOnOnePrep from 'c/oneOnOnePrep';
import { createRecord } from 'lightning/uiRecordApi';
import prep from './data/prep.json';
import evidenceJson from './data/prepEvidenceJson.json';

const createRecordMock = createRecord as unknown as jest.Mock;

const mockNavigate = jest.fn();
jest.mock('lightning/navigation', () => {
    const actual = jest.requireActual('lightning/navigation');
    const { Navigate, GenerateUrl } = actual.NavigationMixin;
    const NavigationMixin = (Base: new () => object) =>
        class extends Base {
            [Navigate](pageRef: unknown) {
                mockNavigate(pageRef);
            }
            [GenerateUrl](pageRef: { attributes: { recordId: string } }) {
                return Promise.resolve(`/lightning/r/Opportunity/${pageRef.attributes.recordId}/view`);
            }
        };
    NavigationMixin.Navigate = Navigate;
    NavigationMixin.GenerateUrl = GenerateUrl;
    return { ...actual, NavigationMixin };
});

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

    it('links the biggest deals to discuss with name, amount, stage and why, and opens a deal on click', async () => {
        const element = createPrep();
        await flushPromises();
        const items = [...element.shadowRoot!.querySelectorAll('.deals li')];
        expect(items.map((li) => li.textContent!.replace(/\s+/g, ' ').trim())).toEqual([
            'Acme — 200 licenses ($120,000, Proposal/Price Quote): slipped since the last session: close date Mar 10, 2026',
            'Hooli platform ($60,000, Closed Lost): lost on Mar 12, 2026',
            'Globex renewal ($45,000, Needs Analysis): no stage change since Feb 2, 2026',
        ]);
        expect(text(element, '.more-deals')).toBe('and 1 more in the agenda');
        const link = element.shadowRoot!.querySelector('.deal-link') as HTMLAnchorElement;
        expect(link.getAttribute('href')).toBe('/lightning/r/Opportunity/0065g00000Dl002AAB/view');
        link.click();
        expect(mockNavigate).toHaveBeenCalledWith({
            type: 'standard__recordPage',
            attributes: { recordId: '0065g00000Dl002AAB', objectApiName: 'Opportunity', actionName: 'view' },
        });
        await expect(element).toBeAccessible();
    });

    it('says why no deals are listed: loading, refused by the org, or nothing to discuss', async () => {
        const element = createPrep({ dealSources: undefined });
        await flushPromises();
        expect(text(element, '.deals')).toBe('Loading the deals…');
        Object.assign(element, { dealSources: { openDeals: [], lostDeals: [], problem: 'Request timed out.' } });
        await flushPromises();
        expect(text(element, '.deals')).toBe(
            "The rep's deals could not load: Request timed out. Seeing them needs Read access to Opportunity; the rest of the preparation is complete.",
        );
        Object.assign(element, { dealSources: { openDeals: [], lostDeals: [] } });
        await flushPromises();
        expect(text(element, '.deals')).toBe('None past their close date, stalled or lost since the last session.');
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
            'Deals to discuss:',
            '- Acme — 200 licenses ($120,000, Proposal/Price Quote): slipped since the last session: close date Mar 10, 2026',
            '- Hooli platform ($60,000, Closed Lost): lost on Mar 12, 2026',
            '- Globex renewal ($45,000, Needs Analysis): no stage change since Feb 2, 2026',
            '- Initech pilot ($30,000, Qualification): past its close date of Jan 15, 2026',
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
