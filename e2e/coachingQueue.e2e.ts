// The manager's week on the Coaching app page, in headless Chromium: the coaching queue lists the
// manager's team neediest first; one click opens the neediest rep's plan and coaching log, and a
// new session opens with the whole prepared agenda in view and the top learning goal as its focus.
import { type PreviewSession, openPanel, openPreview, screenshot, settleAfter, waitForSettled } from './support/preview';
import { childrenOfPlan, planOf } from './support/sample';

let preview: PreviewSession;
let managerId: string;
let team: Array<{ id: string; name: string }>;

beforeAll(async () => {
    preview = await openPreview();
    const sample = preview.server.sample();
    // The manager whose team has the most suggested learning goals, so the queue has suggestions to rank.
    const suggested = new Map<string, number>();
    for (const rep of sample.reps) {
        if (!rep.managerId) continue;
        const plan = planOf(preview.server, rep.id);
        const count = plan ? childrenOfPlan(preview.server, 'Learning_Goal__c', plan.Id).filter((goal) => goal.Status__c === 'Suggested').length : 0;
        suggested.set(rep.managerId, (suggested.get(rep.managerId) ?? 0) + count);
    }
    managerId = [...suggested].sort((a, b) => b[1] - a[1])[0]![0];
    team = sample.reps.filter((rep) => rep.managerId === managerId && rep.id !== sample.heavyRepId);
});

afterAll(async () => {
    await preview?.close();
});

test('a manager opens the queue, picks the neediest rep and starts a session with the agenda in view', async () => {
    const { page, server } = preview;
    await openPanel(page, server, { page: 'coaching', as: managerId });
    const queue = page.locator('c-coaching-queue');
    const rows = queue.locator('c-coaching-queue-row');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(team.length);
    const names = await rows.locator('.open-rep').allTextContents();
    expect(names.map((name) => name.replace(': open the plan', '')).sort()).toEqual(team.map((rep) => rep.name).sort());
    // The first row is there for reasons, and says them.
    const firstReasons = await rows.first().locator('.reasons').textContent();
    expect(firstReasons).not.toBe('Nothing pressing this week.');
    await queue.getByRole('heading', { name: 'Team skills' }).waitFor();
    expect(preview.pageErrors).toEqual([]);
    await screenshot(page, 'coachingQueue-1280');

    const neediest = team.find((rep) => names[0] === `${rep.name}: open the plan`)!;
    await settleAfter(page, () => rows.first().locator('.open-rep').click());
    expect(new URL(page.url()).searchParams.get('rep')).toBe(neediest.id);
    await page.locator('c-goal-plan-panel').getByRole('heading', { name: 'Learning goals', exact: true }).waitFor();
    await expect(rows.first().locator('.open-rep').getAttribute('aria-current')).resolves.toBe('true');
    const prep = page.locator('c-goal-plan-panel c-one-on-one-prep');
    await prep.getByRole('button', { name: 'Start session' }).waitFor();
    // The deals to discuss are links to their records, each with its amount and stage.
    const org = server.sample().org;
    const dealLinks = prep.locator('a.deal-link');
    await prep.locator('.deals').waitFor();
    for (const link of await dealLinks.all()) {
        const href = (await link.getAttribute('href')) ?? '';
        const deal = org.get(href.split('/').pop() ?? '');
        expect(deal?.OwnerId).toBe(neediest.id);
        expect(await link.textContent()).toContain(String(deal?.Name));
        if (typeof deal?.Amount === 'number') expect(await link.textContent()).toContain(`$${deal.Amount.toLocaleString('en-US')}`);
    }
    await prep.scrollIntoViewIfNeeded();
    await screenshot(page, 'goalPlanPanel-prepare-1on1');

    const coaching = page.locator('c-coaching-panel');
    await coaching.getByRole('button', { name: 'New session' }).click();
    const form = coaching.locator('c-session-form');
    await form.waitFor();
    const agenda = form.locator('textarea.agenda');
    const box = await agenda.evaluate((element: HTMLTextAreaElement) => ({
        value: element.value,
        scrollHeight: element.scrollHeight,
        clientHeight: element.clientHeight,
    }));
    expect(box.value).not.toBe('');
    // Every line in view: nothing to scroll inside the box, and the box fits the window.
    expect(box.scrollHeight).toBeLessThanOrEqual(box.clientHeight + 1);
    await agenda.scrollIntoViewIfNeeded();
    const agendaBox = (await agenda.boundingBox())!;
    expect(agendaBox.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    const focus = await form.locator('lightning-combobox.focus-goal').evaluate((element) => (element as HTMLElement & { value: string }).value);
    const plan = planOf(server, neediest.id)!;
    const openGoals = childrenOfPlan(server, 'Learning_Goal__c', plan.Id).filter((goal) => ['Suggested', 'Accepted', 'In Progress'].includes(String(goal.Status__c)));
    if (openGoals.length) expect(openGoals.map((goal) => goal.Id)).toContain(focus);
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, 'coachingQueue-session-form');

    const before = childrenOfPlan(server, 'Coaching_Session__c', plan.Id).length;
    await settleAfter(page, () => form.getByRole('button', { name: 'Save session' }).click());
    const sessions = childrenOfPlan(server, 'Coaching_Session__c', plan.Id);
    expect(sessions).toHaveLength(before + 1);
    const saved = sessions.find((session) => session.Agenda__c === box.value.trim())!;
    expect(saved).toBeDefined();
    expect(saved.Focus_Learning_Goal__c ?? '').toBe(focus);
});

test('the queue reads in a 400 px column', async () => {
    const { page, server } = preview;
    await page.setViewportSize({ width: 400, height: 900 });
    await openPanel(page, server, { page: 'coaching', as: managerId });
    const queue = page.locator('c-coaching-queue');
    await queue.locator('c-coaching-queue-row').first().waitFor();
    // Nothing wider than the column: no sideways scrolling.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'coachingQueue-400px');
    await queue.locator('c-coaching-queue-row .open-rep').first().click();
    const prep = page.locator('c-goal-plan-panel c-one-on-one-prep');
    await prep.getByRole('button', { name: 'Start session' }).click();
    const agenda = prep.locator('c-session-form textarea.agenda');
    await agenda.waitFor();
    await waitForSettled(page);
    // In the narrow column the agenda's lines wrap; the box still shows all of them.
    const box = await agenda.evaluate((element: HTMLTextAreaElement) => ({ scrollHeight: element.scrollHeight, clientHeight: element.clientHeight }));
    expect(box.scrollHeight).toBeLessThanOrEqual(box.clientHeight + 1);
    await screenshot(page, 'goalPlanPanel-prepare-1on1-400px');
    await page.setViewportSize({ width: 1280, height: 900 });
});
