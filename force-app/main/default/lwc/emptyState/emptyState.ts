import { LightningElement, api } from 'lwc';

/**
 * An empty state in the SLDS illustration pattern (slds-illustration, a small drawing, a heading and
 * one sentence of why), for the panels' "nothing here yet" and "not shared with you" states. The
 * drawing is the component's own inline SVG, decorative; the words carry the meaning. Put actions
 * in the default slot.
 */
export default class EmptyState extends LightningElement {
    @api heading = '';
    @api message = '';
}
