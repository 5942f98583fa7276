import { createElement } from 'lwc';
import MilestoneSection from 'c/milestoneSection';
import type { MilestoneRow } from 'c/milestoneItem';

const ROW: MilestoneRow = {
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

afterEach(() => {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
});

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

describe('c-milestone-section', () => {
    it('shows one summary line, expands to its rows and passes their events on', async () => {
        const element = createElement('c-milestone-section', { is: MilestoneSection }) as unknown as HTMLElement & Record<string, unknown>;
        Object.assign(element, { kind: 'earlier', summary: '1 earlier milestone missing', what: 'earlier milestones', iconName: 'utility:warning', iconVariant: 'warning', iconText: 'Warning', rows: [ROW] });
        document.body.appendChild(element);
        const root = element.shadowRoot!;
        expect(root.querySelector('.earlier-text')?.textContent).toBe('1 earlier milestone missing');
        const toggle = root.querySelector('.earlier-toggle') as HTMLElement;
        expect([toggle.getAttribute('aria-expanded'), toggle.textContent?.replace(/\s+/g, ' ').trim()]).toEqual(['false', 'Show earlier milestones']);
        expect(root.querySelector('c-milestone-list')).toBeNull();
        await expect(element).toBeAccessible();

        toggle.click();
        await flush();
        expect(toggle.getAttribute('aria-expanded')).toBe('true');
        const list = root.querySelector('c-milestone-list.earlier-list') as HTMLElement;
        const item = list.shadowRoot!.querySelector('c-milestone-item') as HTMLElement;
        const handler = jest.fn();
        element.addEventListener('confirm', handler);
        (item.shadowRoot!.querySelector('.confirm-button') as HTMLElement).click();
        expect(handler.mock.calls[0][0].detail).toEqual({ milestoneId: 'a0B5g00000AbCdJAAA' });
        await expect(element).toBeAccessible();
    });
});
