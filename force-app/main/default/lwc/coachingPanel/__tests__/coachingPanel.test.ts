import { createElement } from 'lwc';
import CoachingPanel from 'c/coachingPanel';
import { graphql } from 'lightning/graphql';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { CurrentPageReference } from 'lightning/navigation';

import sessionsQuery from './data/coachingQuery.json';
import emptyQuery from './data/coachingQueryEmpty.json';
import objectInfo from './data/sessionObjectInfo.json';

interface GraphQlTestAdapter {
    emit(value: unknown, filter?: unknown, refresh?: () => Promise<unknown>): void;
    emitErrors(errors: unknown[]): void;
}
const graphqlAdapter = graphql as unknown as GraphQlTestAdapter;
const objectInfoAdapter = getObjectInfo as unknown as LdsTestWireAdapter;
const createRecordMock = createRecord as unknown as jest.Mock;
const updateRecordMock = updateRecord as unknown as jest.Mock;

const REP_ID = '0055g00000AbCdEAAV';

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The lightning-record-picker inside the panel's c-rep-picker, or null when the panel shows none. */
function recordPickerOf(element: HTMLElement): HTMLElement | null {
    return element.shadowRoot!.querySelector('c-rep-picker')?.shadowRoot?.querySelector('lightning-record-picker') ?? null;
}

function createPanel(recordId: string | null = REP_ID): HTMLElement {
    const element = createElement('c-coaching-panel', { is: CoachingPanel }) as HTMLElement & { recordId?: string };
    if (recordId) {
        element.recordId = recordId;
    }
    document.body.appendChild(element);
    return element;
}

