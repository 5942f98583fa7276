import { noDay } from '../../core/days';
import { Status, noRank } from '../../records/opportunityStore';
import type { SignalDefinition } from '../signal';

export const meetingWithoutAdvance: SignalDefinition = {
    name: 'meetingWithoutAdvance',
    skill: 'emotional-intelligence',
    describe: 'Of the deals with a first meeting at least the follow-up days (30 by default) old, the share that did not move to a later stage (or win) within those days.',
    trials: 'deals with a first meeting',
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
            if (closed && meeting > o.closeDay[i]!) return null;
            if (!closed && asOfDay - meeting < followUp) return null;
            const before = o.rankAtMeeting[i] !== noRank ? o.rankAtMeeting[i]! : o.firstRank[i]!;
            if (before === noRank) return null;
            return o.rankAfterMeeting[i]! <= before;
        });
        return { ...counts, detail: `${followUp} days` };
    },
};
