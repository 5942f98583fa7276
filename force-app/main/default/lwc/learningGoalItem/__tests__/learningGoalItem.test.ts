import { createElement } from 'lwc';
import LearningGoalItem from 'c/learningGoalItem';
import { updateRecord } from 'lightning/uiRecordApi';
import suggestedGoal from './data/suggestedGoal.json';
import suggestedGoalBeforeFilter from './data/suggestedGoalBeforeFilter.json';
import withdrawnGoal from './data/withdrawnGoal.json';

const updateRecordMock = updateRecord as unknown as jest.Mock;

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function createItem(goal: Record<string, unknown> = suggestedGoal) {
    const element = createElement('c-learning-goal-item', { is: LearningGoalItem }) as HTMLElement & { goal: unknown };
    element.goal = goal;
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

/** The edit form's own shadow root, where its inputs and buttons live. */
function editForm(root: ShadowRoot): ShadowRoot {
    return root.querySelector('c-learning-goal-form')!.shadowRoot!;
}

function click(root: ShadowRoot, selector: string) {
    (root.querySelector(selector) as HTMLElement).click();
}

describe('c-learning-goal-item', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows the suggestion with its evidence and confidence in plain words', async () => {
        const { element, root } = createItem();
        await flushPromises();
        expect(root.querySelector('.goal-name')!.textContent).toBe('Map the decision process before Proposal');
        const evidence = Array.from(root.querySelectorAll('.evidence li')).map((item) => item.textContent);
        expect(evidence).toEqual([
            '7 of 9 losses came after Proposal; team: 3 of 9',
            'Only 2 of 9 lost deals had an Economic Buyer contact role',
        ]);
        expect(root.querySelector('.confidence')!.textContent).toBe('Confidence: 82% (moderate)');
        expect(root.querySelector('.target-date')!.textContent).toBe('Target Jun 30, 2026');
        expect((root.querySelector('lightning-button.advance') as HTMLElement & { label: string }).label).toBe('Accept');
        await expect(element).toBeAccessible();
    });

    it('lists only evidence pointing the same way as the suggestion, by plain signal name', async () => {
        // Stored before the sync service filtered its evidence: the rep is faster than the team in the decision stages.
        const { element, root } = createItem(suggestedGoalBeforeFilter);
        await flushPromises();
        const evidence = Array.from(root.querySelectorAll('.evidence li')).map((item) => item.textContent);
        expect(evidence).toEqual([
            'Losses at the decision stages: 12 of 18 closed deals that reached a decision stage were lost; team: 46%',
            'Deals without a decision maker: 9 of 18 closed deals had no Decision Maker, Economic Buyer or Economic Decision Maker contact role; team: 33%',
        ]);
        expect(root.querySelector('.evidence')!.textContent).not.toContain('not a concern');
        expect(root.querySelector('.confidence')!.textContent).toBe('Confidence: 84% (moderate)');
        await expect(element).toBeAccessible();
    });

    it('never reads as certainty: a stored 100 is "over 99%"', async () => {
        const { root } = createItem({ ...suggestedGoal, confidence: 100 });
        await flushPromises();
        expect(root.querySelector('.confidence')!.textContent).toBe('Confidence: over 99% (high)');
    });

    it('shows why a withdrawn suggestion was withdrawn and offers no actions', async () => {
        const { element, root } = createItem(withdrawnGoal);
        await flushPromises();
        expect(root.querySelector('.withdrawn-reason')!.textContent).toBe(
            'Withdrawn by the analysis on Nov 20, 2026: The analysis as of 2026-11-20 no longer suggests this goal: the evidence no longer sets the rep apart from the team.'
        );
        expect(root.querySelector('lightning-button.dismiss')).toBeNull();
        expect(root.querySelector('lightning-button')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it.each([
        ['Suggested', 'Accepted'],
        ['Accepted', 'In Progress'],
        ['In Progress', 'Achieved'],
    ])('moves a %s goal to %s', async (from, to) => {
        const { root, toasts, changes } = createItem({ ...suggestedGoal, status: from });
        await flushPromises();
        click(root, 'lightning-button.advance');
        await flushPromises();
        expect(updateRecordMock).toHaveBeenCalledWith({ fields: { Id: 'a025g00000LgOaLAAV', Status__c: to } });
        expect(toasts).toEqual([expect.objectContaining({ variant: 'success' })]);
        expect(changes).toHaveLength(1);
    });

    it('dismisses a suggestion only with a reason', async () => {
        const { element, root } = createItem();
        await flushPromises();
        click(root, 'lightning-button.dismiss');
        await flushPromises();
        await expect(element).toBeAccessible();
        const confirm = root.querySelector('lightning-button.confirm-dismiss') as HTMLElement & { disabled: boolean };
        expect(confirm.disabled).toBe(true);
        type(root.querySelector('lightning-textarea.reason-input')!, 'We already coach this in the enablement program');
        await flushPromises();
        click(root, 'lightning-button.confirm-dismiss');
        await flushPromises();
        expect(updateRecordMock).toHaveBeenCalledWith({
            fields: {
                Id: 'a025g00000LgOaLAAV',
                Status__c: 'Dismissed',
                Dismissed_Reason__c: 'We already coach this in the enablement program',
            },
        });
        expect(root.querySelector('.dismiss-form')).toBeNull();
    });

    it('keeps the reason when dismissing fails', async () => {
        updateRecordMock.mockRejectedValueOnce({ body: { message: 'Status__c: bad value for restricted picklist field' } });
        const { root, toasts } = createItem();
        await flushPromises();
        click(root, 'lightning-button.dismiss');
        await flushPromises();
        type(root.querySelector('lightning-textarea.reason-input')!, 'Not this quarter');
        await flushPromises();
        click(root, 'lightning-button.confirm-dismiss');
        await flushPromises();
        expect(toasts).toEqual([
            expect.objectContaining({ variant: 'error', message: 'Status__c: bad value for restricted picklist field' }),
        ]);
        expect((root.querySelector('lightning-textarea.reason-input') as HTMLInputElement).value).toBe('Not this quarter');
    });

    it('edits the title, summary, target date and resource link', async () => {
        const { element, root } = createItem({ ...suggestedGoal, status: 'Accepted' });
        await flushPromises();
        click(root, 'lightning-button.edit');
        await flushPromises();
        await expect(element).toBeAccessible();
        type(editForm(root).querySelector('lightning-input.name-input')!, 'Map the buying committee before Proposal');
        type(editForm(root).querySelector('lightning-input.target-date-input')!, '2026-05-29');
        type(editForm(root).querySelector('lightning-input.resource-input')!, 'https://example.com/courses/complex-sales');
        await flushPromises();
        click(editForm(root), 'lightning-button.save-edit');
        await flushPromises();
        expect(updateRecordMock).toHaveBeenCalledWith({
            fields: {
                Id: 'a025g00000LgOaLAAV',
                Name: 'Map the buying committee before Proposal',
                Summary__c: "Most of your losses come after Proposal, more than the team's.",
                Target_Date__c: '2026-05-29',
                Resource_Url__c: 'https://example.com/courses/complex-sales',
            },
        });
    });

    it('only writes the fields the viewer can read', async () => {
        const restricted: Record<string, unknown> = { ...suggestedGoal, status: 'Accepted' };
        delete restricted.resourceUrl;
        delete restricted.summary;
        const { root } = createItem(restricted);
        await flushPromises();
        click(root, 'lightning-button.edit');
        await flushPromises();
        expect(editForm(root).querySelector('lightning-input.resource-input')).toBeNull();
        click(editForm(root), 'lightning-button.save-edit');
        await flushPromises();
        expect(updateRecordMock).toHaveBeenCalledWith({
            fields: { Id: 'a025g00000LgOaLAAV', Name: 'Map the decision process before Proposal', Target_Date__c: '2026-06-30' },
        });
    });

    it('shows the reason on a dismissed goal and offers no actions', async () => {
        const { element, root } = createItem({ ...suggestedGoal, status: 'Dismissed', dismissedReason: 'Covered by onboarding' });
        await flushPromises();
        expect(root.querySelector('.dismissed-reason')!.textContent).toBe('Dismissed: Covered by onboarding');
        expect(root.querySelector('lightning-button')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
