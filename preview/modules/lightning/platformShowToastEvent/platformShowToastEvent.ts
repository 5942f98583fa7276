// lightning/platformShowToastEvent for the preview: the same event the platform's container
// handles; the host page shows it as an SLDS toast.
export interface ShowToastEventInit {
    title?: string;
    message?: string;
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
    messageData?: unknown[];
}

export class ShowToastEvent extends CustomEvent<ShowToastEventInit> {
    constructor(init: ShowToastEventInit) {
        super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail: { variant: 'info', mode: 'dismissible', ...init } });
    }
}
