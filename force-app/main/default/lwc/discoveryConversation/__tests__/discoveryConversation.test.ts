import { createElement } from 'lwc';
import DiscoveryConversation from 'c/discoveryConversation';
import plan from './data/planInConversation.json';

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function createConversation(planValue: Record<string, unknown> = plan, readOnly = false) {
    const element = createElement('c-discovery-conversation', { is: DiscoveryConversation }) as HTMLElement & { plan: unknown; readOnly: boolean };
    element.plan = planValue;
    element.readOnly = readOnly;
    const changes: Event[] = [];
    element.addEventListener('planchange', (event) => changes.push(event));
    document.body.appendChild(element);
    return { element, root: element.shadowRoot!, changes };
}

const stepLabels = (root: ShadowRoot) => Array.from(root.querySelectorAll('button.step-button')).map((button) => button.textContent);
const clickNext = async (root: ShadowRoot) => {
    (root.querySelector('lightning-button.step-next') as HTMLElement).click();
    await flushPromises();
};

describe('c-discovery-conversation', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it("opens on the ladder and lists the method's steps, marking the answered ones", async () => {
        const { element, root } = createConversation();
        await flushPromises();
        expect(stepLabels(root)).toEqual([
            '1. The why, answered',
            '2. Reality check, not answered yet',
            '3. Discovery, answered',
            '4. Cost, not answered yet',
            '5. Trigger event, not answered yet',
        ]);
        expect(root.querySelector('button.step-button[aria-current="step"]')!.textContent).toBe('1. The why, answered');
        expect(root.querySelector('.progress')!.textContent).toBe('Step 1 of 5 · 2 answered');
        expect(root.querySelector('.step-heading')!.textContent).toBe('The why: What will that get you?');
        expect(root.querySelector('c-why-ladder')).not.toBeNull();
        expect(root.querySelector('lightning-button.step-back')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('walks the steps in order with Next and Back, each optional', async () => {
        const { element, root } = createConversation();
        await flushPromises();
        const nextLabel = () => (root.querySelector('lightning-button.step-next') as HTMLElement & { label: string }).label;
        expect(nextLabel()).toBe('Next: Reality check');
        await clickNext(root);
        expect(nextLabel()).toBe('Next: Discovery');
        await clickNext(root);
        expect(nextLabel()).toBe('Next: Cost');
        await clickNext(root);
        expect(nextLabel()).toBe('Next: Trigger event');
        await clickNext(root);
        expect(root.querySelector('c-trigger-event')).not.toBeNull();
        expect(root.querySelector('lightning-button.step-next')).toBeNull();
        (root.querySelector('lightning-button.step-back') as HTMLElement).click();
        await flushPromises();
        expect(root.querySelector('c-why-cost')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('jumps to a step from the stepper and passes the plan and read-only to it', async () => {
        const { element, root } = createConversation(plan, true);
        await flushPromises();
        (root.querySelectorAll('button.step-button')[1] as HTMLElement).click();
        await flushPromises();
        const step = root.querySelector('c-reality-check') as HTMLElement & { plan: { id: string }; readOnly: boolean };
        expect(step.plan.id).toBe('a015g00000PlAn1AAB');
        expect(step.readOnly).toBe(true);
        expect(root.querySelector('.progress')!.textContent).toBe('Step 2 of 5 · 2 answered');
        await expect(element).toBeAccessible();
    });

    it("passes a step's save on to the panel", async () => {
        const { element, root, changes } = createConversation();
        await flushPromises();
        await clickNext(root);
        await clickNext(root);
        await clickNext(root);
        root.querySelector('c-why-cost')!.dispatchEvent(new CustomEvent('planchange'));
        expect(changes).toHaveLength(1);
        await expect(element).toBeAccessible();
    });
});
