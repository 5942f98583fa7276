import { LightningElement, api, wire } from 'lwc';
import { getPicklistValues } from 'lightning/uiObjectInfoApi';
import ID_FIELD from '@salesforce/schema/Goal_Plan__c.Id';
import TRIGGER_TYPE_FIELD from '@salesforce/schema/Goal_Plan__c.Trigger_Event_Type__c';
import TRIGGER_DATE_FIELD from '@salesforce/schema/Goal_Plan__c.Trigger_Event_Date__c';
import { apiName, errorMessage, formatDate, inputValue, isIsoDate, savePlanFields } from 'c/goalPlanData';
import type { GoalPlan } from 'c/goalPlanData';

/** Goal_Plan__c has no record types: the master record type's id holds every value. */
const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

interface PicklistData {
    values?: Array<{ value: string; label: string }>;
}

/**
 * The trigger event that makes the goal real now, and its date. The types are the org's values of
 * the unrestricted picklist Trigger_Event_Type__c, so values an admin adds appear here too.
 */
export default class TriggerEvent extends LightningElement {
    @api plan?: GoalPlan;
    /** The viewer may not edit the plan: the event shows as text. */
    @api readOnly = false;

    typeDraft?: string;
    dateDraft?: string;
    isSaving = false;
    saveError: string | null = null;
    picklist?: PicklistData;
    picklistError: unknown;

    @wire(getPicklistValues, { recordTypeId: MASTER_RECORD_TYPE_ID, fieldApiName: TRIGGER_TYPE_FIELD })
    wiredTypes({ data, error }: { data?: PicklistData; error?: unknown }) {
        this.picklist = data;
        this.picklistError = error;
    }

    get canRead(): boolean {
        return this.plan?.triggerEventType !== undefined || this.plan?.triggerEventDate !== undefined;
    }

    get hasTypeField(): boolean {
        return this.plan?.triggerEventType !== undefined;
    }

    get hasDateField(): boolean {
        return this.plan?.triggerEventDate !== undefined;
    }

    get typeOptions() {
        const options = (this.picklist?.values ?? []).map((value) => ({ label: value.label, value: value.value }));
        const stored = this.plan?.triggerEventType;
        // A stored value the picklist no longer offers still shows as chosen.
        if (stored && !options.some((option) => option.value === stored)) options.push({ label: stored, value: stored });
        return options;
    }

    get typesProblem(): string {
        return this.picklistError
            ? `The trigger event types could not load (${errorMessage(this.picklistError)}). Reload the page; if it persists, ask your Salesforce admin to check access to the Trigger Event field.`
            : '';
    }

    get eventType(): string {
        return this.typeDraft ?? this.plan?.triggerEventType ?? '';
    }

    get eventDate(): string {
        return this.dateDraft ?? this.plan?.triggerEventDate ?? '';
    }

    get shownEvent(): string {
        const type = this.plan?.triggerEventType;
        const date = formatDate(this.plan?.triggerEventDate);
        if (!type && !date) return 'No trigger event noted yet';
        return [type, date].filter(Boolean).join(', ');
    }

    get saveDisabled(): boolean {
        const badDate = this.dateDraft !== undefined && this.dateDraft !== '' && !isIsoDate(this.dateDraft);
        return this.isSaving || (this.typeDraft === undefined && this.dateDraft === undefined) || badDate;
    }

    handleTypeChange(event: Event) {
        this.typeDraft = inputValue(event);
    }

    handleDateChange(event: Event) {
        this.dateDraft = inputValue(event);
    }

    async handleSave() {
        const plan = this.plan;
        if (!plan || this.saveDisabled) {
            return;
        }
        const fields: Record<string, unknown> = { [apiName(ID_FIELD)]: plan.id };
        if (this.typeDraft !== undefined) fields[apiName(TRIGGER_TYPE_FIELD)] = this.typeDraft || null;
        if (this.dateDraft !== undefined) fields[apiName(TRIGGER_DATE_FIELD)] = this.dateDraft || null;
        this.isSaving = true;
        this.saveError = await savePlanFields(this, fields, 'Trigger event saved', 'The trigger event could not be saved');
        if (!this.saveError) {
            this.typeDraft = undefined;
            this.dateDraft = undefined;
        }
        this.isSaving = false;
    }
}
