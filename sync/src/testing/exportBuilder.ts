// Builds tiny, exactly known exports for tests: reps, deals with their stage history, meetings,
// tasks and contact roles, as the rows a CSV export or an org would yield.
import type { RawRow, SObjectName } from '../core/source';
import { toId18 } from '../core/salesforceId';
import { MemorySource } from '../sources/memorySource';

export const standardStages = [
    ['Prospecting', 10],
    ['Qualification', 10],
    ['Needs Analysis', 20],
    ['Value Proposition', 50],
    ['Id. Decision Makers', 60],
    ['Perception Analysis', 70],
    ['Proposal/Price Quote', 75],
    ['Negotiation/Review', 90],
] as const;

export interface DealSpec {
    /** Final StageName. */
    stage: string;
    created: string;
    close: string;
    amount?: number;
    /** [StageName, day] history rows, or [StageName, day, CloseDate] (default `close`), without PrevCloseDate. */
    history?: ([string, string] | [string, string, string])[];
    /** Close-date pushes: [day, prevClose, newClose], on the first history row's stage or the one given. */
    slips?: ([string, string, string] | [string, string, string, string])[];
    /** A day, or a day and the contact met (the Event's WhoId). */
    meetings?: (string | { day: string; with: string })[];
    /** `with`: the contact the task names (its WhoId). */
    tasks?: { due: string; done: boolean; created?: string; with?: string }[];
    /** A role, or a role and its contact (the ContactId). */
    roles?: (string | { role: string; contact: string })[];
    /** The deal's AccountId. */
    account?: string;
}

export class ExportBuilder {
    private counter = 0;
    readonly tables: Record<SObjectName, RawRow[]> = {
        User: [],
        OpportunityStage: [],
        Opportunity: [],
        OpportunityHistory: [],
        OpportunityContactRole: [],
        Task: [],
        Event: [],
    };

    constructor(withStages = true) {
        if (withStages) {
            standardStages.forEach(([name, probability], index) =>
                this.tables.OpportunityStage.push({ MasterLabel: name, SortOrder: String(index + 1), DefaultProbability: String(probability), IsClosed: 'false', IsWon: 'false', IsActive: 'true' }),
            );
            this.tables.OpportunityStage.push({ MasterLabel: 'Closed Won', SortOrder: '9', DefaultProbability: '100', IsClosed: 'true', IsWon: 'true', IsActive: 'true' });
            this.tables.OpportunityStage.push({ MasterLabel: 'Closed Lost', SortOrder: '10', DefaultProbability: '0', IsClosed: 'true', IsWon: 'false', IsActive: 'true' });
        }
    }

    id(prefix: string): string {
        this.counter += 1;
        const body = String(this.counter).padStart(12, '0');
        return toId18(`${prefix}${body}`)!;
    }

    rep(name: string, managerId: string | null = null): string {
        const id = this.id('005');
        this.tables.User.push({ Id: id, Name: name, ManagerId: managerId, IsActive: 'true' });
        return id;
    }

    deal(owner: string, spec: DealSpec): string {
        const id = this.id('006');
        const closed = /^closed/i.test(spec.stage);
        this.tables.Opportunity.push({
            Id: id,
            OwnerId: owner,
            AccountId: spec.account ?? null,
            StageName: spec.stage,
            Amount: spec.amount === undefined ? null : String(spec.amount),
            CloseDate: spec.close,
            CreatedDate: `${spec.created}T09:00:00.000Z`,
            IsClosed: String(closed),
            IsWon: String(spec.stage === 'Closed Won'),
            LastModifiedDate: `${closed ? spec.close : spec.created}T17:00:00.000Z`,
        });
        for (const [stage, day, close] of spec.history ?? []) {
            this.tables.OpportunityHistory.push({ OpportunityId: id, StageName: stage, CreatedDate: `${day}T10:00:00.000Z`, CloseDate: close ?? spec.close, PrevCloseDate: null });
        }
        for (const [day, prev, next, onStage] of spec.slips ?? []) {
            const stage = onStage ?? spec.history?.[0]?.[0] ?? 'Prospecting';
            this.tables.OpportunityHistory.push({ OpportunityId: id, StageName: stage, CreatedDate: `${day}T11:00:00.000Z`, CloseDate: next, PrevCloseDate: prev });
        }
        for (const meeting of spec.meetings ?? []) {
            const { day, with: who } = typeof meeting === 'string' ? { day: meeting, with: null } : meeting;
            this.tables.Event.push({ Id: this.id('00U'), OwnerId: owner, WhatId: id, WhoId: who, ActivityDate: day, StartDateTime: `${day}T10:00:00.000Z` });
        }
        for (const task of spec.tasks ?? []) {
            this.tables.Task.push({
                Id: this.id('00T'),
                OwnerId: owner,
                WhatId: id,
                WhoId: task.with ?? null,
                ActivityDate: task.due,
                CreatedDate: `${task.created ?? task.due}T08:00:00.000Z`,
                Status: task.done ? 'Completed' : 'Not Started',
                IsClosed: String(task.done),
            });
        }
        for (const entry of spec.roles ?? []) {
            const { role, contact } = typeof entry === 'string' ? { role: entry, contact: null } : entry;
            this.tables.OpportunityContactRole.push({ OpportunityId: id, ContactId: contact, Role: role });
        }
        return id;
    }

    source(): MemorySource {
        return new MemorySource(this.tables);
    }
}
