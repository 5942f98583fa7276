// Streams every object of a RecordSource into the compact state the signals read: users, the stage
// table, per-opportunity state and per-rep task counts. Raw rows are never held.
import { subMonths } from 'date-fns';
import { dateToDay, formatDay, noDay, parseDay } from '../core/days';
import { InputError, Warnings } from '../core/problems';
import { normalizeId } from '../core/salesforceId';
import type { RecordSource, RowLocation } from '../core/source';
import type { AnalyzeOptions } from '../options';
import { ActivityDeals } from './activityDeals';
import { OpportunityStore, Status, noRank, wonRank } from './opportunityStore';
import { ownString } from './fields';
import { IdSet } from './idSet';
import { IdsByRow } from './idKeys';
import { warningKinds, warningText } from './inputMessages';
import { LatestDays } from './latestDays';
import { readRows } from './readRows';
import { StageEvidence, StageTable, stageTableFromDefinitions, type StageDefinition } from './stages';

export interface UserInfo {
    name: string;
    managerId: string | null;
}

export interface RepTasks {
    /** Open tasks with a due date on or before the as-of day plus the follow-up days. */
    open: number;
    overdue: number;
}

export interface Dataset {
    asOfDay: number;
    fromDay: number;
    stages: StageTable;
    users: Map<string, UserInfo>;
    /** Owner ids of opportunities, by rep index (the index stored in OpportunityStore.owner). */
    repIds: string[];
    opportunities: OpportunityStore;
    tasksByRep: Map<string, RepTasks>;
    warnings: Warnings;
}

/** True (and a counted warning) when the row's Id was seen before in this file; rows without an Id pass. */
function isDuplicate(seen: IdSet, id: string | null | undefined, at: RowLocation, warnings: Warnings): boolean {
    if (!id || seen.add(id)) return false;
    warnings.add(warningKinds.duplicateId, at.origin, at.line, warningText.duplicateId(id));
    return true;
}

/**
 * The key prefix of Opportunity ids: a Task or Event may also point at an account, a case and so on.
 * Salesforce Help, "Look up the entity type from a record ID key prefix" (article 000385203): "The
 * entity type of every Salesforce record ID is encoded in its first three characters, known as the
 * key prefix." Its table lists Opportunity as 006.
 */
const opportunityKeyPrefix = '006';

/** A row of an opportunity that is not among the usable ones (skipped, or not exported): counted, not silently dropped. */
function orphanRow(field: string, id: string, at: RowLocation, warnings: Warnings): void {
    if (id.startsWith(opportunityKeyPrefix)) warnings.add(warningKinds.orphanActivity, at.origin, at.line, warningText.orphanActivity(field, id));
}

interface ActivityLinks {
    WhatId?: string | null;
    AccountId?: string | null;
}

/** What an activity is related to: its WhatId, or for one that names only a contact, that contact's account. */
const relatedId = (links: ActivityLinks) => links.WhatId || links.AccountId;

/**
 * The deal index of an activity, or undefined; an unknown opportunity and an ambiguous account are
 * counted. Without a WhatId, Task and Event AccountId is the contact's account: "If the value of the
 * WhatId field is any other object, and the value of the WhoId field is a contact object, then
 * Salesforce uses that contact's AccountId" (Object Reference, Task and Event, AccountId).
 */
function dealOfActivity(deals: ActivityDeals, links: ActivityLinks, ownerId: string, day: number, at: RowLocation, warnings: Warnings): number | undefined {
    const deal = deals.dealOf(relatedId(links), ownerId, day);
    if (deal >= 0) return deal;
    if (deals.ambiguousDeals > 1) warnings.add(warningKinds.ambiguousActivity, at.origin, at.line, warningText.ambiguousActivity(deals.ambiguousDeals, links.WhatId ? 'WhatId' : 'AccountId'));
    else if (links.WhatId) orphanRow('WhatId', links.WhatId, at, warnings);
    return undefined;
}

