// A manager's first one-on-one with a new hire, in headless Chromium: the plan opens on the
// discovery conversation; the manager walks the ladder, records the reality check, the cost and the
// trigger event, and the stepping stones restate the cost as the rep's own week. Each write must
// reach the in-memory org; screenshots at 1280 and 400 px.
import type { Locator } from 'playwright-core';
import { type PreviewSession, openPanel, openPreview, screenshot, settleAfter, toasts } from './support/preview';
import { pickRep } from './support/sample';

let preview: PreviewSession;
let newHire: ReturnType<typeof pickRep>;
let managerId: string;

beforeAll(async () => {
    preview = await openPreview();
    const { server } = preview;
    newHire = pickRep(server, (plan) => plan.Plan_Start_Reason__c === 'New hire');
    managerId = server.sample().reps.find((rep) => rep.id === newHire.id)!.managerId!;
    expect(managerId).toBeTruthy();
    await openPanel(preview.page, server, { panel: 'goalPlanPanel', rep: newHire.id, as: managerId });
});

afterAll(async () => {
    await preview?.close();
});

const savedPlan = () => preview.server.sample().org.get(newHire.plan.Id)!;
const conversation = () => preview.page.locator('c-goal-plan-panel section.new-hire c-discovery-conversation');

async function nextStep(name: string): Promise<Locator> {
    await conversation().getByRole('button', { name: `Next: ${name}` }).click();
    return conversation();
}

test('a new hire\'s plan opens on the conversation and the first tiny steps, and says when learning goals come', async () => {
    const { page } = preview;
    const section = page.locator('c-goal-plan-panel section.new-hire');
    await section.getByRole('heading', { name: `${newHire.name} is new: start with the conversation` }).waitFor();
    await section.getByText('Learning goals from the analysis come after about 15 closed deals.', { exact: false }).waitFor();
    await section.locator('c-next-steps').getByText('Shadow three discovery calls', { exact: true }).waitFor();
    await expect(conversation().locator('button[aria-current="step"]').textContent()).resolves.toContain('1. The why');
    expect(preview.pageErrors).toEqual([]);
    await screenshot(page, 'goalPlanPanel-new-hire');
});

test('the manager walks the ladder to the why', async () => {
    const { page } = preview;
    const ladder = conversation().locator('c-why-ladder');
    for (const answer of ['Earn well from the first year', 'Move into a place of my own by the summer']) {
        await ladder.locator('.answer-input input').fill(answer);
        await settleAfter(page, () => ladder.getByRole('button', { name: 'Add answer', exact: true }).click());
    }
    await settleAfter(page, () => ladder.getByRole('button', { name: "No new answer: that's the why" }).click());
    expect(savedPlan().Why_Goal__c).toBe('Move into a place of my own by the summer');
    await ladder.locator('.why-goal').getByText('Move into a place of my own by the summer').waitFor();
});

test('the manager records the reality check and what they heard', async () => {
    const { page } = preview;
    const step = (await nextStep('Reality check')).locator('c-reality-check');
    await step.getByText('Why “Move into a place of my own by the summer”?').waitFor();
    await step.locator('lightning-textarea.reality-answer textarea').fill('I would stop counting days until I can leave');
    await step.getByText('Clearly important: I heard passion and emotion').click();
    await settleAfter(page, () => step.getByRole('button', { name: 'Save reality check' }).click());
    expect(savedPlan()).toMatchObject({ Reality_Check__c: 'I would stop counting days until I can leave', Reality_Check_Read__c: 'Clearly important' });
    await step.getByText('It matters: next, find out what it costs.').waitFor();
});

test('the manager learns what the why costs and the rep\'s commission rate', async () => {
    const { page } = preview;
    await nextStep('Discovery');
    const step = (await nextStep('Cost')).locator('c-why-cost');
    await step.getByText('They said the most they could earn on their comp plan is $120,000.').waitFor();
    await step.locator('[data-key="whyCost"] input').fill('24000');
    await step.locator('[data-key="whyPaysFor"] input').fill('the deposit on my own flat');
    await step.locator('[data-key="commissionRate"] input').fill('10');
    await settleAfter(page, () => step.getByRole('button', { name: 'Save cost' }).click());
    expect(savedPlan()).toMatchObject({ Why_Cost__c: 24000, Why_Pays_For__c: 'the deposit on my own flat', Commission_Rate__c: 10 });
    expect((await toasts(page)).filter((toast) => toast.variant === 'error')).toEqual([]);
});

test('the manager ties the why to a trigger event and sees the stepping stone as the rep\'s own week', async () => {
    const { page, server } = preview;
    const step = (await nextStep('Trigger event')).locator('c-trigger-event');
    await step.locator('lightning-combobox.trigger-type button').click();
    await step.getByRole('option', { name: 'Hire', exact: true }).click();
    // The hire three weeks ago, typed as the date input shows dates in the viewer's locale.
    const org = server.sample().org;
    const hiredOn = new Date(org.now().getTime() - 21 * 86_400_000);
    const typed = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(hiredOn);
    await step.locator('lightning-input.trigger-date input').fill(typed);
    await step.locator('lightning-input.trigger-date input').blur();
    await settleAfter(page, () => step.getByRole('button', { name: 'Save trigger event' }).click());
    expect(savedPlan()).toMatchObject({ Trigger_Event_Type__c: 'Hire', Trigger_Event_Date__c: hiredOn.toISOString().slice(0, 10) });
    await conversation().locator('button.step-button', { hasText: '5. Trigger event' }).getByText('answered').waitFor({ state: 'attached' });

    // The cost restated as the rep's week: $24,000 at 10% is $240,000 of sales, less what is won, over the weeks left.
    const today = org.now().toISOString().slice(0, 10);
    const won = org
        .all('Opportunity')
        .filter((o) => o.OwnerId === newHire.id && o.IsWon === true && String(o.CloseDate) >= String(newHire.plan.Period_Start__c) && String(o.CloseDate) <= today)
        .reduce((sum, o) => sum + Number(o.Amount), 0);
    const stones = page.locator('c-goal-plan-panel c-stepping-stones');
    const sentence = await stones.locator('.own-sentence').textContent();
    expect(sentence).toMatch(/^\$[\d,]+ a week pays for the deposit on my own flat by Dec 31, \d{4}\.$/);
    const weekly = Number(sentence!.slice(1, sentence!.indexOf(' ')).replace(/,/g, ''));
    expect(weekly).toBeGreaterThan(0);
    expect(weekly).toBeLessThanOrEqual(240_000 - won);
    await expect(stones.locator('.own-detail').textContent()).resolves.toContain('$24,000 for the why at 10% commission is $240,000 of sales');
    await stones.locator('.line-label_own').waitFor();
    await stones.scrollIntoViewIfNeeded();
    expect(preview.pageErrors).toEqual([]);
    await screenshot(page, 'goalPlanPanel-own-week');
});

test('the conversation and the own week read in a 400 px column', async () => {
    const { page } = preview;
    await page.setViewportSize({ width: 400, height: 900 });
    try {
        // A fresh load, without the toasts of the saves above covering the panel.
        await openPanel(page, preview.server, { panel: 'goalPlanPanel', rep: newHire.id, as: managerId });
        await page.locator('c-goal-plan-panel c-stepping-stones .own-sentence').waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await screenshot(page, 'goalPlanPanel-new-hire-400px');
    } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
    }
});
