// Which rep a User-record panel shows, and the states such a panel passes through before its
// plan is ready. Shared by the goal-plan and coaching panels, which differ only in what they
// query and render once the rep's plan has loaded.
import type { PageReference } from 'lightning/navigation';
import {
    calendarYearPeriod,
    createGoalPlan,
    errorMessage,
    nodesOf,
    planCreateErrorToast,
    PlanHandOverError,
    planKey,
    successToast,
    textField,
    toId18,
} from 'c/goalPlanData';
import type { GraphQlConnection, GraphQlNode, PlanPeriod } from 'c/goalPlanData';

/** The rep picker offers active users only (lightning-record-picker filter). */
export const ACTIVE_USERS_FILTER = { criteria: [{ fieldPath: 'IsActive', operator: 'eq', value: true }] };

/** A 15- or 18-character record id and nothing else: the page state comes from the address bar. */
const RECORD_ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** The rep picked on an app page (page state c__repId), when it is a record id. */
export function pageStateRepId(pageRef: PageReference | null | undefined): string | undefined {
    const value = pageRef?.state?.c__repId;
    return typeof value === 'string' && RECORD_ID_PATTERN.test(value) ? value : undefined;
}

/** The same page with the picked rep in its state; other panels on the page follow it. */
export function withRepInPageState(pageRef: PageReference, repId: string | undefined): PageReference {
    return { ...pageRef, state: { ...(pageRef.state ?? {}), c__repId: repId } };
}

/** Where a panel is, as the panel's own fields say it: `repScope(this)`. */
export interface RepScopeInput {
    /** The User record of a record page. */
    recordId?: string;
    /** The rep picked in this panel's own picker. */
    pickedRepId?: string;
    /** The current page; on an app page its state may name the rep. */
    pageRef?: PageReference;
    /** On an app page, follow another panel's picker instead of showing one. */
    hideRepPicker?: boolean;
    /** The viewer's User id (@salesforce/user/Id). */
    viewerId: string;
    /** Today in the viewer's time zone, yyyy-MM-dd. */
    today: string;
}

export interface RepScope {
    /** The rep's 18-character id, or undefined while no rep is chosen. */
    repId?: string;
    /** Plan_Key__c of the rep's plan for the period. */
    planKey?: string;
    period: PlanPeriod;
    showRepPicker: boolean;
    pickerValue?: string;
    viewerIsRep: boolean;
}

/** The rep a panel shows: the record page's user, else the one picked here, else the page state's. */
export function repScope(input: RepScopeInput): RepScope {
    const fromPage = pageStateRepId(input.pageRef);
    const chosen = input.recordId || input.pickedRepId || fromPage;
    const repId = chosen ? toId18(chosen) : undefined;
    const period = calendarYearPeriod(input.today);
    return {
        repId,
        planKey: repId ? planKey(repId, period.start) : undefined,
        period,
        showRepPicker: !input.recordId && !input.hideRepPicker,
        pickerValue: input.pickedRepId ?? fromPage,
        viewerIsRep: !!repId && repId === toId18(input.viewerId),
    };
}

// ---------------------------------------------------------------- load states

/** What the graphql wire delivers to a panel. */
export interface PanelQueryResult {
    data?: { uiapi?: { query?: Record<string, GraphQlConnection | undefined> } };
    errors?: unknown;
    refresh?: () => Promise<unknown>;
}

/** What a panel's wires delivered, as the panel's own fields hold it: `panelStatus(this)`. */
export interface PanelStatusInput {
    /** The panel's main object info (getObjectInfo data), and its wire error. */
    objectInfo?: { queryable?: boolean };
    objectInfoError?: unknown;
    queryResult?: PanelQueryResult;
    scope: Pick<RepScope, 'repId'>;
}

/** The states in the order a panel shows them: the first true one wins. */
export interface PanelStatus {
    noAccess: boolean;
    needsRep: boolean;
    errorText?: string;
    isLoading: boolean;
    /** None of the above: the query's records can be shown. */
    isReady: boolean;
    /** The query's connections by name; empty until the data arrives. */
    records: Record<string, GraphQlConnection | undefined>;
}

export function panelStatus(input: PanelStatusInput): PanelStatus {
    const noAccess = !!input.objectInfoError || input.objectInfo?.queryable === false;
    const needsRep = !input.scope.repId;
    const errors = input.queryResult?.errors;
    const errorText = errors && (!Array.isArray(errors) || errors.length > 0) ? errorMessage(errors) : undefined;
    const isLoading = !input.queryResult?.data;
    return {
        noAccess,
        needsRep,
        errorText,
        isLoading,
        isReady: !noAccess && !needsRep && !errorText && !isLoading,
        records: input.queryResult?.data?.uiapi?.query ?? {},
    };
}

