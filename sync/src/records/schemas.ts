// One zod schema per exported SObject: the fields the engine reads, with their types. Required
// fields must be present as columns; optional ones may be missing from the export altogether.
import { z } from 'zod';
import type { SObjectName } from '../core/source';
import {
    optionalBoolean,
    optionalDay,
    optionalId,
    optionalNumber,
    optionalText,
    requiredDay,
    requiredId,
    requiredName,
} from './fields';

export const UserRow = z.object({
    Id: requiredId,
    Name: requiredName,
    ManagerId: optionalId,
    IsActive: optionalBoolean,
});
export type UserRow = z.infer<typeof UserRow>;

export const OpportunityStageRow = z.object({
    MasterLabel: requiredName,
    ApiName: optionalText,
    SortOrder: optionalNumber,
    DefaultProbability: optionalNumber,
    IsClosed: optionalBoolean,
    IsWon: optionalBoolean,
    IsActive: optionalBoolean,
});
export type OpportunityStageRow = z.infer<typeof OpportunityStageRow>;

export const OpportunityRow = z.object({
    Id: requiredId,
    OwnerId: requiredId,
    AccountId: optionalId,
    StageName: requiredName,
    CloseDate: requiredDay,
    CreatedDate: requiredDay,
    Amount: optionalNumber,
    Probability: optionalNumber,
    IsClosed: optionalBoolean,
    IsWon: optionalBoolean,
    LastModifiedDate: optionalDay,
    IsDeleted: optionalBoolean,
});
export type OpportunityRow = z.infer<typeof OpportunityRow>;

export const OpportunityHistoryRow = z.object({
    Id: optionalId,
    OpportunityId: requiredId,
    StageName: requiredName,
    CreatedDate: requiredDay,
    CloseDate: optionalDay,
    PrevCloseDate: optionalDay,
    Probability: optionalNumber,
});
export type OpportunityHistoryRow = z.infer<typeof OpportunityHistoryRow>;

export const OpportunityContactRoleRow = z.object({
    Id: optionalId,
    OpportunityId: requiredId,
    ContactId: optionalId,
    Role: optionalText,
});
export type OpportunityContactRoleRow = z.infer<typeof OpportunityContactRoleRow>;

export const TaskRow = z.object({
    Id: requiredId,
    OwnerId: requiredId,
    WhatId: optionalId,
    WhoId: optionalId,
    AccountId: optionalId,
    ActivityDate: optionalDay,
    CreatedDate: optionalDay,
    Status: optionalText,
    IsClosed: optionalBoolean,
    IsDeleted: optionalBoolean,
});
export type TaskRow = z.infer<typeof TaskRow>;

export const EventRow = z.object({
    Id: requiredId,
    OwnerId: requiredId,
    WhatId: optionalId,
    WhoId: optionalId,
    AccountId: optionalId,
    ActivityDate: optionalDay,
    StartDateTime: optionalDay,
    ActivityDateTime: optionalDay,
    CreatedDate: optionalDay,
    IsDeleted: optionalBoolean,
});
export type EventRow = z.infer<typeof EventRow>;

export const rowSchemas = {
    User: UserRow,
    OpportunityStage: OpportunityStageRow,
    Opportunity: OpportunityRow,
    OpportunityHistory: OpportunityHistoryRow,
    OpportunityContactRole: OpportunityContactRoleRow,
    Task: TaskRow,
    Event: EventRow,
} satisfies Record<SObjectName, z.ZodObject>;

/** Columns an export must have, per object: the fields whose schema rejects a missing value. */
export const requiredColumns: Record<SObjectName, string[]> = {
    User: ['Id', 'Name'],
    OpportunityStage: ['MasterLabel'],
    Opportunity: ['Id', 'OwnerId', 'StageName', 'CloseDate', 'CreatedDate'],
    OpportunityHistory: ['OpportunityId', 'StageName', 'CreatedDate'],
    OpportunityContactRole: ['OpportunityId', 'Role'],
    Task: ['Id', 'OwnerId', 'WhatId'],
    Event: ['Id', 'OwnerId', 'WhatId'],
};
