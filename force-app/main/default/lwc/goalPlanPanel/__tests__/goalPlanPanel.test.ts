import { createElement } from 'lwc';
import GoalPlanPanel from 'c/goalPlanPanel';
import { graphql } from 'lightning/graphql';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { CurrentPageReference } from 'lightning/navigation';

import planQuery from './data/goalPlanQuery.json';
import emptyQuery from './data/goalPlanQueryEmpty.json';
import objectInfo from './data/goalPlanObjectInfo.json';

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

function clone<T>(value: T): T {
    return JSON.parse(JSON.stringify(value));
}

/** The lightning-record-picker inside the panel's c-rep-picker, or null when the panel shows none. */
function recordPickerOf(element: HTMLElement): HTMLElement | null {
    return element.shadowRoot!.querySelector('c-rep-picker')?.shadowRoot?.querySelector('lightning-record-picker') ?? null;
}

function createPanel(recordId: string | null = REP_ID): HTMLElement & { recordId?: string } {
    const element = createElement('c-goal-plan-panel', { is: GoalPlanPanel }) as HTMLElement & { recordId?: string };
    if (recordId) {
        element.recordId = recordId;
    }
    document.body.appendChild(element);
    return element;
}

describe('c-goal-plan-panel', () => {
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

    it('shows a spinner while the plan loads', async () => {
        const element = createPanel();
        await flushPromises();
        const spinner = element.shadowRoot!.querySelector('lightning-spinner');
        expect(spinner).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('asks for the plan of the record page rep for the current calendar year', async () => {
        const element = createPanel();
        graphqlAdapter.emit(planQuery);
        await flushPromises();
        const config = (graphql as unknown as LdsTestWireAdapter).getLastConfig() as { variables: Record<string, string> };
        expect(config.variables).toEqual({
            repId: REP_ID,
            planKey: `${REP_ID}:2026-01-01`,
            periodStart: '2026-01-01',
            periodStartTime: '2026-01-01T00:00:00.000Z',
            today: '2026-03-18',
        });
        expect(element.shadowRoot!.querySelector('c-rep-picker')).toBeNull();
    });

    it('renders every part of the plan when it loads', async () => {
        const element = createPanel();
        objectInfoAdapter.emit(objectInfo);
        graphqlAdapter.emit(planQuery);
        await flushPromises();
        const root = element.shadowRoot!;
        const whyLadder = root.querySelector('c-why-ladder') as HTMLElement & { plan: { whyGoal: string } };
        expect(whyLadder.plan.whyGoal).toBe('Time with my kids while they are still young');
        // The why is known, so the discovery prompts stay hidden.
        expect(root.querySelector('c-discovery-prompts')).toBeNull();
        const nextSteps = root.querySelector('c-next-steps') as HTMLElement & { steps: unknown[]; planId: string; learningGoals: unknown[] };
        expect(nextSteps.planId).toBe('a015g00000PlAn1AAB');
        expect(nextSteps.steps).toHaveLength(3);
        expect(nextSteps.learningGoals).toHaveLength(2);
        const stones = root.querySelector('c-stepping-stones') as HTMLElement & { wins: unknown[] };
        expect(stones.wins).toHaveLength(5);
        const inputs = root.querySelector('c-input-goals') as HTMLElement & { inputGoals: unknown[]; actualCounts: Record<string, number> };
        expect(inputs.inputGoals).toHaveLength(2);
        expect(inputs.actualCounts).toEqual({
            Event: 34,
            Task: 51,
            OpportunityContactRole: 9,
            Milestone_Completion__c: 12,
            OpportunitiesCreated: 8,
        });
        const goals = root.querySelector('c-learning-goal-list') as HTMLElement & { goals: unknown[]; viewerIsRep: boolean };
        expect(goals.goals).toHaveLength(2);
        expect(goals.viewerIsRep).toBe(false);
        const lossChart = root.querySelector('c-loss-chart') as HTMLElement & { lossProfile: string };
        expect(lossChart.lossProfile).toContain('Proposal/Price Quote');
        await expect(element).toBeAccessible();
    });

    it('offers the discovery prompts while the why is unknown', async () => {
        const data = clone(planQuery);
        data.uiapi.query.Goal_Plan__c.edges[0].node.Why_Goal__c.value = null as unknown as string;
        const element = createPanel();
        graphqlAdapter.emit(data);
        await flushPromises();
        expect(element.shadowRoot!.querySelector('c-discovery-prompts')).not.toBeNull();
    });

    it('still renders when the viewer cannot read some fields', async () => {
        const data = clone(planQuery);
        const node = data.uiapi.query.Goal_Plan__c.edges[0].node as Record<string, unknown>;
        delete node.Why_Goal__c;
        delete node.Why_Ladder__c;
        delete node.Loss_Profile__c;
        delete node.Weekly_Target__c;
        const element = createPanel();
        graphqlAdapter.emit(data);
        await flushPromises();
        const whyLadder = element.shadowRoot!.querySelector('c-why-ladder') as HTMLElement & { plan: { whyGoal?: string } };
        expect(whyLadder.plan.whyGoal).toBeUndefined();
        const lossChart = element.shadowRoot!.querySelector('c-loss-chart') as HTMLElement & { lossProfile?: string };
        expect(lossChart.lossProfile).toBeUndefined();
        await expect(element).toBeAccessible();
    });

    it('shows the wire error with its message', async () => {
        const element = createPanel();
        graphqlAdapter.emitErrors([{ message: 'Field Why_Goal__c is not available' }]);
        await flushPromises();
        const alert = element.shadowRoot!.querySelector('.load-error');
        expect(alert!.textContent).toContain('Field Why_Goal__c is not available');
        await expect(element).toBeAccessible();
    });

    it('shows a no-access message when goal plans are not available to the viewer', async () => {
        const element = createPanel();
        objectInfoAdapter.error({ message: 'You do not have access to Goal_Plan__c' }, 403, 'Forbidden');
        graphqlAdapter.emit(planQuery);
        await flushPromises();
        expect(element.shadowRoot!.querySelector('.no-access')).not.toBeNull();
        expect(element.shadowRoot!.querySelector('c-why-ladder')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('creates the plan for the period with one click when there is none', async () => {
        createRecordMock.mockResolvedValueOnce({ id: 'a015g00000PlAn9AAB', apiName: 'Goal_Plan__c', fields: {} });
        const refresh = jest.fn().mockResolvedValue(undefined);
        const element = createPanel();
        objectInfoAdapter.emit(objectInfo);
        graphqlAdapter.emit(emptyQuery, undefined, refresh);
        await flushPromises();
        const root = element.shadowRoot!;
        expect(root.querySelector('.empty-plan')!.textContent).toContain('Ana Lopez has no goal plan for FY2026 yet.');
        await expect(element).toBeAccessible();
        const toasts: Array<{ variant?: string }> = [];
        element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent).detail));
        (root.querySelector('lightning-button.create-plan') as HTMLElement).click();
        await flushPromises();
        expect(createRecordMock).toHaveBeenCalledWith({
            apiName: 'Goal_Plan__c',
            fields: {
                Name: 'Ana Lopez — FY2026',
                Rep__c: REP_ID,
                Period_Start__c: '2026-01-01',
                Period_End__c: '2026-12-31',
                Selling_Weeks__c: 50,
                Plan_Key__c: `${REP_ID}:2026-01-01`,
            },
        });
        // Created by the viewer, then handed to the rep: the insert cannot set the owner.
        expect(updateRecordMock).toHaveBeenCalledWith({ fields: { Id: 'a015g00000PlAn9AAB', OwnerId: REP_ID } });
        expect(refresh).toHaveBeenCalled();
        expect(toasts).toEqual([expect.objectContaining({ variant: 'success' })]);
    });

    it('shows an error toast when the plan cannot be created', async () => {
        createRecordMock.mockRejectedValueOnce({ body: { message: 'Required fields are missing: [Period_End__c]' } });
        const element = createPanel();
        graphqlAdapter.emit(emptyQuery);
        await flushPromises();
        const toasts: Array<{ variant?: string; message?: string }> = [];
        element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent).detail));
        (element.shadowRoot!.querySelector('lightning-button.create-plan') as HTMLElement).click();
        await flushPromises();
        expect(toasts).toEqual([expect.objectContaining({ variant: 'error', message: 'Required fields are missing: [Period_End__c]' })]);
    });

    it('explains a plan that exists but is not shared with the viewer', async () => {
        createRecordMock.mockRejectedValueOnce({
            body: {
                message: 'An error occurred while trying to update the record. Please try again.',
                output: {
                    errors: [
                        {
                            errorCode: 'DUPLICATE_VALUE',
                            message: 'duplicate value found: Plan_Key__c duplicates value on record with id: a015g00000PlAn1AAB',
                        },
                    ],
                    fieldErrors: {},
                },
            },
        });
        const element = createPanel();
        graphqlAdapter.emit(emptyQuery);
        await flushPromises();
        const toasts: Array<{ variant?: string; message?: string }> = [];
        element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent).detail));
        (element.shadowRoot!.querySelector('lightning-button.create-plan') as HTMLElement).click();
        await flushPromises();
        expect(toasts).toEqual([
            expect.objectContaining({ variant: 'error', message: expect.stringContaining('already exists but is not shared with you') }),
        ]);
    });

    it('on the app page asks for a rep, then loads the picked rep', async () => {
        const element = createPanel(null);
        await flushPromises();
        const root = element.shadowRoot!;
        expect(root.querySelector('.needs-rep')).not.toBeNull();
        await expect(element).toBeAccessible();
        const rePicker = recordPickerOf(element) as HTMLElement & { filter: unknown; objectApiName: string };
        expect(rePicker.objectApiName).toBe('User');
        expect(rePicker.filter).toEqual({ criteria: [{ fieldPath: 'IsActive', operator: 'eq', value: true }] });
        const picker = recordPickerOf(element)!;
        picker.dispatchEvent(new CustomEvent('change', { detail: { recordId: '0055g00000AbCdE' } }));
        await flushPromises();
        const config = (graphql as unknown as LdsTestWireAdapter).getLastConfig() as { variables: Record<string, string> };
        expect(config.variables.planKey).toBe(`${REP_ID}:2026-01-01`);
    });

    it('on the app page follows the rep in the page state', async () => {
        createPanel(null);
        (CurrentPageReference as unknown as LdsTestWireAdapter).emit({
            type: 'standard__navItemPage',
            attributes: { apiName: 'Goal_Coach_Coaching' },
            state: { c__repId: REP_ID },
        });
        await flushPromises();
        const config = (graphql as unknown as LdsTestWireAdapter).getLastConfig() as { variables: Record<string, string> };
        expect(config.variables.repId).toBe(REP_ID);
    });

    it('ignores a page state rep that is not a record id', async () => {
        const element = createPanel(null);
        (CurrentPageReference as unknown as LdsTestWireAdapter).emit({
            type: 'standard__navItemPage',
            attributes: { apiName: 'Goal_Coach_Coaching' },
            state: { c__repId: "005' OR Name != '" },
        });
        await flushPromises();
        expect(element.shadowRoot!.querySelector('.needs-rep')).not.toBeNull();
    });

    it('tells reps on their own record that the plan is theirs', async () => {
        const element = createPanel('005000000000000000');
        graphqlAdapter.emit(emptyQuery);
        await flushPromises();
        expect(element.shadowRoot!.querySelector('.empty-plan')!.textContent).toContain('You have no goal plan for FY2026 yet.');
    });
});
