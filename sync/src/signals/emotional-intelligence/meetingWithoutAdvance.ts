import { noDay } from '../../core/days';
import { Status, noRank } from '../../records/opportunityStore';
import type { SignalDefinition } from '../signal';

export const meetingWithoutAdvance: SignalDefinition = {
    name: 'meetingWithoutAdvance',
    label: 'Meetings that did not move the deal',
    skill: 'emotional-intelligence',
    describe: 'Of the deals still open the follow-up days (30 by default) after their first meeting, the share that had not moved to a later stage (or won) by then: meetings that do not move the deal. Deals lost within those days count in “Lost soon after a meeting” instead.',
    trials: 'deals still open a month after their first meeting',
    event: 'did not advance a stage within {detail} of it',
    finding: 'fewer first meetings that move the deal forward',
    banded: true,
    compute(context, band) {
        const o = context.dataset.opportunities;
        const { asOfDay } = context.dataset;
        const followUp = context.options.followUpDays;
        const counts = context.countDeals(band, (i) => {
            const meeting = o.firstMeetingDay[i]!;
            if (meeting === noDay) return null;
            const closed = o.status[i] !== Status.open;
            if (asOfDay - meeting < followUp) return null;
            // Lost (or closed) within the follow-up days: a loss, not a stall.
            if (closed && o.closeDay[i]! <= meeting + followUp && o.status[i] === Status.lost) return null;
            // Closed on or before the day of the meeting: the meeting had no deal left to move.
            if (closed && o.closeDay[i]! <= meeting) return null;
            const before = o.rankAtMeeting[i] !== noRank ? o.rankAtMeeting[i]! : o.firstRank[i]!;
            if (before === noRank) return null;
            return o.rankAfterMeeting[i]! <= before;
        });
        return { ...counts, detail: `${followUp} days` };
    },
};
