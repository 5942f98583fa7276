// Goal plan panel (User record page) in headless Chromium: the plan, accepting a suggested
// learning goal, adding a why answer, completing and adding a step. Each write must reach the
// in-memory org and show on the page.
import path from 'node:path';
import { type PreviewSession, openPanel, openPreview, screenshot, screenshotsDir, settleAfter, toasts } from './support/preview';
import { childrenOfPlan, pickRep } from './support/sample';

let preview: PreviewSession;
let rep: ReturnType<typeof pickRep>;

beforeAll(async () => {
    preview = await openPreview();
    const { server } = preview;
    // A rep with two suggestions to accept one and dismiss the other, and an open step.
    rep = pickRep(
        server,
        (plan) =>
            childrenOfPlan(server, 'Learning_Goal__c', plan.Id).filter((goal) => goal.Status__c === 'Suggested').length >= 2 &&
            childrenOfPlan(server, 'Goal_Step__c', plan.Id).some((step) => step.Done__c === false),
    );
    await openPanel(preview.page, server, { panel: 'goalPlanPanel', rep: rep.id });
});

afterAll(async () => {
    await preview?.close();
});

test('shows the rep\'s plan: why, next steps, stepping stones, input and learning goals', async () => {
    const { page } = preview;
    const card = page.locator('c-goal-plan-panel lightning-card');
    await card.getByText('Goal plan', { exact: true }).waitFor();
    for (const heading of ['Next steps', 'Outcome goal and stepping stones', 'Input goals', 'Learning goals']) {
        await card.getByRole('heading', { name: heading, exact: true }).waitFor();
    }
    // The manager's preparation is open on top; the ladder is folded away below it.
    await expect(card.locator('details.prepare').evaluate((details: HTMLDetailsElement) => details.open)).resolves.toBe(true);
    await card.locator('c-one-on-one-prep').getByRole('button', { name: 'Start session' }).waitFor();
    await expect(card.locator('details.why-section').evaluate((details: HTMLDetailsElement) => details.open)).resolves.toBe(false);
    const suggested = childrenOfPlan(preview.server, 'Learning_Goal__c', rep.plan.Id).find((goal) => goal.Status__c === 'Suggested')!;
    await page.locator('c-learning-goal-item', { hasText: String(suggested.Name) }).first().waitFor();
    expect(preview.pageErrors).toEqual([]);
    await screenshot(page, 'goalPlanPanel-overview');
});

test('accepting a suggested learning goal saves Accepted and shows it', async () => {
    const { page, server } = preview;
    const goal = childrenOfPlan(server, 'Learning_Goal__c', rep.plan.Id).find((g) => g.Status__c === 'Suggested')!;
    const item = page.locator('c-learning-goal-item', { hasText: String(goal.Name) }).first();
    await item.scrollIntoViewIfNeeded();
    await settleAfter(page, () => item.getByRole('button', { name: 'Accept', exact: true }).click());
    expect(server.sample().org.get(goal.Id)?.Status__c).toBe('Accepted');
    await item.getByText('Accepted', { exact: true }).waitFor();
    expect((await toasts(page)).filter((t) => t.variant === 'error')).toEqual([]);
    await screenshot(page, 'goalPlanPanel-suggestion-accepted');
});

test('dismissing a suggestion keeps the reason, a human decision the analysis never overwrites', async () => {
    const { page, server } = preview;
    // The rep was picked with two suggestions; the first was accepted above.
    const goal = childrenOfPlan(server, 'Learning_Goal__c', rep.plan.Id).find((g) => g.Status__c === 'Suggested')!;
    expect(goal).toBeDefined();
    const item = page.locator('c-learning-goal-item', { hasText: String(goal.Name) }).first();
    await item.scrollIntoViewIfNeeded();
    await item.getByRole('button', { name: 'Dismiss', exact: true }).click();
    const reason = 'Already covered by the negotiation course this quarter';
    await item.locator('lightning-textarea.reason-input textarea').fill(reason);
    await settleAfter(page, () => item.getByRole('button', { name: 'Dismiss goal', exact: true }).click());
    const saved = server.sample().org.get(goal.Id)!;
    expect(saved.Status__c).toBe('Dismissed');
    expect(saved.Dismissed_Reason__c).toBe(reason);
    await screenshot(page, 'goalPlanPanel-suggestion-dismissed');
});

test('adding an answer to the why ladder saves it on the plan', async () => {
    const { page, server } = preview;
    const answer = 'Coach the new reps on my team next year';
    await page.locator('details.why-section summary').click();
    const ladder = page.locator('c-why-ladder');
    await ladder.locator('.answer-input input').fill(answer);
    await settleAfter(page, () => ladder.getByRole('button', { name: 'Add answer', exact: true }).click());
    expect(String(server.sample().org.get(rep.plan.Id)?.Why_Ladder__c)).toContain(answer);
    await ladder.getByText(answer).first().waitFor();
    await screenshot(page, 'goalPlanPanel-why-answer-added');
});

