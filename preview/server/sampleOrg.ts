// Builds the preview's in-memory org: the sample export (users, opportunities, history, contact
// roles, activities, stages), the default milestone definitions, and Goal Coach records seeded
// deterministically per rep (a plan, learning goals from the analysis when it is available, steps,
// input goals, sessions, milestone confirmations), plus an optional heavy rep for load measurements.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { addDays, format } from 'date-fns';
import { analyze } from '../../sync/src/analyze';
import { AnalysisResult, skillSlugs, type RepResult, type SkillSlug, type Suggestion } from '../../sync/src/core/contract';
import { planLossProfiles, suggestedGoalFields, suggestionKey } from '../../sync/src/sinks/orgWritePlan';
import { Warnings } from '../../sync/src/core/problems';
import type { LossProfile } from '../../sync/src/report/lossProfile';
import { CsvExportSource } from '../../sync/src/sources/csvExport';
import { makeId, requireId18 } from '../../sync/src/core/salesforceId';
import { type DataType, type FieldInfo, Schema, field, makeObject, parseDataModelDoc, readObjectMetadata } from './schema';
import { type FieldValue, Org, type OrgRecord } from './org';
import { Random } from '../../sync/src/sample/random';
import { clockStartingAt, exportAsOfDay } from './clock';
import { seedContacts } from './sampleContacts';

export const repoRoot = path.resolve(__dirname, '..', '..');

export interface SampleOrgOptions {
    exportDir?: string;
    milestonesCsv?: string;
    /** A JSON analysis result (the contract of sync/src/core/contract.ts) to seed suggestions from; default: analyze the export. */
    analysisJson?: string;
    /** Adds a rep with 300 open opportunities, 50 learning goals and 40 sessions. */
    heavyRep?: boolean;
    /** The day the preview treats as today, YYYY-MM-DD (default: the export's as-of day; see clock.ts). */
    today?: string;
    /** The clock itself, for tests; wins over `today`. */
    now?: () => Date;
}

export interface SampleOrg {
    org: Org;
    /** What was loaded, skipped or missing, in plain words: printed by the server. */
    notes: string[];
    reps: Array<{ id: string; name: string; managerId: string | null; openOpportunities: number }>;
    heavyRepId: string | null;
}

const standardPrefixes: Record<string, string> = {
    User: '005',
    Account: '001',
    Contact: '003',
    Opportunity: '006',
    OpportunityHistory: '008',
    OpportunityContactRole: '00K',
    Task: '00T',
    Event: '00U',
    OpportunityStage: '01J',
};

/** Standard lookups of the exported objects and their relationship names. */
const standardReferences: Record<string, { to: string[]; relationshipName: string }> = {
    OwnerId: { to: ['User'], relationshipName: 'Owner' },
    ManagerId: { to: ['User'], relationshipName: 'Manager' },
    AccountId: { to: ['Account'], relationshipName: 'Account' },
    ContactId: { to: ['Contact'], relationshipName: 'Contact' },
    OpportunityId: { to: ['Opportunity'], relationshipName: 'Opportunity' },
    WhatId: { to: ['Opportunity', 'Account'], relationshipName: 'What' },
    WhoId: { to: ['Contact'], relationshipName: 'Who' },
};

const standardChildNames: Record<string, string> = {
    'Opportunity.OwnerId': 'Opportunities',
    'User.ManagerId': 'ManagedUsers',
    'OpportunityContactRole.OpportunityId': 'OpportunityContactRoles',
    'OpportunityHistory.OpportunityId': 'OpportunityHistories',
    'Task.WhatId': 'Tasks',
    'Event.WhatId': 'Events',
    'Opportunity.AccountId': 'Opportunities',
    'Contact.AccountId': 'Contacts',
};

type CsvRow = Record<string, string>;

/** The standard fields of an object whose export file is missing, so that queries still answer. */
const standardFallbackHeaders: Record<string, string[]> = {
    User: ['Id', 'Name', 'ManagerId', 'IsActive'],
    Account: ['Id', 'Name'],
    Contact: ['Id', 'Name', 'AccountId'],
    Opportunity: ['Id', 'Name', 'OwnerId', 'AccountId', 'StageName', 'Amount', 'Probability', 'CloseDate', 'IsClosed', 'IsWon', 'NextStep', 'Type', 'LeadSource', 'ForecastCategoryName', 'Description', 'LastActivityDate', 'LastStageChangeDate', 'CreatedDate'],
    OpportunityHistory: ['Id', 'OpportunityId', 'StageName', 'Amount', 'CloseDate', 'CreatedDate'],
    OpportunityContactRole: ['Id', 'OpportunityId', 'ContactId', 'Role', 'IsPrimary'],
    Task: ['Id', 'WhatId', 'WhoId', 'OwnerId', 'Subject', 'Type', 'TaskSubtype', 'Status', 'IsClosed', 'ActivityDate', 'CompletedDateTime'],
    Event: ['Id', 'WhatId', 'WhoId', 'OwnerId', 'Subject', 'Type', 'EventSubtype', 'ActivityDate', 'StartDateTime', 'EndDateTime'],
    OpportunityStage: ['Id', 'ApiName', 'MasterLabel', 'SortOrder', 'IsClosed', 'IsWon', 'IsActive', 'DefaultProbability'],
};

