// The sample org data set under data/: its file layout, zod schemas and loader. Dates are stored
// as day offsets from the load date so that the data stays realistic whenever it is loaded.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';

/** The default Opportunity stages of a new org, in sales-process order. */
export const OPEN_STAGES = [
    'Prospecting',
    'Qualification',
    'Needs Analysis',
    'Value Proposition',
    'Id. Decision Makers',
    'Perception Analysis',
    'Proposal/Price Quote',
    'Negotiation/Review',
] as const;
export const CLOSED_STAGES = ['Closed Won', 'Closed Lost'] as const;
export const ALL_STAGES = [...OPEN_STAGES, ...CLOSED_STAGES] as const;
export type StageName = (typeof ALL_STAGES)[number];

export const PERMISSION_SETS = ['Goal_Coach_Rep', 'Goal_Coach_Manager', 'Goal_Coach_Admin', 'Goal_Coach_Integration', 'Goal_Coach_Sample_Data'] as const;

const key = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lower-case key such as "ana-lopez" or "acme-logistics"');
const integerText = z
    .string()
    .regex(/^-?\d+$/, 'a whole number')
    .transform((value) => Number(value));
const stageName = z.enum(ALL_STAGES);

export const teamMemberSchema = z.object({
    key,
    definitionFile: z.string().min(1),
    role: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a role DeveloperName'),
    persona: z.enum(['manager', 'rep']),
    managerKey: key.optional(),
    permissionSets: z.array(z.enum(PERMISSION_SETS)).min(1),
});
export const teamSchema = z.object({
    admin: z.object({
        role: z.string().min(1),
        permissionSets: z.array(z.enum(PERMISSION_SETS)).min(1),
    }),
    members: z.array(teamMemberSchema).min(1),
});
export type Team = z.infer<typeof teamSchema>;
export type TeamMember = z.infer<typeof teamMemberSchema>;

/** A user definition file for `sf org create user`, without the per-org Username, role and manager. */
export const userDefinitionSchema = z
    .object({
        FirstName: z.string().min(1),
        LastName: z.string().min(1),
        Alias: z.string().min(1).max(8),
        Email: z.email(),
        Title: z.string().min(1),
        profileName: z.string().min(1),
    })
    .loose();
export type UserDefinition = z.infer<typeof userDefinitionSchema>;

export const accountSchema = z.object({
    Sample_Key__c: key,
    Name: z.string().min(1),
    Industry: z.string().min(1),
    Type: z.string().min(1),
    BillingCity: z.string().min(1),
    BillingState: z.string(),
    BillingCountry: z.string().min(1),
    NumberOfEmployees: integerText,
    Website: z.string().min(1),
});
export const contactSchema = z.object({
    Sample_Key__c: key,
    'Account.Sample_Key__c': key,
    FirstName: z.string().min(1),
    LastName: z.string().min(1),
    Title: z.string().min(1),
    Email: z.email(),
    Phone: z.string().min(1),
});
export const opportunitySchema = z.object({
    Sample_Key__c: key,
    Name: z.string().min(1),
    AccountKey: key,
    OwnerKey: key,
    Amount: integerText.pipe(z.number().min(5000).max(2000000)),
    CloseInDays: integerText,
    Type: z.string().min(1),
    LeadSource: z.string().min(1),
    NextStep: z.string(),
    /** The stages the deal moves through, in order, separated by "|"; the last one is where it is now. */
    StagePath: z
        .string()
        .transform((value) => value.split('|'))
        .pipe(z.array(stageName).min(1)),
});
export const contactRoleSchema = z.object({
    OpportunityKey: key,
    ContactKey: key,
    Role: z.string().min(1),
    IsPrimary: z.enum(['true', 'false']),
});
export const taskSchema = z.object({
    OpportunityKey: key,
    ContactKey: key,
    Subject: z.string().min(1),
    Type: z.string().min(1),
    TaskSubtype: z.enum(['Task', 'Call', 'Email']),
    Status: z.enum(['Not Started', 'In Progress', 'Completed']),
    Priority: z.enum(['High', 'Normal', 'Low']),
    ActivityInDays: integerText,
});
export const eventSchema = z.object({
    OpportunityKey: key,
    ContactKey: key,
    Subject: z.string().min(1),
    Type: z.string().min(1),
    StartInDays: integerText,
    StartTimeUtc: z.string().regex(/^\d{2}:\d{2}$/, 'a time such as 15:00'),
    DurationInMinutes: integerText.pipe(z.number().min(15).max(480)),
});

export type AccountRow = z.infer<typeof accountSchema>;
export type ContactRow = z.infer<typeof contactSchema>;
export type OpportunityRow = z.infer<typeof opportunitySchema>;
export type ContactRoleRow = z.infer<typeof contactRoleSchema>;
export type TaskRow = z.infer<typeof taskSchema>;
export type EventRow = z.infer<typeof eventSchema>;

/** Where each file of the data set lives, relative to the data directory. */
export const DATA_FILES = {
    team: 'team.json',
    accounts: 'Account.csv',
    contacts: 'Contact.csv',
    opportunities: 'Opportunity.csv',
    contactRoles: 'OpportunityContactRole.csv',
    tasks: 'Task.csv',
    events: 'Event.csv',
    milestones: 'milestones/Sales_Milestone__c.csv',
} as const;

