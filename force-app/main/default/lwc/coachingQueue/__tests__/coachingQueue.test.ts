import { createElement } from 'lwc';
import CoachingQueue from 'c/coachingQueue';
import { graphql } from 'lightning/graphql';
import { CurrentPageReference } from 'lightning/navigation';

import queueQuery from './data/coachingQueue.json';
import emptyQuery from './data/coachingQueueEmpty.json';
import dealsQuery from './data/coachingQueueDeals.json';
import reportsQuery from './data/coachingQueueReports.json';
import coachingApp from './data/coachingAppPage.json';

// The sfdx-lwc-jest navigation stub ignores Navigate calls: record them instead.
const mockNavigate = jest.fn();
jest.mock('lightning/navigation', () => {
    const actual = jest.requireActual('lightning/navigation');
    const Navigate = actual.NavigationMixin.Navigate;
    const NavigationMixin = (Base: new () => object) =>
        class extends Base {
            [Navigate](pageRef: unknown, replace?: boolean) {
                mockNavigate(pageRef, replace);
            }
        };
    NavigationMixin.Navigate = Navigate;
    NavigationMixin.GenerateUrl = actual.NavigationMixin.GenerateUrl;
    return { ...actual, NavigationMixin };
});

type WireConfig = { operationName?: string; variables?: Record<string, unknown> };
interface GraphQlTestAdapter {
    emit(value: unknown, filter?: (config: WireConfig) => boolean): void;
    emitErrors(errors: unknown[], filter?: (config: WireConfig) => boolean): void;
}
const graphqlAdapter = graphql as unknown as GraphQlTestAdapter;
const pageReferenceAdapter = CurrentPageReference as unknown as LdsTestWireAdapter;
const operation = (name: string) => (config: WireConfig) => config.operationName === name;

const ANA = '0055g00000AnAAAAAA';
const BEN = '0055g00000BeNAAAAA';
const CHLOE = '0055g00000ChLAAAAA';

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function createQueue(): HTMLElement {
    const element = createElement('c-coaching-queue', { is: CoachingQueue });
    document.body.appendChild(element);
    return element;
}

function wireConfigs(): Record<string, WireConfig> {
    const configs: Record<string, WireConfig> = {};
    graphqlAdapter.emit(undefined, (config) => {
        configs[config.operationName ?? ''] = config;
        return false;
    });
    return configs;
}

async function loadQueue(element: HTMLElement, deals: unknown = dealsQuery) {
    await flushPromises();
    graphqlAdapter.emit(queueQuery, operation('coachingQueue'));
    graphqlAdapter.emit(reportsQuery, operation('coachingQueueReports'));
    await flushPromises();
    if (deals) graphqlAdapter.emit(deals, operation('coachingQueueDeals'));
    await flushPromises();
    return element;
}

function rowsOf(element: HTMLElement) {
    return [...element.shadowRoot!.querySelectorAll('c-coaching-queue-row')].map((row) => ({
        name: row.shadowRoot!.querySelector('.open-rep')!.textContent,
        goal: row.shadowRoot!.querySelector('.top-goal')!.textContent,
        reasons: row.shadowRoot!.querySelector('.reasons')!.textContent,
    }));
}

