import { LightningElement, api, wire } from 'lwc';
import { getRecord, createRecord, deleteRecord, updateRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecordsBatch } from 'lightning/uiRelatedListApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { NavigationMixin, type PageReference } from 'lightning/navigation';
import { gql, graphql } from 'lightning/graphql';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { RefreshEvent } from 'lightning/refresh';
import currentUserId from '@salesforce/user/Id';
import {
    checkDefinitions,
    completionKey,
    evaluateMilestones,
    evidenceFieldNames,
    stageOrderFromDefinitions,
    type MilestoneDefinition,
    type DefinitionProblem,
    type MilestoneEvaluation,
} from 'c/milestoneRules';
import type { MilestoneRow } from 'c/milestoneItem';
import {
    doneSummary,
    earlierSummary,
    fieldLabels,
    laterSummary,
    panelSections,
    type ObjectDescription,
    type PanelSections,
} from './milestoneView';
import { newActivityPage, newContactRolePage } from 'c/dealActions';
import {
    CONTACT_ROLES_LIST,
    DEFINITION_PAGE_SIZE,
    EVENTS_LIST,
    OPPORTUNITY_OPTIONAL_FIELDS,
    OPPORTUNITY_REQUIRED_FIELDS,
    RELATED_LIST_PARAMETERS,
    TASKS_LIST,
    errorMessage,
    isNoAccessError,
    readActivities,
    readCompletions,
    readContactRoles,
    readDefinitions,
    readCommitteeRoles,
    readOpportunity,
    readTeamManagerId,
    readStageOrder,
    relatedListRecords,
    type MilestoneQueryData,
    type RelatedListBatchData,
    type UiRecord,
} from './wireData';

/** The master record type: its StageName picklist holds every stage in the org's order. */
const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

interface WireResult<T> {
    data?: T;
    error?: unknown;
}
interface GraphQlResult {
    data?: MilestoneQueryData;
    errors?: unknown[];
    refresh?: () => Promise<unknown>;
}

/**
 * Sales-process milestones on the Opportunity record page, compact enough for the sidebar: the
 * current stage's open milestones first (the next one with its guidance), earlier gaps folded into
 * one warning line, done milestones into a count, later stages collapsed; each open milestone with
 * its action in place. Reads and writes through Lightning Data Service only; the rules live in
 * c/milestoneRules.
 */
export default class OpportunityMilestones extends NavigationMixin(LightningElement) {
    @api recordId?: string;

    private definitions: MilestoneDefinition[] = [];
    private definitionProblems: DefinitionProblem[] = [];
    private definitionsTruncated = false;
    private queryResult?: GraphQlResult;
    private queryError?: unknown[];
    private record?: UiRecord;
    private recordError?: unknown;
    private relatedLists?: RelatedListBatchData;
    private relatedListsError?: unknown;
    private relatedListsLoaded = false;
    private stageOrderFromPicklist?: string[];
    private picklistFailed = false;
    /** Field Filled fields requested from getRecord; undefined until the definitions are known. */
    opportunityFields?: string[];
    private busyMilestoneId: string | null = null;
    private objectInfo?: ObjectDescription;
    private objectInfoLoaded = false;

    // 1. Definitions and this deal's confirmations: two custom objects, one GraphQL request.
    @wire(graphql, {
        query: gql`
            query opportunityMilestones($opportunityId: ID, $pageSize: Int) {
                uiapi {
                    query {
                        Sales_Milestone__c(
                            where: { Active__c: { eq: true } }
                            orderBy: { Order__c: { order: ASC } }
                            first: $pageSize
                        ) {
                            edges {
                                node {
                                    Id
                                    Name { value }
                                    Stage__c { value }
                                    Order__c { value }
                                    Guidance__c { value }
                                    Evidence_Type__c { value }
                                    Evidence_Value__c { value }
                                    Minimum_Amount__c { value }
                                    Depends_On__c { value }
                                    Milestone_Key__c { value }
                                }
                            }
                            pageInfo { hasNextPage }
                        }
                        Milestone_Completion__c(where: { Opportunity__c: { eq: $opportunityId } }, first: $pageSize) {
                            edges {
                                node {
                                    Id
                                    Sales_Milestone__c { value }
                                    Confirmed_By__c { value }
                                    Confirmed_By__r { Name { value } }
                                    Confirmed_On__c { value }
                                }
                            }
                        }
                    }
                }
            }
        `,
        variables: '$queryVariables',
    })
    wiredMilestones(result: GraphQlResult): void {
        if (!result.data && !result.errors?.length && this.queryResult?.data) {
            // A result without data or errors is the wire starting over (e.g. while a child's wire
            // connects): keep showing what was loaded instead of falling back to the spinner.
            return;
        }
        this.queryResult = result;
        if (result.errors && result.errors.length) {
            this.queryError = result.errors;
        } else if (result.data) {
            this.queryError = undefined;
            this.applyDefinitions(result.data);
        }
        this.recompute();
    }

