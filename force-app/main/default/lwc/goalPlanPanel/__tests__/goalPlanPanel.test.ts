import { createElement } from 'lwc';
import GoalPlanPanel from 'c/goalPlanPanel';
import { graphql } from 'lightning/graphql';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { CurrentPageReference } from 'lightning/navigation';

import planQuery from './data/goalPlanQuery.json';
import emptyQuery from './data/goalPlanQueryEmpty.json';
import newPlanQuery from './data/goalPlanQueryNew.json';
import objectInfo from './data/goalPlanObjectInfo.json';
import repQuery from './data/goalPlanRep.json';
import peerRepQuery from './data/goalPlanRepPeer.json';
import meetingsQuery from './data/goalPlanMeetings.json';
import callsQuery from './data/goalPlanCalls.json';
import decisionMakersQuery from './data/goalPlanDecisionMakers.json';

type WireConfig = { operationName?: string; variables?: Record<string, string> };
interface GraphQlTestAdapter {
    emit(value: unknown, filter?: (config: WireConfig) => boolean, refresh?: () => Promise<unknown>): void;
    emitErrors(errors: unknown[], filter?: (config: WireConfig) => boolean): void;
}
const graphqlAdapter = graphql as unknown as GraphQlTestAdapter;

/** Only the panel's graphql wire that runs the named operation. */
const operation = (name: string) => (config: WireConfig) => config.operationName === name;

const COUNT_QUERIES: Record<string, unknown> = {
    goalPlanMeetings: meetingsQuery,
    goalPlanCalls: callsQuery,
    goalPlanDecisionMakers: decisionMakersQuery,
};

/**
 * Answers every query of the panel: the plan (or `plan`), the rep's name and the activity counts
 * (those named in `failing` answer with errors). Waits first for the wires to receive their configs.
 */
async function emitQueries(plan: unknown = planQuery, refresh?: () => Promise<unknown>, failing: string[] = []) {
    await flushPromises();
    graphqlAdapter.emit(plan, operation('goalPlan'), refresh);
    graphqlAdapter.emit(repQuery, operation('goalPlanRep'));
    for (const [name, data] of Object.entries(COUNT_QUERIES)) {
        if (failing.includes(name)) {
            graphqlAdapter.emitErrors([{ message: 'Validation error: the object is not supported by UI API GraphQL' }], operation(name));
        } else {
            graphqlAdapter.emit(data, operation(name));
        }
    }
}

