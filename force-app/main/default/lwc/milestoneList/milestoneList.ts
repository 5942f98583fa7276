import { LightningElement, api } from 'lwc';
import type { MilestoneRow } from 'c/milestoneItem';

/** The events a milestone row fires; the list passes each on to the panel with its detail. */
const ROW_EVENTS = ['confirm', 'undo', 'addcontactrole', 'logactivity', 'savefield'] as const;

/**
 * One section of milestone rows (current stage, earlier gaps, done, later). Passes the rows'
 * events on unchanged, so the panel listens once per section.
 */
export default class MilestoneList extends LightningElement {
    @api rows: MilestoneRow[] = [];

    handleRowEvent(event: CustomEvent): void {
        if ((ROW_EVENTS as readonly string[]).includes(event.type)) {
            this.dispatchEvent(new CustomEvent(event.type, { detail: event.detail }));
        }
    }
}
