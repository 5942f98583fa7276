// Coaching sessions panel (User record page) in headless Chromium: the session log, and logging a
// new session through the form, which must reach the in-memory org and appear in the log.
import { type PreviewSession, openPanel, openPreview, screenshot, settleAfter, toasts, waitForSettled } from './support/preview';
import type { Page } from 'playwright-core';
import { childrenOfPlan, pickRep } from './support/sample';

let preview: PreviewSession;
let rep: ReturnType<typeof pickRep>;

beforeAll(async () => {
    preview = await openPreview();
    rep = pickRep(preview.server, (plan) => childrenOfPlan(preview.server, 'Coaching_Session__c', plan.Id).length > 0);
    await openPanel(preview.page, preview.server, { panel: 'coachingPanel', rep: rep.id });
});

afterAll(async () => {
    await preview?.close();
});

/** The session form's agenda shows every line: nothing to scroll inside the box. */
async function expectWholeAgenda(page: Page): Promise<void> {
    const agenda = page.locator('c-session-form textarea.agenda');
    const box = await agenda.evaluate((element: HTMLTextAreaElement) => ({ value: element.value, scrollHeight: element.scrollHeight, clientHeight: element.clientHeight }));
    expect(box.value).not.toBe('');
    expect(box.scrollHeight).toBeLessThanOrEqual(box.clientHeight + 1);
}

test('shows the rep\'s coaching sessions', async () => {
    const { page, server } = preview;
    await page.locator('c-coaching-panel lightning-card').getByText('Coaching sessions', { exact: true }).waitFor();
    const sessions = childrenOfPlan(server, 'Coaching_Session__c', rep.plan.Id);
    await expect(page.locator('c-session-item').count()).resolves.toBe(sessions.length);
    const withNotes = sessions.find((s) => typeof s.Notes__c === 'string')!;
    await page.getByText(String(withNotes.Notes__c)).first().waitFor();
    expect(preview.pageErrors).toEqual([]);
    await screenshot(page, 'coachingPanel-overview');
});

test('logging a session saves it on the plan and adds it to the log', async () => {
    const { page, server } = preview;
    const before = childrenOfPlan(server, 'Coaching_Session__c', rep.plan.Id).length;
    await page.getByRole('button', { name: 'New session' }).click();
    const form = page.locator('c-session-form');
    await form.waitFor();
    // The agenda comes prepared from open goals, overdue steps and deals to discuss.
    await expect(form.locator('textarea.agenda').inputValue()).resolves.not.toBe('');
    const notes = 'Role-played the pricing call; next time ask for the budget owner by name.';
    await form.locator('lightning-textarea.notes textarea').fill(notes);
    await form.getByLabel('Rep commitment').fill('Name the budget owner on both open proposals');
    await expectWholeAgenda(page);
    await screenshot(page, 'coachingPanel-session-form');
    await settleAfter(page, () => form.getByRole('button', { name: 'Save session' }).click());

    const sessions = childrenOfPlan(server, 'Coaching_Session__c', rep.plan.Id);
    expect(sessions).toHaveLength(before + 1);
    const saved = sessions.find((s) => s.Notes__c === notes)!;
    expect(saved.Rep_Commitment__c).toBe('Name the budget owner on both open proposals');
    expect(saved.Session_Date__c).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.locator('c-session-item', { hasText: notes }).waitFor();
    expect(await toasts(page)).toContainEqual(expect.objectContaining({ title: 'Coaching session saved', variant: 'success' }));
    await screenshot(page, 'coachingPanel-session-logged');
});

test('a session\'s rep commitment becomes a next step on the plan', async () => {
    const { page, server } = preview;
    const item = page.locator('c-session-item', { hasText: 'Name the budget owner on both open proposals' }).first();
    const stepsBefore = childrenOfPlan(server, 'Goal_Step__c', rep.plan.Id).length;
    await settleAfter(page, () => item.getByRole('button', { name: 'Make it a next step' }).click());
    const steps = childrenOfPlan(server, 'Goal_Step__c', rep.plan.Id);
    expect(steps).toHaveLength(stepsBefore + 1);
    expect(steps.some((step) => step.Description__c === 'Name the budget owner on both open proposals')).toBe(true);
    await item.getByRole('button', { name: 'Added as a next step' }).waitFor();
    await screenshot(page, 'coachingPanel-commitment-made-step');
});

test('in a 400 px column the session form still shows the whole agenda', async () => {
    const { page, server } = preview;
    await page.setViewportSize({ width: 400, height: 900 });
    await openPanel(page, server, { panel: 'coachingPanel', rep: rep.id });
    await page.getByRole('button', { name: 'New session' }).click();
    await page.locator('c-session-form textarea.agenda').waitFor();
    await waitForSettled(page);
    // Nothing wider than the column, and the wrapped agenda lines all in view.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectWholeAgenda(page);
    await screenshot(page, 'coachingPanel-session-form-400px');
    await page.setViewportSize({ width: 1280, height: 900 });
});