/** The --as-of day, or the export's latest day that is not an outlier (never after today); outliers and an --as-of outside the data are counted. */
function asOfDayOf(options: AnalyzeOptions, latestDays: LatestDays, earliestCreated: number, origin: string, warnings: Warnings): number {
    const latest = latestDays.result();
    for (const row of latest?.outliers ?? []) {
        warnings.add(warningKinds.farDate, origin, row.line, warningText.farDate(row.field, row.day, latest!.latest));
    }
    if (!options.asOf) return Math.min(latest?.latest ?? noDay, dateToDay(new Date()));
    const parsed = parseDay(options.asOf);
    if (!parsed.ok) throw new InputError('--as-of', null, `"${options.asOf}" is not a valid date`, 'Give the date as YYYY-MM-DD');
    if (latest && parsed.day > latest.latest) warnings.add(warningKinds.asOfOutsideData, '--as-of', null, warningText.asOfAfterData(options.asOf, latest.latest));
    else if (parsed.day < earliestCreated) warnings.add(warningKinds.asOfOutsideData, '--as-of', null, warningText.asOfBeforeData(options.asOf, earliestCreated));
    return parsed.day;
}

/** Owners of opportunities missing from User.csv are shown by id: counted once per owner, on their first opportunity's line. */
function checkOwners(users: Map<string, UserInfo>, repIds: string[], firstLine: number[], deals: number[], origin: string, warnings: Warnings): void {
    for (let rep = 0; rep < repIds.length; rep++) {
        if (!users.has(repIds[rep]!)) warnings.add(warningKinds.ownerNotAUser, origin, firstLine[rep]!, warningText.ownerNotAUser(repIds[rep]!, deals[rep]!));
    }
}

/** Every --rep must own opportunities in the export, or the report would silently leave them out. */
function checkRequestedReps(options: AnalyzeOptions, repIndex: Map<string, number>, users: Map<string, UserInfo>): void {
    for (const id of options.repIds ?? []) {
        const canonical = normalizeId(id);
        if (repIndex.has(canonical)) continue;
        const user = users.get(canonical);
        throw new InputError(
            '--rep',
            null,
            user ? `${id} (${user.name}) owns no opportunity in Opportunity.csv` : `${id} is not in User.csv and owns no opportunity in Opportunity.csv`,
            'Check the id (User.csv lists the users, Opportunity.csv their OwnerId), or leave the flag out for the whole team',
        );
    }
}

/** What a pass over one object needs: where the rows come from, the options and the warnings. */
interface Reading {
    source: RecordSource;
    options: AnalyzeOptions;
    warnings: Warnings;
}

export async function loadDataset(source: RecordSource, options: AnalyzeOptions, warnings: Warnings): Promise<Dataset> {
    for (const required of ['User', 'Opportunity', 'OpportunityHistory', 'OpportunityContactRole', 'Task', 'Event'] as const) {
        if (!(await source.has(required))) {
            throw new InputError(`${required}.csv`, null, 'the file is missing', `Export the ${required} object as ${required}.csv into the data folder`);
        }
    }
    const reading: Reading = { source, options, warnings };
    const users = await readUsers(reading);
    // Stages: from OpportunityStage when exported, else inferred after reading the opportunities.
    const exportedStages = await readStageTable(reading);
    const read = await readOpportunities(reading, exportedStages);
    const stages = exportedStages ?? (await inferStageTable(reading, read.stageEvidence));

    const asOfDay = asOfDayOf(options, read.latestDays, read.earliestCreated, read.origin, warnings);
    checkOwners(users, read.repIds, read.repFirstLine, read.repDeals, read.origin, warnings);
    checkRequestedReps(options, read.repIndex, users);
    const fromDay = dateToDay(subMonths(new Date(asOfDay * 86_400_000), options.months));

    const o = read.opportunities;
    resolveStages(o, read.stageNames, stages, asOfDay);
    // Contact roles before activities: an activity with a decision-role contact (its WhoId) on the
    // deal means the decision maker was met.
    const decisionContacts = await readContactRoles(reading, o);
    const activities: ActivityReading = {
        deals: read.activityDeals,
        asOfDay,
        noteContact(whoId, i) {
            if (!whoId) return;
            o.contactActivity[i] = 1;
            if (decisionContacts.has(i, whoId)) o.decisionMakerMet[i] = 1;
        },
    };
    // Meetings before history: the history pass asks whether a deal advanced after its first meeting.
    await readEvents(reading, o, activities);
    const tasksByRep = await readTasks(reading, o, activities);
    await readHistory(reading, o, stages, asOfDay);

    for (let i = 0; i < o.size; i++) if (o.slips[i] === 0 && o.firstCloseDay[i] !== noDay && o.latestOpenCloseDay[i]! > o.firstCloseDay[i]!) o.slips[i] = 1;

    return { asOfDay, fromDay, stages, users, repIds: read.repIds, opportunities: o, tasksByRep, warnings };
}

