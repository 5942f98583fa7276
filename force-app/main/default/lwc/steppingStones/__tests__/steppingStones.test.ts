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

    it('draws the recent weeks against the target with a text alternative', async () => {
        const { root } = createStones();
        await flushPromises();
        const svg = root.querySelector('svg.weeks-chart')!;
        expect(svg.getAttribute('role')).toBe('img');
        expect(svg.querySelector('title')!.textContent).toBe(
            'Closed Won by week for the last 11 weeks against the weekly target of $20,000'
        );
        const bars = svg.querySelectorAll('rect');
        expect(bars).toHaveLength(11);
        expect(Array.from(bars).filter((bar) => bar.getAttribute('class') === 'bar bar_hit')).toHaveLength(4);
        const text = Array.from(root.querySelectorAll('.weeks-text li')).map((item) => item.textContent);
        expect(text).toContain('Week of Feb 19, 2026: $25,000 won, hit');
        expect(text[text.length - 1]).toBe('Week of Mar 12, 2026: $4,000 won, in progress');
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
        const { root, toasts } = createStones();
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
    });

    it('works from the outcome target when the weekly formula is not readable', async () => {
        const restricted: Record<string, unknown> = { ...plan };
        delete restricted.weeklyTarget;
        const { root } = createStones(restricted);
        await flushPromises();
        expect(root.querySelector('.weeks-hit')!.textContent).toBe('4 of 11');
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
