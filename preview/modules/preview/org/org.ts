// The browser side of the preview org: requests to the preview server (counted, so a page can say
// how many round trips a panel made), errors in the shape Lightning Data Service rejects with,
// and a change feed through which the wire adapters refresh after writes.

export interface LdsError {
    status: number;
    statusText: string;
    body: { message: string; errorCode?: string; output?: unknown };
    ok: false;
}

export interface Change {
    apiName: string;
    id: string;
    kind: 'created' | 'updated' | 'deleted';
}

export interface PreviewState {
    currentUserId: string;
    requests: number;
    requestsByKind: Record<string, number>;
    inFlight: number;
    /** Time of the last response, for render-time measurements. */
    lastResponseAt: number;
    /** When the components had rendered the last response (the task after its microtasks). */
    renderedAt: number;
}

declare global {
    interface Window {
        goalCoachPreview?: PreviewState;
    }
}

function state(): PreviewState {
    if (!window.goalCoachPreview) {
        window.goalCoachPreview = { currentUserId: '', requests: 0, requestsByKind: {}, inFlight: 0, lastResponseAt: 0, renderedAt: 0 };
    }
    return window.goalCoachPreview;
}

export function currentUserId(): string {
    return state().currentUserId;
}

export async function callOrg<T>(kind: string, body: unknown): Promise<T> {
    const preview = state();
    preview.requests++;
    preview.requestsByKind[kind] = (preview.requestsByKind[kind] ?? 0) + 1;
    preview.inFlight++;
    try {
        let response: Response;
        try {
            response = await fetch(`/api/ui/${kind}`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify(body),
            });
        } catch (error) {
            throw toLdsError(0, 'Network error', { message: `The preview server did not answer: ${(error as Error).message}. Is npm run preview still running?` });
        }
        const payload = await response.json().catch(() => ({ message: `The preview server answered ${response.status} without JSON.` }));
        if (!response.ok) throw toLdsError(response.status, response.statusText, payload);
        return payload as T;
    } finally {
        preview.inFlight--;
        const answeredAt = performance.now();
        preview.lastResponseAt = answeredAt;
        // LWC re-renders in microtasks after the wire delivers; a task queued now runs after them.
        setTimeout(() => {
            if (preview.lastResponseAt === answeredAt) preview.renderedAt = performance.now();
        }, 0);
    }
}

function toLdsError(status: number, statusText: string, body: { message?: string }): LdsError {
    return { status, statusText, body: { ...body, message: body.message ?? statusText }, ok: false };
}

type Listener = (changes: Change[]) => void;
const listeners = new Set<Listener>();

export function onChanges(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

export function publishChanges(changes: Change[]): void {
    for (const listener of [...listeners]) listener(changes);
}

/** A field reference as string: 'Object.Field', from a string or a @salesforce/schema token. */
export function qualifiedField(field: unknown): string {
    if (field && typeof field === 'object') {
        const token = field as { objectApiName?: string; fieldApiName?: string };
        return token.fieldApiName ? `${token.objectApiName}.${token.fieldApiName}` : String(token.objectApiName ?? '');
    }
    return String(field ?? '');
}

export function objectName(object: unknown): string {
    if (object && typeof object === 'object') return String((object as { objectApiName?: string }).objectApiName ?? '');
    return String(object ?? '');
}

export function fieldList(fields: unknown): string[] | undefined {
    if (fields === undefined || fields === null) return undefined;
    return (Array.isArray(fields) ? fields : [fields]).map(qualifiedField);
}

const connectedAdapters = new Set<() => void>();

/** Every connected wire fetches again (the page's answer to a RefreshEvent). */
export function refreshAllWires(): void {
    for (const refresh of [...connectedAdapters]) refresh();
}

/**
 * The base of the preview's wire adapters: it fetches when the config is complete, re-fetches when
 * a change touches what it shows, and ignores answers that a newer config has superseded.
 */
export abstract class PreviewWireAdapter<Config extends Record<string, unknown>> {
    protected config: Config | undefined;
    protected connected = false;
    private sequence = 0;
    private unsubscribe: (() => void) | undefined;
    private readonly refreshAll = () => void this.refresh();

    constructor(protected readonly dataCallback: (value: unknown) => void) {}

    /** Keys that must be present before the adapter fetches (LDS waits for them too). */
    protected abstract readonly requiredKeys: string[];
    protected abstract load(config: Config): Promise<unknown>;
    /** True when a change means the shown data is stale. */
    protected abstract affectedBy(changes: Change[]): boolean;
    protected shape(data: unknown): unknown {
        return { data, error: undefined };
    }
    protected shapeError(error: unknown): unknown {
        return { data: undefined, error };
    }

    update(config: Config): void {
        this.config = config;
        if (this.connected) void this.refresh();
    }

    connect(): void {
        this.connected = true;
        connectedAdapters.add(this.refreshAll);
        this.unsubscribe = onChanges((changes) => {
            if (this.affectedBy(changes)) void this.refresh();
        });
        if (this.config) void this.refresh();
    }

    disconnect(): void {
        this.connected = false;
        connectedAdapters.delete(this.refreshAll);
        this.unsubscribe?.();
    }

    refresh(): Promise<void> {
        const config = this.config;
        if (!config || this.requiredKeys.some((key) => config[key] === undefined || config[key] === null || config[key] === '')) {
            return Promise.resolve();
        }
        const sequence = ++this.sequence;
        return this.load(config).then(
            (data) => {
                if (sequence === this.sequence && this.connected) this.dataCallback(this.shape(data));
            },
            (error) => {
                if (sequence === this.sequence && this.connected) this.dataCallback(this.shapeError(error));
            },
        );
    }
}