async function readUsers({ source, warnings }: Reading): Promise<Map<string, UserInfo>> {
    const users = new Map<string, UserInfo>();
    for await (const batch of readRows(source, 'User', warnings)) for (const { row, at } of batch) {
        const id = ownString(normalizeId(row.Id));
        if (users.has(id)) {
            warnings.add(warningKinds.duplicateId, at.origin, at.line, warningText.duplicateId(row.Id));
            continue;
        }
        users.set(id, { name: ownString(row.Name), managerId: row.ManagerId ? ownString(normalizeId(row.ManagerId)) : null });
    }
    return users;
}

/** The stage table from OpportunityStage, or null when it is not exported (or has no active stage). */
async function readStageTable({ source, options, warnings }: Reading): Promise<StageTable | null> {
    if (!(await source.has('OpportunityStage'))) return null;
    const definitions: StageDefinition[] = [];
    const seen = new Set<string>();
    for await (const batch of readRows(source, 'OpportunityStage', warnings)) for (const { row, at } of batch) {
        if (row.IsActive === false) continue;
        if (seen.has(row.MasterLabel)) {
            warnings.add('duplicate Id', at.origin, at.line, `stage ${row.MasterLabel} appears again; the later row was skipped`);
            continue;
        }
        seen.add(ownString(row.MasterLabel));
        definitions.push({
            name: ownString(row.MasterLabel),
            aliases: row.ApiName && row.ApiName !== row.MasterLabel ? [ownString(row.ApiName)] : [],
            sortOrder: row.SortOrder ?? null,
            probability: row.DefaultProbability ?? null,
            isClosed: row.IsClosed ?? /closed/i.test(row.MasterLabel),
            isWon: row.IsWon ?? /won/i.test(row.MasterLabel),
        });
    }
    return definitions.length > 0 ? stageTableFromDefinitions(definitions, options.decisionStages, options.decisionProbability) : null;
}

/** Without OpportunityStage: one extra pass over the history just for stage names and probabilities. */
async function inferStageTable({ source, options }: Reading, evidence: StageEvidence): Promise<StageTable> {
    for await (const batch of readRows(source, 'OpportunityHistory', new Warnings())) for (const { row } of batch) {
        evidence.note(row.StageName, row.Probability, null, null);
    }
    return evidence.infer(options.decisionStages, options.decisionProbability);
}