function readCsv(file: string): CsvRow[] {
    return parseCsv(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, bom: true }) as CsvRow[];
}

/** The type of an exported column, from its name and values. */
function inferType(name: string, values: string[]): DataType {
    const present = values.filter((v) => v !== '');
    if (name === 'Id') return 'Id';
    if (name === 'LastStageChangeDate') return 'DateTime';
    if (standardReferences[name] || /Id$/.test(name)) return 'Reference';
    if (present.length && present.every((v) => v === 'true' || v === 'false')) return 'Boolean';
    if (/^(Amount|ExpectedRevenue|.*Amount)$/.test(name)) return 'Currency';
    if (name === 'Probability' || name === 'DefaultProbability') return 'Percent';
    if (present.length && present.every((v) => /^-?\d+(\.\d+)?$/.test(v))) return 'Double';
    if (present.length && present.every((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))) return 'Date';
    if (present.length && present.every((v) => /^\d{4}-\d{2}-\d{2}T/.test(v))) return 'DateTime';
    if (['StageName', 'Type', 'LeadSource', 'ForecastCategoryName', 'Status', 'Priority', 'Role', 'TaskSubtype', 'EventSubtype'].includes(name)) return 'Picklist';
    // A column without values: its standard type by name.
    if (!present.length && /^(Is|Has)[A-Z]/.test(name)) return 'Boolean';
    if (!present.length && /DateTime$|^CompletedDateTime$/.test(name)) return 'DateTime';
    if (!present.length && /Date$/.test(name)) return 'Date';
    return 'String';
}

function convertCell(type: DataType, raw: string | undefined): FieldValue {
    if (raw === undefined || raw === '') return type === 'Boolean' ? false : null;
    switch (type) {
        case 'Boolean':
            return raw === 'true';
        case 'Currency':
        case 'Double':
        case 'Int':
        case 'Percent':
            return Number(raw);
        case 'DateTime':
            return new Date(raw).toISOString();
        case 'Id':
        case 'Reference':
            return /^[a-zA-Z0-9]{15}$/.test(raw) ? requireId18(raw) : raw;
        default:
            return raw;
    }
}

function standardObject(apiName: string, rows: CsvRow[], headers: string[]): { info: ReturnType<typeof makeObject>; types: Map<string, DataType> } {
    const types = new Map<string, DataType>();
    const fields: FieldInfo[] = [];
    for (const name of headers) {
        if (['Id', 'CreatedDate', 'LastModifiedDate', 'SystemModstamp', 'CreatedById', 'LastModifiedById', 'OwnerId'].includes(name)) {
            types.set(name, name.endsWith('Date') || name === 'SystemModstamp' ? 'DateTime' : name === 'Id' ? 'Id' : 'Reference');
            continue;
        }
        const type = inferType(name, rows.slice(0, 500).map((r) => r[name] ?? ''));
        types.set(name, type);
        const reference = standardReferences[name];
        fields.push(
            field(name, type, {
                ...(type === 'Reference' ? { referenceTo: reference?.to ?? [], ...(reference ? { relationshipName: reference.relationshipName } : {}) } : {}),
                ...(type === 'Picklist' ? { picklistValues: [...new Set(rows.map((r) => r[name] ?? '').filter(Boolean))].sort() } : {}),
            }),
        );
    }
    const owned = headers.includes('OwnerId');
    const info = makeObject(apiName, standardPrefixes[apiName] ?? '0ZZ', fields, { custom: false, owned });
    if (!info.fields.has('Name') && headers.includes('Name')) info.fields.set('Name', field('Name', 'String', { length: 120 }));
    return { info, types };
}

/** Goal Coach objects: force-app metadata when present, else the data model document. */
function customObjects(schema: Schema, notes: string[]): Record<string, string> {
    const doc = parseDataModelDoc(fs.readFileSync(path.join(repoRoot, 'docs', 'data-model.md'), 'utf8'));
    const objectsDir = path.join(repoRoot, 'force-app', 'main', 'default', 'objects');
    const childNames: Record<string, string> = {};
    let prefix = 1;
    for (const docObject of doc) {
        const keyPrefix = `a${String(prefix++).padStart(2, '0')}`;
        const meta = readObjectMetadata(objectsDir, docObject.apiName);
        if (!meta) notes.push(`${docObject.apiName}: no field metadata in force-app yet; using docs/data-model.md`);
        const fields = meta?.fields ?? docObject.fields;
        const hasOwner = meta ? meta.hasOwner : docObject.hasOwner;
        const sharingModel = meta?.sharingModel ?? (hasOwner ? 'ReadWrite' : 'ControlledByParent');
        const object = makeObject(docObject.apiName, keyPrefix, fields, { custom: true, owned: hasOwner, sharingModel, ...(meta?.label ? { label: meta.label } : {}) });
        const name = object.fields.get('Name')!;
        if (meta?.nameLabel) name.label = meta.nameLabel;
        if (meta?.autoNumberName) Object.assign(name, { autoNumber: meta.autoNumberName.displayFormat, updateable: false, required: false });
        schema.objects.set(object.apiName, object);
        Object.assign(childNames, meta?.childNames ?? {});
    }
    return childNames;
}

