import { createElement } from 'lwc';
import EmptyState from 'c/emptyState';

describe('c-empty-state', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows the heading and the sentence of why beside a decorative drawing', async () => {
        const element = createElement('c-empty-state', { is: EmptyState }) as HTMLElement & { heading: string; message: string };
        element.heading = 'No goal plan yet';
        element.message = 'Ana Lopez has no goal plan for FY2026 yet.';
        document.body.appendChild(element);
        await Promise.resolve();
        expect(element.shadowRoot!.querySelector('h3')!.textContent).toBe('No goal plan yet');
        expect(element.shadowRoot!.querySelector('p')!.textContent).toBe('Ana Lopez has no goal plan for FY2026 yet.');
        expect(element.shadowRoot!.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
        await expect(element).toBeAccessible();
    });
});
