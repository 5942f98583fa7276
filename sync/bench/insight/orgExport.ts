// A generated org held as export rows, written as the Bulk API CSV files `goal-coach analyze`
// reads. Families describe deals in days and stage names; this module turns them into rows.
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { toId18 } from '../../src/core/salesforceId';
import { CsvWriter, type CsvValue } from '../../src/sample/csvWriter';

export interface StageSpec {
    name: string;
    /** Default probability (percent). */
    probability: number;
}

export interface DealSpec {
    owner: string;
    amount: number | null;
    createdDay: number;
    /** Open stages the deal entered, in order, with the day it entered each (the first is the created day). */
    path: { stage: string; day: number }[];
    outcome: 'won' | 'lost' | 'open';
    /** The close day of a closed deal, the planned close of an open one. */
    closeDay: number;
    /** Close-date pushes: the day, the old and the new close date. */
    slips: { day: number; from: number; to: number }[];
    tasks: { createdDay: number; dueDay: number | null; done: boolean }[];
    meetings: number[];
    roles: string[];
    /**
     * False when the rep never meets the deal's decision-role contacts: meetings and completed
     * tasks then name only the other contacts. By default activities go round all the contacts,
     * starting with the second, so a deal with a single activity may miss its decision maker (and
     * reps who log little miss more).
     */
    decisionMakerMet?: boolean;
    /** The deal's account (Opportunity.AccountId). */
    account?: string;
    /**
     * Every this many activities (tasks and meetings, in turn) name the account in WhatId rather
     * than the opportunity, as a rep who logs calls on the account does.
     */
    accountEvery?: number;
}

const decisionRole = /decision|economic/i;

const msPerDay = 86_400_000;
const dayText = (day: number) => new Date(day * msPerDay).toISOString().slice(0, 10);
const dateTimeText = (day: number, hour: number) => new Date(day * msPerDay + hour * 3_600_000).toISOString();

const headers = {
    User: ['Id', 'Name', 'Title', 'ManagerId', 'IsActive'],
    OpportunityStage: ['Id', 'MasterLabel', 'ApiName', 'SortOrder', 'DefaultProbability', 'IsClosed', 'IsWon', 'IsActive'],
    Opportunity: ['Id', 'Name', 'OwnerId', 'StageName', 'Amount', 'Probability', 'CloseDate', 'IsClosed', 'IsWon', 'CreatedDate', 'LastModifiedDate', 'AccountId'],
    OpportunityHistory: ['Id', 'OpportunityId', 'StageName', 'Probability', 'CloseDate', 'PrevCloseDate', 'CreatedDate'],
    OpportunityContactRole: ['Id', 'OpportunityId', 'ContactId', 'Role', 'IsPrimary'],
    Task: ['Id', 'WhatId', 'WhoId', 'OwnerId', 'Subject', 'Status', 'IsClosed', 'ActivityDate', 'CreatedDate'],
    Event: ['Id', 'WhatId', 'WhoId', 'OwnerId', 'Subject', 'ActivityDate', 'StartDateTime', 'CreatedDate'],
} as const;
type Table = keyof typeof headers;

export class OrgExport {
    readonly rows: Record<Table, CsvValue[][]> = { User: [], OpportunityStage: [], Opportunity: [], OpportunityHistory: [], OpportunityContactRole: [], Task: [], Event: [] };
    private counter = 0;
    private readonly probability = new Map<string, number>();

    /**
     * `writeStages: false` leaves OpportunityStage.csv out, so the engine infers the process;
     * `writePrevCloseDate: false` leaves OpportunityHistory's PrevCloseDate out, as in an export
     * through an API version before 50.0, so pushes show only in the rows' CloseDate.
     */
    constructor(
        readonly stages: readonly StageSpec[],
        readonly writeStages: boolean,
        readonly closedStages = { won: 'Closed Won', lost: 'Closed Lost' },
        readonly writePrevCloseDate = true,
    ) {
        stages.forEach((stage) => this.probability.set(stage.name, stage.probability));
        this.probability.set(closedStages.won, 100);
        this.probability.set(closedStages.lost, 0);
        if (!writeStages) return;
        stages.forEach((stage, index) => this.rows.OpportunityStage.push([this.id('01J'), stage.name, stage.name.replace(/\W+/g, '_'), index + 1, stage.probability, false, false, true]));
        this.rows.OpportunityStage.push([this.id('01J'), closedStages.won, 'Closed_Won', stages.length + 1, 100, true, true, true]);
        this.rows.OpportunityStage.push([this.id('01J'), closedStages.lost, 'Closed_Lost', stages.length + 2, 0, true, false, true]);
    }

