import { createElement } from 'lwc';
import MilestoneItem, { type MilestoneRow } from 'c/milestoneItem';
import type { MilestoneAction } from 'c/milestoneItem';

const OPEN_MANUAL: MilestoneRow = {
    id: 'a0B5g00000AbCdJAAA',
    name: 'Decision process mapped',
    stage: 'Id. Decision Makers',
    showStage: true,
    status: 'open',
    evidenceSummary: null,
    evidenceDate: null,
    need: 'Confirm it here once it is done.',
    guidance: null,
    isNext: false,
    isMissing: true,
    canConfirm: true,
    undoCompletionId: null,
    action: null,
    busy: false,
};

const CONFIRMED: MilestoneRow = {
    ...OPEN_MANUAL,
    status: 'done',
    evidenceSummary: 'Confirmed by Ana Lopez',
    evidenceDate: '2026-11-18T14:05:00.000Z',
    need: null,
    isMissing: false,
    canConfirm: false,
    undoCompletionId: 'a0C5g00000XyZaBAAA',
};

function render(milestone: MilestoneRow): HTMLElement {
    const element = createElement('c-milestone-item', { is: MilestoneItem }) as HTMLElement & { milestone: MilestoneRow };
    element.milestone = milestone;
    document.body.appendChild(element);
    return element;
}

function $(element: HTMLElement, selector: string) {
    return element.shadowRoot!.querySelector(selector) as (HTMLElement & Record<string, unknown>) | null;
}

afterEach(() => {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
});

describe('c-milestone-item', () => {
    it('shows an open manual milestone missing for the stage, with a confirm button named after it', async () => {
        const element = render(OPEN_MANUAL);
        expect($(element, 'lightning-icon')?.alternativeText).toBe('Missing for this stage');
        expect($(element, '.milestone-stage')?.textContent).toBe('Id. Decision Makers');
        expect($(element, '.milestone-need')?.textContent).toBe('Confirm it here once it is done.');
        expect($(element, 'lightning-icon')?.iconName).toBe('utility:warning');
        const confirm = $(element, '.confirm-button');
        expect(confirm?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Confirm: Decision process mapped');
        expect($(element, '.undo-button')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('fires confirm with the milestone id', () => {
        const element = render(OPEN_MANUAL);
        const handler = jest.fn();
        element.addEventListener('confirm', handler);
        $(element, '.confirm-button')!.click();
        expect(handler.mock.calls[0][0].detail).toEqual({ milestoneId: 'a0B5g00000AbCdJAAA' });
    });

    it('shows who confirmed it and when, and fires undo', async () => {
        const element = render(CONFIRMED);
        expect($(element, '.milestone-evidence')?.textContent).toContain('Confirmed by Ana Lopez');
        expect($(element, 'lightning-formatted-date-time')?.value).toBe('2026-11-18T14:05:00.000Z');
        expect($(element, 'lightning-icon')?.alternativeText).toBe('Done');
        const handler = jest.fn();
        element.addEventListener('undo', handler);
        $(element, '.undo-button')!.click();
        expect(handler.mock.calls[0][0].detail).toEqual({ milestoneId: 'a0B5g00000AbCdJAAA' });
        await expect(element).toBeAccessible();
    });

    it("marks a milestone that can't be checked and highlights the next one", async () => {
        const element = render({
            ...OPEN_MANUAL,
            status: 'unverifiable',
            isMissing: false,
            isNext: true,
            canConfirm: false,
            need: "You can't see the field NextStep, so this can't be checked.",
        });
        expect($(element, 'lightning-icon')?.alternativeText).toBe("Can't be checked");
        expect($(element, '.milestone')?.className).toContain('milestone_next');
        expect($(element, '.confirm-button')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('disables its buttons while a write is in flight', () => {
        const element = render({ ...OPEN_MANUAL, busy: true });
        expect($(element, '.confirm-button')?.disabled).toBe(true);
    });

    it('shows the next milestone with its guidance, without its stage in the current stage', async () => {
        const element = render({ ...OPEN_MANUAL, showStage: false, isMissing: false, isNext: true, guidance: 'Walk them through it.' });
        expect($(element, '.milestone-stage')).toBeNull();
        expect($(element, '.milestone-guidance')?.textContent).toBe('Walk them through it.');
        await expect(element).toBeAccessible();
    });

    it('fires addcontactrole with the role for a missing contact role', async () => {
        const action: MilestoneAction = { kind: 'addContactRole', label: 'Add Economic Buyer', role: 'Economic Buyer' };
        const element = render({ ...OPEN_MANUAL, canConfirm: false, action });
        const handler = jest.fn();
        element.addEventListener('addcontactrole', handler);
        const button = $(element, '.action-button')!;
        expect(button.textContent?.replace(/\s+/g, ' ').trim()).toBe('Add Economic Buyer: Decision process mapped');
        button.click();
        expect(handler.mock.calls[0][0].detail).toEqual({ milestoneId: 'a0B5g00000AbCdJAAA', role: 'Economic Buyer' });
        await expect(element).toBeAccessible();
    });

    it('fires logactivity with the activity type', () => {
        const element = render({ ...OPEN_MANUAL, canConfirm: false, action: { kind: 'logActivity', label: 'Log a call', activityType: 'Call' } });
        const handler = jest.fn();
        element.addEventListener('logactivity', handler);
        $(element, '.action-button')!.click();
        expect(handler.mock.calls[0][0].detail).toEqual({ milestoneId: 'a0B5g00000AbCdJAAA', activityType: 'Call' });
    });

    it('edits a field inline: save sends the trimmed value, cancel closes the editor', async () => {
        const action: MilestoneAction = {
            kind: 'editField',
            label: 'Edit Next Step',
            fieldApiName: 'NextStep',
            fieldLabel: 'Next Step',
            inputType: 'text',
            maxLength: 255,
            value: '',
        };
        const element = render({ ...OPEN_MANUAL, canConfirm: false, action });
        const handler = jest.fn();
        element.addEventListener('savefield', handler);
        $(element, '.action-button')!.click();
        await Promise.resolve();
        const input = $(element, 'lightning-input')!;
        expect([input.label, input.type, input.maxLength]).toEqual(['Next Step', 'text', 255]);
        expect($(element, '.save-button')?.disabled).toBe(true);
        await expect(element).toBeAccessible();
        input.dispatchEvent(new CustomEvent('change', { detail: { value: ' Demo on 4 Dec ' } }));
        await Promise.resolve();
        $(element, '.save-button')!.click();
        expect(handler.mock.calls[0][0].detail).toEqual({ milestoneId: 'a0B5g00000AbCdJAAA', fieldApiName: 'NextStep', value: 'Demo on 4 Dec' });
        await Promise.resolve();
        expect($(element, 'lightning-input')).toBeNull();
        $(element, '.action-button')!.click();
        await Promise.resolve();
        $(element, '.cancel-button')!.click();
        await Promise.resolve();
        expect($(element, 'lightning-input')).toBeNull();
        expect(handler).toHaveBeenCalledTimes(1);
    });
});
