// lightning/navigation for the preview: NavigationMixin dispatches the page reference to the host
// page (which opens records it can show and reports the rest), and CurrentPageReference gives the
// record page the host page shows.
import { PreviewWireAdapter } from 'preview/org';
import { isCreatePage, openCreatePage } from 'preview/createPage';

export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, unknown>;
}

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export function urlOf(pageReference: PageReference): string {
    const attributes = pageReference.attributes ?? {};
    if (pageReference.type === 'standard__recordPage' && attributes.recordId) return `#/record/${String(attributes.objectApiName ?? 'record')}/${String(attributes.recordId)}`;
    if (pageReference.type === 'standard__webPage' && attributes.url) return String(attributes.url);
    return `#/${pageReference.type}/${Object.values(attributes).map(String).join('/')}`;
}

// A mixin's base class must take `any[]` constructor arguments (TypeScript's mixin rule).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor = new (...args: any[]) => HTMLElement;

function mixin<T extends Constructor>(Base: T): T {
    return class extends Base {
        [Navigate](pageReference: PageReference, replace?: boolean): void {
            if (isCreatePage(pageReference)) {
                // The standard create page opens over the record page, as on the platform.
                const toast = (detail: unknown) => document.dispatchEvent(new CustomEvent('lightning__showtoast', { detail }));
                void openCreatePage(pageReference, toast).catch((error: Error) => toast({ title: 'The create page could not open', message: error.message, variant: 'error' }));
                return;
            }
            this.dispatchEvent(new CustomEvent('preview__navigate', { bubbles: true, composed: true, detail: { pageReference, replace: Boolean(replace) } }));
        }
        [GenerateUrl](pageReference: PageReference): Promise<string> {
            return Promise.resolve(urlOf(pageReference));
        }
    };
}

export const NavigationMixin = Object.assign(mixin, { Navigate, GenerateUrl });

const pageListeners = new Set<(page: PageReference) => void>();

function currentPage(): PageReference {
    return (window as unknown as { goalCoachPreviewPage?: PageReference }).goalCoachPreviewPage ?? { type: 'standard__navItemPage', attributes: {}, state: {} };
}

/** The host page moved (e.g. new page state on an app page): every CurrentPageReference wire gets it. */
export function setCurrentPage(page: PageReference): void {
    (window as unknown as { goalCoachPreviewPage?: PageReference }).goalCoachPreviewPage = page;
    for (const listener of [...pageListeners]) listener(page);
}

export class CurrentPageReference extends PreviewWireAdapter<Record<string, unknown>> {
    protected readonly requiredKeys: string[] = [];
    private readonly deliver = (page: PageReference) => this.dataCallback(page);
    override connect(): void {
        super.connect();
        pageListeners.add(this.deliver);
        this.dataCallback(currentPage());
    }
    override disconnect(): void {
        pageListeners.delete(this.deliver);
        super.disconnect();
    }
    protected load(): Promise<unknown> {
        return Promise.resolve(currentPage());
    }
    // The wire delivers the page reference itself, not { data, error }.
    protected override shape(page: unknown): unknown {
        return page;
    }
    protected affectedBy(): boolean {
        return false;
    }
}
