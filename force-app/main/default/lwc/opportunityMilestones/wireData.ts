// From the shapes Lightning Data Service hands the panel to the plain facts milestoneRules needs.
// Every reader tolerates missing fields: a field the viewer can't read is simply absent from an
// optionalFields response, and that must read as "can't see", never as "blank".
import type {
    ActivityFact,
    CompletionFact,
    ContactRoleFact,
    FieldFact,
    OpportunityFacts,
    RawDefinition,
} from 'c/milestoneRules';
import type { CommitteeContactRole } from 'c/buyingCommittee';

/** The server calls one load makes; see the README section "Opportunity milestones". */
export const CONTACT_ROLES_LIST = 'OpportunityContactRoles';
export const TASKS_LIST = 'Tasks';
export const EVENTS_LIST = 'Events';
/** Activities considered per list, most recent first. */
export const ACTIVITY_PAGE_SIZE = 100;
/** Definitions read per load; more than this is reported, not silently cut. */
export const DEFINITION_PAGE_SIZE = 200;

export const RELATED_LIST_PARAMETERS = [
    {
        relatedListId: CONTACT_ROLES_LIST,
        fields: ['OpportunityContactRole.Id'],
        optionalFields: ['OpportunityContactRole.Role', 'OpportunityContactRole.ContactId', 'OpportunityContactRole.Contact.Name'],
        pageSize: 50,
    },
    {
        relatedListId: TASKS_LIST,
        fields: ['Task.Id'],
        optionalFields: [
            'Task.Subject',
            'Task.Type',
            'Task.TaskSubtype',
            'Task.IsClosed',
            'Task.Status',
            'Task.ActivityDate',
            'Task.CompletedDateTime',
        ],
        sortBy: ['-ActivityDate'],
        pageSize: ACTIVITY_PAGE_SIZE,
    },
    {
        relatedListId: EVENTS_LIST,
        fields: ['Event.Id'],
        optionalFields: [
            'Event.Subject',
            'Event.Type',
            'Event.EventSubtype',
            'Event.StartDateTime',
            'Event.EndDateTime',
            'Event.ActivityDate',
        ],
        sortBy: ['-StartDateTime'],
        pageSize: ACTIVITY_PAGE_SIZE,
    },
];

/**
 * getRecord needs at least one required field. StageName is safe there: a field required on every
 * Opportunity can't be hidden by field-level security. Everything else is optional.
 */
export const OPPORTUNITY_REQUIRED_FIELDS = ['Opportunity.StageName'];
export const OPPORTUNITY_OPTIONAL_FIELDS = ['Opportunity.Amount', 'Opportunity.IsClosed', 'Opportunity.OwnerId', 'Opportunity.Owner.ManagerId'];

// ---- Wire shapes (the subset the panel reads) ----

interface UiFieldValue {
    value?: unknown;
    displayValue?: string | null;
}
export interface UiRecord {
    id: string;
    apiName?: string;
    fields: Record<string, UiFieldValue | undefined>;
}
interface GraphQlValue<T> {
    value?: T | null;
    displayValue?: string | null;
}
interface GraphQlConnection<N> {
    edges?: Array<{ node?: N | null } | null> | null;
    pageInfo?: { hasNextPage?: boolean | null } | null;
}
export interface DefinitionNode {
    Id: string;
    Name?: GraphQlValue<string>;
    Stage__c?: GraphQlValue<string>;
    Order__c?: GraphQlValue<number>;
    Guidance__c?: GraphQlValue<string>;
    Evidence_Type__c?: GraphQlValue<string>;
    Evidence_Value__c?: GraphQlValue<string>;
    Minimum_Amount__c?: GraphQlValue<number>;
    Depends_On__c?: GraphQlValue<string>;
    Milestone_Key__c?: GraphQlValue<string>;
}
export interface CompletionNode {
    Id: string;
    Sales_Milestone__c?: GraphQlValue<string>;
    Confirmed_By__c?: GraphQlValue<string>;
    Confirmed_By__r?: { Name?: GraphQlValue<string> } | null;
    Confirmed_On__c?: GraphQlValue<string>;
}
export interface MilestoneQueryData {
    uiapi?: {
        query?: {
            Sales_Milestone__c?: GraphQlConnection<DefinitionNode> | null;
            Milestone_Completion__c?: GraphQlConnection<CompletionNode> | null;
        };
    };
}
export interface RelatedListBatchData {
    results?: Array<{
        statusCode: number;
        result: { listReference?: { relatedListId?: string }; records?: UiRecord[] } | Array<{ message?: string }>;
    }>;
}

