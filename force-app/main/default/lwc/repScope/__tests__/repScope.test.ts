import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import {
    ACTIVE_USERS_FILTER,
    createPlanAndRefresh,
    createPlanLabel,
    managerChainOf,
    noPlanMessage,
    pageStateRepId,
    panelStatus,
    refreshQuery,
    repNameOf,
    repScope,
    viewerRelation,
    withRepInPageState,
} from 'c/repScope';
import type { PanelQueryResult, RepScopeInput } from 'c/repScope';

import coachingApp from './data/coachingAppPage.json';

const createRecordMock = createRecord as unknown as jest.Mock;
const updateRecordMock = updateRecord as unknown as jest.Mock;

const REP_15 = '0055g00000AbCdE';
const REP_18 = '0055g00000AbCdEAAV';
const OTHER_REP_18 = '0055g00000XyZaBAAR';
const MANAGER_ID = '0055g00000MgRaAAAR';

function scopeFor(input: Partial<RepScopeInput>) {
    return repScope({ viewerId: MANAGER_ID, today: '2026-03-18', ...input });
}

function toastsOf(host: EventTarget): Array<{ title?: string; message?: string; variant?: string }> {
    const toasts: Array<{ title?: string; message?: string; variant?: string }> = [];
    host.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent).detail));
    return toasts;
}

