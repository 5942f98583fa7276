import { LightningElement, api } from 'lwc';
import type { MilestoneRow } from 'c/milestoneItem';

/** The events a milestone row fires; lists and sections pass each on with its detail. */
export const ROW_EVENTS: readonly string[] = ['confirm', 'undo', 'addcontactrole', 'logactivity', 'savefield'];

/**
 * One section of milestone rows (current stage, earlier gaps, done, later). Passes the rows'
 * events on unchanged, so the panel listens once per section.
 */
export default class MilestoneList extends LightningElement {
    @api rows: MilestoneRow[] = [];

    handleRowEvent(event: CustomEvent): void {
        if (ROW_EVENTS.includes(event.type)) {
            this.dispatchEvent(new CustomEvent(event.type, { detail: event.detail }));
        }
    }
}
