import { dealAgendaLines, dealLabel, dealsSince, dealsToDiscuss } from 'c/dealsToDiscuss';
import prep from '../../oneOnOnePrep/__tests__/data/prep.json';

const { openDeals, lostDeals } = prep.dealSources;
const TODAY = '2026-03-18';

describe('c/dealsToDiscuss', () => {
    it('lists slipped, stalled and lost deals biggest first, each with why', () => {
        const deals = dealsToDiscuss({ openDeals, lostDeals, today: TODAY, lastSessionDate: '2026-03-04' });
        expect(deals.map((deal) => [dealLabel(deal), deal.reason])).toEqual([
            ['Acme — 200 licenses ($120,000, Proposal/Price Quote)', 'slipped since the last session: close date Mar 10, 2026'],
            ['Hooli platform ($60,000, Closed Lost)', 'lost on Mar 12, 2026'],
            ['Globex renewal ($45,000, Needs Analysis)', 'no stage change since Feb 2, 2026'],
            ['Initech pilot ($30,000, Qualification)', 'past its close date of Jan 15, 2026'],
        ]);
    });

    it('says a deal slipped since the last session only when its close date passed after that session', () => {
        const deals = dealsToDiscuss({ openDeals, lostDeals, today: TODAY, lastSessionDate: '2026-03-13' });
        expect(deals.find((deal) => deal.name.startsWith('Acme'))!.reason).toBe('past its close date of Mar 10, 2026');
        // Lost before that session: already discussed.
        expect(deals.map((deal) => deal.name)).not.toContain('Hooli platform');
    });

    it('without a session counts stalled and lost deals over the last 30 days and never says "since the last session"', () => {
        expect(dealsSince(TODAY, undefined)).toBe('2026-02-16');
        const deals = dealsToDiscuss({ openDeals, lostDeals, today: TODAY, lastSessionDate: null });
        expect(deals.map((deal) => deal.name)).toEqual(['Acme — 200 licenses', 'Stark audit', 'Hooli platform', 'Globex renewal', 'Initech pilot']);
        expect(deals.every((deal) => !deal.reason.includes('last session'))).toBe(true);
    });

    it('names a deal without amount or stage by its name alone', () => {
        const [deal] = dealsToDiscuss({ openDeals: [{ Id: '0065g00000Dl999AAB', CloseDate: { value: '2026-03-01' } }], today: TODAY });
        expect(dealLabel(deal!)).toBe('Opportunity');
    });

    it('names at most the limit in the agenda and counts the rest', () => {
        const deals = dealsToDiscuss({ openDeals, lostDeals, today: TODAY, lastSessionDate: '2026-03-04' });
        expect(dealAgendaLines(deals, 2)).toEqual([
            'Deals to discuss:',
            '- Acme — 200 licenses ($120,000, Proposal/Price Quote): slipped since the last session: close date Mar 10, 2026',
            '- Hooli platform ($60,000, Closed Lost): lost on Mar 12, 2026',
            '- and 2 more deals',
        ]);
        expect(dealAgendaLines([], 8)).toEqual([]);
    });
});
