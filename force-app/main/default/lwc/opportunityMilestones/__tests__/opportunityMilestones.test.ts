import { createElement } from 'lwc';
import OpportunityMilestones from 'c/opportunityMilestones';
import { getRecord, createRecord, deleteRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecordsBatch } from 'lightning/uiRelatedListApi';
import { getPicklistValues } from 'lightning/uiObjectInfoApi';
import { graphql } from 'lightning/graphql';
import type { MilestoneRow } from 'c/milestoneItem';

import milestoneQuery from './data/milestoneQuery.json';
import milestoneQueryConfirmed from './data/milestoneQueryConfirmed.json';
import milestoneQueryEmpty from './data/milestoneQueryEmpty.json';
import milestoneQueryIncomplete from './data/milestoneQueryIncomplete.json';
import opportunityProposal from './data/opportunityProposal.json';
import opportunityRestrictedFields from './data/opportunityRestrictedFields.json';
import relatedLists from './data/relatedLists.json';
import relatedListsRestricted from './data/relatedListsRestricted.json';
import stageNamePicklist from './data/stageNamePicklist.json';

interface GraphQlTestAdapter {
    emit(value: unknown, filter?: unknown, refresh?: () => Promise<unknown>): void;
    emitErrors(errors: unknown[], filter?: unknown, refresh?: () => Promise<unknown>): void;
}

const graphqlAdapter = graphql as unknown as GraphQlTestAdapter;
const recordAdapter = getRecord as unknown as LdsTestWireAdapter;
const relatedListAdapter = getRelatedListRecordsBatch as unknown as LdsTestWireAdapter;
const picklistAdapter = getPicklistValues as unknown as LdsTestWireAdapter;
const OPPORTUNITY_ID = '0065g00000Qw3rTAAR';
/** The event name ShowToastEvent dispatches. */
const SHOW_TOAST = 'lightning__showtoast';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

function render(): HTMLElement & { recordId?: string } {
    const element = createElement('c-opportunity-milestones', { is: OpportunityMilestones }) as HTMLElement & { recordId?: string };
    element.recordId = OPPORTUNITY_ID;
    document.body.appendChild(element);
    return element;
}

/** Lets wires, promise chains and re-renders settle. */
function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

async function load(options: { query?: object; record?: object; lists?: object; refresh?: () => Promise<unknown> } = {}) {
    const element = render();
    graphqlAdapter.emit(options.query ?? milestoneQuery, undefined, options.refresh);
    await flush();
    recordAdapter.emit(options.record ?? opportunityProposal);
    relatedListAdapter.emit(options.lists ?? relatedLists);
    picklistAdapter.emit(stageNamePicklist);
    await flush();
    return element;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
    return element.shadowRoot!.querySelector(selector);
}

function items(element: HTMLElement): Array<HTMLElement & { milestone: MilestoneRow }> {
    return Array.from(element.shadowRoot!.querySelectorAll('c-milestone-item')) as Array<HTMLElement & { milestone: MilestoneRow }>;
}

function itemNamed(element: HTMLElement, name: string) {
    const item = items(element).find((candidate) => candidate.milestone.name === name);
    if (!item) {
        throw new Error(`no milestone named ${name}`);
    }
    return item;
}

function texts(element: HTMLElement, selector: string): string[] {
    return Array.from(element.shadowRoot!.querySelectorAll(selector)).map((node) => node.textContent!.trim());
}

afterEach(() => {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
});

