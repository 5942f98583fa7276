// Compact per-opportunity state, one typed-array column per number: memory grows with the number of
// opportunities (a few dozen bytes each), never with history or activity rows.
import { noDay } from '../core/days';
import { IdIndex } from './idIndex';

export const Status = { open: 0, won: 1, lost: 2 } as const;
export const noRank = -1;
/** Rank given to a won deal when asking "did it advance?". */
export const wonRank = 10_000;

class Column<T extends Int32Array | Float64Array | Int16Array | Uint8Array> {
    constructor(
        public data: T,
        private readonly fill: number,
    ) {
        data.fill(fill);
    }
    grow(capacity: number): void {
        const Ctor = this.data.constructor as new (length: number) => T;
        const next = new Ctor(capacity);
        next.fill(this.fill);
        next.set(this.data);
        this.data = next;
    }
}

export class OpportunityStore {
    private capacity = 1024;
    size = 0;
    readonly index = new IdIndex();
    private readonly columns: Column<Int32Array | Float64Array | Int16Array | Uint8Array>[] = [];

    private int32(fill: number) {
        const column = new Column(new Int32Array(this.capacity), fill);
        this.columns.push(column);
        return column;
    }
    private int16(fill: number) {
        const column = new Column(new Int16Array(this.capacity), fill);
        this.columns.push(column);
        return column;
    }
    private uint8(fill: number) {
        const column = new Column(new Uint8Array(this.capacity), fill);
        this.columns.push(column);
        return column;
    }
    private float64(fill: number) {
        const column = new Column(new Float64Array(this.capacity), fill);
        this.columns.push(column);
        return column;
    }

    readonly cOwner = this.int32(-1);
    /** Index of the StageName in the loader's list of names seen (resolved once stages are known). */
    readonly cStageName = this.int16(-1);
    readonly cAmount = this.float64(Number.NaN);
    readonly cCreatedDay = this.int32(noDay);
    readonly cCloseDay = this.int32(noDay);
    readonly cStatus = this.uint8(Status.open);
    /** Open-stage rank now (open deals) or -1. */
    readonly cCurrentRank = this.int16(noRank);
    /** Highest open-stage rank ever reached. */
    readonly cMaxRank = this.int16(noRank);
    /** The open stage of the latest history row, and its day (where a lost deal died). */
    readonly cLastOpenRank = this.int16(noRank);
    readonly cLastOpenDay = this.int32(noDay);
    /** The earliest history row's rank and day (where the deal started). */
    readonly cFirstRank = this.int16(noRank);
    readonly cFirstDay = this.int32(noDay);
    /** Latest day of a history row in an open stage (the last stage change). */
    readonly cLastChangeDay = this.int32(noDay);
    readonly cFirstDecisionDay = this.int32(noDay);
    readonly cSlips = this.uint8(0);
    /** CloseDate of the earliest open-stage history row, and the latest CloseDate of any open-stage row. */
    readonly cFirstCloseDay = this.int32(noDay);
    readonly cLatestOpenCloseDay = this.int32(noDay);
    readonly cActivities = this.int32(0);
    readonly cLastActivityDay = this.int32(noDay);
    readonly cLastTaskDay = this.int32(noDay);
    readonly cMeetings = this.int32(0);
    readonly cFirstMeetingDay = this.int32(noDay);
    readonly cLastMeetingDay = this.int32(noDay);
    /** Highest rank reached by the first meeting, and within the follow-up days after it. */
    readonly cRankAtMeeting = this.int16(noRank);
    readonly cRankAfterMeeting = this.int16(noRank);
    readonly cDecisionRole = this.uint8(0);
    /** 1 when a completed activity on the deal names a contact (WhoId). */
    readonly cContactActivity = this.uint8(0);
    /** 1 when a completed activity on the deal names one of its decision-role contacts. */
    readonly cDecisionMakerMet = this.uint8(0);

    /** Adds an opportunity; returns its index, or -1 when the id is already known. */
    add(id: string): number {
        if (this.index.has(id)) return -1;
        if (this.size === this.capacity) {
            // Grow by half: less over-allocation, and a smaller transient copy, than doubling.
            this.capacity = Math.ceil(this.capacity * 1.5);
            for (const column of this.columns) column.grow(this.capacity);
        }
        const at = this.size++;
        this.index.set(id, at);
        return at;
    }

    get owner() { return this.cOwner.data as Int32Array; }
    get stageName() { return this.cStageName.data as Int16Array; }
    get amount() { return this.cAmount.data as Float64Array; }
    get createdDay() { return this.cCreatedDay.data as Int32Array; }
    get closeDay() { return this.cCloseDay.data as Int32Array; }
    get status() { return this.cStatus.data as Uint8Array; }
    get currentRank() { return this.cCurrentRank.data as Int16Array; }
    get maxRank() { return this.cMaxRank.data as Int16Array; }
    get lastOpenRank() { return this.cLastOpenRank.data as Int16Array; }
    get lastOpenDay() { return this.cLastOpenDay.data as Int32Array; }
    get firstRank() { return this.cFirstRank.data as Int16Array; }
    get firstDay() { return this.cFirstDay.data as Int32Array; }
    get lastChangeDay() { return this.cLastChangeDay.data as Int32Array; }
    get firstDecisionDay() { return this.cFirstDecisionDay.data as Int32Array; }
    get slips() { return this.cSlips.data as Uint8Array; }
    get firstCloseDay() { return this.cFirstCloseDay.data as Int32Array; }
    get latestOpenCloseDay() { return this.cLatestOpenCloseDay.data as Int32Array; }
    get activities() { return this.cActivities.data as Int32Array; }
    get lastActivityDay() { return this.cLastActivityDay.data as Int32Array; }
    get lastTaskDay() { return this.cLastTaskDay.data as Int32Array; }
    get meetings() { return this.cMeetings.data as Int32Array; }
    get firstMeetingDay() { return this.cFirstMeetingDay.data as Int32Array; }
    get lastMeetingDay() { return this.cLastMeetingDay.data as Int32Array; }
    get rankAtMeeting() { return this.cRankAtMeeting.data as Int16Array; }
    get rankAfterMeeting() { return this.cRankAfterMeeting.data as Int16Array; }
    get decisionRole() { return this.cDecisionRole.data as Uint8Array; }
    get contactActivity() { return this.cContactActivity.data as Uint8Array; }
    get decisionMakerMet() { return this.cDecisionMakerMet.data as Uint8Array; }
}
