import { LightningElement, api } from 'lwc';
import type { MilestoneRow } from 'c/milestoneItem';
import { ROW_EVENTS } from 'c/milestoneList';

/**
 * A folded section of the panel: one summary line ("3 earlier milestones missing") with a
 * Show / Hide button, and the rows once shown. `kind` names the section in its classes
 * (`earlier-text`, `earlier-toggle`, `earlier-list`); the rows' events are passed on unchanged.
 */
export default class MilestoneSection extends LightningElement {
    @api kind = 'section';
    @api summary = '';
    /** What the button shows and hides, for screen readers: "earlier milestones". */
    @api what = '';
    @api iconName?: string;
    @api iconVariant?: string;
    @api iconText?: string;
    /** Weak (grey) summary text, for what is not due yet. */
    @api weak = false;
    @api rows: MilestoneRow[] = [];

    expanded = false;

    get lineClass(): string {
        return this.weak ? 'slds-text-body_small slds-text-color_weak' : 'slds-text-body_small';
    }

    get textClass(): string {
        return `${this.kind}-text`;
    }

    get toggleClass(): string {
        return `${this.kind}-toggle slds-button slds-m-left_x-small`;
    }

    get listClass(): string {
        return `${this.kind}-list`;
    }

    get toggleLabel(): string {
        return this.expanded ? 'Hide' : 'Show';
    }

    get expandedText(): string {
        return String(this.expanded);
    }

    toggle(): void {
        this.expanded = !this.expanded;
    }

    handleRowEvent(event: CustomEvent): void {
        if (ROW_EVENTS.includes(event.type)) {
            this.dispatchEvent(new CustomEvent(event.type, { detail: event.detail }));
        }
    }
}
