// What the reader says about input it accepts with a warning: each kind's name (the summary groups
// warnings by it) and its message, saying what was done with the row and how to fix the export.
import { formatDay } from '../core/days';

export const warningKinds = {
    duplicateId: 'duplicate Id',
    noRows: 'object without rows',
    ownerNotAUser: 'owner not in User.csv',
    orphanActivity: 'row of a skipped or unknown opportunity',
    ambiguousActivity: 'activity on several open deals',
    farDate: 'date far from the rest of the export',
    asOfOutsideData: '--as-of outside the data',
    controlCharacters: 'control characters removed',
} as const;

export const warningText = {
    duplicateId: (id: string) => `Id ${id} appears again; the later row was skipped (remove duplicate rows)`,
    noRows: (sobject: string, file: boolean, effect: string) =>
        `${file ? "the file holds no rows after its header (or every row was skipped)" : `the org returned no ${sobject} records`}; ${effect} (export the ${sobject} object with its rows, or ignore this if it really has none)`,
    ownerNotAUser: (ownerId: string, deals: number) =>
        `OwnerId ${ownerId} (${deals} opportunit${deals === 1 ? 'y' : 'ies'}, first on this line) is not in User.csv; the rep is shown by this id, without a name or manager (export User with every opportunity owner)`,
    orphanActivity: (field: string, id: string) =>
        `${field} ${id} is not a usable row of Opportunity.csv (skipped or not exported); the row was not counted (fix that opportunity's row or export it)`,
    ambiguousActivity: (deals: number, field: string) =>
        `is logged on ${field === 'WhatId' ? 'an account (WhatId)' : "a contact of an account (no WhatId; the contact's AccountId)"} where its owner had ${deals} deals open that day; it was counted for none of them (relate the activity to its opportunity)`,
    farDate: (field: string, day: number, asOf: number) =>
        `${field} ${formatDay(day)} is far after the rest of the export; the as-of day ${formatDay(asOf)} ignores it (fix the date)`,
    asOfAfterData: (asOf: string, latest: number) =>
        `${asOf} is after the export's latest day, ${formatDay(latest)}: deals and activities after that are missing, so open deals look stale (give an --as-of within the export, or omit it)`,
    asOfBeforeData: (asOf: string, earliest: number) =>
        `${asOf} is before the export's first opportunity was created (${formatDay(earliest)}): no closed deal can fall in the window (give an --as-of within the export, or omit it)`,
    controlCharacters: (field: string) => `${field} holds NUL or other control characters; they were removed from the value (fix the value in the source system)`,
};

/** What an object without rows means for the analysis. */
export const emptyObjectEffects: Record<string, string> = {
    User: 'every rep is shown by id, without a name or manager',
    OpportunityHistory: 'stage-history signals have no data',
    OpportunityContactRole: 'no deal counts as having its decision makers mapped',
    Task: 'task and follow-up signals have no data, so fewer learning goals can be suggested',
    Event: 'meeting signals have no data, so fewer learning goals can be suggested',
    OpportunityStage: 'the stage order is inferred from the opportunities',
};