    private applyDefinitions(data: MilestoneQueryData): void {
        const { raw, truncated } = readDefinitions(data);
        const checked = checkDefinitions(raw);
        this.definitions = checked.definitions;
        this.definitionProblems = checked.problems;
        this.definitionsTruncated = truncated;
        if (checked.definitions.length === 0) {
            // Nothing to measure: don't ask for the opportunity at all.
            this.opportunityFields = undefined;
            return;
        }
        const fields = [...OPPORTUNITY_OPTIONAL_FIELDS, ...evidenceFieldNames(checked.definitions)];
        // Keep the same array while the field list is unchanged, so getRecord isn't asked again.
        if (fields.join() !== this.opportunityFields?.join()) {
            this.opportunityFields = fields;
        }
    }

    get queryVariables() {
        return this.recordId ? { opportunityId: this.recordId, pageSize: DEFINITION_PAGE_SIZE } : undefined;
    }

    /** The record id once the field list is known, so getRecord runs once, with every field. */
    get opportunityRecordId(): string | undefined {
        return this.opportunityFields ? this.recordId : undefined;
    }

    // 2. The deal: stage, then amount and the Field Filled evidence as optional fields, so that a
    //    field the viewer can't read is left out instead of failing the request. Waits for the
    //    definitions, which decide the field list.
    @wire(getRecord, { recordId: '$opportunityRecordId', fields: OPPORTUNITY_REQUIRED_FIELDS, optionalFields: '$opportunityFields' })
    wiredRecord({ data, error }: WireResult<UiRecord>): void {
        this.record = data;
        this.recordError = error;
        this.recompute();
    }

    // 3. Contact roles, tasks and events in one related-list batch request.
    @wire(getRelatedListRecordsBatch, { parentRecordId: '$recordId', relatedListParameters: RELATED_LIST_PARAMETERS })
    wiredRelatedLists({ data, error }: WireResult<RelatedListBatchData>): void {
        this.relatedLists = data;
        this.relatedListsError = error;
        this.relatedListsLoaded = Boolean(data || error);
        this.recompute();
    }

    // 4. Stage order from the StageName picklist (usually already cached by the page's Path).
    @wire(getPicklistValues, { recordTypeId: MASTER_RECORD_TYPE_ID, fieldApiName: 'Opportunity.StageName' })
    wiredStages({ data, error }: WireResult<{ values?: Array<{ value: string }> }>): void {
        if (data) {
            this.stageOrderFromPicklist = readStageOrder(data);
            this.picklistFailed = false;
        } else if (error) {
            this.picklistFailed = true;
        }
        this.recompute();
    }

    // 5. Field labels and types (usually cached by the record page): guidance names fields by their
    //    label, and the inline editor knows whether and how a field can be edited.
    @wire(getObjectInfo, { objectApiName: 'Opportunity' })
    wiredObjectInfo({ data, error }: WireResult<ObjectDescription>): void {
        this.objectInfo = data;
        this.objectInfoLoaded = Boolean(data || error);
        this.recompute();
    }

    // ---- State ----

    get noAccess(): boolean {
        return (
            (this.queryError !== undefined && isNoAccessError(this.queryError)) ||
            (this.recordError !== undefined && isNoAccessError(this.recordError))
        );
    }

