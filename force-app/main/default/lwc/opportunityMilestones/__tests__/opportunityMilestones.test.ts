import { createElement } from 'lwc';
import OpportunityMilestones from 'c/opportunityMilestones';
import { getRecord, createRecord, deleteRecord, updateRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecordsBatch } from 'lightning/uiRelatedListApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { graphql } from 'lightning/graphql';
import { encodeDefaultFieldValues } from 'lightning/pageReferenceUtils';
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
import opportunityObjectInfo from './data/opportunityObjectInfo.json';

// The sfdx-lwc-jest navigation stub ignores Navigate calls: record them instead.
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
    emit(value: unknown, filter?: unknown, refresh?: () => Promise<unknown>): void;
    emitErrors(errors: unknown[], filter?: unknown, refresh?: () => Promise<unknown>): void;
}

const graphqlAdapter = graphql as unknown as GraphQlTestAdapter;
const recordAdapter = getRecord as unknown as LdsTestWireAdapter;
const relatedListAdapter = getRelatedListRecordsBatch as unknown as LdsTestWireAdapter;
const picklistAdapter = getPicklistValues as unknown as LdsTestWireAdapter;
const objectInfoAdapter = getObjectInfo as unknown as LdsTestWireAdapter;
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
    objectInfoAdapter.emit(opportunityObjectInfo);
    await flush();
    return element;
}

/** Opens the folded sections, so every row is rendered. */
async function expandAll(element: HTMLElement): Promise<void> {
    for (const toggle of ['.earlier-toggle', '.done-toggle', '.later-toggle']) {
        ($(element, toggle) as HTMLElement | null)?.click();
    }
    await flush();
}

/** The panel's shadow root and those of its folded sections, where the toggles and their lists live. */
function roots(element: HTMLElement): ShadowRoot[] {
    const sections = Array.from(element.shadowRoot!.querySelectorAll('c-milestone-section'));
    return [element.shadowRoot!, ...sections.map((section) => section.shadowRoot!)];
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
    for (const root of roots(element)) {
        const found = root.querySelector(selector) as HTMLElement | null;
        if (found) {
            return found;
        }
    }
    return null;
}

function items(element: HTMLElement, within = ''): Array<HTMLElement & { milestone: MilestoneRow }> {
    const lists = roots(element).flatMap((root) => Array.from(root.querySelectorAll(`c-milestone-list${within}`)));
    return lists.flatMap((list) => Array.from(list.shadowRoot!.querySelectorAll('c-milestone-item'))) as Array<
        HTMLElement & { milestone: MilestoneRow }
    >;
}

function names(element: HTMLElement, within: string): string[] {
    return items(element, within).map((item) => item.milestone.name);
}

function itemNamed(element: HTMLElement, name: string) {
    const item = items(element).find((candidate) => candidate.milestone.name === name);
    if (!item) {
        throw new Error(`no milestone named ${name}`);
    }
    return item;
}

function texts(element: HTMLElement, selector: string): string[] {
    return roots(element).flatMap((root) => Array.from(root.querySelectorAll(selector)).map((node) => node.textContent!.trim()));
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
            optionalFields: ['Opportunity.Amount', 'Opportunity.IsClosed', 'Opportunity.OwnerId', 'Opportunity.Owner.ManagerId', 'Opportunity.Description', 'Opportunity.NextStep'],
        });
        expect(relatedListAdapter.getLastConfig().parentRecordId).toBe(OPPORTUNITY_ID);
        expect(objectInfoAdapter.getLastConfig()).toEqual({ objectApiName: 'Opportunity' });
    });

    it('waits for the object info before it shows guidance, so no API name flashes by', async () => {
        const element = render();
        graphqlAdapter.emit(milestoneQuery);
        await flush();
        recordAdapter.emit(opportunityProposal);
        relatedListAdapter.emit(relatedLists);
        picklistAdapter.emit(stageNamePicklist);
        await flush();
        expect($(element, 'lightning-spinner')).not.toBeNull();
        // Asked before the buying committee (with its own role picklist) is on the page.
        expect(picklistAdapter.getLastConfig()).toEqual({ recordTypeId: '012000000000000AAA', fieldApiName: 'Opportunity.StageName' });
        objectInfoAdapter.error();
        await flush();
        // Without object info the field keeps its API name, and the panel still works.
        expect(itemNamed(element, 'Business case written').milestone.need).toBe('Fill in Description.');
        expect(itemNamed(element, 'Business case written').milestone.action).toBeNull();
    });

    it('shows the evidence of each type, naming fields by their label', async () => {
        const element = await load();
        await expandAll(element);
        // Activity: the completed call, not the open task.
        expect(itemNamed(element, 'First call held').milestone).toMatchObject({
            evidenceSummary: 'Call: Intro call with Priya',
            evidenceDate: '2026-10-06T16:30:00.000Z',
        });
        expect(itemNamed(element, 'Next step agreed').milestone.evidenceSummary).toBe(
            'Next Step: Pricing workshop with procurement on 2 Dec',
        );
        expect(itemNamed(element, 'Economic buyer identified').milestone.evidenceSummary).toBe('Economic Buyer: Priya Raman');
        expect(itemNamed(element, 'Decision maker identified').milestone.need).toBe('Add a contact role: Decision Maker.');
        expect(itemNamed(element, 'Business case written').milestone.need).toBe('Fill in Description.');
        await expect(element).toBeAccessible();
    });

    it('renders the evidence and status in each row', async () => {
        const element = await load();
        await expandAll(element);
        const row = itemNamed(element, 'Economic buyer identified');
        expect(row.shadowRoot!.querySelector('.milestone-evidence')?.textContent).toContain('Economic Buyer: Priya Raman');
        const icon = row.shadowRoot!.querySelector('lightning-icon') as HTMLElement & { iconName: string; alternativeText: string };
        expect([icon.iconName, icon.alternativeText]).toEqual(['utility:success', 'Done']);
    });
});

