import { createElement } from 'lwc';
import LossChart from 'c/lossChart';
import lossProfile from './data/lossProfile.json';
import lossProfileFewDeals from './data/lossProfileFewDeals.json';

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

const texts = (root: ShadowRoot, selector: string) => Array.from(root.querySelectorAll(selector)).map((node) => node.textContent?.trim());

describe('c-loss-chart', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('draws the rep against the team by stage with values on the bars, decision stages shaded, and a table for screen readers', async () => {
        const { element, root } = createChart(JSON.stringify(lossProfile));
        await flushPromises();
        // The sync service's headline, tied to the suggestion ("Map the decision process").
        expect(root.querySelector('.headline')!.textContent).toBe(lossProfile.headline);
        expect(root.querySelector('.caveat')).toBeNull();
        expect(root.querySelector('.loss-bars')!.getAttribute('aria-hidden')).toBe('true');
        expect(texts(root, '.value_rep')).toEqual(['Rep: 2 of 18 (11%)', 'Rep: 4 of 18 (22%)', 'Rep: 9 of 18 (50%)', 'Rep: 3 of 18 (17%)']);
        expect(texts(root, '.value_team')).toEqual(['Team: 16 of 32 (50%)', 'Team: 8 of 32 (25%)', 'Team: 5 of 32 (16%)', 'Team: 3 of 32 (9%)']);
        // The longest bars (50%) take half the row, leaving room for the value; the others in proportion.
        const widths = Array.from(root.querySelectorAll('.bar_rep')).map((bar) => (bar as HTMLElement).style.width);
        expect(widths).toEqual(['11.1%', '22.2%', '50.0%', '16.7%']);
        const shaded = Array.from(root.querySelectorAll('.stage-row_decision')).map((row) => row.querySelector('.stage-name')!.firstChild!.textContent!.trim());
        expect(shaded).toEqual(['Proposal/Price Quote', 'Negotiation/Review']);
        expect(texts(root, '.stage-row_decision .decision-tag')).toEqual(['Decision stage', 'Decision stage']);
        expect(root.querySelectorAll('.decision-tag')).toHaveLength(2);
        expect(root.querySelector('.legend')!.textContent).toContain('Decision stage');
        const rows = Array.from(root.querySelectorAll('table.loss-table tbody tr')).map((row) => Array.from(row.children).map((cell) => cell.textContent));
        expect(rows).toEqual([
            ['Prospecting', 'No', '2 of 18 (11%)', '16 of 32 (50%)'],
            ['Qualification', 'No', '4 of 18 (22%)', '8 of 32 (25%)'],
            ['Proposal/Price Quote', 'Yes', '9 of 18 (50%)', '5 of 32 (16%)'],
            ['Negotiation/Review', 'Yes', '3 of 18 (17%)', '3 of 32 (9%)'],
        ]);
        expect(root.querySelector('table.loss-table caption')!.textContent).toContain('the rep against the rest of the team');
        expect(root.querySelector('.legend')!.textContent).toContain('As of Mar 1, 2026');
        await expect(element).toBeAccessible();
    });

    it('says "few deals" when a handful of losses make the shares', async () => {
        const { element, root } = createChart(JSON.stringify(lossProfileFewDeals));
        await flushPromises();
        expect(root.querySelector('.headline')!.textContent).toBe('3 of 4 losses came at Prospecting; team: 36% of its losses.');
        expect(root.querySelector('.caveat')!.textContent).toBe('Few deals: 4 losses in all, so one more or less moves a share a lot.');
        await expect(element).toBeAccessible();
    });

    it('draws a profile written before headlines and decision stages without inventing either', async () => {
        const { element, root } = createChart('{"asOf":"2026-03-01","stages":[{"stage":"Qualification","rep":1,"team":12},{"stage":"Proposal/Price Quote","rep":7,"team":9}]}');
        await flushPromises();
        expect(root.querySelector('.headline')).toBeNull();
        expect(root.querySelector('.stage-row_decision')).toBeNull();
        expect(root.querySelector('.legend')!.textContent).not.toContain('Decision stage');
        expect(texts(root, '.value_rep')).toEqual(['Rep: 1 of 8 (13%)', 'Rep: 7 of 8 (88%)']);
        await expect(element).toBeAccessible();
    });

    it('explains a malformed profile instead of failing', async () => {
        const { element, root } = createChart('{"asOf":"2026-03-01","stages":"Proposal"}');
        await flushPromises();
        expect(root.querySelector('.problem')!.textContent).toContain('no "stages" list');
        expect(root.querySelector('.loss-bars')).toBeNull();
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