const day = (d: Date) => format(d, 'yyyy-MM-dd');

/**
 * Sample suggestions in the analysis contract's shape, for when there is no export to analyze: they
 * go through the same write-back function as real ones.
 */
function sampleSuggestion(skill: SkillSlug, confidence: number): Suggestion {
    const samples: Record<SkillSlug, { summary: string; signal: string; note: string }> = {
        'decision-process': {
            summary: 'Deals without a mapped economic buyer stall after Proposal.',
            signal: 'decisionStageLosses',
            note: 'Sample evidence: most losses came after Proposal/Price Quote without an Economic Buyer contact role.',
        },
        'priority-management': {
            summary: "Late-stage deals wait longer between activities than the team's.",
            signal: 'stalePipeline',
            note: "Sample evidence: the median gap between activities on late-stage deals is longer than the team's.",
        },
        'emotional-intelligence': {
            summary: "Deals slip in Negotiation more often than the team's.",
            signal: 'meetingWithoutAdvance',
            note: 'Sample evidence: close dates were pushed more often in Negotiation/Review than across the team.',
        },
    };
    const sample = samples[skill];
    return { skill, confidence, summary: sample.summary, evidence: [{ signal: sample.signal, rep: null, team: null, n: 0, note: sample.note }] };
}

/**
 * The learning-goal suggestions: the analysis engine run on the export (the same code as
 * `goal-coach analyze`), or a given analysis JSON; sample suggestions when neither is available.
 */
async function loadAnalysis(exportDir: string, file: string | undefined, notes: string[]): Promise<AnalysisResult | null> {
    if (file) {
        if (!fs.existsSync(file)) {
            notes.push(`no analysis result at ${path.relative(repoRoot, file)}: learning goals use sample suggestions`);
            return null;
        }
        const parsed = AnalysisResult.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
        if (!parsed.success) {
            notes.push(`${path.relative(repoRoot, file)} does not match the analysis contract (${parsed.error.issues[0]?.message}); learning goals use sample suggestions`);
            return null;
        }
        notes.push(`learning goals from the analysis in ${path.relative(repoRoot, file)} (as of ${parsed.data.asOf})`);
        return parsed.data;
    }
    if (!fs.existsSync(path.join(exportDir, 'Opportunity.csv'))) return null;
    try {
        const run = await analyze(new CsvExportSource(exportDir, { warnings: new Warnings() }));
        notes.push(`learning goals from the analysis of the export (as of ${run.result.asOf}, ${run.result.reps.reduce((n, r) => n + r.suggestions.length, 0)} suggestions)`);
        return run.result;
    } catch (error) {
        notes.push(`the analysis of the export failed (${error instanceof Error ? error.message : String(error)}): learning goals use sample suggestions`);
        return null;
    }
}

/** The preview's clock (see clock.ts) and the note that says which day it shows. */
function previewClock(options: SampleOrgOptions, opportunities: CsvRow[]): { now: () => Date; note: string | null } {
    if (options.now) return { now: options.now, note: null };
    if (options.today) return { now: clockStartingAt(options.today), note: `today is ${options.today} in the preview (--today)` };
    const asOf = exportAsOfDay(opportunities);
    if (!asOf) return { now: () => new Date(), note: 'no opportunities in the export: the preview runs on the real date' };
    return { now: clockStartingAt(asOf), note: `today is ${asOf} in the preview, the export's as-of day, so its deals fall in the panels' recent weeks` };
}

