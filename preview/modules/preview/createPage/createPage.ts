// The preview's stand-in for the standard record create page a standard__objectPage reference with
// actionName "new" opens: a dialog with the default field values filled in and, for an object that
// names a contact (OpportunityContactRole.ContactId, Task/Event WhoId), a pick of the deal's
// account's contacts. Saving goes through lightning/uiRecordApi's createRecord, so the panels'
// wires refresh as they do after the platform's page saves.
import { createRecord } from 'lightning/uiRecordApi';
import { decodeDefaultFieldValues } from 'lightning/pageReferenceUtils';
import { callOrg } from 'preview/org';

interface FieldDescription {
    label?: string;
    dataType?: string;
}
interface ObjectDescription {
    label?: string;
    fields?: Record<string, FieldDescription>;
}
interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, unknown>;
}

const CONTACT_FIELDS = ['ContactId', 'WhoId'];

export function isCreatePage(reference: PageReference): boolean {
    return reference.type === 'standard__objectPage' && reference.attributes?.actionName === 'new';
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
}

/** The contacts of the account of the deal the defaults name (OpportunityId or WhatId). */
async function dealContacts(defaults: Record<string, string>): Promise<Array<{ id: string; name: string }>> {
    const dealId = defaults.OpportunityId ?? defaults.WhatId;
    if (!dealId) return [];
    const deal = await callOrg<{ fields: Record<string, { value?: unknown }> }>('record/get', { recordId: dealId, fields: ['Opportunity.AccountId'] });
    const accountId = deal.fields.AccountId?.value;
    if (typeof accountId !== 'string') return [];
    const result = await callOrg<{ data?: { uiapi?: { query?: { Contact?: { edges?: Array<{ node: { Id: string; Name?: { value?: string } } }> } } } } }>('graphql', {
        query: 'query dealContacts($accountId: ID) { uiapi { query { Contact(where: { AccountId: { eq: $accountId } }, orderBy: { Name: { order: ASC } }, first: 200) { edges { node { Id Name { value } } } } } } }',
        variables: { accountId },
    });
    return (result.data?.uiapi?.query?.Contact?.edges ?? []).map((edge) => ({ id: edge.node.Id, name: edge.node.Name?.value ?? edge.node.Id }));
}

function labelled(label: string, control: HTMLElement, id: string): HTMLElement {
    const wrapper = element('div', 'slds-form-element slds-m-bottom_small');
    const labelNode = element('label', 'slds-form-element__label', label);
    labelNode.htmlFor = id;
    control.id = id;
    wrapper.append(labelNode, control);
    return wrapper;
}

export async function openCreatePage(reference: PageReference, toast: (detail: { title: string; message: string; variant: string }) => void): Promise<void> {
    const objectApiName = String(reference.attributes?.objectApiName ?? '');
    const defaults = decodeDefaultFieldValues(String(reference.state?.defaultFieldValues ?? ''));
    const info = await callOrg<ObjectDescription>('object-info', { objectApiName });
    const fields = info.fields ?? {};
    const contactField = CONTACT_FIELDS.find((name) => name in fields && !(name in defaults));
    const contacts = contactField ? await dealContacts(defaults) : [];

    const dialog = element('div', 'preview-create-page slds-box slds-theme_default');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-labelledby', 'preview-create-heading');
    const heading = element('h2', 'slds-text-heading_medium slds-m-bottom_small', `New ${info.label ?? objectApiName}`);
    heading.id = 'preview-create-heading';
    dialog.append(heading, element('p', 'slds-text-body_small slds-text-color_weak slds-m-bottom_small', 'The standard create page, as the preview shows it, with the values the panel filled in.'));

    const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
    for (const [name, value] of Object.entries(defaults)) {
        const input = element('input', 'slds-input');
        input.value = value;
        if (fields[name]?.dataType === 'Reference') input.readOnly = true;
        inputs.set(name, input);
        dialog.append(labelled(fields[name]?.label ?? name, input, `preview-create-${name}`));
    }
    if (contactField) {
        const select = element('select', 'slds-select');
        select.append(element('option', '', '-- Pick a contact --'));
        (select.firstChild as HTMLOptionElement).value = '';
        for (const contact of contacts) {
            const option = element('option', '', contact.name);
            option.value = contact.id;
            select.append(option);
        }
        inputs.set(contactField, select);
        dialog.append(labelled(fields[contactField]?.label ?? 'Contact', select, `preview-create-${contactField}`));
    }
    const error = element('p', 'preview-create-error slds-text-color_error');
    error.setAttribute('role', 'alert');
    const save = element('button', 'slds-button slds-button_brand', 'Save');
    const cancel = element('button', 'slds-button slds-button_neutral', 'Cancel');
    const buttons = element('div', 'slds-m-top_small');
    buttons.append(cancel, save);
    dialog.append(error, buttons);
    document.body.append(dialog);
    (inputs.get(contactField ?? '') ?? save).focus();

    cancel.addEventListener('click', () => dialog.remove());
    save.addEventListener('click', async () => {
        const values: Record<string, string> = {};
        for (const [name, input] of inputs) if (input.value) values[name] = input.value;
        save.disabled = true;
        try {
            await createRecord({ apiName: objectApiName, fields: values });
            dialog.remove();
            toast({ title: `${info.label ?? objectApiName} created`, message: 'Saved on the standard create page.', variant: 'success' });
        } catch (failure) {
            error.textContent = (failure as { body?: { message?: string } }).body?.message ?? String(failure);
            save.disabled = false;
        }
    });
}