describe('c-opportunity-milestones: states', () => {
    it('shows a spinner while loading', async () => {
        const element = render();
        await flush();
        expect($(element, 'lightning-spinner')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('tells the admin how to add definitions when there are none', async () => {
        const element = render();
        graphqlAdapter.emit(milestoneQueryEmpty);
        await flush();
        const empty = $(element, '.empty');
        expect(empty?.textContent).toContain('No sales milestones are defined yet.');
        expect(empty?.textContent).toContain('add Sales Milestone records');
        // Nothing to measure: the opportunity isn't even requested.
        expect(recordAdapter.getLastConfig().recordId).toBeUndefined();
        await expect(element).toBeAccessible();
    });

    it('shows an error naming what failed', async () => {
        const element = render();
        graphqlAdapter.emitErrors([{ message: 'Request timed out.' }]);
        await flush();
        expect($(element, '.error')?.textContent).toBe("Milestones couldn't be loaded: Request timed out.");
        await expect(element).toBeAccessible();
    });

    it('shows no access, not an error, when the viewer cannot read the milestone objects', async () => {
        const element = render();
        graphqlAdapter.emitErrors([
            {
                message:
                    "Validation error of type FieldUndefined: Field 'Sales_Milestone__c' in type 'RecordQuery' is undefined @ 'uiapi/query/Sales_Milestone__c'",
            },
        ]);
        await flush();
        expect($(element, '.no-access')?.textContent).toContain('Goal Coach Rep permission set');
        expect($(element, '.error')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows no access when the opportunity itself is forbidden', async () => {
        const element = render();
        graphqlAdapter.emit(milestoneQuery);
        await flush();
        recordAdapter.error({ errorCode: 'INSUFFICIENT_ACCESS', message: 'insufficient access rights on object id' }, 403, 'Forbidden');
        await flush();
        expect($(element, '.no-access')).not.toBeNull();
        await expect(element).toBeAccessible();
    });
});

describe('c-opportunity-milestones: evidence', () => {
    it('asks getRecord for the stage, and for the amount and the fields the definitions need as optional fields', async () => {
        await load();
        expect(recordAdapter.getLastConfig()).toEqual({
            recordId: OPPORTUNITY_ID,
            fields: ['Opportunity.StageName'],
            optionalFields: ['Opportunity.Amount', 'Opportunity.IsClosed', 'Opportunity.NextStep'],
        });
        expect(relatedListAdapter.getLastConfig().parentRecordId).toBe(OPPORTUNITY_ID);
        expect(picklistAdapter.getLastConfig()).toEqual({ recordTypeId: '012000000000000AAA', fieldApiName: 'Opportunity.StageName' });
    });

    it('lists the current and earlier stages with the evidence of each type', async () => {
        const element = await load();
        const shown = items(element).map((item) => [item.milestone.name, item.milestone.status]);
        expect(shown).toEqual([
            ['First call held', 'done'],
            ['Next step agreed', 'done'],
            ['Deal qualified (or disqualified)', 'open'],
            ['Decision maker identified', 'open'],
            ['Economic buyer identified', 'done'],
            ['Decision process mapped', 'open'],
            ['Proposal reviewed with the decision maker', 'open'],
        ]);
        // Activity: the completed call, not the open task.
        expect(itemNamed(element, 'First call held').milestone).toMatchObject({
            evidenceSummary: 'Call: Intro call with Priya',
            evidenceDate: '2026-10-06T16:30:00.000Z',
        });
        // Field filled.
        expect(itemNamed(element, 'Next step agreed').milestone.evidenceSummary).toBe(
            'NextStep: Pricing workshop with procurement on 2 Dec',
        );
        // Contact role, naming the contact.
        expect(itemNamed(element, 'Economic buyer identified').milestone.evidenceSummary).toBe('Economic Buyer: Priya Raman');
        expect(itemNamed(element, 'Decision maker identified').milestone.need).toBe('Add a contact role: Decision Maker.');
        expect($(element, '.progress-text')?.textContent?.trim()).toBe('3 of 7 milestones done for Proposal/Price Quote');
        await expect(element).toBeAccessible();
    });

    it('renders the evidence and status in each row', async () => {
        const element = await load();
        const row = itemNamed(element, 'Economic buyer identified');
        expect(row.shadowRoot!.querySelector('.milestone-evidence')?.textContent).toContain('Economic Buyer: Priya Raman');
        const icon = row.shadowRoot!.querySelector('lightning-icon') as HTMLElement & { iconName: string; alternativeText: string };
        expect([icon.iconName, icon.alternativeText]).toEqual(['utility:success', 'Done']);
        const open = itemNamed(element, 'Decision maker identified');
        expect(open.shadowRoot!.querySelector('.milestone-status')?.textContent).toBe('Missing for this stage');
    });
});

describe('c-opportunity-milestones: progress against stage', () => {
    it('warns that the stage is ahead of the milestones and names the missing ones', async () => {
        const element = await load();
        expect($(element, '.stage-warning p')?.textContent).toBe(
            'This deal is in Proposal/Price Quote, but 3 milestones from earlier stages are missing:',
        );
        expect(texts(element, '.stage-warning li')).toEqual([
            'Deal qualified (or disqualified) (Qualification)',
            'Decision maker identified (Id. Decision Makers)',
            'Decision process mapped (Id. Decision Makers)',
        ]);
        await expect(element).toBeAccessible();
    });

    it('highlights the next milestone with its guidance', async () => {
        const element = await load();
        expect($(element, '.next-name')?.textContent).toBe('Deal qualified (or disqualified)');
        expect($(element, '.next-guidance')?.textContent).toContain('a fast no beats a slow no');
        expect(itemNamed(element, 'Deal qualified (or disqualified)').milestone.isNext).toBe(true);
        expect(items(element).filter((item) => item.milestone.isNext)).toHaveLength(1);
    });

    it('has no warning for a deal in its first stage', async () => {
        const record = clone(opportunityProposal);
        record.fields.StageName = { value: 'Prospecting', displayValue: 'Prospecting' };
        const element = await load({ record });
        expect($(element, '.stage-warning')).toBeNull();
        expect(items(element)).toHaveLength(2);
        // Both Prospecting milestones are done, so the next one comes from Qualification.
        expect($(element, '.next-milestone h3')?.textContent).toBe('Everything so far is done. Next, in Qualification:');
        await expect(element).toBeAccessible();
    });
});

describe('c-opportunity-milestones: deal size', () => {
    it('holds a $10 million deal to the executive-meeting milestone', async () => {
        const record = clone(opportunityProposal);
        record.fields.Amount = { value: 10_000_000, displayValue: '$10,000,000.00' };
        const element = await load({ record });
        const meeting = itemNamed(element, 'Executive meeting held');
        expect(meeting.milestone).toMatchObject({ status: 'done', evidenceSummary: 'Meeting: Onsite discovery workshop' });
        expect($(element, '.notes')).toBeNull();
    });

    it('spares a $10 order the large-deal milestones and says so', async () => {
        const record = clone(opportunityProposal);
        record.fields.Amount = { value: 10, displayValue: '$10.00' };
        const element = await load({ record });
        const names = items(element).map((item) => item.milestone.name);
        expect(names).not.toContain('Economic buyer identified');
        expect(names).not.toContain('Executive meeting held');
        expect(texts(element, '.notes li')).toEqual([
            "2 milestones for larger deals are not shown because this deal's amount is below their minimum.",
        ]);
        await expect(element).toBeAccessible();
    });
});

describe('c-opportunity-milestones: field-level security', () => {
    it("works without the fields and related lists the viewer can't read", async () => {
        const element = await load({ record: opportunityRestrictedFields, lists: relatedListsRestricted });
        expect(itemNamed(element, 'Next step agreed').milestone).toMatchObject({
            status: 'unverifiable',
            need: "You can't see the field NextStep, so this can't be checked.",
        });
        expect(itemNamed(element, 'Decision maker identified').milestone.status).toBe('unverifiable');
        // Activities are readable and empty: the call is simply not done.
        expect(itemNamed(element, 'First call held').milestone.status).toBe('open');
        expect(texts(element, '.notes li')).toEqual([
            "2 milestones for larger deals are not shown because you can't see this deal's amount.",
        ]);
        await expect(element).toBeAccessible();
    });

    it('says so when the record comes back without a stage', async () => {
        const record: { fields: Record<string, unknown> } = clone(opportunityRestrictedFields);
        delete record.fields.StageName;
        const element = await load({ record });
        expect($(element, '.stage-unknown')?.textContent).toBe(
            "You can't see this opportunity's stage, so its milestones can't be measured.",
        );
        await expect(element).toBeAccessible();
    });
});

describe('c-opportunity-milestones: manual confirmation', () => {
    it('confirms a manual milestone with who and when, then refreshes', async () => {
        const refresh = jest.fn().mockResolvedValue(undefined);
        const element = await load({ refresh });
        const toasts = jest.fn();
        element.addEventListener(SHOW_TOAST, toasts);
        (createRecord as jest.Mock).mockResolvedValueOnce({ id: 'a0C5g00000XyZaBAAA' });

        const qualified = itemNamed(element, 'Deal qualified (or disqualified)');
        expect(qualified.milestone.canConfirm).toBe(true);
        (qualified.shadowRoot!.querySelector('.confirm-button') as HTMLElement).click();
        await flush();

        expect(createRecord).toHaveBeenCalledWith({
            apiName: 'Milestone_Completion__c',
            fields: {
                Opportunity__c: OPPORTUNITY_ID,
                Sales_Milestone__c: 'a0B5g00000AbCdGAAA',
                Confirmed_By__c: '005000000000000000',
                Confirmed_On__c: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
                Completion_Key__c: `${OPPORTUNITY_ID}:a0B5g00000AbCdGAAA`,
            },
        });
        expect(refresh).toHaveBeenCalled();
        expect(toasts.mock.calls[0][0].detail).toMatchObject({ variant: 'success', title: 'Milestone confirmed' });

        // The refreshed query brings the confirmation back: the milestone is done, by whom.
        graphqlAdapter.emit(milestoneQueryConfirmed, undefined, refresh);
        await flush();
        const done = itemNamed(element, 'Deal qualified (or disqualified)');
        expect(done.milestone).toMatchObject({
            status: 'done',
            evidenceSummary: 'Confirmed by Ana Lopez',
            evidenceDate: '2026-11-18T14:05:00.000Z',
            undoCompletionId: 'a0C5g00000XyZaBAAA',
            canConfirm: false,
        });
        expect(texts(element, '.stage-warning li')).not.toContain('Deal qualified (or disqualified) (Qualification)');
        await expect(element).toBeAccessible();
    });

    it('undoes a confirmation by deleting it', async () => {
        const refresh = jest.fn().mockResolvedValue(undefined);
        const element = await load({ query: milestoneQueryConfirmed, refresh });
        const toasts = jest.fn();
        element.addEventListener(SHOW_TOAST, toasts);

        const confirmed = itemNamed(element, 'Deal qualified (or disqualified)');
        (confirmed.shadowRoot!.querySelector('.undo-button') as HTMLElement).click();
        await flush();

        expect(deleteRecord).toHaveBeenCalledWith('a0C5g00000XyZaBAAA');
        expect(refresh).toHaveBeenCalled();
        expect(toasts.mock.calls[0][0].detail).toMatchObject({ variant: 'success', title: 'Confirmation undone' });

        graphqlAdapter.emit(milestoneQuery, undefined, refresh);
        await flush();
        expect(itemNamed(element, 'Deal qualified (or disqualified)').milestone).toMatchObject({ status: 'open', canConfirm: true });
    });

    it('asks the page to refresh when the query result carries no refresh function', async () => {
        const element = await load();
        const refreshes = jest.fn();
        element.addEventListener('lightning__refresh', refreshes);
        (itemNamed(element, 'Decision process mapped').shadowRoot!.querySelector('.confirm-button') as HTMLElement).click();
        await flush();
        expect(createRecord).toHaveBeenCalledTimes(1);
        expect(refreshes).toHaveBeenCalledTimes(1);
    });

    it("offers no undo on someone else's confirmation", async () => {
        const query = clone(milestoneQueryConfirmed);
        query.uiapi.query.Milestone_Completion__c.edges[0].node.Confirmed_By__c.value = '0055g00000Mgr01AAA';
        const element = await load({ query });
        const confirmed = itemNamed(element, 'Deal qualified (or disqualified)');
        expect(confirmed.milestone.undoCompletionId).toBeNull();
        expect(confirmed.shadowRoot!.querySelector('.undo-button')).toBeNull();
    });

    it('reports a failed confirmation in a toast and leaves the milestone open', async () => {
        const element = await load();
        const toasts = jest.fn();
        element.addEventListener(SHOW_TOAST, toasts);
        (createRecord as jest.Mock).mockRejectedValueOnce({
            status: 400,
            body: { message: 'duplicate value found: Completion_Key__c duplicates value on record with id: a0C5g00000XyZaB' },
        });
        (itemNamed(element, 'Decision process mapped').shadowRoot!.querySelector('.confirm-button') as HTMLElement).click();
        await flush();
        expect(toasts.mock.calls[0][0].detail).toMatchObject({
            variant: 'error',
            title: 'Couldn\'t confirm "Decision process mapped"',
            message: 'duplicate value found: Completion_Key__c duplicates value on record with id: a0C5g00000XyZaB',
        });
        expect(itemNamed(element, 'Decision process mapped').milestone.status).toBe('open');
    });
});

describe('c-opportunity-milestones: definitions an admin must fix', () => {
    it('counts and names incomplete definitions without hiding the rest', async () => {
        const element = await load({ query: milestoneQueryIncomplete });
        expect($(element, '.problems p')?.textContent).toBe("1 milestone definition needs an admin's attention");
        expect(texts(element, '.problems li')).toEqual([
            '"Legal review started" has no evidence type. Set Evidence_Type__c to one of: Contact Role, Activity, Field Filled, Manual.',
        ]);
        expect(items(element)).toHaveLength(3);
        await expect(element).toBeAccessible();
    });
});