export async function buildSampleOrg(options: SampleOrgOptions = {}): Promise<SampleOrg> {
    const notes: string[] = [];
    const exportDir = options.exportDir ?? path.join(repoRoot, 'sync', 'sample-data', 'export');
    const milestonesCsv = options.milestonesCsv ?? path.join(repoRoot, 'data', 'milestones', 'Sales_Milestone__c.csv');
    const schema = new Schema();
    const childNames = customObjects(schema, notes);

    const exported = new Map<string, { rows: CsvRow[]; types: Map<string, DataType> }>();
    for (const apiName of ['User', 'Account', 'Contact', 'Opportunity', 'OpportunityHistory', 'OpportunityContactRole', 'Task', 'Event', 'OpportunityStage']) {
        const file = path.join(exportDir, `${apiName}.csv`);
        if (!fs.existsSync(file)) {
            if (['User', 'Opportunity'].includes(apiName)) notes.push(`${path.relative(repoRoot, file)} is missing: generate the sample export (see sync/) to see real deals`);
            // An empty object still answers queries.
            const { info, types } = standardObject(apiName, [], standardFallbackHeaders[apiName] ?? ['Id', 'Name']);
            schema.objects.set(apiName, info);
            exported.set(apiName, { rows: [], types });
            continue;
        }
        const rows = readCsv(file);
        // Standard fields the export left out still exist in an org: add them, empty.
        const headers = [...new Set([...(rows.length ? Object.keys(rows[0]!) : []), ...(standardFallbackHeaders[apiName] ?? [])])];
        const { info, types } = standardObject(apiName, rows, headers);
        schema.objects.set(apiName, info);
        exported.set(apiName, { rows, types });
    }
    const stages = exported.get('OpportunityStage')?.rows ?? [];
    const stageName = schema.object('Opportunity')?.fields.get('StageName');
    if (stageName && stages.length) {
        stageName.picklistValues = stages.map((s) => s.ApiName || s.MasterLabel || '').filter(Boolean);
        stageName.dataType = 'Picklist';
    }
    schema.linkRelationships({ ...standardChildNames, ...childNames });

    const clock = previewClock(options, exported.get('Opportunity')!.rows);
    const now = clock.now;
    if (clock.note) notes.push(clock.note);
    const users = exported.get('User')!.rows;
    const firstUser = users[0]?.Id ? requireId18(users[0].Id) : makeId('005', 1, 'PV');
    const org = new Org(schema, firstUser, now);
    for (const [apiName, { rows, types }] of exported) {
        for (const row of rows) {
            const values: Record<string, FieldValue> = {};
            for (const [name, raw] of Object.entries(row)) values[name] = convertCell(types.get(name) ?? 'String', raw);
            org.load(apiName, values);
        }
    }
    if (!users.length) {
        org.load('User', { Id: firstUser, Name: 'Preview Manager', IsActive: true });
    }
    deriveLastStageChange(org);
    const contacts = seedContacts(org);
    notes.push(`named ${contacts.contacts} contacts behind the contact roles and linked ${contacts.linkedActivities} activities to them`);
    notes.push(`loaded ${[...exported].map(([name, { rows }]) => `${rows.length} ${name}`).join(', ')}`);

    loadMilestones(org, milestonesCsv, notes);
    const analysis = await loadAnalysis(exportDir, options.analysisJson, notes);
    const reps = seedGoalCoach(org, analysis, now());
    const newHire = seedNewHire(org, reps, now());
    let heavyRepId: string | null = null;
    if (options.heavyRep) heavyRepId = seedHeavyRep(org, now());
    const repList = [...reps, newHire, ...(heavyRepId ? [org.get(heavyRepId)!] : [])].map((rep) => ({
        id: rep.Id,
        name: String(rep.Name),
        managerId: (rep.ManagerId as string | null) ?? null,
        openOpportunities: org.all('Opportunity').filter((o) => o.OwnerId === rep.Id && o.IsClosed !== true).length,
    }));
    return { org, notes, reps: repList, heavyRepId };
}

/** LastStageChangeDate is not in the export: the time of each deal's last stage change in its history. */
function deriveLastStageChange(org: Org): void {
    if (!org.schema.object('Opportunity')?.fields.has('LastStageChangeDate')) return;
    const history = org.all('OpportunityHistory').sort((a, b) => String(a.CreatedDate).localeCompare(String(b.CreatedDate)));
    const lastChange = new Map<string, { stage: FieldValue; at: FieldValue }>();
    for (const entry of history) {
        const id = String(entry.OpportunityId);
        const previous = lastChange.get(id);
        if (!previous || previous.stage !== entry.StageName) lastChange.set(id, { stage: entry.StageName ?? null, at: entry.CreatedDate ?? null });
    }
    for (const opportunity of org.all('Opportunity')) {
        if (opportunity.LastStageChangeDate === null) opportunity.LastStageChangeDate = lastChange.get(opportunity.Id)?.at ?? null;
    }
}

function loadMilestones(org: Org, file: string, notes: string[]): void {
    if (!fs.existsSync(file)) {
        notes.push(`${path.relative(repoRoot, file)} is missing: the milestone panel has no definitions`);
        return;
    }
    const object = org.objectInfo('Sales_Milestone__c');
    let skipped = 0;
    for (const row of readCsv(file)) {
        const values: Record<string, FieldValue> = {};
        for (const [name, raw] of Object.entries(row)) {
            const info = object.fields.get(name);
            if (!info) {
                skipped++;
                continue;
            }
            values[name] = convertCell(info.dataType, raw);
        }
        if (values.Active__c === null || row.Active__c === undefined) values.Active__c = true;
        org.load('Sales_Milestone__c', values);
    }
    notes.push(`loaded ${org.count('Sales_Milestone__c')} milestone definitions${skipped ? ` (${skipped} unknown column values ignored)` : ''}`);
}

/** Why ladders of the reps who found their why, in turn. */
const sampleWhys: string[][] = [
    ['Hit my number this year', 'Pay off the house early', 'More time with my kids'],
    ['Make President\'s Club', 'Prove I can lead a team', 'Become a sales manager in two years'],
    ['Double my commission', 'Start my own studio'],
    ['Land the three logos I lost last year', 'Be the rep my clients ask for by name'],
];

