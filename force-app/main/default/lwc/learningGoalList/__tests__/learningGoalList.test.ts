import { createElement } from 'lwc';
import LearningGoalList from 'c/learningGoalList';
import { createRecord } from 'lightning/uiRecordApi';
import learningGoals from './data/learningGoals.json';

const createRecordMock = createRecord as unknown as jest.Mock;

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function createList(goals: unknown[] = learningGoals, viewerIsRep = false) {
    const element = createElement('c-learning-goal-list', { is: LearningGoalList }) as unknown as HTMLElement & Record<string, unknown>;
    element.planId = 'a015g00000PlAn1AAB';
    element.goals = goals;
    element.viewerIsRep = viewerIsRep;
    const toasts: Array<{ variant?: string; message?: string }> = [];
    const changes: Event[] = [];
    element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent).detail));
    element.addEventListener('planchange', (event) => changes.push(event));
    document.body.appendChild(element);
    return { element, root: element.shadowRoot!, toasts, changes };
}

function type(input: Element, value: string) {
    (input as HTMLInputElement).value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

/** The add form's own shadow root, where its inputs and buttons live. */
function goalForm(root: ShadowRoot): ShadowRoot {
    return root.querySelector('c-learning-goal-form')!.shadowRoot!;
}

async function fillAndSave(root: ShadowRoot) {
    (root.querySelector('lightning-button.open-goal-form') as HTMLElement).click();
    await flushPromises();
    const form = goalForm(root);
    type(form.querySelector('lightning-input.name-input')!, 'Pause and label the emotion in tough calls');
    type(form.querySelector('lightning-combobox.skill-input')!, 'Emotional Intelligence');
    type(form.querySelector('lightning-input.resource-input')!, 'https://example.com/mentoring/eq');
    await flushPromises();
    (form.querySelector('lightning-button.save-goal') as HTMLElement).click();
    await flushPromises();
}

describe('c-learning-goal-list', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('lists suggested goals first and tucks dismissed ones away', async () => {
        const { element, root } = createList();
        await flushPromises();
        const items = Array.from(root.querySelectorAll('c-learning-goal-item')) as Array<HTMLElement & { goal: { status: string } }>;
        expect(items.map((item) => item.goal.status)).toEqual(['Suggested', 'In Progress', 'Achieved']);
        const toggle = root.querySelector('lightning-button.toggle-dismissed') as HTMLElement & { label: string };
        expect(toggle.label).toBe('Show 1 dismissed goal');
        toggle.click();
        await flushPromises();
        expect(root.querySelectorAll('c-learning-goal-item')).toHaveLength(4);
        await expect(element).toBeAccessible();
    });

    describe('withdrawn suggestions', () => {
        const withdrawn = (id: string, name: string) => ({
            ...learningGoals[1],
            id,
            name,
            status: 'Withdrawn',
        });
        const goals = [...learningGoals, withdrawn('a025g00000LgOaWAAV', 'Read the buyer before the demo'), withdrawn('a025g00000LgOaXAAV', 'Plan the week around closable deals')];
        const statuses = (root: ShadowRoot) =>
            (Array.from(root.querySelectorAll('c-learning-goal-item')) as Array<HTMLElement & { goal: { status: string } }>).map((item) => item.goal.status);

        it('are hidden by default behind their own toggle, shown and hidden again on request', async () => {
            const { element, root } = createList(goals);
            await flushPromises();
            expect(statuses(root)).toEqual(['Suggested', 'In Progress', 'Achieved']);
            const toggle = root.querySelector('lightning-button.toggle-withdrawn') as HTMLElement & { label: string };
            expect(toggle.label).toBe('Show 2 withdrawn goals');
            expect((root.querySelector('lightning-button.toggle-dismissed') as HTMLElement & { label: string }).label).toBe('Show 1 dismissed goal');
            await expect(element).toBeAccessible();

            toggle.click();
            await flushPromises();
            expect(statuses(root)).toEqual(['Suggested', 'In Progress', 'Achieved', 'Withdrawn', 'Withdrawn']);
            expect(toggle.label).toBe('Hide 2 withdrawn goals');
            await expect(element).toBeAccessible();

            toggle.click();
            await flushPromises();
            expect(statuses(root)).toEqual(['Suggested', 'In Progress', 'Achieved']);
            expect(toggle.label).toBe('Show 2 withdrawn goals');
            await expect(element).toBeAccessible();
        });

        it('leave a plan with no current goal saying so, not that it has none', async () => {
            const { element, root } = createList([withdrawn('a025g00000LgOaWAAV', 'Read the buyer before the demo')]);
            await flushPromises();
            expect(root.querySelectorAll('c-learning-goal-item')).toHaveLength(0);
            expect(root.querySelector('.no-goals')!.textContent).toBe('No current learning goals. Dismissed and withdrawn goals are listed below.');
            expect((root.querySelector('lightning-button.toggle-withdrawn') as HTMLElement & { label: string }).label).toBe('Show 1 withdrawn goal');
            expect(root.querySelector('lightning-button.toggle-dismissed')).toBeNull();
            await expect(element).toBeAccessible();
        });
    });

    it('passes a goal change up to the panel', async () => {
        const { root, changes } = createList();
        await flushPromises();
        root.querySelector('c-learning-goal-item')!.dispatchEvent(new CustomEvent('planchange'));
        expect(changes).toHaveLength(1);
    });

    it('says the analysis ran and suggested nothing, rather than that it has yet to run', async () => {
        const element = createList([]).element;
        element.lastAnalyzed = '2026-11-20T06:00:00.000Z';
        await flushPromises();
        expect(element.shadowRoot!.querySelector('.no-goals')!.textContent).toBe(
            'No learning goals yet. The analysis of Nov 20, 2026 suggested none for this rep. You can add one.'
        );
        await expect(element).toBeAccessible();
    });

    it('says why the analysis suggested nothing: too few closed deals, and how many more', async () => {
        const element = createList([]).element;
        element.lastAnalyzed = '2026-11-20T06:00:00.000Z';
        element.standing = 'Too few closed deals for suggestions yet: 9 closed deals; suggestions start at 15: 6 more.';
        await flushPromises();
        expect(element.shadowRoot!.querySelector('.no-goals')!.textContent).toBe(
            'No learning goals yet. The analysis of Nov 20, 2026 suggested none for this rep. Too few closed deals for suggestions yet: 9 closed deals; suggestions start at 15: 6 more. You can add one.'
        );
        await expect(element).toBeAccessible();
    });

    it('adds a manual goal as the manager, already accepted', async () => {
        const { element, root, toasts, changes } = createList([]);
        await flushPromises();
        expect(root.querySelector('.no-goals')).not.toBeNull();
        await expect(element).toBeAccessible();
        await fillAndSave(root);
        expect(createRecordMock).toHaveBeenCalledWith({
            apiName: 'Learning_Goal__c',
            fields: {
                Goal_Plan__c: 'a015g00000PlAn1AAB',
                Name: 'Pause and label the emotion in tough calls',
                Status__c: 'Accepted',
                Source__c: 'Manager',
                Skill__c: 'Emotional Intelligence',
                Resource_Url__c: 'https://example.com/mentoring/eq',
            },
        });
        expect(toasts).toEqual([expect.objectContaining({ variant: 'success' })]);
        expect(changes).toHaveLength(1);
    });

    it('records the rep as the source when reps add their own goal', async () => {
        const { root } = createList([], true);
        await flushPromises();
        await fillAndSave(root);
        expect(createRecordMock.mock.calls[0][0].fields.Source__c).toBe('Rep');
    });

    it('keeps the form as typed when the save fails', async () => {
        createRecordMock.mockRejectedValueOnce({ body: { message: 'Resource URL: invalid URL' } });
        const { element, root, toasts } = createList([]);
        await flushPromises();
        await fillAndSave(root);
        expect(toasts).toEqual([expect.objectContaining({ variant: 'error', message: 'Resource URL: invalid URL' })]);
        expect((goalForm(root).querySelector('lightning-input.name-input') as HTMLInputElement).value).toBe(
            'Pause and label the emotion in tough calls'
        );
        await expect(element).toBeAccessible();
    });
});