export interface SampleData {
    team: Team;
    userDefinitions: Map<string, UserDefinition>;
    accounts: AccountRow[];
    contacts: ContactRow[];
    opportunities: OpportunityRow[];
    contactRoles: ContactRoleRow[];
    tasks: TaskRow[];
    events: EventRow[];
}

/** Bad sample data: the message names the file, the row and what to fix. */
export class SampleDataError extends Error {
    override name = 'SampleDataError';
}

function describeIssues(error: z.ZodError): string {
    return error.issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`).join('; ');
}

export function readCsv<T>(file: string, schema: z.ZodType<T>): T[] {
    if (!existsSync(file)) {
        throw new SampleDataError(`${file} is missing. Regenerate the sample data with "npx tsx scripts/org/generateSampleData.ts".`);
    }
    let records: Record<string, string>[];
    try {
        records = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true });
    } catch (error) {
        throw new SampleDataError(`${file} is not valid CSV: ${(error as Error).message}`);
    }
    return records.map((record, index) => {
        const parsed = schema.safeParse(record);
        if (!parsed.success) {
            // +2: the header is line 1 and rows are 1-based.
            throw new SampleDataError(`${file} line ${index + 2}: ${describeIssues(parsed.error)}`);
        }
        return parsed.data;
    });
}

function readJson<T>(file: string, schema: z.ZodType<T>): T {
    if (!existsSync(file)) {
        throw new SampleDataError(`${file} is missing. Regenerate the sample data with "npx tsx scripts/org/generateSampleData.ts".`);
    }
    let value: unknown;
    try {
        value = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
        throw new SampleDataError(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
        throw new SampleDataError(`${file}: ${describeIssues(parsed.error)}`);
    }
    return parsed.data;
}

function requireKnown(file: string, what: string, keys: Iterable<string>, known: Set<string>): void {
    for (const k of keys) {
        if (!known.has(k)) {
            throw new SampleDataError(`${file}: unknown ${what} "${k}". Every ${what} must exist in the data set.`);
        }
    }
}

/** Reads and cross-checks the whole sample data set. */
export function loadSampleData(dataDir: string): SampleData {
    const file = (name: keyof typeof DATA_FILES) => path.join(dataDir, DATA_FILES[name]);
    const team = readJson(file('team'), teamSchema);
    const userDefinitions = new Map<string, UserDefinition>();
    for (const member of team.members) {
        userDefinitions.set(member.key, readJson(path.join(dataDir, member.definitionFile), userDefinitionSchema));
    }
    const memberKeys = new Set(team.members.map((m) => m.key));
    requireKnown(file('team'), 'manager', team.members.flatMap((m) => (m.managerKey ? [m.managerKey] : [])), memberKeys);

    const accounts = readCsv(file('accounts'), accountSchema);
    const contacts = readCsv(file('contacts'), contactSchema);
    const opportunities = readCsv(file('opportunities'), opportunitySchema);
    const contactRoles = readCsv(file('contactRoles'), contactRoleSchema);
    const tasks = readCsv(file('tasks'), taskSchema);
    const events = readCsv(file('events'), eventSchema);

    const accountKeys = new Set(accounts.map((a) => a.Sample_Key__c));
    const contactKeys = new Set(contacts.map((c) => c.Sample_Key__c));
    const opportunityKeys = new Set(opportunities.map((o) => o.Sample_Key__c));
    const repKeys = new Set(team.members.filter((m) => m.persona === 'rep').map((m) => m.key));
    requireKnown(file('contacts'), 'account', contacts.map((c) => c['Account.Sample_Key__c']), accountKeys);
    requireKnown(file('opportunities'), 'account', opportunities.map((o) => o.AccountKey), accountKeys);
    requireKnown(file('opportunities'), 'rep', opportunities.map((o) => o.OwnerKey), repKeys);
    for (const [name, rows] of [
        ['contactRoles', contactRoles],
        ['tasks', tasks],
        ['events', events],
    ] as const) {
        requireKnown(file(name), 'opportunity', rows.map((r) => r.OpportunityKey), opportunityKeys);
        requireKnown(file(name), 'contact', rows.map((r) => r.ContactKey), contactKeys);
    }
    for (const opportunity of opportunities) {
        const closed = opportunity.StagePath.filter((s) => (CLOSED_STAGES as readonly string[]).includes(s));
        if (closed.length > 1 || (closed.length === 1 && opportunity.StagePath.at(-1) !== closed[0])) {
            throw new SampleDataError(`${file('opportunities')}: ${opportunity.Sample_Key__c} has a closed stage before its last stage.`);
        }
    }
    return { team, userDefinitions, accounts, contacts, opportunities, contactRoles, tasks, events };
}

/** CSV text for Bulk API 2.0: a header row, LF line endings, quoting only where needed. */
export function toCsv(rows: Record<string, string | number | boolean>[], columns: string[]): string {
    return stringify(rows, { header: true, columns, record_delimiter: 'unix' });
}