describe('c-coaching-panel', () => {
    beforeEach(() => {
        jest.useFakeTimers({
            now: new Date('2026-03-18T19:00:00Z'),
            doNotFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'setInterval', 'clearInterval', 'nextTick', 'queueMicrotask'],
        });
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    it('shows a spinner while the sessions load', async () => {
        const element = createPanel();
        await flushPromises();
        expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('queries the sessions of the rep plan for the current period', async () => {
        createPanel();
        await flushPromises();
        const config = (graphql as unknown as LdsTestWireAdapter).getLastConfig() as { variables: Record<string, string> };
        expect(config.variables).toEqual({ repId: REP_ID, planKey: `${REP_ID}:2026-01-01`, today: '2026-03-18', periodStart: '2026-01-01' });
    });

    it('renders the session log newest first with every learning goal for focus names', async () => {
        const element = createPanel();
        objectInfoAdapter.emit(objectInfo);
        graphqlAdapter.emit(sessionsQuery);
        await flushPromises();
        const log = element.shadowRoot!.querySelector('c-session-log') as HTMLElement & {
            sessions: Array<{ id: string }>;
            learningGoals: unknown[];
            planId: string;
        };
        expect(log.planId).toBe('a015g00000PlAn1AAB');
        expect(log.sessions.map((session) => session.id)).toEqual(['a055g00000SeSs2AAB', 'a055g00000SeSs1AAB']);
        expect(log.learningGoals).toHaveLength(2);
        expect((log as unknown as { editableFields: string[] }).editableFields).toEqual([
            'Session_Date__c',
            'Focus_Learning_Goal__c',
            'Agenda__c',
            'Notes__c',
            'Rep_Commitment__c',
            'Manager_Feedback__c',
            'Next_Session_Date__c',
        ]);
        expect(element.shadowRoot!.querySelector('c-session-form')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('opens a new session with the prepared agenda', async () => {
        const element = createPanel();
        objectInfoAdapter.emit(objectInfo);
        graphqlAdapter.emit(sessionsQuery);
        await flushPromises();
        (element.shadowRoot!.querySelector('lightning-button.new-session') as HTMLElement).click();
        await flushPromises();
        const form = element.shadowRoot!.querySelector('c-session-form') as HTMLElement & {
            agenda: string;
            learningGoals: Array<{ id: string; name: string }>;
            planId: string;
            focusGoalId: string;
        };
        expect(form.planId).toBe('a015g00000PlAn1AAB');
        // The goal in progress is the session's preset focus.
        expect(form.focusGoalId).toBe(form.learningGoals[0]!.id);
        // Only open goals can be the focus; the achieved one is left out.
        expect(form.learningGoals.map((goal) => goal.name)).toEqual(['Map the decision process before Proposal']);
        expect(form.agenda.split('\n')).toEqual([
            'Open learning goals:',
            '- Map the decision process before Proposal (In Progress)',
            'Overdue steps:',
            '- Ask who signs on the Acme deal (due Mar 13, 2026)',
            // Biggest first; "slipped since the last session" only for a close date after it (Mar 4),
            // and the loss before that session is left out.
            'Deals to discuss:',
            '- Acme — 200 licenses ($120,000, Proposal/Price Quote): slipped since the last session: close date Mar 10, 2026',
            '- Hooli platform ($60,000, Closed Lost): lost on Mar 12, 2026',
            '- Globex renewal ($45,000, Needs Analysis): no stage change since Feb 2, 2026',
        ]);
        await expect(element).toBeAccessible();
    });

    it('closes the form and refreshes the log when a session is saved', async () => {
        const refresh = jest.fn().mockResolvedValue(undefined);
        const element = createPanel();
        graphqlAdapter.emit(sessionsQuery, undefined, refresh);
        await flushPromises();
        (element.shadowRoot!.querySelector('lightning-button.new-session') as HTMLElement).click();
        await flushPromises();
        const form = element.shadowRoot!.querySelector('c-session-form')!;
        form.dispatchEvent(new CustomEvent('saved', { detail: { id: 'a055g00000SeSs3AAB' } }));
        await flushPromises();
        expect(refresh).toHaveBeenCalled();
        expect(element.shadowRoot!.querySelector('c-session-form')).toBeNull();
    });

    it('shows the wire error with its message', async () => {
        const element = createPanel();
        graphqlAdapter.emitErrors([{ message: 'Coaching_Session__c is not supported by UI API' }]);
        await flushPromises();
        expect(element.shadowRoot!.querySelector('.load-error')!.textContent).toContain(
            'Coaching_Session__c is not supported by UI API'
        );
        await expect(element).toBeAccessible();
    });

    it('shows a no-access message when the viewer cannot read sessions', async () => {
        const element = createPanel();
        objectInfoAdapter.error({ message: 'Insufficient access' }, 403, 'Forbidden');
        await flushPromises();
        expect(element.shadowRoot!.querySelector('.no-access')).not.toBeNull();
        expect(element.shadowRoot!.querySelector('lightning-button.new-session')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('offers to create the plan when the rep has none', async () => {
        createRecordMock.mockResolvedValueOnce({ id: 'a015g00000PlAn9AAB', apiName: 'Goal_Plan__c', fields: {} });
        const element = createPanel();
        graphqlAdapter.emit(emptyQuery);
        await flushPromises();
        expect((element.shadowRoot!.querySelector('.empty-plan c-empty-state') as HTMLElement & { message: string }).message).toContain('Ana Lopez has no goal plan for FY2026 yet.');
        await expect(element).toBeAccessible();
        (element.shadowRoot!.querySelector('lightning-button.create-plan') as HTMLElement).click();
        await flushPromises();
        expect(createRecordMock).toHaveBeenCalledWith({
            apiName: 'Goal_Plan__c',
            fields: expect.objectContaining({
                Rep__c: REP_ID,
                Period_Start__c: '2026-01-01',
                Period_End__c: '2026-12-31',
                Selling_Weeks__c: 50,
                Plan_Key__c: `${REP_ID}:2026-01-01`,
            }),
        });
        expect(updateRecordMock).toHaveBeenCalledWith({ fields: { Id: 'a015g00000PlAn9AAB', OwnerId: REP_ID } });
    });

    it('on the app page asks for a rep first', async () => {
        const element = createPanel(null);
        await flushPromises();
        expect(element.shadowRoot!.querySelector('.needs-rep')).not.toBeNull();
        expect(recordPickerOf(element)).not.toBeNull();
        const picker = recordPickerOf(element) as HTMLElement & { filter: unknown };
        expect(picker.filter).toEqual({ criteria: [{ fieldPath: 'IsActive', operator: 'eq', value: true }] });
        await expect(element).toBeAccessible();
    });

    it('can hide its picker and follow the rep picked elsewhere on the page', async () => {
        const element = createElement('c-coaching-panel', { is: CoachingPanel }) as unknown as HTMLElement & { hideRepPicker: boolean };
        element.hideRepPicker = true;
        document.body.appendChild(element);
        await flushPromises();
        expect(element.shadowRoot!.querySelector('c-rep-picker')).toBeNull();
        expect(element.shadowRoot!.querySelector('.needs-rep')).not.toBeNull();
        (CurrentPageReference as unknown as LdsTestWireAdapter).emit({
            type: 'standard__navItemPage',
            attributes: { apiName: 'Goal_Coach_Coaching' },
            state: { c__repId: REP_ID },
        });
        graphqlAdapter.emit(sessionsQuery);
        await flushPromises();
        expect(element.shadowRoot!.querySelector('c-session-log')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('names at most eight deals in the agenda and counts the rest', async () => {
        const data = JSON.parse(JSON.stringify(sessionsQuery));
        const slipped = Array.from({ length: 11 }, (_, index) => ({
            node: {
                Id: `0065g00000OpQ${String(index).padStart(2, '0')}AAB`,
                Name: { value: `Slipped deal ${index + 1}`, displayValue: null },
                StageName: { value: 'Qualification', displayValue: 'Qualification' },
                CloseDate: { value: '2026-03-01', displayValue: '3/1/2026' },
                LastStageChangeDate: { value: '2026-03-10T10:00:00.000Z', displayValue: null },
            },
        }));
        data.uiapi.query.Opportunity.edges = slipped;
        data.uiapi.query.LostDeals.edges = [];
        const element = createPanel();
        graphqlAdapter.emit(data);
        await flushPromises();
        (element.shadowRoot!.querySelector('lightning-button.new-session') as HTMLElement).click();
        await flushPromises();
        const agenda = (element.shadowRoot!.querySelector('c-session-form') as HTMLElement & { agenda: string }).agenda.split('\n');
        expect(agenda.filter((line) => line.startsWith('- Slipped deal'))).toHaveLength(8);
        expect(agenda[agenda.length - 1]).toBe('- and 3 more deals');
    });
});
