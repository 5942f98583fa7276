// The preview page itself: every panel of force-app is listed and mounts with sample data, and
// errors of the in-memory org reach the panels in the shape Lightning Data Service gives.
import { type PreviewSession, openPanel, openPreview, screenshot, settleAfter, toasts } from './support/preview';
import { childrenOfPlan, pickRep } from './support/sample';

let preview: PreviewSession;

beforeAll(async () => {
    preview = await openPreview();
});

afterAll(async () => {
    await preview?.close();
});

test('lists every exposed panel and mounts the first one as on a record page', async () => {
    const { page, server } = preview;
    await openPanel(page, server, {});
    const panelNames = await page.locator('#panel-select option').allTextContents();
    expect(panelNames).toEqual(expect.arrayContaining(['Goal Plan', 'Coaching Sessions', 'Sales Milestones']));
    await expect(page.locator('#panel-host').getAttribute('data-state')).resolves.toBe('mounted');
    expect(preview.pageErrors).toEqual([]);
});

test('a write the org refuses reaches the panel as an error toast', async () => {
    const { page, server } = preview;
    const rep = pickRep(server, (plan) => childrenOfPlan(server, 'Learning_Goal__c', plan.Id).some((goal) => goal.Status__c === 'Suggested'));
    await openPanel(page, server, { panel: 'goalPlanPanel', rep: rep.id });
    const goal = childrenOfPlan(server, 'Learning_Goal__c', rep.plan.Id).find((g) => g.Status__c === 'Suggested')!;
    const item = page.locator('c-learning-goal-item', { hasText: String(goal.Name) }).first();
    await item.scrollIntoViewIfNeeded();
    // Someone else deletes the goal while the page is open.
    server.sample().org.delete(goal.Id);
    await settleAfter(page, () => item.getByRole('button', { name: 'Accept', exact: true }).click());
    const errors = (await toasts(page)).filter((t) => t.variant === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/No record with id .* it may have been deleted/);
    await page.locator('#toast-region [data-variant="error"]').waitFor();
    await screenshot(page, 'goalPlanPanel-accept-refused');
});

test('goal plans are personal: a peer of the rep sees the plan is not shared, and no Create button', async () => {
    const { page, server } = preview;
    const sample = server.sample();
    const rep = pickRep(server, (plan) => childrenOfPlan(server, 'Learning_Goal__c', plan.Id).length > 0);
    const managerId = sample.reps.find((r) => r.id === rep.id)!.managerId;
    const peer = sample.reps.find((r) => r.id !== rep.id && r.managerId === managerId && r.id !== sample.heavyRepId)!;
    await openPanel(page, server, { panel: 'goalPlanPanel', rep: rep.id, as: peer.id });
    // Not a Create button (which would fail on the hidden plan's key): the plan is not shared.
    await page.getByText('Not shared with you').waitFor();
    await page.getByText(`only ${rep.name} and their managers see`).waitFor();
    await expect(page.getByRole('button', { name: /Create the/ }).count()).resolves.toBe(0);
    const goal = childrenOfPlan(server, 'Learning_Goal__c', rep.plan.Id)[0]!;
    await expect(page.getByText(String(goal.Name)).count()).resolves.toBe(0);
    await screenshot(page, 'goalPlanPanel-peer-view');
});

test('on the Coaching app page a manager picks the rep with the record picker', async () => {
    const { page, server } = preview;
    const rep = pickRep(server, (plan) => childrenOfPlan(server, 'Learning_Goal__c', plan.Id).length > 0);
    const managerId = server.sample().reps.find((r) => r.id === rep.id)!.managerId!;
    await openPanel(page, server, { panel: 'goalPlanPanel', page: 'app', as: managerId });
    await page.getByText('Pick a rep to see their goal plan.').waitFor();
    const picker = page.locator('c-goal-plan-panel lightning-record-picker');
    await picker.locator('input').fill(rep.name.slice(0, 6));
    await picker.getByRole('option', { name: rep.name }).click();
    await page.getByRole('heading', { name: 'Learning goals', exact: true }).waitFor();
    const goal = childrenOfPlan(server, 'Learning_Goal__c', rep.plan.Id)[0]!;
    await page.locator('c-learning-goal-item', { hasText: String(goal.Name) }).first().waitFor();
    // The pick went into the page state, as on the platform, so a reload keeps the rep.
    expect(new URL(page.url()).searchParams.get('rep')).toBe(rep.id);
    await screenshot(page, 'goalPlanPanel-app-page-picked-rep');
});