    get errorText(): string | null {
        if (this.noAccess) {
            return null;
        }
        if (this.queryError) {
            return `Milestones couldn't be loaded: ${errorMessage(this.queryError)}`;
        }
        if (this.recordError) {
            return `This opportunity couldn't be loaded: ${errorMessage(this.recordError)}`;
        }
        return null;
    }

    get isLoading(): boolean {
        if (this.noAccess || this.errorText) {
            return false;
        }
        if (!this.queryResult?.data) {
            return true;
        }
        if (this.isEmpty) {
            return false;
        }
        const stagesKnown = this.stageOrderFromPicklist !== undefined || this.picklistFailed;
        return !this.record || !this.relatedListsLoaded || !stagesKnown || !this.objectInfoLoaded;
    }

    /** No definitions at all (broken ones count as definitions: they are listed for the admin). */
    get isEmpty(): boolean {
        return Boolean(this.queryResult?.data) && this.definitions.length === 0 && this.definitionProblems.length === 0;
    }

    get isReady(): boolean {
        return !this.isLoading && !this.noAccess && !this.errorText && !this.isEmpty;
    }

    /** Evaluated once per wire update, not once per getter call. */
    private evaluation: MilestoneEvaluation | null = null;

    private recompute(): void {
        this.evaluation = this.evaluate();
    }

    private evaluate(): MilestoneEvaluation | null {
        if (!this.record || !this.opportunityFields) {
            return null;
        }
        const stageOrder =
            this.stageOrderFromPicklist && this.stageOrderFromPicklist.length
                ? this.stageOrderFromPicklist
                : stageOrderFromDefinitions(this.definitions);
        const contactRoles = relatedListRecords(this.relatedLists, CONTACT_ROLES_LIST);
        const tasks = relatedListRecords(this.relatedLists, TASKS_LIST);
        const events = relatedListRecords(this.relatedLists, EVENTS_LIST);
        return evaluateMilestones({
            definitions: this.definitions,
            problems: this.definitionProblems,
            stageOrder,
            opportunity: readOpportunity(this.record, this.opportunityFields),
            sources: {
                contactRoles: readContactRoles(contactRoles),
                activities: readActivities(tasks, events, new Date()),
                completions: readCompletions(this.queryResult?.data),
            },
            fieldLabels: fieldLabels(this.objectInfo),
        });
    }

    // ---- View ----

    get stageUnknownText(): string | null {
        const evaluation = this.evaluation;
        if (!evaluation || evaluation.stageKnown) {
            return null;
        }
        return evaluation.stageName === null
            ? "You can't see this opportunity's stage, so its milestones can't be measured."
            : `The stage "${evaluation.stageName}" has no place in the sales process, so its milestones can't be measured. An admin can add milestones for it as Sales Milestone records.`;
    }

    private get sections(): PanelSections {
        const evaluation = this.evaluation;
        if (!evaluation || !this.record) {
            return { current: [], earlier: [], done: [], later: [] };
        }
        const fieldValues: Record<string, unknown> = {};
        for (const [name, field] of Object.entries(this.record.fields)) {
            fieldValues[name] = field?.value ?? null;
        }
        return panelSections({
            evaluation,
            objectInfo: this.objectInfo,
            fieldValues,
            contactRolesReadable: relatedListRecords(this.relatedLists, CONTACT_ROLES_LIST) !== null,
            currentUserId,
            busy: this.busyMilestoneId !== null,
        });
    }

    /** Every row the panel can show, in any section (for tests and the undo lookup). */
    get rows(): MilestoneRow[] {
        const sections = this.sections;
        return [...sections.earlier, ...sections.current, ...sections.done, ...sections.later];
    }

    get currentRows(): MilestoneRow[] {
        return this.sections.current;
    }

    get hasCurrentRows(): boolean {
        return this.currentRows.length > 0;
    }

    get earlierRows(): MilestoneRow[] {
        return this.sections.earlier;
    }

    get earlierText(): string | null {
        return this.evaluation && !this.evaluation.isClosed ? earlierSummary(this.evaluation, this.earlierRows) : null;
    }

    get doneRows(): MilestoneRow[] {
        return this.sections.done;
    }

    get doneText(): string | null {
        return doneSummary(this.doneRows);
    }

    get laterRows(): MilestoneRow[] {
        return this.sections.later;
    }