/** The discovery conversation that goes with each sample why, in the same order; the trigger event falls `triggerInDays` after today. */
const sampleConversations: { fields: Record<string, FieldValue>; triggerInDays: number }[] = [
    {
        fields: { Reality_Check__c: 'I would be home for dinner and at every game', Reality_Check_Read__c: 'Clearly important', Why_Cost__c: 60_000, Why_Pays_For__c: 'the last two years of the mortgage', Earnings_Target__c: 180_000, Commission_Rate__c: 10, Trigger_Event_Type__c: 'Financing terms', Plan_Start_Reason__c: 'New period' },
        triggerInDays: 150,
    },
    {
        fields: { Reality_Check__c: 'People would come to me for advice', Reality_Check_Read__c: 'Unsure', Comp_Plan_Ceiling__c: 220_000, Trigger_Event_Type__c: 'New manager', Plan_Start_Reason__c: 'New manager' },
        triggerInDays: -30,
    },
    {
        fields: { Reality_Check__c: 'I would not have to ask anyone for a day off', Reality_Check_Read__c: 'Clearly important', Why_Cost__c: 45_000, Why_Pays_For__c: 'the studio lease and equipment', Trigger_Event_Type__c: 'New baby', Plan_Start_Reason__c: 'Reset' },
        triggerInDays: 120,
    },
    {
        fields: { Reality_Check__c: 'Fine, I guess', Reality_Check_Read__c: 'Not yet', Trigger_Event_Type__c: 'Probation', Plan_Start_Reason__c: 'New period' },
        triggerInDays: -10,
    },
];

function conversationFields(conversation: (typeof sampleConversations)[number], today: Date): Record<string, FieldValue> {
    return { ...conversation.fields, Trigger_Event_Date__c: day(addDays(today, conversation.triggerInDays)) };
}

/** Learning goals a manager added by hand, one per skill; reps get them in turn. */
const manualGoals: { name: string; skill: string; summary: string }[] = [
    { name: 'Ask "what happens if you do nothing?" in every discovery call', skill: 'Emotional Intelligence', summary: "Build urgency from the buyer's own words." },
    { name: 'Confirm who signs before sending any proposal', skill: 'Decision Process', summary: 'No proposal goes out until the economic buyer is named.' },
    { name: 'Block Friday mornings for the five biggest deals', skill: 'Priority Management', summary: 'The largest deals get time first, every week.' },
];

interface SessionTalk {
    agenda: string;
    notes: string;
    commitment: string;
    feedback: string | null;
}

/**
 * What a rep practises for each skill: the steps (the first one done) and what their sessions talk
 * about. A rep's steps and sessions follow the skill of the goal they serve, so reps differ.
 */
const practiceBySkill: Record<string, { steps: [string, string][]; sessions: SessionTalk[] }> = {
    'Decision Process': {
        steps: [
            ['Book three discovery calls with decision makers', 'Book three discovery calls with new decision makers this week'],
            ['Map the buying committee', 'List the economic buyer and the champion on my two largest deals'],
            ['Review lost deals', 'Read the notes of my last three lost deals and write down one pattern'],
            ['Ask who else signs off', 'Ask "who else needs to agree?" on every deal in Proposal'],
        ],
        sessions: [
            { agenda: 'Who signs on the two largest deals; one proposal to hold back', notes: 'Talked through the stalled renewal; no economic buyer yet.', commitment: 'Ask for the economic buyer in the next call', feedback: 'Good progress: the champion is now named on both deals.' },
            { agenda: 'The buying committee on the Proposal deals', notes: 'Mapped the committee on the largest deal together.', commitment: 'Send the mutual action plan before the proposal', feedback: null },
        ],
    },
    'Priority Management': {
        steps: [
            ['Clear the overdue tasks', 'Close or reschedule every overdue task on my open deals'],
            ['Re-date the slipped deals', 'Give every deal past its close date an honest date or close it'],
            ['Block time for the big deals', 'Put two hours in the calendar for my three largest deals'],
            ['Friday pipeline review', 'Go through every deal untouched for two weeks and plan one action'],
        ],
        sessions: [
            { agenda: 'Deals past their close date; where last week went', notes: 'Half the week went to two small renewals; the largest deal had no call.', commitment: 'Call the largest deal first thing Monday', feedback: 'The calendar now shows the big deals first.' },
            { agenda: 'The pipeline untouched for two weeks', notes: 'Closed out four dead deals; two re-dated with the buyer.', commitment: 'Keep Friday morning for the pipeline review', feedback: null },
        ],
    },
    'Emotional Intelligence': {
        steps: [
            ['Summarise before pitching', 'Start every meeting this week by playing back what the buyer said last time'],
            ['Send the follow-up within a day', 'Send a recap with the agreed next step within 24 hours of each meeting'],
            ['Ask about the cost of doing nothing', 'Ask "what happens if you do nothing?" in three discovery calls'],
            ['Agree the next step in the room', 'End every meeting with a dated next step the buyer owns'],
        ],
        sessions: [
            { agenda: 'The meeting that went quiet; what the buyer was worried about', notes: 'Role-played the pricing objection; the rep talked over the buyer twice.', commitment: 'Let the buyer finish, then summarise before answering', feedback: 'Listened well on the Initech call: the buyer named the real concern.' },
            { agenda: 'Next steps the buyer owns', notes: 'Three of five meetings ended without a next step.', commitment: 'Agree a dated next step before leaving every meeting', feedback: null },
        ],
    },
};

