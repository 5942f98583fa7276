// Sales milestones panel (Opportunity record page) in headless Chromium: progress through the
// milestones of the deal's stage, confirming a manual milestone and undoing the confirmation.
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
    await page.getByText(/\d+ of \d+ milestones? done/).first().waitFor();
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
    const undo = page.locator('c-opportunity-milestones button.undo-button', { hasText: label });
    await undo.first().waitFor();
    await screenshot(page, 'opportunityMilestones-confirmed');

    await settleAfter(page, () => undo.first().click());
    expect(org.all('Milestone_Completion__c').filter((c) => c.Opportunity__c === opportunityId)).toHaveLength(completionsBefore);
    await screenshot(page, 'opportunityMilestones-undone');
});