describe('c-coaching-queue', () => {
    beforeEach(() => {
        jest.useFakeTimers({
            now: new Date('2026-06-30T15:00:00Z'),
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

    it('shows a spinner until the queue loads, and asks for the deals only once the reps are known', async () => {
        const element = createQueue();
        await flushPromises();
        expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
        const configs = wireConfigs();
        expect(configs.coachingQueue!.variables).toEqual({ periodStart: '2026-01-01', today: '2026-06-30' });
        expect(configs.coachingQueueReports!.variables).toEqual({ viewerId: '005000000000000000' });
        expect(configs.coachingQueueDeals!.variables).toBeUndefined();
        await expect(element).toBeAccessible();

        graphqlAdapter.emit(queueQuery, operation('coachingQueue'));
        graphqlAdapter.emit(reportsQuery, operation('coachingQueueReports'));
        await flushPromises();
        expect(wireConfigs().coachingQueueDeals!.variables).toEqual({ repIds: [ANA, BEN, CHLOE], periodStart: '2026-01-01' });
    });

    it('lists the reps neediest first with the top learning goal and why they are there', async () => {
        const element = await loadQueue(createQueue());
        const rows = rowsOf(element);
        expect(rows.map((row) => row.name)).toEqual([
            'Ana Lopez: open the plan',
            'Chloe Haddad: open the plan',
            'Ben Tanaka: open the plan',
        ]);
        expect(rows[0]).toEqual({
            name: 'Ana Lopez: open the plan',
            goal: 'Suggested: Map the decision process before Proposal (Decision Process, 91% confidence)',
            reasons:
                '35 days since the last session · suggested: Decision Process · win rate 12% vs team 24% · 2 overdue steps · next session 21 days late',
        });
        expect(rows[1]).toEqual({ name: 'Chloe Haddad: open the plan', goal: 'No goal plan for this period yet.', reasons: 'no session yet this period' });
        expect(rows[2]!.goal).toBe('Working on: Ask "what happens if you do nothing?" in every discovery call (Emotional Intelligence)');
        expect(rows[2]!.reasons).toBe('Nothing pressing this week.');
        expect(element.shadowRoot!.querySelector('.team-line')!.textContent).toBe(
            '3 reps, neediest first. Team win rate this period: 24% (11 of 45 closed deals of these reps).'
        );
        await expect(element).toBeAccessible();
    });

    it('shows a new hire as such, with when learning goals come, not as a rep without goals', async () => {
        const queue = JSON.parse(JSON.stringify(queueQuery));
        queue.uiapi.query.Goal_Plan__c.edges.push({
            node: {
                Id: 'a015g00000PlanCAAA',
                Name: { value: 'Chloe Haddad — FY2026' },
                Rep__c: { value: CHLOE },
                Rep__r: { Name: { value: 'Chloe Haddad' } },
                Why_Goal__c: { value: null },
                Plan_Start_Reason__c: { value: 'New hire' },
                Trigger_Event_Type__c: { value: 'Hire' },
            },
        });
        const element = createQueue();
        await flushPromises();
        graphqlAdapter.emit(queue, operation('coachingQueue'));
        graphqlAdapter.emit(reportsQuery, operation('coachingQueueReports'));
        await flushPromises();
        graphqlAdapter.emit(dealsQuery, operation('coachingQueueDeals'));
        await flushPromises();
        const row = [...element.shadowRoot!.querySelectorAll('c-coaching-queue-row')].find((item) =>
            item.shadowRoot!.querySelector('.open-rep')!.textContent!.startsWith('Chloe Haddad')
        )!;
        expect(row.shadowRoot!.querySelector('.top-goal')!.textContent).toBe(
            'New hire: learning goals from the analysis come after about 15 closed deals; start with the conversation.'
        );
        expect((row.shadowRoot!.querySelector('lightning-badge.new-hire-badge') as HTMLElement & { label: string }).label).toBe('New hire');
        const others = [...element.shadowRoot!.querySelectorAll('c-coaching-queue-row')].filter((item) => item !== row);
        expect(others.every((item) => item.shadowRoot!.querySelector('.new-hire-badge') === null)).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('shows the team strip: reps per skill accepted, suggested or none', async () => {
        const element = await loadQueue(createQueue());
        const strip = element.shadowRoot!.querySelector('c-team-skill-strip')!;
        const skillRows = [...strip.shadowRoot!.querySelectorAll('.skill-row')].map((row) => ({
            skill: row.querySelector('.skill-name')!.textContent,
            summary: row.querySelector('.skill-summary')!.textContent,
            suggested: row.querySelector('.suggested-reps')?.textContent ?? null,
        }));
        expect(skillRows).toEqual([
            { skill: 'Decision Process', summary: '0 accepted, 1 suggested, 2 none', suggested: 'Suggested for Ana Lopez' },
            { skill: 'Priority Management', summary: '0 accepted, 1 suggested, 2 none', suggested: 'Suggested for Ana Lopez' },
            { skill: 'Emotional Intelligence', summary: '1 accepted, 0 suggested, 2 none', suggested: null },
        ]);
        await expect(element).toBeAccessible();
    });

    it('opens a rep\'s plan in one click through the page state c__repId', async () => {
        const element = createQueue();
        pageReferenceAdapter.emit(coachingApp);
        await loadQueue(element);
        const row = element.shadowRoot!.querySelectorAll('c-coaching-queue-row')[0]!;
        (row.shadowRoot!.querySelector('.open-rep') as HTMLButtonElement).click();
        expect(mockNavigate).toHaveBeenCalledWith({ ...coachingApp, state: { c__repId: ANA } }, true);

        pageReferenceAdapter.emit({ ...coachingApp, state: { c__repId: ANA } });
        await flushPromises();
        const selected = element.shadowRoot!.querySelectorAll('c-coaching-queue-row')[0]!.shadowRoot!.querySelector('.open-rep')!;
        expect(selected.getAttribute('aria-current')).toBe('true');
        await expect(element).toBeAccessible();
    });

    it('explains an empty queue', async () => {
        const element = createQueue();
        await flushPromises();
        graphqlAdapter.emit(emptyQuery, operation('coachingQueue'));
        await flushPromises();
        const empty = element.shadowRoot!.querySelector('c-empty-state.empty-queue') as HTMLElement & { heading: string; message: string };
        expect(empty.heading).toBe('No reps in your queue yet');
        expect(empty.message).toContain('shared with you through the role hierarchy');
        expect(element.shadowRoot!.querySelector('c-coaching-queue-row')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the load error with its message', async () => {
        const element = createQueue();
        await flushPromises();
        graphqlAdapter.emitErrors([{ message: 'Field Goal_Plan__c is not supported' }], operation('coachingQueue'));
        await flushPromises();
        expect(element.shadowRoot!.querySelector('.load-error')!.textContent).toBe(
            'The coaching queue could not load: Field Goal_Plan__c is not supported'
        );
        await expect(element).toBeAccessible();
    });

    it('keeps the queue when the deals query is refused, and says win rates are left out', async () => {
        const element = await loadQueue(createQueue(), null);
        graphqlAdapter.emitErrors([{ message: 'Opportunity is not accessible' }], operation('coachingQueueDeals'));
        await flushPromises();
        expect(element.shadowRoot!.querySelector('.deals-note')!.textContent).toBe('Win rates are left out: Opportunity is not accessible');
        expect(rowsOf(element)).toHaveLength(3);
        expect(rowsOf(element)[0]!.reasons).not.toContain('win rate');
        await expect(element).toBeAccessible();
    });

    it('keeps the reps with a plan when the direct-reports query is refused', async () => {
        const element = createQueue();
        await flushPromises();
        graphqlAdapter.emit(queueQuery, operation('coachingQueue'));
        graphqlAdapter.emitErrors([{ message: 'User is not supported by UI API GraphQL' }], operation('coachingQueueReports'));
        await flushPromises();
        expect(rowsOf(element).map((row) => row.name)).toEqual(['Ana Lopez: open the plan', 'Ben Tanaka: open the plan']);
        await expect(element).toBeAccessible();
    });

    it('says when the deals were cut at 2,000', async () => {
        const truncated = JSON.parse(JSON.stringify(dealsQuery));
        truncated.uiapi.query.Opportunity.pageInfo.hasNextPage = true;
        const element = await loadQueue(createQueue(), truncated);
        expect(element.shadowRoot!.querySelector('.deals-note')!.textContent).toBe(
            'Win rates count the latest 2,000 closed deals of the period only.'
        );
    });
});
