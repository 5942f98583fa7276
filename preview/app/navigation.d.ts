// The preview's lightning/navigation (preview/modules/lightning/navigation), as the host page uses it.
declare module 'lightning/navigation' {
    export interface PageReference {
        type: string;
        attributes?: Record<string, unknown>;
        state?: Record<string, unknown>;
    }
    export function setCurrentPage(page: PageReference): void;
}
