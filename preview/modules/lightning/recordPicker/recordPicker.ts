// lightning-record-picker for the preview (a platform component that lightning-base-components
// lacks): searches records of objectApiName by name in the in-memory org and fires `change` with
// { recordId } as the platform component does.
import { LightningElement, api } from 'lwc';
import { callOrg } from 'preview/org';

interface Match {
    id: string;
    name: string;
}

export default class RecordPicker extends LightningElement {
    @api label = '';
    @api placeholder = '';
    @api objectApiName = '';
    @api disabled = false;
    @api required = false;
    @api variant = '';
    @api filter: unknown;
    @api displayInfo: unknown;
    @api matchingInfo: unknown;

    inputText = '';
    matches: Match[] = [];
    private selectedId: string | null = null;

    @api
    get value(): string | null {
        return this.selectedId;
    }
    set value(recordId: string | null) {
        this.selectedId = recordId || null;
        if (recordId) void this.showName(recordId);
        else this.inputText = '';
    }

    get expanded(): boolean {
        return this.matches.length > 0;
    }

    get expandedText(): string {
        return String(this.expanded);
    }

    get comboboxClass(): string {
        return `slds-combobox slds-dropdown-trigger slds-dropdown-trigger_click${this.expanded ? ' slds-is-open' : ''}`;
    }

    private async showName(recordId: string): Promise<void> {
        try {
            const record = await callOrg<{ fields: Record<string, { value: unknown }> }>('record/get', { recordId, optionalFields: [`${this.objectApiName}.Name`] });
            this.inputText = String(record.fields.Name?.value ?? recordId);
        } catch {
            this.inputText = recordId;
        }
    }

    async handleInput(event: Event): Promise<void> {
        const term = (event.target as HTMLInputElement).value;
        this.inputText = term;
        if (term.trim().length < 2) {
            this.matches = [];
            return;
        }
        // The filter attribute's criteria ({ fieldPath, operator, value }) become GraphQL where clauses.
        const criteria = ((this.filter as { criteria?: Array<{ fieldPath: string; operator: string; value: unknown }> } | undefined)?.criteria ?? []).map(
            (c) => ({ [c.fieldPath]: { [c.operator]: c.value } }),
        );
        const query = `query pick($where: Filter) { uiapi { query { ${this.objectApiName}(where: $where, orderBy: { Name: { order: ASC } }, first: 10) { edges { node { Id Name { value } } } } } } }`;
        const answer = await callOrg<{ data: { uiapi: { query: Record<string, { edges: Array<{ node: { Id: string; Name: { value: string } } }> }> } } | null }>('graphql', {
            query,
            variables: { where: { and: [{ Name: { like: `%${term.trim()}%` } }, ...criteria] } },
        });
        const edges = answer.data?.uiapi.query[this.objectApiName]?.edges ?? [];
        this.matches = edges.map((edge) => ({ id: edge.node.Id, name: edge.node.Name.value }));
    }

    handleSelect(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.id ?? null;
        const match = this.matches.find((m) => m.id === id);
        this.selectedId = id;
        this.inputText = match?.name ?? '';
        this.matches = [];
        this.dispatchEvent(new CustomEvent('change', { detail: { recordId: id } }));
    }
}