/** Weeks ago of each rep's sessions, by rep in turn: coached every two weeks, lapsed, weekly, never, long ago. */
const sessionWeeksAgo: number[][] = [[4, 2], [9, 7], [3, 2, 1], [], [8], [6, 4]];
/** Days each rep's two open steps are pushed back: on time, one late, both late. */
const stepLateness: number[][] = [[0, 7], [0, 0], [12, 7], [0, 0], [9, 0]];

/** What every rep's seeding shares: the org, the analysis and the plan period. */
interface Seeding {
    org: Org;
    analysis: AnalysisResult | null;
    today: Date;
    random: () => number;
    opportunities: OrgRecord[];
    periodStart: string;
    periodEnd: string;
    lossProfiles: Map<string, LossProfile>;
}

/** The rep's plan for the year: a target above last year's wins, and for every other rep a why ladder and a discovery conversation. */
function seedPlan(seeding: Seeding, rep: OrgRecord, index: number, result: RepResult | undefined): OrgRecord {
    const { org, analysis, today, periodStart } = seeding;
    const year = today.getFullYear();
    const wonLastYear = seeding.opportunities.filter((o) => o.OwnerId === rep.Id && o.IsWon === true).reduce((sum, o) => sum + (Number(o.Amount) || 0), 0);
    const target = Math.max(250_000, Math.round((wonLastYear * 1.2) / 50_000) * 50_000);
    const withWhy = index % 2 === 0;
    const whyIndex = (index / 2) % sampleWhys.length | 0;
    const why = sampleWhys[whyIndex]!;
    // The loss profile and the suggested goals are what the sync's write-back writes (orgWritePlan).
    const lossProfileText = result ? JSON.stringify(seeding.lossProfiles.get(result.id)) : null;
    return org.load('Goal_Plan__c', {
        Name: `${rep.Name} — FY${year}`.slice(0, 80),
        Rep__c: rep.Id,
        OwnerId: rep.Id,
        Period_Start__c: periodStart,
        Period_End__c: seeding.periodEnd,
        Outcome_Target__c: target,
        Selling_Weeks__c: 50,
        Plan_Key__c: `${rep.Id}:${periodStart}`,
        Why_Ladder__c: withWhy ? why.join('\n') : null,
        Why_Goal__c: withWhy ? why[why.length - 1]! : null,
        Discovery_Six_Months__c: withWhy ? 'Two new logos in my territory and a pipeline I trust' : null,
        ...(withWhy ? conversationFields(sampleConversations[whyIndex]!, today) : {}),
        Loss_Profile__c: lossProfileText,
        Last_Analyzed__c: result ? `${analysis!.asOf}T06:00:00.000Z` : null,
    });
}

/** The learning goals the sync suggested (or, without an analysis, one sample suggestion) and, for two reps in three, one the manager added. */
function seedLearningGoals(seeding: Seeding, plan: OrgRecord, rep: OrgRecord, index: number, result: RepResult | undefined): OrgRecord[] {
    const { org, analysis, today, periodStart } = seeding;
    const goals: OrgRecord[] = [];
    const suggestions = result?.suggestions ?? (analysis ? [] : [sampleSuggestion(skillSlugs[index % 3]!, 0.6 + (index % 3) / 10)]);
    for (const suggestion of suggestions) {
        goals.push(
            org.load('Learning_Goal__c', {
                Goal_Plan__c: plan.Id,
                Suggestion_Key__c: suggestionKey(rep.Id, suggestion.skill, periodStart),
                ...(suggestedGoalFields(suggestion) as Record<string, FieldValue>),
            }),
        );
    }
    if (index % 3 !== 2) {
        const manual = manualGoals[(index >> 1) % manualGoals.length]!;
        goals.push(
            org.load('Learning_Goal__c', {
                Goal_Plan__c: plan.Id,
                Name: manual.name,
                Skill__c: manual.skill,
                Status__c: 'Accepted',
                Source__c: 'Manager',
                Summary__c: manual.summary,
                Confidence__c: null,
                Target_Date__c: day(addDays(today, 45)),
            }),
        );
    }
    return goals;
}

/** Three tiny steps toward the focus goal, the first done; due dates vary by rep, so some have none overdue and some several. */
function seedSteps(seeding: Seeding, plan: OrgRecord, focus: OrgRecord | undefined, index: number): void {
    const lateness = stepLateness[index % stepLateness.length]!;
    const practice = practiceOf(focus);
    const step = (i: number) => practice.steps[(index + i) % practice.steps.length]!;
    const steps: Array<[string, string, number, boolean]> = [
        [...step(0), -10, true],
        [...step(1), 5 - lateness[0]!, false],
        [...step(2), 4 - lateness[1]!, false],
    ];
    for (const [name, description, offset, done] of steps) {
        seeding.org.load('Goal_Step__c', {
            Goal_Plan__c: plan.Id,
            Name: name,
            Description__c: description,
            Due_Date__c: day(addDays(seeding.today, offset)),
            Done__c: done,
            Completed_On__c: done ? day(addDays(seeding.today, offset - 1)) : null,
            Learning_Goal__c: focus?.Id ?? null,
        });
    }
}