    get laterText(): string | null {
        return this.evaluation?.isClosed ? null : laterSummary(this.laterRows);
    }

    get stageTitle(): string {
        return this.evaluation?.stageName ?? '';
    }

    get progressText(): string {
        const current = this.evaluation?.current ?? [];
        if (!current.length) {
            return 'No milestones in this stage';
        }
        const done = current.filter((item) => item.status === 'done').length;
        return `${done} of ${current.length} done`;
    }

    get progressValue(): number {
        const current = this.evaluation?.current ?? [];
        return current.length ? Math.round((100 * current.filter((item) => item.status === 'done').length) / current.length) : 0;
    }

    get noRowsText(): string | null {
        return this.hasCurrentMilestones || this.doneRows.length ? null : "No milestones apply to this deal's stage and size yet.";
    }

    get hasCurrentMilestones(): boolean {
        return (this.evaluation?.current.length ?? 0) > 0;
    }

    /** When the current stage is done: what comes next, from a later stage. */
    get upcomingText(): string | null {
        const evaluation = this.evaluation;
        const next = evaluation?.next;
        if (!evaluation?.nextIsUpcoming || !next) {
            return null;
        }
        return `Everything in ${evaluation.stageName} is done. Next, in ${next.definition.stage}: ${next.definition.name}.`;
    }

    get upcomingGuidance(): string | null {
        return this.upcomingText ? (this.evaluation?.next?.definition.guidance ?? null) : null;
    }

    get closedText(): string | null {
        const evaluation = this.evaluation;
        return evaluation?.isClosed ? `This deal is closed (${evaluation.stageName}).` : null;
    }

    get notes(): Array<{ id: string; text: string }> {
        const evaluation = this.evaluation;
        if (!evaluation) {
            return [];
        }
        const notes: Array<{ id: string; text: string }> = [];
        if (evaluation.belowMinimumAmount > 0) {
            const count = evaluation.belowMinimumAmount;
            const what = `${count} milestone${count === 1 ? '' : 's'} for larger deals`;
            const why =
                evaluation.amountNote === 'hidden'
                    ? "you can't see this deal's amount"
                    : evaluation.amountNote === 'blank'
                      ? 'this deal has no amount yet'
                      : "this deal's amount is below their minimum";
            notes.push({ id: 'deal-size', text: `${what} ${count === 1 ? 'is' : 'are'} not shown because ${why}.` });
        }
        if (this.picklistFailed) {
            notes.push({ id: 'stage-order', text: 'Stage order comes from the milestone definitions: the stage list could not be read.' });
        }
        if (this.relatedListsError) {
            notes.push({
                id: 'related-lists',
                text: `Contact roles and activities couldn't be loaded: ${errorMessage(this.relatedListsError)}`,
            });
        }
        if (this.definitionsTruncated) {
            notes.push({
                id: 'truncated',
                text: `Only the first ${DEFINITION_PAGE_SIZE} active milestone definitions are used. An admin can deactivate unused ones.`,
            });
        }
        return notes;
    }

    get hasNotes(): boolean {
        return this.notes.length > 0;
    }

    get problems(): Array<{ id: string; text: string }> {
        const problems = this.evaluation?.problems ?? this.definitionProblems;
        return problems.map((item, index) => ({
            id: `problem-${index}`,
            text: `"${item.milestoneName}" ${item.problem}. ${item.fix}`,
        }));
    }

    get problemsHeading(): string {
        const count = this.problems.length;
        return `${count} milestone definition${count === 1 ? ' needs' : 's need'} an admin's attention`;
    }

    get hasProblems(): boolean {
        return this.problems.length > 0;
    }

    // ---- Buying committee and learning goal ----

    get committeeRoles() {
        return readCommitteeRoles(relatedListRecords(this.relatedLists, CONTACT_ROLES_LIST));
    }

    get dealAmount(): number | null {
        const amount = this.record?.fields.Amount?.value;
        return typeof amount === 'number' ? amount : null;
    }

    get teamManagerId(): string | null {
        return this.record ? readTeamManagerId(this.record) : null;
    }

    get ownerId(): string | null {
        const owner = this.record?.fields.OwnerId?.value;
        return typeof owner === 'string' ? owner : null;
    }