/** The opportunities' pass: per-deal state, the reps who own them and what the later passes need. */
interface OpportunitiesRead {
    opportunities: OpportunityStore;
    /** Owner ids by rep index, and the index of each. */
    repIds: string[];
    repIndex: Map<string, number>;
    /** Per rep: the line of their first opportunity and how many they own, for the owner check. */
    repFirstLine: number[];
    repDeals: number[];
    /** Which deal an activity belongs to, by opportunity or by account. */
    activityDeals: ActivityDeals;
    /** Stage names by the id in OpportunityStore.stageName, resolved once the stage table is known (it may be inferred). */
    stageNames: string[];
    stageEvidence: StageEvidence;
    latestDays: LatestDays;
    earliestCreated: number;
    /** Where the opportunities came from, for warnings given after the read (a file name or the org object). */
    origin: string;
}
async function readOpportunities({ source, warnings }: Reading, stages: StageTable | null): Promise<OpportunitiesRead> {
    const opportunities = new OpportunityStore();
    const repIndex = new Map<string, number>();
    const read: OpportunitiesRead = {
        opportunities,
        repIds: [],
        repIndex,
        repFirstLine: [],
        repDeals: [],
        activityDeals: new ActivityDeals(opportunities, (id) => repIndex.get(id)),
        stageNames: [],
        stageEvidence: new StageEvidence(),
        latestDays: new LatestDays(),
        earliestCreated: Number.POSITIVE_INFINITY,
        origin: 'Opportunity.csv',
    };
    const stageNameIds = new Map<string, number>();
    for await (const batch of readRows(source, 'Opportunity', warnings)) for (const { row, at } of batch) {
        if (row.IsDeleted) {
            warnings.add('deleted record', at.origin, at.line, 'IsDeleted is true (an export with deleted rows); the row was ignored');
            continue;
        }
        if (stages && !stages.get(row.StageName)) {
            warnings.add('unknown stage', at.origin, at.line, `StageName "${row.StageName}" is not in OpportunityStage.csv; the row was skipped (add the stage or fix the name)`);
            continue;
        }
        const id = normalizeId(row.Id);
        const at_ = opportunities.add(id);
        if (at_ < 0) {
            warnings.add(warningKinds.duplicateId, at.origin, at.line, warningText.duplicateId(row.Id));
            continue;
        }
        const ownerId = normalizeId(row.OwnerId);
        let owner = repIndex.get(ownerId);
        if (owner === undefined) {
            owner = read.repIds.length;
            const kept = ownString(ownerId);
            read.repIds.push(kept);
            repIndex.set(kept, owner);
            read.repFirstLine.push(at.line);
            read.repDeals.push(0);
        }
        read.repDeals[owner]! += 1;
        opportunities.owner[at_] = owner;
        read.activityDeals.noteAccount(at_, row.AccountId);
        opportunities.amount[at_] = row.Amount ?? Number.NaN;
        opportunities.createdDay[at_] = row.CreatedDate;
        opportunities.closeDay[at_] = row.CloseDate;
        let stageId = stageNameIds.get(row.StageName);
        if (stageId === undefined) {
            stageId = read.stageNames.length;
            const kept = ownString(row.StageName);
            read.stageNames.push(kept);
            stageNameIds.set(kept, stageId);
        }
        if (stageId > 32_000) throw new InputError(at.origin, at.line, 'more than 32,000 different StageName values', 'Check that the StageName column holds stage names');
        opportunities.stageName[at_] = stageId;
        if (!stages) read.stageEvidence.note(row.StageName, row.Probability, row.IsClosed, row.IsWon);
        // The latest day this row shows activity on: a closed deal's CloseDate, else its last modification.
        const modified = row.LastModifiedDate ?? row.CreatedDate;
        if (row.IsClosed && row.CloseDate > modified) read.latestDays.add(row.CloseDate, at.line, 'CloseDate');
        else read.latestDays.add(modified, at.line, row.LastModifiedDate != null ? 'LastModifiedDate' : 'CreatedDate');
        if (row.CreatedDate < read.earliestCreated) read.earliestCreated = row.CreatedDate;
        read.origin = at.origin;
    }
    if (opportunities.size === 0) {
        throw new InputError('Opportunity.csv', null, 'no usable opportunities were found', 'Export the Opportunity object with at least one row');
    }
    return read;
}

/** Each deal's status and current stage rank from its stage name, once the stage table is known. */
function resolveStages(o: OpportunityStore, stageNames: readonly string[], stages: StageTable, asOfDay: number): void {
    for (let i = 0; i < o.size; i++) {
        const stage = stages.get(stageNames[o.stageName[i]!]!)!;
        o.status[i] = stage.isClosed ? (stage.isWon ? Status.won : Status.lost) : Status.open;
        o.currentRank[i] = stage.isClosed ? noRank : stage.rank;
        o.maxRank[i] = o.currentRank[i]!;
        if (stage.isDecision && o.createdDay[i]! <= asOfDay) o.firstDecisionDay[i] = o.createdDay[i]!;
    }
}

/** Marks deals with a decision-role contact; returns each deal's decision-role contacts. */
async function readContactRoles({ source, options, warnings }: Reading, o: OpportunityStore): Promise<IdsByRow> {
    const roles = new Set(options.decisionRoles.map((role) => role.toLowerCase()));
    const decisionContacts = new IdsByRow();
    const contactRoleIds = new IdSet();
    for await (const batch of readRows(source, 'OpportunityContactRole', warnings)) for (const { row, at } of batch) {
        if (isDuplicate(contactRoleIds, row.Id, at, warnings)) continue;
        const i = o.index.get(normalizeId(row.OpportunityId));
        if (i === undefined) {
            orphanRow('OpportunityId', row.OpportunityId, at, warnings);
            continue;
        }
        if (!row.Role || !roles.has(row.Role.toLowerCase())) continue;
        o.decisionRole[i] = 1;
        if (row.ContactId) decisionContacts.add(i, row.ContactId);
    }
    return decisionContacts;
}