const practiceOf = (focus: OrgRecord | undefined) => practiceBySkill[String(focus?.Skill__c)] ?? practiceBySkill['Decision Process']!;

/** Reps differ in how recently they were coached: some weekly, some weeks overdue, one never. */
function seedSessions(seeding: Seeding, plan: OrgRecord, focus: OrgRecord | undefined, index: number): void {
    const practice = practiceOf(focus);
    sessionWeeksAgo[index % sessionWeeksAgo.length]!.forEach((weeksAgo, i) => {
        const talk = practice.sessions[(index + i) % practice.sessions.length]!;
        seeding.org.load('Coaching_Session__c', {
            Goal_Plan__c: plan.Id,
            Session_Date__c: day(addDays(seeding.today, -7 * weeksAgo)),
            Focus_Learning_Goal__c: focus?.Id ?? null,
            Agenda__c: talk.agenda,
            Notes__c: talk.notes,
            Rep_Commitment__c: talk.commitment,
            Manager_Feedback__c: talk.feedback,
            Next_Session_Date__c: day(addDays(seeding.today, -7 * weeksAgo + 14)),
        });
    });
}

/** The first manual milestone confirmed on some of the rep's open deals. */
function confirmMilestones(seeding: Seeding, rep: OrgRecord, manual: readonly OrgRecord[]): void {
    seeding.opportunities
        .filter((o) => o.OwnerId === rep.Id && o.IsClosed !== true)
        .slice(0, 3)
        .forEach((opportunity, i) => {
            const milestone = manual.find((m) => m.Stage__c === opportunity.StageName) ?? (i === 0 ? manual[0] : undefined);
            if (!milestone) return;
            seeding.org.load('Milestone_Completion__c', {
                Opportunity__c: opportunity.Id,
                Sales_Milestone__c: milestone.Id,
                Confirmed_By__c: rep.Id,
                Confirmed_On__c: addDays(seeding.today, -3).toISOString(),
                Completion_Key__c: `${opportunity.Id}:${milestone.Id}`,
            });
        });
}

function seedGoalCoach(org: Org, analysis: AnalysisResult | null, today: Date): OrgRecord[] {
    const seeded = new Random(20260101);
    const opportunities = org.all('Opportunity');
    const owners = new Set(opportunities.map((o) => o.OwnerId));
    const reps = org.all('User').filter((u) => owners.has(u.Id)).sort((a, b) => String(a.Name).localeCompare(String(b.Name)));
    const year = today.getFullYear();
    const seeding: Seeding = {
        org,
        analysis,
        today,
        random: () => seeded.next(),
        opportunities,
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        lossProfiles: analysis ? planLossProfiles(analysis) : new Map<string, LossProfile>(),
    };
    const analysisByRep = new Map((analysis?.reps ?? []).map((r) => [requireId18(r.id), r]));
    const manualMilestones = org.all('Sales_Milestone__c').filter((m) => m.Evidence_Type__c === 'Manual');

    reps.forEach((rep, index) => {
        const result = analysisByRep.get(rep.Id);
        const plan = seedPlan(seeding, rep, index, result);
        const goals = seedLearningGoals(seeding, plan, rep, index, result);
        const focus = goals.find((g) => g.Status__c === 'Accepted') ?? goals[0];
        seedSteps(seeding, plan, focus, index);
        org.load('Input_Goal__c', { Goal_Plan__c: plan.Id, Metric__c: 'Meetings Held', Target__c: 120 + Math.round(seeding.random() * 4) * 10 });
        org.load('Input_Goal__c', { Goal_Plan__c: plan.Id, Metric__c: 'Decision Makers Mapped', Target__c: 40 });
        seedSessions(seeding, plan, focus, index);
        confirmMilestones(seeding, rep, manualMilestones);
    });
    return reps;
}

/**
 * A rep hired three weeks ago into the first rep's team: a plan begun at hire (no why yet, no learning
 * goals: far fewer than 15 closed deals), one small win, two open deals and two first tiny steps.
 */