    /** The contact roles the definitions ask for by now, at this deal's size. */
    get requiredRoles(): Array<{ role: string; milestoneName: string }> {
        return (this.evaluation?.milestones ?? [])
            .filter((item) => item.definition.evidenceType === 'Contact Role' && item.definition.evidenceValue)
            .map((item) => ({ role: item.definition.evidenceValue ?? '', milestoneName: item.definition.name }));
    }

    // ---- Actions ----

    async handleConfirm(event: CustomEvent<{ milestoneId: string }>): Promise<void> {
        const milestoneId = event.detail.milestoneId;
        const milestone = this.definitions.find((item) => item.id === milestoneId);
        if (!this.recordId || !milestone || this.busyMilestoneId) {
            return;
        }
        this.busyMilestoneId = milestoneId;
        try {
            await createRecord({
                apiName: 'Milestone_Completion__c',
                fields: {
                    Opportunity__c: this.recordId,
                    Sales_Milestone__c: milestoneId,
                    Confirmed_By__c: currentUserId,
                    Confirmed_On__c: new Date().toISOString(),
                    Completion_Key__c: completionKey(this.recordId, milestoneId),
                },
            });
            this.toast('success', 'Milestone confirmed', `"${milestone.name}" is done.`);
            await this.refreshMilestones();
        } catch (error) {
            this.toast('error', `Couldn't confirm "${milestone.name}"`, errorMessage(error));
        } finally {
            this.busyMilestoneId = null;
        }
    }

    async handleUndo(event: CustomEvent<{ milestoneId: string }>): Promise<void> {
        const milestoneId = event.detail.milestoneId;
        const row = this.rows.find((item) => item.id === milestoneId);
        if (!row?.undoCompletionId || this.busyMilestoneId) {
            return;
        }
        this.busyMilestoneId = milestoneId;
        try {
            await deleteRecord(row.undoCompletionId);
            this.toast('success', 'Confirmation undone', `"${row.name}" is open again.`);
            await this.refreshMilestones();
        } catch (error) {
            this.toast('error', `Couldn't undo "${row.name}"`, errorMessage(error));
        } finally {
            this.busyMilestoneId = null;
        }
    }

    handleAddContactRole(event: CustomEvent<{ role: string }>): void {
        if (this.recordId) {
            this.navigate(newContactRolePage(this.recordId, event.detail.role));
        }
    }

    handleLogActivity(event: CustomEvent<{ activityType: string }>): void {
        if (this.recordId) {
            this.navigate(newActivityPage(this.recordId, event.detail.activityType));
        }
    }

    private navigate(pageReference: PageReference): void {
        const navigate = (this as unknown as Record<symbol, (reference: PageReference) => void>)[NavigationMixin.Navigate];
        navigate.call(this, pageReference);
    }

    /** Inline edit of a Field Filled field: one updateRecord with just that field. */
    async handleSaveField(event: CustomEvent<{ milestoneId: string; fieldApiName: string; value: string }>): Promise<void> {
        const { milestoneId, fieldApiName, value } = event.detail;
        if (!this.recordId || this.busyMilestoneId) {
            return;
        }
        const label = fieldLabels(this.objectInfo)[fieldApiName] ?? fieldApiName;
        this.busyMilestoneId = milestoneId;
        try {
            // getRecord's cached record is updated by the write, so the milestone re-evaluates.
            await updateRecord({ fields: { Id: this.recordId, [fieldApiName]: value } });
            this.toast('success', `${label} saved`, `${label} is filled in on this opportunity.`);
        } catch (error) {
            this.toast('error', `Couldn't save ${label}`, errorMessage(error));
        } finally {
            this.busyMilestoneId = null;
        }
    }

    private async refreshMilestones(): Promise<void> {
        // A new or deleted confirmation doesn't update a GraphQL result by itself: run the query
        // again. Without a refresh function on the result, ask the page to refresh its views.
        const refresh = this.queryResult?.refresh;
        if (refresh) {
            await refresh();
        } else {
            this.dispatchEvent(new RefreshEvent());
        }
    }

    private toast(variant: 'success' | 'error', title: string, message: string): void {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }
}