function nodes<N>(connection: GraphQlConnection<N> | null | undefined): N[] {
    return (connection?.edges ?? []).flatMap((edge) => (edge?.node ? [edge.node] : []));
}

function text(value: unknown): string | null {
    return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function fieldValue(record: UiRecord, name: string): unknown {
    return record.fields[name]?.value ?? null;
}

// ---- Readers ----

export function readDefinitions(data: MilestoneQueryData | undefined): {
    raw: RawDefinition[];
    truncated: boolean;
} {
    const connection = data?.uiapi?.query?.Sales_Milestone__c;
    const raw = nodes(connection).map((node) => ({
        id: node.Id,
        key: node.Milestone_Key__c?.value ?? null,
        name: node.Name?.value ?? null,
        stage: node.Stage__c?.value ?? null,
        order: node.Order__c?.value ?? null,
        guidance: node.Guidance__c?.value ?? null,
        evidenceType: node.Evidence_Type__c?.value ?? null,
        evidenceValue: node.Evidence_Value__c?.value ?? null,
        minimumAmount: node.Minimum_Amount__c?.value ?? null,
        dependsOn: node.Depends_On__c?.value ?? null,
    }));
    return { raw, truncated: connection?.pageInfo?.hasNextPage === true };
}

export function readCompletions(data: MilestoneQueryData | undefined): CompletionFact[] {
    return nodes(data?.uiapi?.query?.Milestone_Completion__c).flatMap((node) => {
        const milestoneId = node.Sales_Milestone__c?.value;
        return milestoneId
            ? [
                  {
                      id: node.Id,
                      milestoneId,
                      confirmedById: node.Confirmed_By__c?.value ?? null,
                      confirmedByName: node.Confirmed_By__r?.Name?.value ?? null,
                      confirmedOn: node.Confirmed_On__c?.value ?? null,
                  },
              ]
            : [];
    });
}

/** One related list's records, or null when the viewer can't read that list. */
export function relatedListRecords(data: RelatedListBatchData | undefined, relatedListId: string): UiRecord[] | null {
    const index = RELATED_LIST_PARAMETERS.findIndex((item) => item.relatedListId === relatedListId);
    const results = data?.results ?? [];
    const entry =
        results.find(
            (item) => !Array.isArray(item.result) && item.result.listReference?.relatedListId === relatedListId,
        ) ?? results[index];
    if (!entry || entry.statusCode !== 200 || Array.isArray(entry.result)) {
        return null;
    }
    return entry.result.records ?? [];
}

export function readContactRoles(records: UiRecord[] | null): ContactRoleFact[] | null {
    return (
        records?.map((record) => {
            const contact = fieldValue(record, 'Contact') as UiRecord | null;
            return {
                id: record.id,
                role: text(fieldValue(record, 'Role')),
                contactName: contact?.fields ? text(fieldValue(contact, 'Name')) : text(record.fields.Contact?.displayValue),
            };
        }) ?? null
    );
}

/** The contact roles as the buying committee reads them (with the contact's id), or null. */
export function readCommitteeRoles(records: UiRecord[] | null): CommitteeContactRole[] | null {
    return (
        records?.map((record) => {
            const contact = fieldValue(record, 'Contact') as UiRecord | null;
            return {
                id: record.id,
                contactId: text(fieldValue(record, 'ContactId')) ?? contact?.id ?? null,
                contactName: contact?.fields ? text(fieldValue(contact, 'Name')) : text(record.fields.Contact?.displayValue),
                role: text(fieldValue(record, 'Role')),
            };
        }) ?? null
    );
}

/** The deal's team for comparisons: the owner's manager, or the owner when they have none. */
export function readTeamManagerId(record: UiRecord): string | null {
    const owner = fieldValue(record, 'Owner') as UiRecord | null;
    const managerId = owner?.fields ? text(fieldValue(owner, 'ManagerId')) : null;
    return managerId ?? text(fieldValue(record, 'OwnerId'));
}

/** Tasks count once closed; events once they have ended (all-day events: once their day is past). */
export function readActivities(tasks: UiRecord[] | null, events: UiRecord[] | null, now: Date): ActivityFact[] | null {
    if (tasks === null && events === null) {
        return null;
    }
    const today = now.toISOString().slice(0, 10);
    const taskFacts = (tasks ?? []).map((record): ActivityFact => {
        const isClosed = fieldValue(record, 'IsClosed');
        return {
            id: record.id,
            kind: 'Task',
            type: text(fieldValue(record, 'Type')),
            subtype: text(fieldValue(record, 'TaskSubtype')),
            subject: text(fieldValue(record, 'Subject')),
            date: text(fieldValue(record, 'CompletedDateTime')) ?? text(fieldValue(record, 'ActivityDate')),
            happened: typeof isClosed === 'boolean' ? isClosed : fieldValue(record, 'Status') === 'Completed',
        };
    });
    const eventFacts = (events ?? []).map((record): ActivityFact => {
        const end = text(fieldValue(record, 'EndDateTime'));
        const day = text(fieldValue(record, 'ActivityDate'));
        return {
            id: record.id,
            kind: 'Event',
            type: text(fieldValue(record, 'Type')),
            subtype: text(fieldValue(record, 'EventSubtype')),
            subject: text(fieldValue(record, 'Subject')),
            date: text(fieldValue(record, 'StartDateTime')) ?? day,
            happened: end !== null ? Date.parse(end) <= now.getTime() : day !== null && day < today,
        };
    });
    return [...taskFacts, ...eventFacts];
}

export function readOpportunity(record: UiRecord, evidenceFields: string[]): OpportunityFacts {
    const fields: Record<string, FieldFact> = {};
    for (const qualified of evidenceFields) {
        const name = qualified.slice(qualified.indexOf('.') + 1);
        const field = record.fields[name];
        fields[name] = field
            ? { readable: true, value: field.value ?? null, displayValue: field.displayValue ?? null }
            : { readable: false, value: null, displayValue: null };
    }
    const amount = record.fields.Amount;
    return {
        stageName: text(record.fields.StageName?.value),
        isClosed: record.fields.IsClosed?.value === true,
        amount: typeof amount?.value === 'number' ? amount.value : null,
        amountReadable: amount !== undefined,
        fields,
    };
}

export function readStageOrder(picklist: { values?: Array<{ value: string }> } | undefined): string[] {
    return (picklist?.values ?? []).map((item) => item.value);
}

// ---- Errors ----

interface LdsError {
    status?: number;
    statusText?: string;
    body?: { message?: string; errorCode?: string } | Array<{ message?: string; errorCode?: string }>;
    message?: string;
}

function errorEntries(error: unknown): Array<{ message?: string; errorCode?: string }> {
    if (Array.isArray(error)) {
        return error as Array<{ message?: string }>;
    }
    const lds = (error ?? {}) as LdsError;
    if (Array.isArray(lds.body)) {
        return lds.body;
    }
    if (lds.body?.message) {
        return [lds.body];
    }
    return [{ message: lds.message ?? lds.statusText }];
}

/** A readable sentence from an LDS error or a list of GraphQL errors. */
export function errorMessage(error: unknown): string {
    const messages = errorEntries(error)
        .map((item) => item.message)
        .filter((message): message is string => Boolean(message));
    return messages.length ? [...new Set(messages)].join(' ') : 'Unknown error.';
}

/**
 * True when an error means the viewer lacks access rather than that something broke. The GraphQL
 * schema is built per user, so an object the viewer can't read shows up as an undefined field.
 */
export function isNoAccessError(error: unknown): boolean {
    const lds = (error ?? {}) as LdsError;
    if (lds.status === 403) {
        return true;
    }
    return errorEntries(error).some(
        (item) =>
            item.errorCode === 'INSUFFICIENT_ACCESS' ||
            /insufficient access|FieldUndefined|is undefined|not accessible/i.test(item.message ?? ''),
    );
}