function seedNewHire(org: Org, reps: OrgRecord[], today: Date): OrgRecord {
    const hiredOn = addDays(today, -21);
    const rep = org.load('User', { Id: makeId('005', 1, 'NH'), Name: 'Noa Fischer', ManagerId: (reps[0]?.ManagerId as string | null) ?? null, IsActive: true });
    const opportunityFields = org.schema.object('Opportunity')!.fields;
    const deals: Array<[string, string, number, number, boolean, boolean]> = [
        ['First deal: starter licences', 'Closed Won', 6_000, -4, true, true],
        ['Pilot for the regional office', 'Qualification', 18_000, 30, false, false],
        ['Renewal handed over at hire', 'Proposal/Price Quote', 12_000, 20, false, false],
    ];
    for (const [name, stage, amount, closeInDays, isClosed, isWon] of deals) {
        const values: Record<string, FieldValue> = { Name: name, OwnerId: rep.Id, StageName: stage, Amount: amount, CloseDate: day(addDays(today, closeInDays)), IsClosed: isClosed, IsWon: isWon };
        for (const key of Object.keys(values)) if (!opportunityFields.has(key)) delete values[key];
        org.load('Opportunity', values);
    }
    const year = today.getFullYear();
    const plan = org.load('Goal_Plan__c', {
        Name: `${rep.Name} — FY${year}`,
        Rep__c: rep.Id,
        OwnerId: rep.Id,
        Period_Start__c: `${year}-01-01`,
        Period_End__c: `${year}-12-31`,
        Outcome_Target__c: 400_000,
        Selling_Weeks__c: 50,
        Plan_Key__c: `${rep.Id}:${year}-01-01`,
        Plan_Start_Reason__c: 'New hire',
        Comp_Plan_Ceiling__c: 120_000,
    });
    const steps: Array<[string, number]> = [
        ['Shadow three discovery calls', 4],
        ['Book ten first meetings from the handed-over accounts', 9],
    ];
    for (const [name, dueInDays] of steps) {
        org.load('Goal_Step__c', { Goal_Plan__c: plan.Id, Name: name, Due_Date__c: day(addDays(today, dueInDays)), Done__c: false });
    }
    org.load('Coaching_Session__c', {
        Goal_Plan__c: plan.Id,
        Session_Date__c: day(hiredOn),
        Agenda__c: 'Welcome; how the team sells; the first accounts',
        Next_Session_Date__c: day(addDays(hiredOn, 14)),
    });
    return rep;
}

/** A rep with 300 open opportunities, 50 learning goals and 40 sessions, to measure render time. */
function seedHeavyRep(org: Org, today: Date): string {
    const users = org.all('User');
    const manager = users.find((u) => u.ManagerId === null && users.some((other) => other.ManagerId === u.Id)) ?? users[0];
    const rep = org.load('User', { Id: makeId('005', 1, 'HV'), Name: 'Harper Heavy (load test)', ManagerId: manager?.Id ?? null, IsActive: true });
    const stageValues = (org.schema.object('Opportunity')?.fields.get('StageName')?.picklistValues ?? []).filter((s) => !/closed/i.test(s));
    const openStages = stageValues.length ? stageValues : ['Prospecting', 'Qualification', 'Proposal/Price Quote', 'Negotiation/Review'];
    const opportunityFields = org.schema.object('Opportunity')!.fields;
    for (let i = 0; i < 300; i++) {
        const values: Record<string, FieldValue> = {
            Name: `Load test deal ${String(i + 1).padStart(3, '0')}`,
            OwnerId: rep.Id,
            StageName: openStages[i % openStages.length]!,
            Amount: 10_000 + (i % 20) * 5_000,
            CloseDate: day(addDays(today, 5 + (i % 90))),
            IsClosed: false,
            IsWon: false,
        };
        for (const key of Object.keys(values)) if (!opportunityFields.has(key)) delete values[key];
        org.load('Opportunity', values);
    }
    const year = today.getFullYear();
    const plan = org.load('Goal_Plan__c', {
        Name: `${rep.Name} — FY${year}`,
        Rep__c: rep.Id,
        OwnerId: rep.Id,
        Period_Start__c: `${year}-01-01`,
        Period_End__c: `${year}-12-31`,
        Outcome_Target__c: 2_000_000,
        Selling_Weeks__c: 50,
        Plan_Key__c: `${rep.Id}:${year}-01-01`,
        Why_Ladder__c: 'Make President\'s Club\nTake my family to Japan',
        Why_Goal__c: 'Take my family to Japan',
    });
    const skills = ['Decision Process', 'Priority Management', 'Emotional Intelligence'];
    const statuses = ['Suggested', 'Accepted', 'In Progress', 'Achieved', 'Dismissed'];
    const goals: OrgRecord[] = [];
    for (let i = 0; i < 50; i++) {
        goals.push(
            org.load('Learning_Goal__c', {
                Goal_Plan__c: plan.Id,
                Name: `Load test learning goal ${i + 1}`,
                Skill__c: skills[i % 3]!,
                Status__c: statuses[i % 5]!,
                Source__c: i % 2 ? 'Manager' : 'Analysis',
                Summary__c: 'A generated goal for the load measurement.',
                Confidence__c: 40 + (i % 50),
            }),
        );
    }
    for (let i = 0; i < 40; i++) {
        org.load('Coaching_Session__c', {
            Goal_Plan__c: plan.Id,
            Session_Date__c: day(addDays(today, -7 * (40 - i))),
            Focus_Learning_Goal__c: goals[i % goals.length]!.Id,
            Agenda__c: `Weekly one-on-one ${i + 1}`,
            Notes__c: 'Generated session for the load measurement.',
            Next_Session_Date__c: day(addDays(today, -7 * (39 - i))),
        });
    }
    for (let i = 0; i < 10; i++) {
        org.load('Goal_Step__c', { Goal_Plan__c: plan.Id, Name: `Load test step ${i + 1}`, Due_Date__c: day(addDays(today, i - 5)), Done__c: i % 3 === 0 });
    }
    return rep.Id;
}