/** What the activity passes share. */
interface ActivityReading {
    deals: ActivityDeals;
    asOfDay: number;
    /** Notes a completed activity's contact on deal i. */
    noteContact(whoId: string | null | undefined, i: number): void;
}

async function readEvents({ source, warnings }: Reading, o: OpportunityStore, activities: ActivityReading): Promise<void> {
    const eventIds = new IdSet();
    for await (const batch of readRows(source, 'Event', warnings)) for (const { row, at } of batch) {
        if (isDuplicate(eventIds, row.Id, at, warnings) || !relatedId(row) || row.IsDeleted) continue;
        const day = row.ActivityDate ?? row.StartDateTime ?? row.ActivityDateTime ?? row.CreatedDate;
        if (day === null || day === undefined) {
            warnings.add('missing value', at.origin, at.line, 'has no ActivityDate, StartDateTime, ActivityDateTime or CreatedDate; the row was skipped (export one of them)');
            continue;
        }
        if (day > activities.asOfDay) continue;
        const i = dealOfActivity(activities.deals, row, row.OwnerId, day, at, warnings);
        if (i === undefined) continue;
        o.activities[i]! += 1;
        o.meetings[i]! += 1;
        activities.noteContact(row.WhoId, i);
        if (day > o.lastActivityDay[i]!) o.lastActivityDay[i] = day;
        if (o.firstMeetingDay[i] === noDay || day < o.firstMeetingDay[i]!) o.firstMeetingDay[i] = day;
        if (day > o.lastMeetingDay[i]!) o.lastMeetingDay[i] = day;
    }
}

/** Tasks: each rep's open and overdue follow-ups, and each deal's activity; returns the per-rep counts. */
async function readTasks({ source, options, warnings }: Reading, o: OpportunityStore, activities: ActivityReading): Promise<Map<string, RepTasks>> {
    const { asOfDay } = activities;
    const tasksByRep = new Map<string, RepTasks>();
    const taskIds = new IdSet();
    for await (const batch of readRows(source, 'Task', warnings)) for (const { row, at } of batch) {
        if (isDuplicate(taskIds, row.Id, at, warnings) || row.IsDeleted) continue;
        const created = row.CreatedDate ?? row.ActivityDate;
        if (created === null || created === undefined) {
            warnings.add('missing value', at.origin, at.line, 'has no ActivityDate or CreatedDate; the row was skipped (export one of them)');
            continue;
        }
        if (created > asOfDay) continue;
        const due = row.ActivityDate ?? null;
        const done = row.IsClosed ?? (row.Status ? /^(completed|closed|done)$/i.test(row.Status) : false);
        if (!done && due !== null && due <= asOfDay + options.followUpDays) {
            const ownerId = normalizeId(row.OwnerId);
            let counts = tasksByRep.get(ownerId);
            if (!counts) {
                counts = { open: 0, overdue: 0 };
                tasksByRep.set(ownString(ownerId), counts);
            }
            counts.open += 1;
            if (due < asOfDay) counts.overdue += 1;
        }
        if (!relatedId(row)) continue;
        // A completed task happened on its due date (or when logged); an open one only when logged.
        const day = done && due !== null && due <= asOfDay ? due : created;
        const i = dealOfActivity(activities.deals, row, row.OwnerId, day, at, warnings);
        if (i === undefined) continue;
        o.activities[i]! += 1;
        // Only completed tasks are activity, as in Salesforce's Last Activity ("the latest Due Date of
        // the Closed Tasks on a record"; Help article 000385365): an open next step is no touch.
        if (done && day > o.lastActivityDay[i]!) o.lastActivityDay[i] = day;
        if (done) activities.noteContact(row.WhoId, i);
        if (day > o.lastTaskDay[i]!) o.lastTaskDay[i] = day;
    }
    return tasksByRep;
}

