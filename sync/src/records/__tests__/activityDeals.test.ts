// Activities logged on an account count for a deal only when exactly one deal there was open for
// the activity's owner that day.
import { Warnings } from '../../core/problems';
import { AnalyzeOptions } from '../../options';
import { ExportBuilder } from '../../testing/exportBuilder';
import { warningKinds } from '../inputMessages';
import { loadDataset } from '../loadDataset';

const activityKinds: string[] = [warningKinds.ambiguousActivity, warningKinds.orphanActivity];

const options = AnalyzeOptions.parse({ asOf: '2026-06-30' });

async function load(b: ExportBuilder) {
    const warnings = new Warnings();
    const dataset = await loadDataset(b.source(), options, warnings);
    const dealOf = (id: string) => dataset.opportunities.index.get(id)!;
    // Only what the reader says about activities (a tiny export also lacks objects and days).
    return { o: dataset.opportunities, dealOf, warnings: warnings.list().filter((group) => activityKinds.includes(group.kind)) };
}

interface Link {
    WhatId?: string;
    WhoId?: string;
    /** The contact's account, which Salesforce fills in when WhatId is empty. */
    AccountId?: string;
}

const links = (link: Link) => ({ WhatId: link.WhatId ?? null, WhoId: link.WhoId ?? null, AccountId: link.AccountId ?? null });

function completedTask(b: ExportBuilder, owner: string, day: string, link: Link) {
    b.tables.Task.push({ Id: b.id('00T'), OwnerId: owner, ...links(link), ActivityDate: day, CreatedDate: `${day}T08:00:00.000Z`, Status: 'Completed', IsClosed: 'true' });
}

function meeting(b: ExportBuilder, owner: string, day: string, link: Link) {
    b.tables.Event.push({ Id: b.id('00U'), OwnerId: owner, ...links(link), ActivityDate: day, StartDateTime: `${day}T10:00:00.000Z` });
}

describe('the deal of an activity', () => {
    it('counts an account activity for the one deal of that account its owner had open that day', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const account = b.id('001');
        const won = b.deal(ana, { stage: 'Closed Won', created: '2026-01-05', close: '2026-03-01', account });
        const open = b.deal(ana, { stage: 'Prospecting', created: '2026-04-01', close: '2026-08-01', account });
        completedTask(b, ana, '2026-02-10', { WhatId: account });
        meeting(b, ana, '2026-05-02', { WhatId: account });
        const { o, dealOf, warnings } = await load(b);
        expect([o.activities[dealOf(won)], o.meetings[dealOf(won)]]).toEqual([1, 0]);
        expect([o.activities[dealOf(open)], o.meetings[dealOf(open)]]).toEqual([1, 1]);
        expect(warnings).toEqual([]);
    });

    it('counts an account activity for no deal when two were open that day, with a counted warning', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const account = b.id('001');
        const first = b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-01', account });
        const second = b.deal(ana, { stage: 'Prospecting', created: '2026-02-01', close: '2026-08-01', account });
        meeting(b, ana, '2026-02-20', { WhatId: account });
        const { o, dealOf, warnings } = await load(b);
        expect([o.meetings[dealOf(first)], o.meetings[dealOf(second)]]).toEqual([0, 0]);
        expect(warnings).toEqual([expect.objectContaining({ kind: 'activity on several open deals', count: 1 })]);
        expect(warnings[0]!.examples[0]).toMatch(/owner had 2 deals open that day; it was counted for none of them \(relate the activity to its opportunity\)/);
    });

    it('leaves out an account activity of another owner, or on a day no deal there was open', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const ben = b.rep('Ben');
        const account = b.id('001');
        const deal = b.deal(ana, { stage: 'Closed Won', created: '2026-01-05', close: '2026-03-01', account });
        completedTask(b, ben, '2026-02-10', { WhatId: account });
        completedTask(b, ana, '2026-03-02', { WhatId: account });
        completedTask(b, ana, '2026-01-04', { WhatId: account });
        const { o, dealOf, warnings } = await load(b);
        expect(o.activities[dealOf(deal)]).toBe(0);
        expect(warnings).toEqual([]);
    });

    it('leaves a task with a contact and no WhatId or AccountId out', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const buyer = b.id('003');
        const deal = b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-01', roles: [{ role: 'Decision Maker', contact: buyer }] });
        completedTask(b, ana, '2026-02-01', { WhoId: buyer });
        const { o, dealOf, warnings } = await load(b);
        expect([o.activities[dealOf(deal)], o.decisionMakerMet[dealOf(deal)]]).toEqual([0, 0]);
        expect(warnings).toEqual([]);
    });

    it("counts an activity on a contact alone for the one open deal of the contact's account", async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const account = b.id('001');
        const buyer = b.id('003');
        const deal = b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-01', account, roles: [{ role: 'Decision Maker', contact: buyer }] });
        completedTask(b, ana, '2026-02-01', { WhoId: buyer, AccountId: account });
        meeting(b, ana, '2026-02-03', { WhoId: buyer, AccountId: account });
        const { o, dealOf, warnings } = await load(b);
        expect([o.activities[dealOf(deal)], o.meetings[dealOf(deal)], o.decisionMakerMet[dealOf(deal)]]).toEqual([2, 1, 1]);
        expect(warnings).toEqual([]);
    });

    it("says which field led to an account with several open deals", async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const account = b.id('001');
        b.deal(ana, { stage: 'Prospecting', created: '2026-01-05', close: '2026-08-01', account });
        b.deal(ana, { stage: 'Prospecting', created: '2026-01-06', close: '2026-08-01', account });
        completedTask(b, ana, '2026-02-01', { WhoId: b.id('003'), AccountId: account });
        const { warnings } = await load(b);
        expect(warnings).toEqual([expect.objectContaining({ kind: 'activity on several open deals', count: 1 })]);
        expect(warnings[0]!.examples[0]).toMatch(/logged on a contact of an account \(no WhatId; the contact's AccountId\) where its owner had 2 deals open/);
    });

    it('keeps to WhatId when it names another object, whatever the AccountId', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const account = b.id('001');
        const deal = b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-01', account });
        // A task on a case: service work on the account, not work on the deal.
        completedTask(b, ana, '2026-02-01', { WhatId: b.id('500'), WhoId: b.id('003'), AccountId: account });
        const { o, dealOf, warnings } = await load(b);
        expect(o.activities[dealOf(deal)]).toBe(0);
        expect(warnings).toEqual([]);
    });

    it('meets a decision maker on an account activity counted for their deal, and only there', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const account = b.id('001');
        const buyer = b.id('003');
        const deal = b.deal(ana, { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-01', account, roles: [{ role: 'Decision Maker', contact: buyer }] });
        const later = b.deal(ana, { stage: 'Closed Lost', created: '2026-04-05', close: '2026-05-01', account, roles: [{ role: 'Decision Maker', contact: buyer }] });
        meeting(b, ana, '2026-02-01', { WhatId: account, WhoId: buyer });
        const { o, dealOf } = await load(b);
        expect([o.meetings[dealOf(deal)], o.decisionMakerMet[dealOf(deal)]]).toEqual([1, 1]);
        expect([o.meetings[dealOf(later)], o.decisionMakerMet[dealOf(later)]]).toEqual([0, 0]);
    });
});