    id(prefix: string): string {
        this.counter += 1;
        return toId18(`${prefix}${this.counter.toString(36).toUpperCase().padStart(12, '0')}`)!;
    }

    user(name: string, title: string, managerId: string | null): string {
        const id = this.id('005');
        this.rows.User.push([id, name, title, managerId, true]);
        return id;
    }

    deal(spec: DealSpec, asOfDay: number): string {
        const id = this.id('006');
        const closed = spec.outcome !== 'open';
        const last = spec.path[spec.path.length - 1]!;
        const stage = spec.outcome === 'won' ? this.closedStages.won : spec.outcome === 'lost' ? this.closedStages.lost : last.stage;
        const probability = this.probability.get(stage)!;
        const lastModified = closed ? spec.closeDay : asOfDay;
        this.rows.Opportunity.push([id, `Deal ${this.counter}`, spec.owner, stage, spec.amount, probability, dayText(spec.closeDay), closed, spec.outcome === 'won', dateTimeText(spec.createdDay, 9), dateTimeText(lastModified, 17), spec.account ?? null]);
        // Close date as it stood at each history row: the planned close, moved by each slip.
        let plannedClose = spec.slips.length > 0 ? spec.slips[0]!.from : spec.closeDay;
        const history = (stageName: string, day: number, prevClose: number | null) =>
            this.rows.OpportunityHistory.push([this.id('008'), id, stageName, this.probability.get(stageName)!, dayText(plannedClose), prevClose === null ? null : dayText(prevClose), dateTimeText(day, 10)]);
        const events = [...spec.path.map((entry) => ({ day: entry.day, stage: entry.stage as string | null, slip: null as DealSpec['slips'][number] | null })), ...spec.slips.map((slip) => ({ day: slip.day, stage: null, slip }))].sort((a, b) => a.day - b.day);
        let currentStage = spec.path[0]!.stage;
        for (const event of events) {
            if (event.slip) {
                plannedClose = event.slip.to;
                history(currentStage, event.day, event.slip.from);
            } else {
                currentStage = event.stage!;
                history(currentStage, event.day, null);
            }
        }
        if (closed) history(stage, spec.closeDay, null);
        const contacts = spec.roles.map((role) => ({ role, id: this.id('003') }));
        for (const contact of contacts) this.rows.OpportunityContactRole.push([this.id('00K'), id, contact.id, contact.role, false]);
        const met = spec.decisionMakerMet === false ? contacts.filter((contact) => !decisionRole.test(contact.role)) : contacts;
        let turn = 1;
        const nextContact = () => (met.length > 0 ? met[turn++ % met.length]!.id : null);
        let logged = 0;
        const whatId = () => (spec.account && spec.accountEvery && ++logged % spec.accountEvery === 0 ? spec.account : id);
        for (const task of spec.tasks) {
            this.rows.Task.push([this.id('00T'), whatId(), task.done ? nextContact() : null, spec.owner, task.done ? 'Call' : 'Next step', task.done ? 'Completed' : 'Not Started', task.done, task.dueDay === null ? null : dayText(task.dueDay), dateTimeText(task.createdDay, 8)]);
        }
        for (const day of spec.meetings) this.rows.Event.push([this.id('00U'), whatId(), nextContact(), spec.owner, 'Meeting', dayText(day), dateTimeText(day, 11), dateTimeText(day - 2, 8)]);
        return id;
    }

    async write(directory: string): Promise<void> {
        await mkdir(directory, { recursive: true });
        for (const table of Object.keys(headers) as Table[]) {
            if (table === 'OpportunityStage' && !this.writeStages) continue;
            const omit = table === 'OpportunityHistory' && !this.writePrevCloseDate ? ['PrevCloseDate'] : [];
            const writer = new CsvWriter(path.join(directory, `${table}.csv`), headers[table], { omit });
            for (const row of this.rows[table]) await writer.write(row);
            await writer.close();
        }
    }
}