/** Stage history: ranks reached, first and last changes, close-date pushes and what followed the first meeting. */
async function readHistory({ source, options, warnings }: Reading, o: OpportunityStore, stages: StageTable, asOfDay: number): Promise<void> {
    const historyIds = new IdSet();
    for await (const batch of readRows(source, 'OpportunityHistory', warnings)) for (const { row, at } of batch) {
        if (isDuplicate(historyIds, row.Id, at, warnings)) continue;
        const i = o.index.get(normalizeId(row.OpportunityId));
        if (i === undefined) {
            warnings.add('history of an unknown opportunity', at.origin, at.line, `OpportunityId ${row.OpportunityId} is not in Opportunity.csv; the row was skipped`);
            continue;
        }
        const stage = stages.get(row.StageName);
        if (!stage) {
            warnings.add('unknown stage', at.origin, at.line, `StageName "${row.StageName}" is not a known stage; the row was skipped (add it to OpportunityStage.csv or fix the name)`);
            continue;
        }
        const day = row.CreatedDate;
        if (day > asOfDay) continue;
        const meeting = o.firstMeetingDay[i]!;
        if (stage.isClosed) {
            if (stage.isWon && meeting !== noDay && day > meeting && day <= meeting + options.followUpDays) o.rankAfterMeeting[i] = wonRank;
            continue;
        }
        const rank = stage.rank;
        noteCloseDate(o, i, row.CloseDate, row.PrevCloseDate, day);
        if (rank > o.maxRank[i]!) o.maxRank[i] = rank;
        // Two changes on one day: the higher stage is taken as the later one, whatever the row order.
        if (o.lastOpenDay[i] === noDay || day > o.lastOpenDay[i]! || (day === o.lastOpenDay[i] && rank > o.lastOpenRank[i]!)) {
            o.lastOpenDay[i] = day;
            o.lastOpenRank[i] = rank;
        }
        if (o.firstDay[i] === noDay || day < o.firstDay[i]! || (day === o.firstDay[i] && rank < o.firstRank[i]!)) {
            o.firstDay[i] = day;
            o.firstRank[i] = rank;
        }
        if (day > o.lastChangeDay[i]!) o.lastChangeDay[i] = day;
        if (stage.isDecision && (o.firstDecisionDay[i] === noDay || day < o.firstDecisionDay[i]!)) o.firstDecisionDay[i] = day;
        if (meeting !== noDay) {
            if (day <= meeting) {
                if (rank > o.rankAtMeeting[i]!) o.rankAtMeeting[i] = rank;
            } else if (day <= meeting + options.followUpDays && rank > o.rankAfterMeeting[i]!) {
                o.rankAfterMeeting[i] = rank;
            }
        }
    }
}

/**
 * Close-date pushes from one history row of an open stage. Each OpportunityHistory row holds "the
 * then-current values" of CloseDate and the other major fields (Object Reference, OpportunityHistory:
 * "The system generates a new record whenever a user or client application changes the value of any
 * of the above fields; the then-current values of all of these major fields are saved in the
 * newly-generated object"), and PrevCloseDate, the value before the update, exists only from API
 * version 50.0 ("Available in API version 50.0 and later"). So a push is a row whose CloseDate is after
 * its PrevCloseDate, or, for exports without PrevCloseDate, an open row whose CloseDate is after the
 * one the deal started with. Rows of a closed stage are left out: the date set when a deal is closed
 * records when it closed (how long the cycle took), not a new forecast made while it was open.
 */
function noteCloseDate(o: OpportunityStore, i: number, closeDay: number | null | undefined, prevCloseDay: number | null | undefined, day: number): void {
    if (closeDay == null) return;
    if (prevCloseDay != null && closeDay > prevCloseDay && o.slips[i]! < 255) o.slips[i]! += 1;
    const firstDay = o.firstDay[i]!;
    // Called before the row updates firstDay: an earlier row starts the deal; one on the same day keeps the earlier date.
    if (firstDay === noDay || day < firstDay) o.firstCloseDay[i] = closeDay;
    else if (day === firstDay) o.firstCloseDay[i] = Math.min(o.firstCloseDay[i]!, closeDay);
    if (closeDay > o.latestOpenCloseDay[i]!) o.latestOpenCloseDay[i] = closeDay;
}

export function windowOf(dataset: Dataset): { from: string; to: string } {
    return { from: formatDay(dataset.fromDay), to: formatDay(dataset.asOfDay) };
}
