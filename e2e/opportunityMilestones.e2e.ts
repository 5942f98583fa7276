// Sales milestones panel (Opportunity record page) in headless Chromium: progress through the
// milestones of the deal's stage, confirming a manual milestone and undoing the confirmation, and
// a rep on a Proposal-stage deal adding the missing Economic Buyer from the panel.
import type { Page } from 'playwright-core';
import { type PreviewSession, openPanel, openPreview, screenshot, settleAfter, toasts } from './support/preview';

let preview: PreviewSession;
let opportunityId: string;

/** Open deals of the sample reps, the heavy load-test rep excluded. */
function openOpportunities(): string[] {
    const sample = preview.server.sample();
    const reps = new Set(sample.reps.filter((r) => r.id !== sample.heavyRepId).map((r) => r.id));
    return sample.org
        .all('Opportunity')
        .filter((o) => reps.has(String(o.OwnerId)) && o.IsClosed !== true)
        .sort((a, b) => String(a.Id).localeCompare(String(b.Id)))
        .map((o) => o.Id);
}

async function confirmButtons(page: Page) {
    return page.locator('c-opportunity-milestones button.confirm-button');
}

beforeAll(async () => {
    preview = await openPreview();
    // The first open deal with a milestone the rep can confirm by hand.
    for (const id of openOpportunities().slice(0, 15)) {
        await openPanel(preview.page, preview.server, { panel: 'opportunityMilestones', recordId: id });
        if ((await (await confirmButtons(preview.page)).count()) > 0) {
            opportunityId = id;
            break;
        }
    }
    if (!opportunityId) throw new Error('None of the first 15 open sample deals has a milestone to confirm: check the milestone definitions and the seed');
});

afterAll(async () => {
    await preview?.close();
});

test('shows the milestones of the deal with progress and the next milestone', async () => {
    const { page } = preview;
    await page.locator('c-opportunity-milestones lightning-card').getByText('Sales milestones', { exact: true }).waitFor();
    await expect(page.locator('c-milestone-item').count()).resolves.toBeGreaterThan(0);
    await page.locator('c-opportunity-milestones .progress-text').getByText(/^(\d+ of \d+ done|No milestones in this stage)$/).waitFor();
    expect(preview.pageErrors).toEqual([]);
    await screenshot(page, 'opportunityMilestones-overview');
});

test('confirming a milestone records who confirmed it, and undo removes it', async () => {
    const { page, server } = preview;
    const org = server.sample().org;
    const button = (await confirmButtons(page)).first();
    const label = (await button.innerText()).replace(/^Confirm\s*:?\s*/, '').trim();
    const completionsBefore = org.all('Milestone_Completion__c').filter((c) => c.Opportunity__c === opportunityId).length;

    await settleAfter(page, () => button.click());
    expect(await toasts(page)).toContainEqual(expect.objectContaining({ title: 'Milestone confirmed', variant: 'success' }));
    const completions = org.all('Milestone_Completion__c').filter((c) => c.Opportunity__c === opportunityId);
    expect(completions).toHaveLength(completionsBefore + 1);
    const created = completions.find((c) => !org.all('Milestone_Completion__c').some((other) => other !== c && other.Completion_Key__c === c.Completion_Key__c))!;
    expect(created.Confirmed_By__c).toBe(org.currentUserId);
    // Done milestones fold into a count: open them to reach the undo button.
    const doneToggle = page.locator('c-opportunity-milestones button.done-toggle');
    if ((await doneToggle.getAttribute('aria-expanded')) === 'false') await doneToggle.click();
    const undo = page.locator('c-opportunity-milestones button.undo-button', { hasText: label });
    await undo.first().waitFor();
    await screenshot(page, 'opportunityMilestones-confirmed');

    await settleAfter(page, () => undo.first().click());
    expect(org.all('Milestone_Completion__c').filter((c) => c.Opportunity__c === opportunityId)).toHaveLength(completionsBefore);
    await screenshot(page, 'opportunityMilestones-undone');
});

/**
 * An open Proposal/Price Quote deal of a sample rep, large enough to need an economic buyer, without
 * one, and with a Proposal milestone still open (a manual one nobody confirmed yet).
 */