describe('c-opportunity-milestones: compact, current stage first', () => {
    it("shows the current stage's open milestones, and folds the rest into one line each", async () => {
        const element = await load();
        expect($(element, '.stage-name')?.textContent).toBe('Proposal/Price Quote');
        expect($(element, '.progress-text')?.textContent).toBe('1 of 3 done');
        expect(names(element, '.current-list')).toEqual(['Proposal reviewed with the decision maker', 'Business case written']);
        expect($(element, '.earlier-text')?.textContent).toBe('3 earlier milestones missing');
        expect($(element, '.done-text')?.textContent).toBe('4 milestones done');
        expect($(element, '.later-text')).toBeNull();
        // Folded: no earlier, done or later rows, and no banner repeating the list.
        expect(items(element)).toHaveLength(2);
        expect($(element, '.slds-theme_warning')).toBeNull();
        expect($(element, '.earlier-toggle')?.getAttribute('aria-expanded')).toBe('false');
        await expect(element).toBeAccessible();
    });

    it('expands the earlier gaps, naming their stage, and the done milestones', async () => {
        const element = await load();
        ($(element, '.earlier-toggle') as HTMLElement).click();
        await flush();
        expect($(element, '.earlier-toggle')?.getAttribute('aria-expanded')).toBe('true');
        expect(names(element, '.earlier-list')).toEqual(['Deal qualified (or disqualified)', 'Decision maker identified', 'Decision process mapped']);
        expect(items(element, '.earlier-list').every((item) => item.milestone.showStage && item.milestone.isMissing)).toBe(true);
        ($(element, '.done-toggle') as HTMLElement).click();
        await flush();
        expect(names(element, '.done-list')).toEqual(['First call held', 'Next step agreed', 'Economic buyer identified', 'Pricing call held']);
        await expect(element).toBeAccessible();
        ($(element, '.earlier-toggle') as HTMLElement).click();
        await flush();
        expect($(element, '.earlier-list')).toBeNull();
    });

    it("makes the current stage's first open milestone the next one, with its guidance", async () => {
        const element = await load();
        const next = items(element).filter((item) => item.milestone.isNext);
        expect(next.map((item) => item.milestone.name)).toEqual(['Proposal reviewed with the decision maker']);
        expect(next[0].shadowRoot!.querySelector('.milestone-guidance')?.textContent).toContain('Walk the decision maker through');
        // Only the next row carries guidance.
        expect(itemNamed(element, 'Business case written').milestone.guidance).toBeNull();
    });

    it('collapses the later stages into a count per stage', async () => {
        const record = clone(opportunityProposal);
        record.fields.StageName = { value: 'Qualification', displayValue: 'Qualification' };
        const element = await load({ record });
        expect($(element, '.later-text')?.textContent).toBe(
            'Later: Id. Decision Makers (3), Proposal/Price Quote (3)',
        );
        expect($(element, '.earlier')).toBeNull();
        ($(element, '.later-toggle') as HTMLElement).click();
        await flush();
        expect(items(element, '.later-list')).toHaveLength(6);
        // Later milestones offer no action yet.
        expect(items(element, '.later-list').every((item) => item.milestone.action === null && !item.milestone.isNext)).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('points to the next stage once the current one is done', async () => {
        const record = clone(opportunityProposal);
        record.fields.StageName = { value: 'Prospecting', displayValue: 'Prospecting' };
        const element = await load({ record });
        expect($(element, '.current-list')).toBeNull();
        expect($(element, '.upcoming-text')?.textContent).toBe(
            'Everything in Prospecting is done. Next, in Qualification: Deal qualified (or disqualified).',
        );
        expect($(element, '.progress-text')?.textContent).toBe('2 of 2 done');
        await expect(element).toBeAccessible();
    });
});

describe('c-opportunity-milestones: dependent milestones', () => {
    it("can't confirm the proposal review before the decision maker is identified, and says so", async () => {
        const element = await load();
        const review = itemNamed(element, 'Proposal reviewed with the decision maker');
        expect(review.milestone).toMatchObject({
            canConfirm: false,
            need: 'Can be confirmed once "Decision maker identified" is done.',
        });
        expect(review.shadowRoot!.querySelector('.confirm-button')).toBeNull();
        expect(review.shadowRoot!.querySelector('.milestone-need')?.textContent).toBe('Can be confirmed once "Decision maker identified" is done.');
        await expect(element).toBeAccessible();
    });

    it('can confirm it once the decision maker is a contact role', async () => {
        const lists = clone(relatedLists);
        (lists.results[0].result.records[1].fields as Record<string, unknown>).Role = { value: 'Decision Maker', displayValue: 'Decision Maker' };
        const element = await load({ lists });
        expect(itemNamed(element, 'Proposal reviewed with the decision maker').milestone).toMatchObject({
            canConfirm: true,
            need: 'Confirm it here once it is done.',
        });
    });
});

describe('c-opportunity-milestones: actions in place', () => {
    beforeEach(() => {
        (encodeDefaultFieldValues as jest.Mock).mockImplementation((values: Record<string, string>) =>
            Object.entries(values)
                .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
                .join(','),
        );
    });

    it('opens the standard New Contact Role page with the deal and the role filled in', async () => {
        const element = await load();
        ($(element, '.earlier-toggle') as HTMLElement).click();
        await flush();
        const row = itemNamed(element, 'Decision maker identified');
        const button = row.shadowRoot!.querySelector('.action-button') as HTMLElement;
        expect(button.textContent?.replace(/\s+/g, ' ').trim()).toBe('Add Decision Maker: Decision maker identified');
        button.click();
        expect(encodeDefaultFieldValues).toHaveBeenCalledWith({ OpportunityId: OPPORTUNITY_ID, Role: 'Decision Maker' });
        expect(mockNavigate).toHaveBeenCalledWith({
            type: 'standard__objectPage',
            attributes: { objectApiName: 'OpportunityContactRole', actionName: 'new' },
            state: { defaultFieldValues: `OpportunityId=${OPPORTUNITY_ID},Role=Decision%20Maker` },
        });
        await expect(element).toBeAccessible();
    });

    it('offers no contact-role action when the viewer cannot read contact roles', async () => {
        const element = await load({ lists: relatedListsRestricted });
        ($(element, '.earlier-toggle') as HTMLElement).click();
        await flush();
        expect(itemNamed(element, 'Decision maker identified').milestone.action).toBeNull();
    });

    it('logs a call through the standard New Task page, as a completed call on this deal', async () => {
        const element = await load({ lists: relatedListsRestricted, record: opportunityProposal });
        await expandAll(element);
        const row = itemNamed(element, 'Pricing call held');
        expect(row.milestone.action).toEqual({ kind: 'logActivity', label: 'Log a call', activityType: 'Call' });
        (row.shadowRoot!.querySelector('.action-button') as HTMLElement).click();
        expect(encodeDefaultFieldValues).toHaveBeenCalledWith({ WhatId: OPPORTUNITY_ID, Subject: 'Call', Type: 'Call', Status: 'Completed' });
        expect(mockNavigate).toHaveBeenCalledWith({
            type: 'standard__objectPage',
            attributes: { objectApiName: 'Task', actionName: 'new' },
            state: { defaultFieldValues: `WhatId=${OPPORTUNITY_ID},Subject=Call,Type=Call,Status=Completed` },
        });
    });

    it('edits the field a Field Filled milestone needs in place, writing only that field', async () => {
        const element = await load();
        const toasts = jest.fn();
        element.addEventListener(SHOW_TOAST, toasts);
        (updateRecord as jest.Mock).mockResolvedValueOnce({ id: OPPORTUNITY_ID });
        const row = itemNamed(element, 'Business case written');
        expect(row.milestone.action).toMatchObject({ kind: 'editField', label: 'Edit Description', inputType: 'textarea', maxLength: 32000 });
        (row.shadowRoot!.querySelector('.action-button') as HTMLElement).click();
        await flush();
        const input = row.shadowRoot!.querySelector('lightning-textarea') as HTMLElement & { label: string; value: string };
        expect(input.label).toBe('Description');
        await expect(element).toBeAccessible();
        input.value = '  Month-end close takes 9 days; must be 3 by April.  ';
        input.dispatchEvent(new CustomEvent('change', { detail: { value: input.value } }));
        await flush();
        (row.shadowRoot!.querySelector('.save-button') as HTMLElement).click();
        await flush();
        expect(updateRecord).toHaveBeenCalledWith({
            fields: { Id: OPPORTUNITY_ID, Description: 'Month-end close takes 9 days; must be 3 by April.' },
        });
        expect(toasts.mock.calls[0][0].detail).toMatchObject({ variant: 'success', title: 'Description saved' });

        // LDS hands the updated record to getRecord: the milestone is done.
        const record = clone(opportunityProposal) as { fields: Record<string, unknown> };
        record.fields.Description = { value: 'Month-end close takes 9 days; must be 3 by April.', displayValue: null };
        recordAdapter.emit(record);
        await flush();
        expect($(element, '.progress-text')?.textContent).toBe('2 of 3 done');
    });

    it('keeps the milestone open and says why when the field save fails', async () => {
        const element = await load();
        const toasts = jest.fn();
        element.addEventListener(SHOW_TOAST, toasts);
        (updateRecord as jest.Mock).mockRejectedValueOnce({ status: 400, body: { message: 'Description: value too long.' } });
        const row = itemNamed(element, 'Business case written');
        (row.shadowRoot!.querySelector('.action-button') as HTMLElement).click();
        await flush();
        const input = row.shadowRoot!.querySelector('lightning-textarea') as HTMLElement & { value: string };
        input.dispatchEvent(new CustomEvent('change', { detail: { value: 'x' } }));
        await flush();
        (row.shadowRoot!.querySelector('.save-button') as HTMLElement).click();
        await flush();
        expect(toasts.mock.calls[0][0].detail).toMatchObject({ variant: 'error', title: "Couldn't save Description", message: 'Description: value too long.' });
        expect(itemNamed(element, 'Business case written').milestone.status).toBe('open');
    });
});

describe('c-opportunity-milestones: buying committee and learning goal', () => {
    it('hands the committee the contact roles, the amount, the team and the roles the definitions ask for', async () => {
        const element = await load();
        const committee = $(element, 'c-buying-committee') as HTMLElement & Record<string, unknown>;
        expect(committee.recordId).toBe(OPPORTUNITY_ID);
        expect(committee.amount).toBe(250000);
        expect(committee.teamManagerId).toBe('0055g00000Mgr01AAA');
        expect(committee.contactRoles).toEqual([
            { id: '00K5g00000Ab1cDEAR', contactId: '0035g00000Rt9uVAAZ', contactName: 'Priya Raman', role: 'Economic Buyer' },
            { id: '00K5g00000Ab1cEEAR', contactId: '0035g00000Rt9uWAAZ', contactName: 'Marco Bianchi', role: 'Technical Buyer' },
        ]);
        expect(committee.requiredRoles).toEqual([
            { role: 'Decision Maker', milestoneName: 'Decision maker identified' },
            { role: 'Economic Buyer', milestoneName: 'Economic buyer identified' },
        ]);
        const goal = $(element, 'c-decision-process-goal') as HTMLElement & { ownerId?: string };
        expect(goal.ownerId).toBe('0055g00000Rep01AAA');
        await expect(element).toBeAccessible();
    });

    it("compares with the owner's own reports when the owner has no manager", async () => {
        const record = clone(opportunityProposal) as { fields: Record<string, unknown> };
        record.fields.Owner = { value: { apiName: 'User', fields: { ManagerId: { value: null } }, id: '0055g00000Rep01AAA' }, displayValue: 'Ana Lopez' };
        const element = await load({ record });
        expect(($(element, 'c-buying-committee') as HTMLElement & { teamManagerId?: string }).teamManagerId).toBe('0055g00000Rep01AAA');
    });
});

describe('c-opportunity-milestones: deal size', () => {
    it('holds a $10 million deal to the executive-meeting milestone', async () => {
        const record = clone(opportunityProposal);
        record.fields.Amount = { value: 10_000_000, displayValue: '$10,000,000.00' };
        const element = await load({ record });
        await expandAll(element);
        const meeting = itemNamed(element, 'Executive meeting held');
        expect(meeting.milestone).toMatchObject({ status: 'done', evidenceSummary: 'Meeting: Onsite discovery workshop' });
        expect($(element, '.notes')).toBeNull();
    });

    it('spares a $10 order the large-deal milestones and says so', async () => {
        const record = clone(opportunityProposal);
        record.fields.Amount = { value: 10, displayValue: '$10.00' };
        const element = await load({ record });
        await expandAll(element);
        const shown = items(element).map((item) => item.milestone.name);
        expect(shown).not.toContain('Economic buyer identified');
        expect(shown).not.toContain('Executive meeting held');
        expect(texts(element, '.notes li')).toEqual([
            "2 milestones for larger deals are not shown because this deal's amount is below their minimum.",
        ]);
        await expect(element).toBeAccessible();
    });
});

describe('c-opportunity-milestones: field-level security', () => {
    it("works without the fields and related lists the viewer can't read", async () => {
        const element = await load({ record: opportunityRestrictedFields, lists: relatedListsRestricted });
        await expandAll(element);
        expect(itemNamed(element, 'Next step agreed').milestone).toMatchObject({
            status: 'unverifiable',
            need: "You can't see the field Next Step, so this can't be checked.",
            action: null,
        });
        expect(itemNamed(element, 'Decision maker identified').milestone.status).toBe('unverifiable');
        // Activities are readable and empty: the call is simply not done.
        expect(itemNamed(element, 'First call held').milestone.status).toBe('open');
        expect($(element, '.earlier-text')?.textContent).toBe("3 earlier milestones missing, 2 can't be checked");
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
        ($(element, '.earlier-toggle') as HTMLElement).click();
        await flush();

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
        expect($(element, '.earlier-text')?.textContent).toBe('2 earlier milestones missing');
        ($(element, '.done-toggle') as HTMLElement).click();
        await flush();
        const done = itemNamed(element, 'Deal qualified (or disqualified)');
        expect(done.milestone).toMatchObject({
            status: 'done',
            evidenceSummary: 'Confirmed by Ana Lopez',
            evidenceDate: '2026-11-18T14:05:00.000Z',
            undoCompletionId: 'a0C5g00000XyZaBAAA',
            canConfirm: false,
        });
        await expect(element).toBeAccessible();
    });

    it('undoes a confirmation by deleting it', async () => {
        const refresh = jest.fn().mockResolvedValue(undefined);
        const element = await load({ query: milestoneQueryConfirmed, refresh });
        const toasts = jest.fn();
        element.addEventListener(SHOW_TOAST, toasts);
        ($(element, '.done-toggle') as HTMLElement).click();
        await flush();

        const confirmed = itemNamed(element, 'Deal qualified (or disqualified)');
        (confirmed.shadowRoot!.querySelector('.undo-button') as HTMLElement).click();
        await flush();

        expect(deleteRecord).toHaveBeenCalledWith('a0C5g00000XyZaBAAA');
        expect(refresh).toHaveBeenCalled();
        expect(toasts.mock.calls[0][0].detail).toMatchObject({ variant: 'success', title: 'Confirmation undone' });

        graphqlAdapter.emit(milestoneQuery, undefined, refresh);
        await flush();
        ($(element, '.earlier-toggle') as HTMLElement).click();
        await flush();
        expect(itemNamed(element, 'Deal qualified (or disqualified)').milestone).toMatchObject({ status: 'open', canConfirm: true });
    });

    it('asks the page to refresh when the query result carries no refresh function', async () => {
        const element = await load();
        const refreshes = jest.fn();
        element.addEventListener('lightning__refresh', refreshes);
        ($(element, '.earlier-toggle') as HTMLElement).click();
        await flush();
        (itemNamed(element, 'Decision process mapped').shadowRoot!.querySelector('.confirm-button') as HTMLElement).click();
        await flush();
        expect(createRecord).toHaveBeenCalledTimes(1);
        expect(refreshes).toHaveBeenCalledTimes(1);
    });

    it("offers no undo on someone else's confirmation", async () => {
        const query = clone(milestoneQueryConfirmed);
        query.uiapi.query.Milestone_Completion__c.edges[0].node.Confirmed_By__c.value = '0055g00000Mgr01AAA';
        const element = await load({ query });
        ($(element, '.done-toggle') as HTMLElement).click();
        await flush();
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
        ($(element, '.earlier-toggle') as HTMLElement).click();
        await flush();
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
        await expandAll(element);
        expect(items(element)).toHaveLength(3);
        await expect(element).toBeAccessible();
    });
});
