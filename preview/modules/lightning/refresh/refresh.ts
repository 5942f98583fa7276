// lightning/refresh for the preview: RefreshEvent asks the page to fetch its data again; the host
// page answers by telling every wire that the shown records changed.
export class RefreshEvent extends CustomEvent<unknown> {
    constructor() {
        super('lightning__refreshevent', { bubbles: true, composed: true });
    }
}

export function registerRefreshHandler(): number {
    return 0;
}

export function unregisterRefreshHandler(): void {}