function proposalDealWithoutEconomicBuyer(): string {
    const sample = preview.server.sample();
    const proposalMilestones = sample.org.all('Sales_Milestone__c').filter((m) => m.Stage__c === 'Proposal/Price Quote');
    const confirmed = new Set(sample.org.all('Milestone_Completion__c').map((c) => `${c.Opportunity__c}:${c.Sales_Milestone__c}`));
    const hasOpenProposalMilestone = (deal: { Id: string; Amount?: unknown }) =>
        proposalMilestones.some((m) => Number(m.Minimum_Amount__c ?? 0) <= Number(deal.Amount) && !confirmed.has(`${deal.Id}:${m.Id}`));
    const withBuyer = new Set(sample.org.all('OpportunityContactRole').filter((r) => r.Role === 'Economic Buyer').map((r) => String(r.OpportunityId)));
    const withRoles = new Set(sample.org.all('OpportunityContactRole').map((r) => String(r.OpportunityId)));
    const reps = new Set(sample.reps.filter((r) => r.id !== sample.heavyRepId).map((r) => r.id));
    const deal = sample.org
        .all('Opportunity')
        .filter((o) => reps.has(String(o.OwnerId)) && o.StageName === 'Proposal/Price Quote' && Number(o.Amount) >= 25000)
        .filter((o) => !withBuyer.has(o.Id) && withRoles.has(o.Id) && hasOpenProposalMilestone(o))
        .sort((a, b) => String(a.Id).localeCompare(String(b.Id)))[0];
    if (!deal) throw new Error('The sample org has no open Proposal/Price Quote deal of $25K or more without an Economic Buyer');
    return deal.Id;
}

test("a rep on a Proposal deal sees the stage's milestones first, adds the missing Economic Buyer, and sees the committee and the milestone update", async () => {
    const { page, server } = preview;
    const org = server.sample().org;
    const dealId = proposalDealWithoutEconomicBuyer();
    const ownerId = String(org.get(dealId)!.OwnerId);
    await page.setViewportSize({ width: 1280, height: 900 });
    await openPanel(page, server, { panel: 'opportunityMilestones', recordId: dealId, as: ownerId });
    const panel = page.locator('c-opportunity-milestones');

    // The current stage comes first: its milestones before any earlier gap or later stage.
    await expect(panel.locator('.stage-name').innerText()).resolves.toBe('Proposal/Price Quote');
    const currentNames = await panel.locator('.current-list c-milestone-item .milestone-name').allInnerTexts();
    const proposalMilestones = org.all('Sales_Milestone__c').filter((m) => m.Stage__c === 'Proposal/Price Quote').map((m) => String(m.Name));
    expect(currentNames.length).toBeGreaterThan(0);
    expect(proposalMilestones).toEqual(expect.arrayContaining(currentNames));
    await expect(panel.locator('.earlier-text').innerText()).resolves.toMatch(/^\d+ earlier milestones? missing/);
    await expect(panel.locator('.missing-text', { hasText: 'No economic buyer yet' }).count()).resolves.toBe(1);
    await screenshot(page, 'opportunityMilestones-proposal-1280');

    await page.setViewportSize({ width: 400, height: 900 });
    // Fits the 400 px sidebar: nothing wider than the column.
    const overflow = await panel.evaluate((host) => {
        const card = host.shadowRoot!.querySelector('lightning-card')!;
        return card.scrollWidth - card.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'opportunityMilestones-proposal-400');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Add the Economic Buyer from the committee: the standard create page opens with deal and role filled in.
    const rolesBefore = org.all('OpportunityContactRole').filter((r) => r.OpportunityId === dealId).length;
    await panel.locator('button.add-role[data-role="Economic Buyer"]').click();
    const dialog = page.locator('.preview-create-page');
    await dialog.waitFor();
    await expect(dialog.locator('#preview-create-Role').inputValue()).resolves.toBe('Economic Buyer');
    await expect(dialog.locator('#preview-create-OpportunityId').inputValue()).resolves.toBe(dealId);
    const contact = dialog.locator('#preview-create-ContactId');
    const contactId = await contact.locator('option').nth(1).getAttribute('value');
    const contactName = (await contact.locator('option').nth(1).innerText()).trim();
    await contact.selectOption(contactId!);
    await settleAfter(page, () => dialog.getByRole('button', { name: 'Save' }).click());

    const roles = org.all('OpportunityContactRole').filter((r) => r.OpportunityId === dealId);
    expect(roles).toHaveLength(rolesBefore + 1);
    expect(roles.find((r) => r.Role === 'Economic Buyer')).toMatchObject({ OpportunityId: dealId, ContactId: contactId, Role: 'Economic Buyer' });

    // The committee shows the new economic buyer and no longer asks for one; the milestone is done.
    const buyerGroup = panel.locator('.group', { has: page.locator('.group-label', { hasText: 'Economic Buyer' }) });
    await buyerGroup.locator('.member-name', { hasText: contactName }).waitFor();
    await expect(panel.locator('.missing-text', { hasText: 'No economic buyer yet' }).count()).resolves.toBe(0);
    await panel.locator('button.done-toggle').click();
    await panel.locator('.done-list c-milestone-item', { hasText: 'Economic buyer identified' }).waitFor();
    expect(preview.pageErrors).toEqual([]);
    await screenshot(page, 'opportunityMilestones-economic-buyer-added');
});
