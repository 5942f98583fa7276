import { createElement } from 'lwc';
import BuyingCommittee from 'c/buyingCommittee';
import { getPicklistValues } from 'lightning/uiObjectInfoApi';
import { graphql } from 'lightning/graphql';
import { encodeDefaultFieldValues } from 'lightning/pageReferenceUtils';

import contactRoles from './data/contactRoles.json';
import rolePicklist from './data/rolePicklist.json';
import tasks from './data/tasks.json';
import events from './data/events.json';
import wonDeals from './data/wonDeals.json';

const mockNavigate = jest.fn();
jest.mock('lightning/navigation', () => {
    const actual = jest.requireActual('lightning/navigation');
    const Navigate = actual.NavigationMixin.Navigate;
    const NavigationMixin = (Base: new () => object) =>
        class extends Base {
            [Navigate](pageRef: unknown) {
                mockNavigate(pageRef);
            }
        };
    NavigationMixin.Navigate = Navigate;
    NavigationMixin.GenerateUrl = actual.NavigationMixin.GenerateUrl;
    return { ...actual, NavigationMixin };
});

interface GraphQlTestAdapter {
    emit(value: unknown, filter?: (config: { operationName?: string }) => boolean): void;
    emitErrors(errors: unknown[], filter?: (config: { operationName?: string }) => boolean): void;
    getLastConfig(): { variables?: Record<string, unknown>; operationName?: string };
}
const graphqlAdapter = graphql as unknown as GraphQlTestAdapter;
const picklistAdapter = getPicklistValues as unknown as LdsTestWireAdapter;
const OPPORTUNITY_ID = '0065g00000Qw3rTAAR';
const MANAGER_ID = '0055g00000Mgr01AAA';

type Committee = HTMLElement & {
    recordId?: string;
    contactRoles: unknown;
    amount: number | null;
    teamManagerId: string | null;
    requiredRoles: Array<{ role: string; milestoneName: string }>;
};

