import { createElement } from 'lwc';
import LossChart from 'c/lossChart';
import lossProfile from './data/lossProfile.json';

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function createChart(value: string | null | undefined) {
    const element = createElement('c-loss-chart', { is: LossChart }) as HTMLElement & { lossProfile?: string | null };
    if (value !== undefined) {
        element.lossProfile = value;
    }
    document.body.appendChild(element);
    return { element, root: element.shadowRoot! };
}

describe('c-loss-chart', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('draws the rep against the team by stage, with a table as the text alternative', async () => {
        const { element, root } = createChart(JSON.stringify(lossProfile));
        await flushPromises();
        expect(root.querySelector('.headline')!.textContent).toBe(
            '7 of 9 losses came at Proposal/Price Quote; team: 30% of its losses.'
        );
        const svg = root.querySelector('svg.loss-chart')!;
        expect(svg.getAttribute('role')).toBe('img');
        expect(svg.querySelector('title')!.textContent).toContain("rep against team, as a share of each one's losses");
        expect(svg.querySelectorAll('rect.bar_rep')).toHaveLength(3);
        // Rep: 7 of 9 = 78% of 170 px; team: 9 of 30 = 30%.
        const proposalBars = svg.querySelectorAll('g')[2].querySelectorAll('rect');
        expect(proposalBars[0].getAttribute('width')).toBe('132.2');
        expect(proposalBars[1].getAttribute('width')).toBe('51.0');
        const rows = Array.from(root.querySelectorAll('table.loss-table tbody tr')).map((row) =>
            Array.from(row.children).map((cell) => cell.textContent)
        );
        expect(rows).toEqual([
            ['Qualification', '1 of 9 (11%)', '12 of 30 (40%)'],
            ['Needs Analysis', '1 of 9 (11%)', '9 of 30 (30%)'],
            ['Proposal/Price Quote', '7 of 9 (78%)', '9 of 30 (30%)'],
        ]);
        expect(root.querySelector('.legend')!.textContent).toContain('As of Mar 1, 2026');
        await expect(element).toBeAccessible();
    });

    it('explains a malformed profile instead of failing', async () => {
        const { element, root } = createChart('{"asOf":"2026-03-01","stages":"Proposal"}');
        await flushPromises();
        expect(root.querySelector('.problem')!.textContent).toContain('no "stages" list');
        expect(root.querySelector('svg')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('waits for the first analysis when there is no profile yet', async () => {
        const { element, root } = createChart(null);
        await flushPromises();
        expect(root.querySelector('.no-losses')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says so when the profile is not shared with the viewer', async () => {
        const { element, root } = createChart(undefined);
        await flushPromises();
        expect(root.querySelector('.unreadable')).not.toBeNull();
        await expect(element).toBeAccessible();
    });
});
