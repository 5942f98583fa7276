import { LightningElement, api, wire } from 'lwc';
import { CurrentPageReference, NavigationMixin } from 'lightning/navigation';
import type { PageReference } from 'lightning/navigation';
import { ACTIVE_USERS_FILTER, withRepInPageState } from 'c/repScope';

type Navigate = (pageRef: PageReference, replace?: boolean) => void;

/**
 * Picks the rep a panel shows on an app page, among active users. The pick goes out as a
 * `repchange` event ({ repId }) and into the page state (c__repId), so the other Goal Coach panels
 * on the page, and a reload, follow it.
 */
export default class RepPicker extends NavigationMixin(LightningElement) {
    /** The picked rep's User id. */
    @api value?: string;

    readonly filter = ACTIVE_USERS_FILTER;
    pageRef?: PageReference;

    @wire(CurrentPageReference)
    wiredPageRef(pageRef: PageReference | undefined) {
        this.pageRef = pageRef;
    }

    handleChange(event: CustomEvent<{ recordId?: string | null }>) {
        const repId = event.detail?.recordId ?? undefined;
        this.dispatchEvent(new CustomEvent('repchange', { detail: { repId } }));
        if (this.pageRef) {
            const navigate = (this as unknown as Record<symbol, Navigate>)[NavigationMixin.Navigate];
            navigate.call(this, withRepInPageState(this.pageRef, repId), true);
        }
    }
}
