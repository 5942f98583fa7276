import { createElement } from 'lwc';
import RepPicker from 'c/repPicker';
import { CurrentPageReference } from 'lightning/navigation';

import coachingApp from './data/coachingAppPage.json';

// The sfdx-lwc-jest navigation stub ignores Navigate calls: record them instead.
const mockNavigate = jest.fn();
jest.mock('lightning/navigation', () => {
    const actual = jest.requireActual('lightning/navigation');
    const Navigate = actual.NavigationMixin.Navigate;
    const NavigationMixin = (Base: new () => object) =>
        class extends Base {
            [Navigate](pageRef: unknown, replace?: boolean) {
                mockNavigate(pageRef, replace);
            }
        };
    NavigationMixin.Navigate = Navigate;
    NavigationMixin.GenerateUrl = actual.NavigationMixin.GenerateUrl;
    return { ...actual, NavigationMixin };
});

const pageReferenceAdapter = CurrentPageReference as unknown as LdsTestWireAdapter;

const REP_ID = '0055g00000AbCdEAAV';

type RecordPicker = HTMLElement & { label: string; objectApiName: string; filter: unknown; value?: string };

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function createPicker(value?: string): HTMLElement & { value?: string } {
    const element = createElement('c-rep-picker', { is: RepPicker }) as HTMLElement & { value?: string };
    element.value = value;
    document.body.appendChild(element);
    return element;
}

function recordPickerOf(element: HTMLElement): RecordPicker {
    return element.shadowRoot!.querySelector('lightning-record-picker') as RecordPicker;
}

function pick(element: HTMLElement, recordId: string | null): Array<{ repId?: string }> {
    const picks: Array<{ repId?: string }> = [];
    element.addEventListener('repchange', (event) => picks.push((event as CustomEvent).detail));
    recordPickerOf(element).dispatchEvent(new CustomEvent('change', { detail: { recordId } }));
    return picks;
}

describe('c-rep-picker', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('offers active users under the label Rep, showing the current pick', async () => {
        const element = createPicker(REP_ID);
        await flushPromises();
        const picker = recordPickerOf(element);
        expect(picker.label).toBe('Rep');
        expect(picker.objectApiName).toBe('User');
        expect(picker.filter).toEqual({ criteria: [{ fieldPath: 'IsActive', operator: 'eq', value: true }] });
        expect(picker.value).toBe(REP_ID);
        await expect(element).toBeAccessible();
    });

    it('sends the picked rep out as repchange', async () => {
        const element = createPicker();
        await flushPromises();
        expect(pick(element, REP_ID)).toEqual([{ repId: REP_ID }]);
        expect(pick(element, null)).toEqual([{ repId: undefined }]);
        // Outside a Lightning page there is no page state to write.
        expect(mockNavigate).not.toHaveBeenCalled();
    });

    it('puts the pick into the page state, replacing the history entry, so other panels follow', async () => {
        const element = createPicker();
        pageReferenceAdapter.emit({ ...coachingApp, state: { c__tab: 'plan' } });
        await flushPromises();
        pick(element, REP_ID);
        expect(mockNavigate).toHaveBeenCalledWith({ ...coachingApp, state: { c__tab: 'plan', c__repId: REP_ID } }, true);
        await expect(element).toBeAccessible();
    });
});