const only = (name: string) => (config: { operationName?: string }) => config.operationName === name;

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function render(props: Partial<Committee> = {}): Committee {
    const element = createElement('c-buying-committee', { is: BuyingCommittee }) as Committee;
    element.recordId = OPPORTUNITY_ID;
    element.contactRoles = contactRoles;
    element.amount = 60000;
    element.teamManagerId = MANAGER_ID;
    element.requiredRoles = [];
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

async function load(props: Partial<Committee> = {}): Promise<Committee> {
    const element = render(props);
    await flush();
    picklistAdapter.emit(rolePicklist);
    graphqlAdapter.emit(tasks, only('buyingCommitteeTasks'));
    graphqlAdapter.emit(events, only('buyingCommitteeEvents'));
    graphqlAdapter.emit(wonDeals, only('buyingCommitteeWonDeals'));
    await flush();
    return element;
}

function texts(element: HTMLElement, selector: string): string[] {
    return Array.from(element.shadowRoot!.querySelectorAll(selector)).map((node) => node.textContent!.replace(/\s+/g, ' ').trim());
}

afterEach(() => {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
});

describe('c-buying-committee', () => {
    it('groups the contact roles by role, with picklist labels, and an admin-added role under Others', async () => {
        const element = await load();
        expect(texts(element, '.group-label')).toEqual(['Economic Buyer', 'Champion / Influencer', 'Technical Buyer', 'Others']);
        expect(texts(element, '.member-name')).toEqual(['Priya Raman', 'Lena Wong', 'Jonas Meyer', 'Sam Adeyemi']);
        expect(texts(element, '.member')[3]).toContain('Procurement lead (buying desk)');
        expect(picklistAdapter.getLastConfig()).toEqual({ recordTypeId: '012000000000000AAA', fieldApiName: 'OpportunityContactRole.Role' });
        await expect(element).toBeAccessible();
    });

    it('shows the last activity with each contact, and who was mapped but never met', async () => {
        const element = await load();
        const dates = Array.from(element.shadowRoot!.querySelectorAll('.last-met lightning-formatted-date-time')) as Array<HTMLElement & { value: string }>;
        // Priya: the latest of her two calls; Jonas: the ended event.
        expect(dates.map((node) => node.value)).toEqual(['2026-10-06', '2026-10-20T12:00:00.000Z']);
        expect(texts(element, '.never-met')).toEqual(['Mapped, never met', 'Mapped, never met']);
        const members = texts(element, '.member');
        expect(members[1]).toContain('Lena Wong · Influencer · Mapped, never met');
    });

    it("asks for the activities of the deal's contacts only, and for won deals of a similar size of the team", async () => {
        render();
        await flush();
        const wonConfig = { managerId: MANAGER_ID, low: 30000, high: 120000, pageSize: 200 };
        const seen: Array<{ operationName?: string; variables?: Record<string, unknown> }> = [];
        graphqlAdapter.emit(wonDeals, (config) => {
            seen.push(config as { operationName?: string; variables?: Record<string, unknown> });
            return false;
        });
        const byName = Object.fromEntries(seen.map((config) => [config.operationName, config.variables]));
        expect(byName.buyingCommitteeTasks).toEqual({
            contactIds: ['0035g00000Pr1yAAAR', '0035g00000Jm2zBAAR', '0035g00000Lw3xCAAR', '0035g00000Sa4wDAAR'],
            pageSize: 200,
        });
        expect(byName.buyingCommitteeEvents).toMatchObject({ pageSize: 200, now: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
        expect(byName.buyingCommitteeWonDeals).toEqual(wonConfig);
    });

    it("states plainly the roles the team's similar won deals usually had and this deal lacks", async () => {
        const element = await load();
        expect(texts(element, '.missing-text')).toEqual([
            "No decision maker yet: 78% of the team's won deals of $30K–$120K had a decision maker.",
        ]);
        await expect(element).toBeAccessible();
    });

    it('names the milestone that needs a role first', async () => {
        const element = await load({ contactRoles: [], requiredRoles: [{ role: 'Economic Buyer', milestoneName: 'Economic buyer identified' }] });
        expect(texts(element, '.missing-text')).toEqual([
            'No economic buyer yet: the milestone "Economic buyer identified" needs one.',
            "No decision maker yet: 78% of the team's won deals of $30K–$120K had a decision maker.",
        ]);
        expect(texts(element, '.no-members')).toEqual(['No contact roles on this deal yet.']);
        await expect(element).toBeAccessible();
    });

    it("doesn't ask a $10K deal for a full committee: it is compared with small won deals only", async () => {
        const element = await load({ amount: 10000 });
        expect(texts(element, '.missing-text')).toEqual([]);
    });

    it('adds a missing role through the standard New Contact Role page', async () => {
        (encodeDefaultFieldValues as jest.Mock).mockReturnValue('OpportunityId=0065g00000Qw3rTAAR,Role=Decision%20Maker');
        const element = await load();
        (element.shadowRoot!.querySelector('.add-role') as HTMLElement).click();
        expect(encodeDefaultFieldValues).toHaveBeenCalledWith({ OpportunityId: OPPORTUNITY_ID, Role: 'Decision Maker' });
        expect(mockNavigate).toHaveBeenCalledWith({
            type: 'standard__objectPage',
            attributes: { objectApiName: 'OpportunityContactRole', actionName: 'new' },
            state: { defaultFieldValues: 'OpportunityId=0065g00000Qw3rTAAR,Role=Decision%20Maker' },
        });
    });

    it('degrades each refused query to a plain note while the rest shows', async () => {
        const element = render();
        await flush();
        picklistAdapter.error();
        graphqlAdapter.emitErrors([{ message: 'Task is not supported in UI API GraphQL.' }], only('buyingCommitteeTasks'));
        graphqlAdapter.emitErrors([{ message: 'Event is not supported in UI API GraphQL.' }], only('buyingCommitteeEvents'));
        graphqlAdapter.emitErrors([{ message: "OpportunityContactRoles isn't a child relationship." }], only('buyingCommitteeWonDeals'));
        await flush();
        expect(texts(element, '.member-name')).toHaveLength(4);
        // Without the picklist, roles show as stored.
        expect(texts(element, '.member')[3]).toContain('Procurement Lead');
        expect(texts(element, '.never-met')).toEqual([]);
        expect(texts(element, '.committee-notes li')).toEqual([
            "When you last met each contact can't be shown here: Task is not supported in UI API GraphQL.",
            "The team's won deals couldn't be read, so only the milestones' roles are asked for: OpportunityContactRoles isn't a child relationship.",
        ]);
        await expect(element).toBeAccessible();
    });

    it('uses the events alone when only the tasks are refused', async () => {
        const element = render();
        await flush();
        graphqlAdapter.emitErrors([{ message: 'Task is not supported.' }], only('buyingCommitteeTasks'));
        graphqlAdapter.emit(events, only('buyingCommitteeEvents'));
        await flush();
        expect(texts(element, '.last-met')).toHaveLength(1);
        expect(texts(element, '.committee-notes li')).toEqual([]);
    });

    it("says so when the viewer can't read contact roles", async () => {
        const element = await load({ contactRoles: null });
        expect(texts(element, '.cannot-read')[0]).toContain("You can't see this deal's contact roles");
        await expect(element).toBeAccessible();
    });

    it('tells a deal without an amount why it is not compared with won deals', async () => {
        const element = await load({ amount: null });
        expect(texts(element, '.committee-notes li')).toEqual(['This deal has no amount, so it is not compared with the team’s won deals.']);
    });
});
