import { LightningElement, api, wire } from 'lwc';
import { getRecord, createRecord, deleteRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecordsBatch } from 'lightning/uiRelatedListApi';
import { getPicklistValues } from 'lightning/uiObjectInfoApi';
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
    type EvaluatedMilestone,
    type MilestoneDefinition,
    type DefinitionProblem,
    type MilestoneEvaluation,
} from 'c/milestoneRules';
import type { MilestoneRow } from 'c/milestoneItem';
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
    readOpportunity,
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

function sameUser(a: string | null, b: string): boolean {
    // Ids may come 15 or 18 characters long; the first 15 identify the record.
    return a !== null && a.slice(0, 15) === b.slice(0, 15);
}

/**
 * Sales-process milestones on the Opportunity record page: what is done and by what evidence,
 * what is missing for the deal's stage, and the next milestone. Reads through Lightning Data
 * Service only; the rules live in c/milestoneRules.
 */
export default class OpportunityMilestones extends LightningElement {
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
        return !this.record || !this.relatedListsLoaded || !stagesKnown;
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

    get rows(): MilestoneRow[] {
        const evaluation = this.evaluation;
        if (!evaluation) {
            return [];
        }
        const missing = new Set(evaluation.missingEarlier.map((item) => item.definition.id));
        return evaluation.milestones.map((item) => this.toRow(item, evaluation, missing.has(item.definition.id)));
    }

    private toRow(item: EvaluatedMilestone, evaluation: MilestoneEvaluation, isMissing: boolean): MilestoneRow {
        const completion = item.evidence?.completion ?? null;
        return {
            id: item.definition.id,
            name: item.definition.name,
            stage: item.definition.stage,
            status: item.status,
            evidenceSummary: item.evidence?.summary ?? null,
            evidenceDate: item.evidence?.date ?? null,
            need: item.need,
            isNext: evaluation.next?.definition.id === item.definition.id,
            isMissing,
            canConfirm: item.canConfirm,
            undoCompletionId: completion && sameUser(completion.confirmedById, currentUserId) ? completion.id : null,
            busy: this.busyMilestoneId !== null,
        };
    }

    get hasRows(): boolean {
        return this.rows.length > 0;
    }

    get progressText(): string {
        const evaluation = this.evaluation;
        if (!evaluation) {
            return '';
        }
        return `${evaluation.doneCount} of ${evaluation.milestones.length} milestones done for ${evaluation.stageName ?? 'this stage'}`;
    }

    get progressValue(): number {
        const evaluation = this.evaluation;
        return evaluation && evaluation.milestones.length
            ? Math.round((100 * evaluation.doneCount) / evaluation.milestones.length)
            : 0;
    }

    get stageWarning(): string | null {
        const evaluation = this.evaluation;
        if (!evaluation || evaluation.missingEarlier.length === 0) {
            return null;
        }
        const count = evaluation.missingEarlier.length;
        return `This deal is in ${evaluation.stageName}, but ${count === 1 ? 'a milestone' : `${count} milestones`} from earlier stages ${count === 1 ? 'is' : 'are'} missing:`;
    }

    get missingMilestones(): Array<{ id: string; label: string }> {
        return (this.evaluation?.missingEarlier ?? []).map((item) => ({
            id: item.definition.id,
            label: `${item.definition.name} (${item.definition.stage})`,
        }));
    }

    get nextMilestone(): { heading: string; name: string; guidance: string | null; need: string | null } | null {
        const evaluation = this.evaluation;
        const next = evaluation?.next;
        if (!evaluation || !next) {
            return null;
        }
        return {
            heading: evaluation.nextIsUpcoming
                ? `Everything so far is done. Next, in ${next.definition.stage}:`
                : 'Next milestone',
            name: next.definition.name,
            guidance: next.definition.guidance,
            need: next.need,
        };
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
