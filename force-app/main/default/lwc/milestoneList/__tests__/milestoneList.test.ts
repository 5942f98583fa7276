import { createElement } from 'lwc';
import MilestoneList from 'c/milestoneList';
import type { MilestoneRow } from 'c/milestoneItem';

const ROW: MilestoneRow = {
    id: 'a0B5g00000AbCdHAAA',
    name: 'Decision maker identified',
    stage: 'Id. Decision Makers',
    showStage: true,
    status: 'open',
    evidenceSummary: null,
    evidenceDate: null,
    need: 'Add a contact role: Decision Maker.',
    guidance: null,
    isNext: false,
    isMissing: true,
    canConfirm: false,
    undoCompletionId: null,
    action: { kind: 'addContactRole', label: 'Add Decision Maker', role: 'Decision Maker' },
    busy: false,
};

afterEach(() => {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
});

describe('c-milestone-list', () => {
    it('renders one item per row and passes their events on with the same detail', async () => {
        const element = createElement('c-milestone-list', { is: MilestoneList }) as HTMLElement & { rows: MilestoneRow[] };
        element.rows = [ROW, { ...ROW, id: 'a0B5g00000AbCdIAAA', name: 'Economic buyer identified' }];
        document.body.appendChild(element);
        const handler = jest.fn();
        element.addEventListener('addcontactrole', handler);
        const items = Array.from(element.shadowRoot!.querySelectorAll('c-milestone-item')) as Array<HTMLElement & { milestone: MilestoneRow }>;
        expect(items.map((item) => item.milestone.name)).toEqual(['Decision maker identified', 'Economic buyer identified']);
        (items[1].shadowRoot!.querySelector('.action-button') as HTMLElement).click();
        expect(handler.mock.calls[0][0].detail).toEqual({ milestoneId: 'a0B5g00000AbCdIAAA', role: 'Decision Maker' });
        await expect(element).toBeAccessible();
    });
});
