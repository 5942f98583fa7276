import { noDay } from '../../core/days';
import { Status } from '../../records/opportunityStore';
import type { SignalDefinition } from '../signal';

export const darkAfterMeeting: SignalDefinition = {
    name: 'darkAfterMeeting',
    label: 'Buyer went quiet after a meeting',
    skill: 'emotional-intelligence',
    describe: 'Of the lost deals and the open deals whose last meeting is at least the follow-up days old, the share with no task and no stage change after that meeting: the deal went dark.',
    trials: 'lost or open deals with a meeting',
    event: 'went dark after the last meeting (no follow-up, no stage change)',
    finding: 'more deals going dark after meetings',
    banded: true,
    compute(context, band) {
        const o = context.dataset.opportunities;
        const { asOfDay } = context.dataset;
        return context.countDeals(band, (i) => {
            const meeting = o.lastMeetingDay[i]!;
            if (meeting === noDay || o.status[i] === Status.won) return null;
            if (o.status[i] === Status.open && asOfDay - meeting < context.options.followUpDays) return null;
            return o.lastTaskDay[i]! <= meeting && o.lastChangeDay[i]! <= meeting;
        });
    },
};