describe('repScope', () => {
    afterEach(() => {
        jest.clearAllMocks();
    });

    describe('the rep in the page state', () => {
        it('reads a 15- or 18-character id from c__repId', () => {
            expect(pageStateRepId({ ...coachingApp, state: { c__repId: REP_15 } })).toBe(REP_15);
            expect(pageStateRepId({ ...coachingApp, state: { c__repId: REP_18 } })).toBe(REP_18);
        });

        it('ignores anything that is not a record id, so the address bar cannot inject a query', () => {
            expect(pageStateRepId({ ...coachingApp, state: { c__repId: "005' OR Name != '" } })).toBeUndefined();
            expect(pageStateRepId({ ...coachingApp, state: { c__repId: '0055g00000AbCd' } })).toBeUndefined();
            expect(pageStateRepId({ ...coachingApp, state: { c__repId: 42 } })).toBeUndefined();
            expect(pageStateRepId(coachingApp)).toBeUndefined();
            expect(pageStateRepId(undefined)).toBeUndefined();
        });

        it('puts a pick into the state of the same page, keeping the rest of the state', () => {
            const page = { ...coachingApp, state: { c__tab: 'plan' } };
            expect(withRepInPageState(page, REP_18)).toEqual({ ...coachingApp, state: { c__tab: 'plan', c__repId: REP_18 } });
            expect(withRepInPageState(page, undefined).state).toEqual({ c__tab: 'plan', c__repId: undefined });
            expect(page.state).toEqual({ c__tab: 'plan' });
        });
    });

    describe('which rep a panel shows', () => {
        it('on a User record page shows that user, hides the picker and ignores any pick', () => {
            const scope = scopeFor({ recordId: REP_15, pickedRepId: OTHER_REP_18, pageRef: { ...coachingApp, state: { c__repId: OTHER_REP_18 } } });
            expect(scope).toEqual({
                repId: REP_18,
                planKey: `${REP_18}:2026-01-01`,
                period: { start: '2026-01-01', end: '2026-12-31', label: 'FY2026' },
                showRepPicker: false,
                pickerValue: OTHER_REP_18,
                viewerIsRep: false,
            });
        });

        it('on an app page shows the rep picked here before the one in the page state', () => {
            const page = { ...coachingApp, state: { c__repId: OTHER_REP_18 } };
            expect(scopeFor({ pageRef: page })).toMatchObject({ repId: OTHER_REP_18, showRepPicker: true, pickerValue: OTHER_REP_18 });
            expect(scopeFor({ pickedRepId: REP_15, pageRef: page })).toMatchObject({ repId: REP_18, pickerValue: REP_15 });
        });

        it('without a rep has no plan key, and hides the picker when told to follow another panel', () => {
            expect(scopeFor({})).toMatchObject({ repId: undefined, planKey: undefined, showRepPicker: true, viewerIsRep: false });
            expect(scopeFor({ hideRepPicker: true }).showRepPicker).toBe(false);
        });

        it('knows when the viewer is the rep, whatever the id length', () => {
            expect(scopeFor({ recordId: REP_18, viewerId: REP_15 }).viewerIsRep).toBe(true);
            expect(scopeFor({ recordId: REP_15, viewerId: REP_18 }).viewerIsRep).toBe(true);
        });

        it('offers active users only', () => {
            expect(ACTIVE_USERS_FILTER).toEqual({ criteria: [{ fieldPath: 'IsActive', operator: 'eq', value: true }] });
        });
    });

    describe('the state of a panel', () => {
        const loaded: PanelQueryResult = {
            data: { uiapi: { query: { User: { edges: [{ node: { Id: REP_18, Name: { value: 'Ana Lopez' } } }] } } } },
        };

        const rep = { repId: REP_18 };

        it('is no access first: the object info failed or says the object cannot be queried', () => {
            const forbidden = panelStatus({ objectInfoError: { status: 403 }, queryResult: loaded, scope: rep });
            expect(forbidden).toMatchObject({ noAccess: true, isReady: false });
            expect(panelStatus({ objectInfo: { queryable: false }, scope: {} })).toMatchObject({ noAccess: true, isReady: false });
            expect(panelStatus({ objectInfo: { queryable: true }, queryResult: loaded, scope: rep }).noAccess).toBe(false);
        });

        it('needs a rep, then shows the query error, then loads', () => {
            expect(panelStatus({ scope: {} })).toMatchObject({ needsRep: true, isLoading: true, isReady: false, records: {} });
            const failed = panelStatus({ queryResult: { errors: [{ message: 'Field Why_Goal__c is not available' }] }, scope: rep });
            expect(failed).toMatchObject({ needsRep: false, errorText: 'Field Why_Goal__c is not available', isReady: false });
            expect(panelStatus({ queryResult: { errors: { message: 'Network down' } }, scope: rep }).errorText).toBe('Network down');
            const loading = panelStatus({ queryResult: {}, scope: rep });
            expect(loading).toMatchObject({ errorText: undefined, isLoading: true, isReady: false });
        });

        it('is ready when the data arrived, with an empty error list', () => {
            const status = panelStatus({ objectInfo: { queryable: true }, queryResult: { ...loaded, errors: [] }, scope: rep });
            expect(status).toMatchObject({ noAccess: false, needsRep: false, errorText: undefined, isLoading: false, isReady: true });
            expect(repNameOf(status.records)).toBe('Ana Lopez');
        });

        it('fetches the query again when the wire gave a refresh, and is a no-op before that', async () => {
            const refresh = jest.fn().mockResolvedValue('fresh');
            await expect(refreshQuery({ ...loaded, refresh })).resolves.toBe('fresh');
            expect(refresh).toHaveBeenCalledTimes(1);
            await expect(refreshQuery(undefined)).resolves.toBeUndefined();
        });

        it('has no rep name when the viewer cannot read it', () => {
            expect(repNameOf({ User: { edges: [{ node: { Id: REP_18 } }] } })).toBeUndefined();
            expect(repNameOf({})).toBeUndefined();
        });
    });

    describe('no plan for the period yet', () => {
        it('tells the rep it is theirs and names the rep to anyone else', () => {
            expect(noPlanMessage(scopeFor({ recordId: REP_18, viewerId: REP_18 }), 'Ana Lopez')).toBe('You have no goal plan for FY2026 yet.');
            expect(noPlanMessage(scopeFor({ recordId: REP_18 }), 'Ana Lopez')).toBe('Ana Lopez has no goal plan for FY2026 yet.');
            expect(noPlanMessage(scopeFor({ recordId: REP_18 }), undefined)).toBe('This rep has no goal plan for FY2026 yet.');
            expect(createPlanLabel(scopeFor({}).period)).toBe('Create the FY2026 plan');
        });

        const PLAN_ID = 'a015g00000PlAn9AAB';
        const planFields = {
            Name: 'Ana Lopez — FY2026',
            Rep__c: REP_18,
            Period_Start__c: '2026-01-01',
            Period_End__c: '2026-12-31',
            Selling_Weeks__c: 50,
            Plan_Key__c: `${REP_18}:2026-01-01`,
        };

        it('creates the plan for a rep, hands it to the rep, says so and refreshes the panel', async () => {
            createRecordMock.mockResolvedValueOnce({ id: PLAN_ID, apiName: 'Goal_Plan__c', fields: {} });
            updateRecordMock.mockResolvedValueOnce({ id: PLAN_ID, apiName: 'Goal_Plan__c', fields: {} });
            const host = new EventTarget();
            const toasts = toastsOf(host);
            const refresh = jest.fn().mockResolvedValue(undefined);
            await createPlanAndRefresh(host, scopeFor({ recordId: REP_15 }), 'Ana Lopez', refresh);
            // The insert cannot set the owner: the manager owns it until the OwnerId update hands it over.
            expect(createRecordMock).toHaveBeenCalledWith({ apiName: 'Goal_Plan__c', fields: planFields });
            expect(updateRecordMock).toHaveBeenCalledWith({ fields: { Id: PLAN_ID, OwnerId: REP_18 } });
            expect(createRecordMock.mock.invocationCallOrder[0]).toBeLessThan(updateRecordMock.mock.invocationCallOrder[0]);
            expect(toasts).toEqual([{ title: 'Goal plan created', message: 'FY2026 plan is ready.', variant: 'success' }]);
            expect(refresh).toHaveBeenCalledTimes(1);
        });

        it('creates a rep\'s own plan with the rep as owner and no hand-over', async () => {
            createRecordMock.mockResolvedValueOnce({ id: PLAN_ID, apiName: 'Goal_Plan__c', fields: {} });
            const host = new EventTarget();
            await createPlanAndRefresh(host, scopeFor({ recordId: REP_18, viewerId: REP_15 }), 'Ana Lopez', jest.fn().mockResolvedValue(undefined));
            expect(createRecordMock).toHaveBeenCalledWith({ apiName: 'Goal_Plan__c', fields: planFields });
            expect(updateRecordMock).not.toHaveBeenCalled();
        });

        it('says the plan is still the creator\'s when the hand-over is refused, and shows the plan', async () => {
            createRecordMock.mockResolvedValueOnce({ id: PLAN_ID, apiName: 'Goal_Plan__c', fields: {} });
            updateRecordMock.mockRejectedValueOnce({ body: { message: 'insufficient access rights on object id' } });
            const host = new EventTarget();
            const toasts = toastsOf(host);
            const refresh = jest.fn().mockResolvedValue(undefined);
            await createPlanAndRefresh(host, scopeFor({ recordId: REP_18 }), 'Ana Lopez', refresh);
            expect(toasts).toEqual([
                {
                    title: 'The goal plan was created but is still yours',
                    message: expect.stringMatching(/^The rep can't see it until they own it \(insufficient access rights on object id\)\. Ask your Salesforce admin for the Transfer Record permission/),
                    variant: 'warning',
                },
            ]);
            expect(refresh).toHaveBeenCalledTimes(1);
        });

        it('reports a failed creation as an error toast and does not refresh', async () => {
            createRecordMock.mockRejectedValueOnce({ body: { message: 'Required fields are missing: [Period_End__c]' } });
            const host = new EventTarget();
            const toasts = toastsOf(host);
            const refresh = jest.fn().mockResolvedValue(undefined);
            await createPlanAndRefresh(host, scopeFor({ recordId: REP_18 }), undefined, refresh);
            expect(toasts).toEqual([expect.objectContaining({ variant: 'error', message: 'Required fields are missing: [Period_End__c]' })]);
            expect(refresh).not.toHaveBeenCalled();
        });

        it('explains a plan that exists but is hidden from the viewer by sharing', async () => {
            createRecordMock.mockRejectedValueOnce({
                body: { output: { errors: [{ errorCode: 'DUPLICATE_VALUE', message: 'duplicate value found: Plan_Key__c' }], fieldErrors: {} } },
            });
            const host = new EventTarget();
            const toasts = toastsOf(host);
            await createPlanAndRefresh(host, scopeFor({ recordId: REP_18 }), 'Ana Lopez', jest.fn());
            expect(toasts).toEqual([
                expect.objectContaining({ variant: 'error', message: expect.stringContaining('already exists but is not shared with you') }),
            ]);
        });

        it('does nothing while no rep is chosen', async () => {
            const host = new EventTarget();
            const toasts = toastsOf(host);
            const refresh = jest.fn();
            await createPlanAndRefresh(host, scopeFor({}), undefined, refresh);
            expect(createRecordMock).not.toHaveBeenCalled();
            expect(toasts).toEqual([]);
            expect(refresh).not.toHaveBeenCalled();
        });
    });

    describe('who the viewer is to the rep', () => {
        const VIEWER = '0055g00000ViEwRAAA';
        const user = (chain: Array<string | null>): Record<string, unknown> => {
            // ManagerId of the rep, then of each manager above, read through Manager { … }.
            const [first, ...rest] = chain;
            const node: Record<string, unknown> = { Id: '0055g00000AbCdEAAV', ManagerId: { value: first } };
            if (rest.length) node.Manager = user(rest);
            return node;
        };
        const records = (node: Record<string, unknown> | null) => ({ User: { edges: node ? [{ node }] : [] } });

        it('reads the manager chain, complete when it ends within the levels read', () => {
            expect(managerChainOf(user(['0055g00000MgR1AAAA', null]))).toEqual({ ids: ['0055g00000MgR1AAAA'], complete: true });
            expect(managerChainOf(user(['0055g00000MgR1AAAA', '0055g00000MgR2AAAA', '0055g00000MgR3AAAA', '0055g00000MgR4AAAA']))).toEqual({
                ids: ['0055g00000MgR1AAAA', '0055g00000MgR2AAAA', '0055g00000MgR3AAAA', '0055g00000MgR4AAAA'],
                complete: false,
            });
            // ManagerId not readable: the chain is unknown, never taken as "no manager".
            expect(managerChainOf({ Id: '0055g00000AbCdEAAV' })).toEqual({ ids: [], complete: false });
        });

        it('tells the rep, a manager up the chain, a peer and an unknown viewer apart', () => {
            expect(viewerRelation({ viewerIsRep: true }, VIEWER, {})).toBe('rep');
            expect(viewerRelation({ viewerIsRep: false }, VIEWER, records(user(['0055g00000MgR1AAAA', VIEWER, null])))).toBe('manager');
            expect(viewerRelation({ viewerIsRep: false }, VIEWER, records(user(['0055g00000MgR1AAAA', null])))).toBe('other');
            expect(viewerRelation({ viewerIsRep: false }, VIEWER, records(null))).toBe('unknown');
        });
    });
});
