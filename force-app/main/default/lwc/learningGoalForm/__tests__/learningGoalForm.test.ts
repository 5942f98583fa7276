import { createElement } from 'lwc';
import LearningGoalForm from 'c/learningGoalForm';
import acceptedGoal from './data/acceptedGoal.json';

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function createForm(props: Record<string, unknown>) {
    const element = createElement('c-learning-goal-form', { is: LearningGoalForm }) as unknown as HTMLElement & Record<string, unknown>;
    Object.assign(element, props);
    const saves: unknown[] = [];
    let cancels = 0;
    element.addEventListener('save', (event) => saves.push((event as CustomEvent).detail));
    element.addEventListener('cancel', () => (cancels += 1));
    document.body.appendChild(element);
    return { element, root: element.shadowRoot!, saves, cancels: () => cancels };
}

function type(input: Element, value: string) {
    (input as HTMLInputElement).value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function labelOf(root: ShadowRoot, selector: string): string | undefined {
    return (root.querySelector(selector) as (HTMLElement & { label?: string }) | null)?.label;
}

describe('c-learning-goal-form', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('adds: every field and the skill picker, saving only once the goal has a name', async () => {
        const { element, root, saves } = createForm({ mode: 'add' });
        await flushPromises();
        expect(labelOf(root, 'lightning-combobox.skill-input')).toBe('Skill');
        expect(labelOf(root, 'lightning-input.summary-input')).toBe('Why this goal');
        expect(root.querySelector('lightning-input.target-date-input')).not.toBeNull();
        expect(root.querySelector('lightning-input.resource-input')).not.toBeNull();
        const save = root.querySelector('lightning-button.save-goal') as HTMLElement & { label: string; disabled: boolean };
        expect(save.label).toBe('Add learning goal');
        expect(save.disabled).toBe(true);
        await expect(element).toBeAccessible();

        type(root.querySelector('lightning-input.name-input')!, '   ');
        await flushPromises();
        expect(save.disabled).toBe(true);
        save.click();
        expect(saves).toEqual([]);

        type(root.querySelector('lightning-input.name-input')!, '  Ask who signs before Proposal ');
        type(root.querySelector('lightning-combobox.skill-input')!, 'Decision Process');
        type(root.querySelector('lightning-input.summary-input')!, ' Losses after Proposal ');
        type(root.querySelector('lightning-input.target-date-input')!, '2026-09-30');
        await flushPromises();
        expect(save.disabled).toBe(false);
        await expect(element).toBeAccessible();
        save.click();
        expect(saves).toEqual([
            {
                name: 'Ask who signs before Proposal',
                skill: 'Decision Process',
                summary: 'Losses after Proposal',
                targetDate: '2026-09-30',
                resourceUrl: '',
            },
        ]);
    });

    it('edits: starts from the goal, without the skill picker', async () => {
        const { element, root, saves } = createForm({ mode: 'edit', goal: acceptedGoal });
        await flushPromises();
        expect(root.querySelector('lightning-combobox.skill-input')).toBeNull();
        expect((root.querySelector('lightning-input.name-input') as HTMLInputElement).value).toBe(acceptedGoal.name);
        expect(labelOf(root, 'lightning-input.summary-input')).toBe('Summary');
        expect((root.querySelector('lightning-input.target-date-input') as HTMLInputElement).value).toBe('2026-06-30');
        const save = root.querySelector('lightning-button.save-edit') as HTMLElement & { label: string; disabled: boolean };
        expect(save.label).toBe('Save');
        expect(save.disabled).toBe(false);
        await expect(element).toBeAccessible();
        type(root.querySelector('lightning-input.resource-input')!, '');
        await flushPromises();
        save.click();
        expect(saves).toEqual([
            {
                name: acceptedGoal.name,
                skill: 'Decision Process',
                summary: acceptedGoal.summary,
                targetDate: '2026-06-30',
                resourceUrl: '',
            },
        ]);
    });

    it('edits: offers only the fields the viewer can read', async () => {
        const restricted: Record<string, unknown> = { ...acceptedGoal };
        delete restricted.summary;
        delete restricted.resourceUrl;
        const { element, root } = createForm({ mode: 'edit', goal: restricted });
        await flushPromises();
        expect(root.querySelector('lightning-input.name-input')).not.toBeNull();
        expect(root.querySelector('lightning-input.target-date-input')).not.toBeNull();
        expect(root.querySelector('lightning-input.summary-input')).toBeNull();
        expect(root.querySelector('lightning-input.resource-input')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('disables saving while the parent writes, and cancels', async () => {
        const { element, root, cancels } = createForm({ mode: 'edit', goal: acceptedGoal, saving: true });
        await flushPromises();
        expect((root.querySelector('lightning-button.save-edit') as HTMLElement & { disabled: boolean }).disabled).toBe(true);
        await expect(element).toBeAccessible();
        (root.querySelector('lightning-button.cancel') as HTMLElement).click();
        expect(cancels()).toBe(1);
    });
});
