// The preview host page: choose a panel and a rep or opportunity of the sample org; the panel is
// mounted as on a Lightning record page (recordId and objectApiName set), toasts and navigation
// requests are shown here. Built by preview/build.ts with the panels themselves.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import { panels } from 'preview/panels';
import { coachingPage } from 'preview/appPage';
import { refreshAllWires } from 'preview/org';
import { setCurrentPage } from 'lightning/navigation';

interface Session {
    currentUserId: string;
    reps: Array<{ id: string; name: string; managerId: string | null; openOpportunities: number }>;
    users: Array<{ id: string; name: string }>;
    opportunities: Array<{ id: string; name: string; stage: string; closed: boolean }>;
    notes: string[];
    heavyRepId: string | null;
    record: { id: string; apiName: string; ownerId: string | null } | null;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const params = new URLSearchParams(location.search);

function option(select: HTMLSelectElement, value: string, label: string, selected: boolean): void {
    const element = document.createElement('option');
    element.value = value;
    element.textContent = label;
    element.selected = selected;
    select.appendChild(element);
}

function setStatus(text: string): void {
    byId('preview-status').textContent = text;
}

function showToast(detail: { title?: string; message?: string; variant?: string }): void {
    const variant = ['success', 'warning', 'error', 'info'].includes(detail.variant ?? '') ? detail.variant! : 'info';
    const toast = document.createElement('div');
    toast.className = `slds-notify slds-notify_toast slds-theme_${variant}`;
    toast.setAttribute('role', variant === 'error' ? 'alert' : 'status');
    toast.dataset.variant = variant;
    const body = document.createElement('div');
    body.className = 'slds-notify__content';
    const title = document.createElement('h2');
    title.className = 'slds-text-heading_small';
    title.textContent = detail.title ?? '';
    const message = document.createElement('p');
    message.textContent = detail.message ?? '';
    body.append(title, message);
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'slds-button slds-button_icon slds-button_icon-inverse slds-notify__close';
    close.textContent = '×';
    close.setAttribute('aria-label', 'Close');
    close.addEventListener('click', () => toast.remove());
    toast.append(body, close);
    byId('toast-region').appendChild(toast);
    const preview = window.goalCoachPreview!;
    (preview as unknown as { toasts: unknown[] }).toasts.push({ title: detail.title, message: detail.message, variant });
    setTimeout(() => toast.remove(), 8000);
}

function goTo(next: Record<string, string | null>): void {
    const url = new URL(location.href);
    for (const [key, value] of Object.entries(next)) {
        if (value) url.searchParams.set(key, value);
        else url.searchParams.delete(key);
    }
    location.assign(url.toString());
}

/**
 * The whole Coaching app page as its FlexiPage lays it out: each region a column (side by side from
 * 1024 px, stacked below), each Goal Coach component with the properties the page sets. The rep is
 * in the page state (c__repId), as the panels read it on the platform.
 */
async function mountCoachingPage(host: HTMLElement): Promise<number> {
    setCurrentPage({ type: 'standard__navItemPage', attributes: { apiName: 'Goal_Coach_Coaching' }, state: params.get('rep') ? { c__repId: params.get('rep') } : {} });
    const startedAt = performance.now();
    host.className += ' slds-grid slds-wrap slds-gutters_x-small';
    for (const region of coachingPage?.regions ?? []) {
        const column = document.createElement('div');
        column.className = 'slds-col slds-size_1-of-1 slds-large-size_1-of-2 preview-region';
        column.dataset.region = region.name;
        for (const component of region.components) {
            const panel = panels.find((p) => p.info.name === component.name);
            if (!panel) continue;
            const module = await panel.load();
            const element = createElement(panel.info.tag, { is: module.default as never }) as HTMLElement & Record<string, unknown>;
            for (const [name, value] of Object.entries(component.properties)) element[name] = value === 'true' ? true : value === 'false' ? false : value;
            const slot = document.createElement('div');
            slot.className = 'slds-m-bottom_small';
            slot.appendChild(element);
            column.appendChild(slot);
        }
        host.appendChild(column);
    }
    return startedAt;
}

type Panel = (typeof panels)[number];

/** The panel, the rep and the opportunity the address asks for, and the session as that viewer. */
interface Choice {
    panel: Panel | undefined;
    forOpportunity: boolean;
    /** On an app page a panel has no recordId: it finds the rep in the page state or its picker. */
    onAppPage: boolean;
    session: Session;
    rep: Session['reps'][number] | undefined;
    opportunity: Session['opportunities'][number] | undefined;
}

async function choose(): Promise<Choice> {
    const panelName = params.get('panel') ?? panels[0]?.info.name ?? '';
    const panel = panels.find((p) => p.info.name === panelName) ?? panels[0];
    const forOpportunity = Boolean(panel?.info.objects.includes('Opportunity'));
    const onAppPage = params.get('page') === 'app' && Boolean(panel?.info.targets.includes('lightning__AppPage'));
    const sessionUrl = new URL('/api/session', location.origin);
    if (params.get('as')) sessionUrl.searchParams.set('as', params.get('as')!);
    if (params.get('recordId')) sessionUrl.searchParams.set('recordId', params.get('recordId')!);
    const firstSession = (await (await fetch(sessionUrl)).json()) as Session;
    // An opportunity in the address belongs to its owner: that rep is selected.
    const repParam = params.get('rep') ?? (firstSession.record?.apiName === 'Opportunity' ? firstSession.record.ownerId : null);
    const rep = firstSession.reps.find((r) => r.id === repParam) ?? firstSession.reps[0];
    sessionUrl.searchParams.delete('recordId');
    const viewer = params.get('as') ?? (forOpportunity ? rep?.id : rep?.managerId ?? rep?.id) ?? firstSession.currentUserId;
    sessionUrl.searchParams.set('as', viewer);
    if (rep) sessionUrl.searchParams.set('ownerId', rep.id);
    const session = (await (await fetch(sessionUrl)).json()) as Session;
    const opportunity = session.opportunities.find((o) => o.id === params.get('recordId')) ?? session.opportunities.find((o) => !o.closed) ?? session.opportunities[0];
    return { panel, forOpportunity, onAppPage, session, rep, opportunity };
}

/** The toolbar's pickers: panel, rep, opportunity, page and viewer; each change reloads the page. */
function fillPickers({ panel, forOpportunity, onAppPage, session, rep, opportunity }: Choice): void {
    const panelSelect = byId<HTMLSelectElement>('panel-select');
    for (const p of panels) option(panelSelect, p.info.name, p.info.masterLabel, p === panel);
    if (!panels.length) option(panelSelect, '', 'No panels in force-app yet', true);
    const repSelect = byId<HTMLSelectElement>('rep-select');
    for (const r of session.reps) option(repSelect, r.id, `${r.name} (${r.openOpportunities} open)`, r.id === rep?.id);
    const asSelect = byId<HTMLSelectElement>('as-select');
    for (const u of session.users) option(asSelect, u.id, u.name, u.id === session.currentUserId);
    const opportunitySelect = byId<HTMLSelectElement>('opportunity-select');
    if (forOpportunity) {
        byId('opportunity-field').hidden = false;
        for (const o of session.opportunities) option(opportunitySelect, o.id, `${o.name} — ${o.stage}`, o === opportunity);
    }
    if (panel?.info.targets.includes('lightning__AppPage') && !forOpportunity) {
        byId('page-field').hidden = false;
        const pageSelect = byId<HTMLSelectElement>('page-select');
        option(pageSelect, 'record', 'User record page', !onAppPage);
        option(pageSelect, 'app', 'Coaching app page, this panel', onAppPage);
        option(pageSelect, 'coaching', 'Coaching app page, every panel', params.get('page') === 'coaching');
        pageSelect.addEventListener('change', () => goTo({ page: pageSelect.value === 'record' ? null : pageSelect.value }));
    }
    panelSelect.addEventListener('change', () => goTo({ panel: panelSelect.value, recordId: null, as: null, page: null }));
    repSelect.addEventListener('change', () => goTo({ rep: repSelect.value, recordId: null, as: null }));
    opportunitySelect.addEventListener('change', () => goTo({ recordId: opportunitySelect.value }));
    asSelect.addEventListener('change', () => goTo({ as: asSelect.value }));
}

/** Toasts, refreshes and navigation the panels ask for, as the Lightning page would handle them. */
function listenToPanels(onAppPage: boolean): void {
    document.addEventListener('lightning__showtoast', (event) => showToast((event as CustomEvent).detail ?? {}));
    document.addEventListener('lightning__refreshevent', () => refreshAllWires());
    document.addEventListener('preview__navigate', (event) => {
        const reference = (event as CustomEvent).detail?.pageReference ?? {};
        const attributes = reference.attributes ?? {};
        const target = panels.find((p) => p.info.objects.includes(String(attributes.objectApiName)));
        if ((onAppPage || params.get('page') === 'coaching') && reference.type === 'standard__navItemPage') {
            // New page state on the same app page (e.g. the picked rep): the panels follow it.
            setCurrentPage(reference);
            const url = new URL(location.href);
            const repId = reference.state?.c__repId;
            if (typeof repId === 'string' && repId) url.searchParams.set('rep', repId);
            history.replaceState(null, '', url.toString());
        } else if (reference.type === 'standard__recordPage' && attributes.objectApiName === 'User' && target) {
            goTo({ panel: target.info.name, rep: String(attributes.recordId), recordId: null, as: null });
        } else if (reference.type === 'standard__recordPage' && attributes.objectApiName === 'Opportunity' && target) {
            goTo({ panel: target.info.name, recordId: String(attributes.recordId) });
        } else {
            showToast({ title: 'Navigation', message: `The panel asked to open ${reference.type ?? 'a page'} ${JSON.stringify(attributes)}; the preview shows panels only.`, variant: 'info' });
        }
    });
}

/** Marks the host mounted and says what is shown to whom (the e2e tests wait for this state). */
function mounted(host: HTMLElement, panelName: string, where: string, session: Session, startedAt: number): void {
    host.dataset.state = 'mounted';
    host.dataset.panel = panelName;
    const who = session.users.find((u) => u.id === session.currentUserId)?.name ?? session.currentUserId;
    setStatus(`${where} · viewing as ${who}`);
    (window.goalCoachPreview as unknown as { mountedAt: number }).mountedAt = startedAt;
}

function showEmpty(host: HTMLElement, text: string, status: string): void {
    host.dataset.state = 'empty';
    host.textContent = text;
    setStatus(status);
}

async function main(): Promise<void> {
    const choice = await choose();
    const { panel, forOpportunity, onAppPage, session, rep, opportunity } = choice;
    window.goalCoachPreview = {
        currentUserId: session.currentUserId,
        requests: 0,
        requestsByKind: {},
        inFlight: 0,
        lastResponseAt: 0,
        renderedAt: 0,
        ...{ toasts: [] as unknown[] },
    };
    fillPickers(choice);
    const notes = byId('preview-notes');
    for (const note of session.notes) {
        const item = document.createElement('li');
        item.textContent = note;
        notes.appendChild(item);
    }
    listenToPanels(onAppPage);

    const host = byId('panel-host');
    if (params.get('page') === 'coaching') {
        const startedAt = await mountCoachingPage(host);
        mounted(host, 'coachingAppPage', `${coachingPage?.label ?? 'Coaching'} app page`, session, startedAt);
        return;
    }
    if (!panel) {
        host.className += ' preview-empty';
        showEmpty(host, 'No panel is exposed in force-app/main/default/lwc yet (a component with isExposed true in its js-meta.xml).', 'No panels to show.');
        return;
    }
    const recordId = forOpportunity ? opportunity?.id : rep?.id;
    const objectApiName = forOpportunity ? 'Opportunity' : 'User';
    if (onAppPage) {
        // A rep chosen in the address is in the page state, as a link to the app page would carry it.
        setCurrentPage({ type: 'standard__navItemPage', attributes: { apiName: 'Goal_Coach' }, state: params.get('rep') ? { c__repId: params.get('rep') } : {} });
        const startedAt = performance.now();
        const module = await panel.load();
        host.appendChild(createElement(panel.info.tag, { is: module.default as never }));
        mounted(host, panel.info.name, `${panel.info.masterLabel} on the Coaching app page`, session, startedAt);
        return;
    }
    if (!recordId) {
        showEmpty(host, forOpportunity ? 'This rep has no opportunities in the sample org.' : 'The sample org has no reps.', 'Nothing to show.');
        return;
    }
    (window as unknown as { goalCoachPreviewPage: unknown }).goalCoachPreviewPage = {
        type: 'standard__recordPage',
        attributes: { recordId, objectApiName, actionName: 'view' },
        state: {},
    };
    const startedAt = performance.now();
    const module = await panel.load();
    const element = createElement(panel.info.tag, { is: module.default as never }) as HTMLElement & { recordId?: string; objectApiName?: string };
    element.recordId = recordId;
    element.objectApiName = objectApiName;
    host.appendChild(element);
    mounted(host, panel.info.name, `${panel.info.masterLabel} on ${forOpportunity ? opportunity?.name : rep?.name}`, session, startedAt);
}

main().catch((error: unknown) => {
    setStatus(`The preview could not start: ${error instanceof Error ? error.message : String(error)}`);
    byId('panel-host').dataset.state = 'error';
});