/** Fetches the panel's query again, e.g. after a write. */
export function refreshQuery(queryResult: PanelQueryResult | undefined): Promise<unknown> {
    return queryResult?.refresh ? queryResult.refresh() : Promise.resolve();
}

/** The rep's name from the query's `User` connection, when the viewer may read it. */
export function repNameOf(records: Record<string, GraphQlConnection | undefined>): string | undefined {
    const [node] = nodesOf(records.User);
    return textField(node, 'Name') ?? undefined;
}

// ---------------------------------------------------------------- who the viewer is to the rep

/** How many managers up the queries read the chain (User.Manager three levels deep: four managers). */
export const MANAGER_LEVELS = 4;

/**
 * The rep's managers by User.ManagerId, nearest first, from a User node selected with
 * `ManagerId Manager { ManagerId Manager { ManagerId Manager { ManagerId } } }`; `complete` is false
 * when the chain goes on above what was read (or a level could not be read).
 */
export function managerChainOf(user: GraphQlNode | undefined): { ids: string[]; complete: boolean } {
    const ids: string[] = [];
    let node: GraphQlNode | null | undefined = user;
    for (let level = 0; level < MANAGER_LEVELS && node; level++) {
        const managerId = textField(node, 'ManagerId');
        if (managerId === undefined) return { ids, complete: false };
        if (!managerId) return { ids, complete: true };
        ids.push(toId18(managerId));
        node = node.Manager as GraphQlNode | null | undefined;
    }
    return { ids, complete: false };
}

/**
 * The rep, one of their managers, someone else (a peer), or unknown (the chain could not be read in
 * full). Goal plans are shared up the role hierarchy, which orgs draw along the manager chain; a peer
 * can neither see the rep's plan nor should be offered to create one.
 */
export type ViewerRelation = 'rep' | 'manager' | 'other' | 'unknown';

export function viewerRelation(scope: Pick<RepScope, 'viewerIsRep'>, viewerId: string, records: Record<string, GraphQlConnection | undefined>): ViewerRelation {
    if (scope.viewerIsRep) return 'rep';
    const [user] = nodesOf(records.User);
    if (!user) return 'unknown';
    const chain = managerChainOf(user);
    if (chain.ids.includes(toId18(viewerId))) return 'manager';
    return chain.complete ? 'other' : 'unknown';
}

/** "Goal plans are personal: only Ana Lopez and their managers see Ana Lopez's plan." */
export function notSharedMessage(repName: string | undefined): string {
    const who = repName ?? 'the rep';
    return `Goal plans are personal: only ${who} and their managers see ${repName ? `${repName}'s` : 'the'} plan, so there is nothing here for you to open or create.`;
}

// ---------------------------------------------------------------- no plan for the period yet

/** "You have no goal plan for FY2026 yet." for the rep, "Ana Lopez has …" for anyone else. */
export function noPlanMessage(scope: RepScope, repName: string | undefined): string {
    const who = scope.viewerIsRep ? 'You have' : `${repName ?? 'This rep'} has`;
    return `${who} no goal plan for ${scope.period.label} yet.`;
}

export function createPlanLabel(period: PlanPeriod): string {
    return `Create the ${period.label} plan`;
}

/**
 * Creates the rep's plan for the period, owned by the rep (a viewer creating it for someone else hands
 * it over), then refreshes the panel's query; the outcome is a toast dispatched from `host` either way
 * (a plan hidden by sharing, or one that could not be handed over, gets its own explanation).
 */
export async function createPlanAndRefresh(
    host: EventTarget,
    scope: RepScope,
    repName: string | undefined,
    refresh: () => Promise<unknown>
): Promise<void> {
    if (!scope.repId) {
        return;
    }
    try {
        await createGoalPlan(scope.repId, repName, scope.period, !scope.viewerIsRep);
        host.dispatchEvent(successToast('Goal plan created', `${scope.period.label} plan is ready.`));
        await refresh();
    } catch (error) {
        host.dispatchEvent(planCreateErrorToast(error));
        // A plan that was created but not handed over exists: show it to its creator.
        if (error instanceof PlanHandOverError) await refresh();
    }
}