test('ticking a step completes it with today\'s date', async () => {
    const { page, server } = preview;
    const step = childrenOfPlan(server, 'Goal_Step__c', rep.plan.Id).find((s) => s.Done__c === false)!;
    const checkbox = page.locator('c-next-steps').getByLabel(`Done: ${step.Name}`);
    await checkbox.waitFor({ state: 'attached' });
    // The visible box is the SLDS faux checkbox; the step leaves the open list once ticked.
    const faux = page.locator(`c-next-steps lightning-input[data-id="${step.Id}"] .slds-checkbox_faux`);
    await faux.scrollIntoViewIfNeeded();
    await settleAfter(page, () => faux.click());
    const saved = server.sample().org.get(step.Id)!;
    expect(saved.Done__c).toBe(true);
    expect(saved.Completed_On__c).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await screenshot(page, 'goalPlanPanel-step-completed');
});

test('adding a step creates it on the plan and lists it', async () => {
    const { page, server } = preview;
    const steps = page.locator('c-next-steps');
    // Ticking a step may already have opened the form for the next one.
    const openForm = steps.getByRole('button', { name: 'Add a step' });
    if (await openForm.isVisible()) await openForm.click();
    const name = 'Shadow a senior rep on a discovery call';
    await steps.locator('.step-name-input input').fill(name);
    await settleAfter(page, () => steps.getByRole('button', { name: 'Add step', exact: true }).click());
    const created = childrenOfPlan(server, 'Goal_Step__c', rep.plan.Id).find((s) => s.Name === name);
    expect(created).toBeDefined();
    await steps.getByText(name).first().waitFor();
    await screenshot(page, 'goalPlanPanel-step-added');
});

test('the stepping stones count the weeks up to the sample\'s as-of day and chart the won ones', async () => {
    const { page, server } = preview;
    const org = server.sample().org;
    const today = org.now();
    const chartStart = new Date(today.getTime() - 12 * 7 * 86_400_000).toISOString().slice(0, 10);
    // The preview runs at the export's as-of day, so a rep with deals won in the last 12 weeks shows them.
    const winner = pickRep(server, (plan) =>
        org.all('Opportunity').some((o) => o.OwnerId === plan.Rep__c && o.IsWon === true && String(o.CloseDate) >= chartStart && String(o.CloseDate) <= today.toISOString().slice(0, 10)),
    );
    await openPanel(page, server, { panel: 'goalPlanPanel', rep: winner.id });
    const stones = page.locator('c-stepping-stones');
    const weeksElapsed = Math.floor((today.getTime() - Date.parse(`${String(winner.plan.Period_Start__c)}T00:00:00Z`)) / (7 * 86_400_000)) + 1;
    expect(await stones.locator('.weeks-hit').textContent()).toMatch(new RegExp(`^[1-9]\\d* of ${weeksElapsed}$`));
    expect(await stones.locator('rect.bar_hit').count()).toBeGreaterThan(0);
    expect(preview.pageErrors).toEqual([]);
    await screenshot(page, 'goalPlanPanel-stepping-stones');
});

test('the loss chart takes the card\'s width, shades the decision stages and heads with the suggestion, at 1280 and 400 px', async () => {
    const { page, server } = preview;
    // A rep whose surest suggestion is the decision process: the headline speaks of the decision stages.
    const mapper = pickRep(server, (plan) => {
        const goals = childrenOfPlan(server, 'Learning_Goal__c', plan.Id).filter((goal) => goal.Source__c === 'Analysis');
        const surest = goals.sort((a, b) => Number(b.Confidence__c) - Number(a.Confidence__c))[0];
        return surest?.Skill__c === 'Decision Process' && /"decision":true/.test(String(plan.Loss_Profile__c ?? ''));
    });
    const profile = JSON.parse(String(mapper.plan.Loss_Profile__c)) as { headline: string; stages: { decision: boolean }[] };
    for (const width of [1280, 400]) {
        await page.setViewportSize({ width, height: 900 });
        await openPanel(page, server, { panel: 'goalPlanPanel', rep: mapper.id });
        const section = page.locator('c-goal-plan-panel section', { has: page.getByRole('heading', { name: 'Where deals are lost', exact: true }) });
        const chart = section.locator('c-loss-chart');
        await chart.locator('.loss-bars').waitFor();
        await section.scrollIntoViewIfNeeded();
        expect(await chart.locator('.headline').textContent()).toBe(profile.headline);
        expect(profile.headline).toMatch(/losses came at the decision stages \(/);
        expect(await chart.locator('.stage-row_decision').count()).toBe(profile.stages.filter((stage) => stage.decision).length);
        expect(await chart.locator('.value_rep').first().textContent()).toMatch(/^Rep: \d+ of \d+ \(\d+%\)$/);
        // Full width: the bars span the section, and nothing is wider than the page.
        const sectionBox = (await section.boundingBox())!;
        const barsBox = (await chart.locator('.loss-bars').boundingBox())!;
        expect(barsBox.width).toBeGreaterThan(sectionBox.width * 0.95);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        // Every value is written in full beside its bar, inside the card.
        for (const value of await chart.locator('.value').all()) {
            const box = (await value.boundingBox())!;
            expect(box.x + box.width).toBeLessThanOrEqual(sectionBox.x + sectionBox.width + 0.5);
        }
        await section.screenshot({ path: path.join(screenshotsDir, width === 400 ? 'goalPlanPanel-loss-chart-400px.png' : 'goalPlanPanel-loss-chart.png'), animations: 'disabled' });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(preview.pageErrors).toEqual([]);
});