/** The config of every graphql wire of the panel, by operation name. */
function wireConfigs(): Record<string, WireConfig> {
    const configs: Record<string, WireConfig> = {};
    graphqlAdapter.emit(undefined, (config) => {
        configs[config.operationName ?? ''] = config;
        return false;
    });
    return configs;
}
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
        await emitQueries(planQuery);
        await flushPromises();
        const configs = wireConfigs();
        // The viewer's time zone (@salesforce/i18n/timeZone; America/Los_Angeles in jest) starts the
        // period at its own midnight, 08:00 UTC on January 1st, not at UTC midnight.
        expect(configs.goalPlan!.variables).toEqual({
            repId: REP_ID,
            planKey: `${REP_ID}:2026-01-01`,
            periodStart: '2026-01-01',
            periodStartTime: '2026-01-01T08:00:00.000Z',
        });
        expect(configs.goalPlanRep!.variables).toEqual({ repId: REP_ID });
        expect(configs.goalPlanMeetings!.variables).toEqual({ repId: REP_ID, periodStart: '2026-01-01', today: '2026-03-18' });
        expect(configs.goalPlanCalls!.variables).toEqual({ repId: REP_ID, periodStart: '2026-01-01', today: '2026-03-18' });
        expect(configs.goalPlanDecisionMakers!.variables).toEqual({ repId: REP_ID, periodStartTime: '2026-01-01T08:00:00.000Z' });
        expect(configs.goalPlanDeals!.variables).toEqual({ repId: REP_ID, periodStart: '2026-01-01' });
        expect(element.shadowRoot!.querySelector('c-rep-picker')).toBeNull();
    });

    it('renders every part of the plan when it loads', async () => {
        const element = createPanel();
        objectInfoAdapter.emit(objectInfo);
        await emitQueries(planQuery);
        await flushPromises();
        const root = element.shadowRoot!;
        const conversation = root.querySelector('details.why-section c-discovery-conversation') as HTMLElement & {
            plan: { whyGoal: string; realityCheckRead: string; whyCost: number; commissionRate: number; triggerEventDate: string };
            readOnly: boolean;
        };
        expect(conversation.plan).toMatchObject({
            whyGoal: 'Time with my kids while they are still young',
            realityCheckRead: 'Clearly important',
            whyCost: 60000,
            commissionRate: 10,
            triggerEventDate: '2026-06-30',
        });
        expect(conversation.readOnly).toBe(false);
        expect(root.querySelector('.new-hire')).toBeNull();
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
        // The withdrawal fields are read (null on a goal the analysis still suggests; absent when unreadable).
        expect(goals.goals[0]).toMatchObject({ status: 'Suggested', withdrawnReason: null, withdrawnDate: null });
        expect(goals.viewerIsRep).toBe(false);
        const lossChart = root.querySelector('c-loss-chart') as HTMLElement & { lossProfile: string };
        expect(lossChart.lossProfile).toContain('Proposal/Price Quote');
        await expect(element).toBeAccessible();
    });

    it('shows the plan when the activity count queries fail, with those counts marked as not countable here', async () => {
        const element = createPanel();
        objectInfoAdapter.emit(objectInfo);
        await emitQueries(planQuery, undefined, ['goalPlanMeetings', 'goalPlanCalls', 'goalPlanDecisionMakers']);
        await flushPromises();
        const root = element.shadowRoot!;
        expect(root.querySelector('.load-error')).toBeNull();
        expect((root.querySelector('c-discovery-conversation') as HTMLElement & { plan: { whyGoal: string } }).plan.whyGoal).toBe(
            'Time with my kids while they are still young',
        );
        expect((root.querySelector('c-stepping-stones') as HTMLElement & { wins: unknown[] }).wins).toHaveLength(5);
        const inputs = root.querySelector('c-input-goals') as HTMLElement & { actualCounts: Record<string, number>; uncountedSources: string[] };
        // The documented counts still come from the plan query.
        expect(inputs.actualCounts).toEqual({ Milestone_Completion__c: 12, OpportunitiesCreated: 8 });
        expect(inputs.uncountedSources).toEqual(['Event', 'Task', 'OpportunityContactRole']);
        await expect(element).toBeAccessible();
    });

    it("hands the rep's open and lost deals to the 1:1 preparation, or that the org refused them", async () => {
        const element = createPanel();
        await emitQueries(planQuery);
        const deal = { Id: '0065g00000Dl001AAB', Name: { value: 'Acme — 200 licenses' }, CloseDate: { value: '2026-03-10' } };
        const lost = { Id: '0065g00000Dl005AAB', Name: { value: 'Hooli platform' }, CloseDate: { value: '2026-03-12' } };
        graphqlAdapter.emit({ uiapi: { query: { OpenDeals: { edges: [{ node: deal }] }, LostDeals: { edges: [{ node: lost }] } } } }, operation('goalPlanDeals'));
        await flushPromises();
        const prep = () => element.shadowRoot!.querySelector('c-one-on-one-prep') as HTMLElement & { dealSources: unknown };
        expect(prep().dealSources).toEqual({ openDeals: [deal], lostDeals: [lost] });
        graphqlAdapter.emitErrors([{ message: 'Validation error: Opportunity is not supported' }], operation('goalPlanDeals'));
        await flushPromises();
        expect(prep().dealSources).toEqual({ openDeals: [], lostDeals: [], problem: expect.stringContaining('Opportunity is not supported') });
        await expect(element).toBeAccessible();
    });

    it('shows the plan when only the rep name query fails', async () => {
        const element = createPanel();
        await flushPromises();
        graphqlAdapter.emit(emptyQuery, operation('goalPlan'));
        graphqlAdapter.emitErrors([{ message: 'User is not available' }], operation('goalPlanRep'));
        await flushPromises();
        const root = element.shadowRoot!;
        expect(root.querySelector('.load-error')).toBeNull();
        expect((root.querySelector('.empty-plan c-empty-state') as HTMLElement & { message: string }).message).toContain('This rep has no goal plan for FY2026 yet.');
        await expect(element).toBeAccessible();
    });

    it('opens a new hire\'s plan on the conversation and the first tiny steps, saying when learning goals come', async () => {
        const data = clone(planQuery);
        const node = data.uiapi.query.Goal_Plan__c.edges[0].node as unknown as Record<string, { value: unknown }>;
        node.Plan_Start_Reason__c = { value: 'New hire' };
        const element = createPanel();
        objectInfoAdapter.emit(objectInfo);
        await emitQueries(data);
        await flushPromises();
        const root = element.shadowRoot!;
        const newHire = root.querySelector('section.new-hire')!;
        expect(newHire.querySelector('h3')!.textContent).toBe('Ana Lopez is new: start with the conversation');
        expect(root.querySelector('.new-hire-message')!.textContent).toBe(
            'Learning goals from the analysis come after about 15 closed deals. Until then, start with the conversation and the first tiny steps.'
        );
        expect(newHire.querySelector('c-discovery-conversation')).not.toBeNull();
        expect((newHire.querySelector('c-next-steps') as HTMLElement & { steps: unknown[] }).steps).toHaveLength(3);
        // Neither appears a second time below.
        expect(root.querySelectorAll('c-discovery-conversation')).toHaveLength(1);
        expect(root.querySelectorAll('c-next-steps')).toHaveLength(1);
        expect(root.querySelector('details.why-section')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the conversation and the stones without inputs when the viewer may not edit goal plans', async () => {
        const element = createPanel();
        objectInfoAdapter.emit({ ...objectInfo, updateable: false });
        await emitQueries(planQuery);
        await flushPromises();
        const root = element.shadowRoot!;
        expect((root.querySelector('c-discovery-conversation') as HTMLElement & { readOnly: boolean }).readOnly).toBe(true);
        expect((root.querySelector('c-stepping-stones') as HTMLElement & { readOnly: boolean }).readOnly).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('still renders when the viewer cannot read some fields', async () => {
        const data = clone(planQuery);
        const node = data.uiapi.query.Goal_Plan__c.edges[0].node as Record<string, unknown>;
        delete node.Why_Goal__c;
        delete node.Why_Ladder__c;
        delete node.Loss_Profile__c;
        delete node.Weekly_Target__c;
        const element = createPanel();
        await emitQueries(data);
        await flushPromises();
        const conversation = element.shadowRoot!.querySelector('c-discovery-conversation') as HTMLElement & { plan: { whyGoal?: string } };
        expect(conversation.plan.whyGoal).toBeUndefined();
        const lossChart = element.shadowRoot!.querySelector('c-loss-chart') as HTMLElement & { lossProfile?: string };
        expect(lossChart.lossProfile).toBeUndefined();
        await expect(element).toBeAccessible();
    });

    it('shows the wire error with its message', async () => {
        const element = createPanel();
        await flushPromises();
        graphqlAdapter.emitErrors([{ message: 'Field Why_Goal__c is not available' }], operation('goalPlan'));
        await flushPromises();
        const alert = element.shadowRoot!.querySelector('.load-error');
        expect(alert!.textContent).toContain('Field Why_Goal__c is not available');
        await expect(element).toBeAccessible();
    });

    it('shows a no-access message when goal plans are not available to the viewer', async () => {
        const element = createPanel();
        objectInfoAdapter.error({ message: 'You do not have access to Goal_Plan__c' }, 403, 'Forbidden');
        await emitQueries(planQuery);
        await flushPromises();
        expect(element.shadowRoot!.querySelector('.no-access')).not.toBeNull();
        expect(element.shadowRoot!.querySelector('c-discovery-conversation')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('opens a new plan on one guided first step, the why, and shows the whole plan on request', async () => {
        const element = createPanel();
        objectInfoAdapter.emit(objectInfo);
        await emitQueries(newPlanQuery);
        await flushPromises();
        const root = element.shadowRoot!;
        expect(root.querySelector('.first-step-message')!.textContent).toBe(
            'Start with the why: ask Ana Lopez what hitting the number would get them, and write the answer below. Targets, steps and learning goals come next.'
        );
        expect(root.querySelector('.first-step c-why-ladder')).not.toBeNull();
        expect(root.querySelector('c-next-steps')).toBeNull();
        expect(root.querySelector('c-input-goals')).toBeNull();
        await expect(element).toBeAccessible();

        (root.querySelector('lightning-button.show-whole-plan') as HTMLElement).click();
        await flushPromises();
        expect(root.querySelector('.first-step')).toBeNull();
        expect(root.querySelector('c-next-steps')).not.toBeNull();
        expect(root.querySelector('c-one-on-one-prep')).not.toBeNull();
    });

    it('tells a peer the plan is not shared with them, without a Create button', async () => {
        const element = createPanel();
        objectInfoAdapter.emit(objectInfo);
        await emitQueries(emptyQuery);
        // The viewer is neither the rep nor anyone in the rep's manager chain.
        graphqlAdapter.emit(peerRepQuery, operation('goalPlanRep'));
        await flushPromises();
        const root = element.shadowRoot!;
        const empty = root.querySelector('c-empty-state.not-shared') as HTMLElement & { heading: string; message: string };
        expect(empty.heading).toBe('Not shared with you');
        expect(empty.message).toBe(
            "Goal plans are personal: only Ana Lopez and their managers see Ana Lopez's plan, so there is nothing here for you to open or create."
        );
        expect(root.querySelector('lightning-button.create-plan')).toBeNull();
        // Nothing of the plan, and no input of the conversation.
        expect(root.querySelector('c-discovery-conversation, c-stepping-stones, lightning-input, lightning-textarea')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('creates the plan for the period with one click when there is none', async () => {
        createRecordMock.mockResolvedValueOnce({ id: 'a015g00000PlAn9AAB', apiName: 'Goal_Plan__c', fields: {} });
        const refresh = jest.fn().mockResolvedValue(undefined);
        const element = createPanel();
        objectInfoAdapter.emit(objectInfo);
        await emitQueries(emptyQuery, refresh);
        await flushPromises();
        const root = element.shadowRoot!;
        expect((root.querySelector('.empty-plan c-empty-state') as HTMLElement & { message: string }).message).toContain('Ana Lopez has no goal plan for FY2026 yet.');
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
        await emitQueries(emptyQuery);
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
        await emitQueries(emptyQuery);
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
        expect(wireConfigs().goalPlan!.variables!.planKey).toBe(`${REP_ID}:2026-01-01`);
    });

    it('on the app page follows the rep in the page state', async () => {
        createPanel(null);
        (CurrentPageReference as unknown as LdsTestWireAdapter).emit({
            type: 'standard__navItemPage',
            attributes: { apiName: 'Goal_Coach_Coaching' },
            state: { c__repId: REP_ID },
        });
        await flushPromises();
        expect(wireConfigs().goalPlan!.variables!.repId).toBe(REP_ID);
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
        await emitQueries(emptyQuery);
        await flushPromises();
        expect((element.shadowRoot!.querySelector('.empty-plan c-empty-state') as HTMLElement & { message: string }).message).toContain('You have no goal plan for FY2026 yet.');
    });
});
