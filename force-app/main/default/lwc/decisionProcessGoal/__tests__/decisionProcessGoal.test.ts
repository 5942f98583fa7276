import { createElement } from 'lwc';
import DecisionProcessGoal from 'c/decisionProcessGoal';
import { graphql } from 'lightning/graphql';

import goalQuery from './data/decisionProcessGoal.json';
import noGoal from './data/noGoal.json';

const mockNavigate = jest.fn();
jest.mock('lightning/navigation', () => {
    const actual = jest.requireActual('lightning/navigation');
    const Navigate = actual.NavigationMixin.Navigate;
    const GenerateUrl = actual.NavigationMixin.GenerateUrl;
    const NavigationMixin = (Base: new () => object) =>
        class extends Base {
            [Navigate](pageRef: unknown) {
                mockNavigate(pageRef);
            }
            [GenerateUrl]() {
                return Promise.resolve('/lightning/r/Learning_Goal__c/a035g00000LgDp1AAA/view');
            }
        };
    NavigationMixin.Navigate = Navigate;
    NavigationMixin.GenerateUrl = GenerateUrl;
    return { ...actual, NavigationMixin };
});

interface GraphQlTestAdapter {
    emit(value: unknown): void;
    emitErrors(errors: unknown[]): void;
    getLastConfig(): { variables?: unknown };
}
const graphqlAdapter = graphql as unknown as GraphQlTestAdapter;
/** The sfdx-lwc-jest stub of @salesforce/user/Id. */
const VIEWER_ID = '005000000000000000';

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function render(ownerId: string): HTMLElement {
    const element = createElement('c-decision-process-goal', { is: DecisionProcessGoal }) as HTMLElement & { ownerId: string };
    element.ownerId = ownerId;
    document.body.appendChild(element);
    return element;
}

afterEach(() => {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
});

describe('c-decision-process-goal', () => {
    it("says in one line that the rep is working on a decision-process goal, and links it", async () => {
        const element = render(VIEWER_ID);
        await flush();
        expect(graphqlAdapter.getLastConfig().variables).toEqual({ ownerId: VIEWER_ID });
        graphqlAdapter.emit(goalQuery);
        await flush();
        const line = element.shadowRoot!.querySelector('.goal-line')!;
        expect(line.textContent!.replace(/\s+/g, ' ').trim()).toBe(
            'You are working on the decision-process goal Map the decision process before Proposal: this deal is where to practise it.',
        );
        const link = element.shadowRoot!.querySelector('.goal-link') as HTMLAnchorElement;
        expect(link.getAttribute('href')).toBe('/lightning/r/Learning_Goal__c/a035g00000LgDp1AAA/view');
        link.click();
        expect(mockNavigate).toHaveBeenCalledWith({
            type: 'standard__recordPage',
            attributes: { recordId: 'a035g00000LgDp1AAA', objectApiName: 'Learning_Goal__c', actionName: 'view' },
        });
        await expect(element).toBeAccessible();
    });

    it("names the deal's owner when someone else views the deal", async () => {
        const element = render('0055g00000Rep01AAA');
        await flush();
        graphqlAdapter.emit(goalQuery);
        await flush();
        expect(element.shadowRoot!.querySelector('.goal-line')!.textContent).toContain("This deal's owner is working on");
    });

    it('shows nothing without an open goal, or when the goal cannot be read', async () => {
        const element = render(VIEWER_ID);
        await flush();
        graphqlAdapter.emit(noGoal);
        await flush();
        expect(element.shadowRoot!.querySelector('.goal-line')).toBeNull();
        graphqlAdapter.emitErrors([{ message: 'No such column Skill__c' }]);
        await flush();
        expect(element.shadowRoot!.querySelector('.goal-line')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
