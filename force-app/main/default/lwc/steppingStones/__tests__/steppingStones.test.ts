import { createElement } from 'lwc';
import SteppingStones from 'c/steppingStones';
import { updateRecord } from 'lightning/uiRecordApi';
import plan from './data/plan.json';
import wins from './data/wins.json';

const updateRecordMock = updateRecord as unknown as jest.Mock;

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function createStones(planValue: Record<string, unknown> = plan) {
    const element = createElement('c-stepping-stones', { is: SteppingStones }) as unknown as HTMLElement & Record<string, unknown>;
    element.plan = planValue;
    element.wins = wins;
    element.today = '2026-03-18';
    const toasts: Array<{ variant?: string; message?: string }> = [];
    element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent).detail));
    document.body.appendChild(element);
    return { element, root: element.shadowRoot!, toasts };
}

describe('c-stepping-stones', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('turns the period target into a weekly target and counts weeks hit and streaks', async () => {
        const { element, root } = createStones();
        await flushPromises();
        expect(root.querySelector('.target-summary')!.textContent).toContain('$1,000,000 over 50 selling weeks: a $20,000 week.');
        expect(root.querySelector('.weeks-hit')!.textContent).toBe('4 of 11');
        // Weeks 8, 9 and 10 were hit; the current week is still under way.
        expect(root.querySelector('.current-streak')!.textContent).toBe('3 weeks');
        expect(root.querySelector('.best-streak')!.textContent).toBe('3 weeks');
        await expect(element).toBeAccessible();
    });

    it('draws the recent weeks with week and amount labels, grey missed weeks and the target line', async () => {
        const { element, root } = createStones();
        await flushPromises();
        const svg = root.querySelector('svg.weeks-chart')!;
        expect(svg.getAttribute('role')).toBe('img');
        expect(svg.querySelector('title')!.textContent).toBe('Closed Won by week for the last 11 weeks, against the weekly target $20,000');
        const bars = Array.from(svg.querySelectorAll('rect'));
        expect(bars).toHaveLength(11);
        expect(bars.filter((bar) => bar.getAttribute('class') === 'bar bar_hit')).toHaveLength(4);
        // Missed weeks, even with nothing won, are short grey bars rather than gaps.
        const missed = bars.filter((bar) => bar.getAttribute('class') === 'bar bar_missed');
        expect(missed.length).toBeGreaterThan(0);
        expect(missed.every((bar) => Number(bar.getAttribute('height')) > 0)).toBe(true);
        expect(svg.querySelectorAll('line.line_target')).toHaveLength(1);
        expect(root.querySelector('.line-label_target')!.textContent).toBe('Weekly target $20,000');
        const weekLabels = Array.from(root.querySelectorAll('.week-label')).map((label) => label.textContent);
        // Every other week, ending on the week under way.
        expect(weekLabels).toEqual(['W1', 'W3', 'W5', 'W7', 'W9', 'W11']);
        const text = Array.from(root.querySelectorAll('.weeks-text li')).map((item) => item.textContent);
        expect(text).toContain('W8, week of Feb 19, 2026: $25,000 won, hit');
        expect(text[text.length - 1]).toBe('W11, week of Mar 12, 2026: $4,000 won, in progress');
        await expect(element).toBeAccessible();
    });

    it('restates the why as the rep\'s own week beside the quota\'s, by the trigger event', async () => {
        const { element, root } = createStones({ ...plan, whyCost: 60000, whyPaysFor: 'the family cruise', commissionRate: 10, triggerEventDate: '2026-06-30', triggerEventType: 'Other' });
        await flushPromises();
        expect(root.querySelector('.own-sentence')!.textContent).toBe('$34,107 a week pays for the family cruise by Jun 30, 2026.');
        expect(root.querySelector('.own-detail')!.textContent).toBe(
            "$60,000 for the why at 10% commission is $600,000 of sales; $122,500 won so far leaves $477,500 over 14 selling weeks to the trigger event (Other). The quota's week is $20,000."
        );
        expect(root.querySelector('.line-label_own')!.textContent).toBe('Own week $34,107');
        await expect(element).toBeAccessible();
    });

    it('asks for the commission rate when only the cost is known', async () => {
        const { element, root } = createStones({ ...plan, whyCost: 60000, whyPaysFor: null, commissionRate: null });
        await flushPromises();
        expect(root.querySelector('.own-sentence')!.textContent).toBe(
            "$60,000 pays for the why, “Pay off the mortgage early”. Add the commission rate in the conversation's cost step to turn it into a week."
        );
        expect(root.querySelector('.own-detail')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the start-smaller stones with the current one, on the chart too', async () => {
        const { element, root } = createStones({ ...plan, firstStoneTarget: 10000 });
        await flushPromises();
        const stones = Array.from(root.querySelectorAll('.smaller-stone'));
        expect(stones.map((stone) => stone.textContent)).toEqual([
            'ReachedA first $10,000 week',
            'ReachedTwo $10,000 weeks back to back',
            'Current stoneThe best string: more than 3 $10,000 weeks in a row (now 3 weeks)',
        ]);
        expect(stones[2].getAttribute('aria-current')).toBe('step');
        expect(root.querySelector('.current-stone')!.textContent).toBe('Current stone: The best string: more than 3 $10,000 weeks in a row (now 3 weeks).');
        expect(root.querySelector('.line-label_stone')!.textContent).toBe('Stone $10,000');
        // A $12,000 week reached the stone but not the $20,000 target.
        expect(root.querySelectorAll('rect.bar_stone')).toHaveLength(1);
        await expect(element).toBeAccessible();
    });

    it('saves the first stone the rep chose', async () => {
        const { element, root, toasts } = createStones({ ...plan, firstStoneTarget: null });
        await flushPromises();
        expect(root.querySelector('.no-stone')).not.toBeNull();
        root.querySelector('lightning-input.stone-input')!.dispatchEvent(new CustomEvent('change', { detail: { value: '5000' } }));
        await flushPromises();
        (root.querySelector('lightning-button.save-stone') as HTMLElement).click();
        await flushPromises();
        expect(updateRecordMock).toHaveBeenCalledWith({ fields: { Id: 'a015g00000PlAn1AAB', First_Stone_Target__c: 5000 } });
        expect(toasts).toEqual([expect.objectContaining({ variant: 'success' })]);
        await expect(element).toBeAccessible();
    });

    it('keeps the typed stone and says why when the save fails', async () => {
        updateRecordMock.mockRejectedValueOnce({ body: { message: 'Insufficient access rights on object id' } });
        const { element, root } = createStones({ ...plan, firstStoneTarget: null });
        await flushPromises();
        root.querySelector('lightning-input.stone-input')!.dispatchEvent(new CustomEvent('change', { detail: { value: '5000' } }));
        await flushPromises();
        (root.querySelector('lightning-button.save-stone') as HTMLElement).click();
        await flushPromises();
        expect((root.querySelector('lightning-input.stone-input') as HTMLElement & { value: string }).value).toBe('5000');
        expect(root.querySelector('.stone-error')!.textContent).toContain('Insufficient access rights on object id');
        await expect(element).toBeAccessible();
    });

    it('shows no inputs to a viewer who may not edit the plan', async () => {
        const { element, root } = createStones({ ...plan, firstStoneTarget: 10000, outcomeTarget: null, weeklyTarget: null });
        (element as unknown as { readOnly: boolean }).readOnly = true;
        await flushPromises();
        expect(root.querySelector('lightning-input')).toBeNull();
        expect(root.querySelector('.smaller-stone')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('asks for an outcome target when there is none, and saves it', async () => {
        const { element, root, toasts } = createStones({ ...plan, outcomeTarget: null, weeklyTarget: null });
        await flushPromises();
        expect(root.querySelector('.no-target')).not.toBeNull();
        await expect(element).toBeAccessible();
        const input = root.querySelector('lightning-input.target-input')!;
        input.dispatchEvent(new CustomEvent('change', { detail: { value: '1200000' } }));
        await flushPromises();
        (root.querySelector('lightning-button.save-target') as HTMLElement).click();
        await flushPromises();
        expect(updateRecordMock).toHaveBeenCalledWith({ fields: { Id: 'a015g00000PlAn1AAB', Outcome_Target__c: 1200000 } });
        expect(toasts).toEqual([expect.objectContaining({ variant: 'success' })]);
    });

    it('keeps the typed target when the save fails', async () => {
        updateRecordMock.mockRejectedValueOnce({ body: { message: 'Outcome target is locked after Q1' } });
        const { element, root, toasts } = createStones();
        await flushPromises();
        (root.querySelector('lightning-button.edit-target') as HTMLElement).click();
        await flushPromises();
        const input = root.querySelector('lightning-input.target-input') as HTMLElement & { value: string };
        expect(input.value).toBe('1000000');
        input.dispatchEvent(new CustomEvent('change', { detail: { value: '900000' } }));
        await flushPromises();
        (root.querySelector('lightning-button.save-target') as HTMLElement).click();
        await flushPromises();
        expect(toasts).toEqual([expect.objectContaining({ variant: 'error', message: 'Outcome target is locked after Q1' })]);
        expect((root.querySelector('lightning-input.target-input') as HTMLElement & { value: string }).value).toBe('900000');
        await expect(element).toBeAccessible();
    });

    it('works from the outcome target when the weekly formula is not readable', async () => {
        const restricted: Record<string, unknown> = { ...plan };
        delete restricted.weeklyTarget;
        const { element, root } = createStones(restricted);
        await flushPromises();
        expect(root.querySelector('.weeks-hit')!.textContent).toBe('4 of 11');
        await expect(element).toBeAccessible();
    });

    it('says why weeks cannot be counted when the period is not shared', async () => {
        const restricted: Record<string, unknown> = { ...plan };
        delete restricted.periodStart;
        const { element, root } = createStones(restricted);
        await flushPromises();
        expect(root.querySelector('.no-period')).not.toBeNull();
        expect(root.querySelector('svg')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
