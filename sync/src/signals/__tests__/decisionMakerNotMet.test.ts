import { ExportBuilder } from '../../testing/exportBuilder';
import { signalCounts } from '../../testing/signalCounts';

describe('decisionMakerNotMet', () => {
    const lost = { stage: 'Closed Lost', created: '2026-01-05', close: '2026-03-20' } as const;
    /** An export with one rep, Ana, and two contacts to name on her deals. */
    const withTwoContacts = () => {
        const b = new ExportBuilder();
        return { b, ana: b.rep('Ana'), first: b.id('003'), second: b.id('003') };
    };

    it('counts closed deals whose named decision maker no meeting or completed task was with', async () => {
        const b = new ExportBuilder();
        const ana = b.rep('Ana');
        const [dm1, dm2, dm3, dm4, other] = Array.from({ length: 5 }, () => b.id('003'));
        // Met at a meeting, and on a completed call: not counted.
        b.deal(ana, { ...lost, roles: [{ role: 'Decision Maker', contact: dm1! }], meetings: [{ day: '2026-02-01', with: dm1! }] });
        b.deal(ana, { ...lost, roles: [{ role: 'Economic Buyer', contact: dm2! }], tasks: [{ due: '2026-02-01', done: true, with: dm2! }] });
        // Only the other contact was met, or the decision maker only on a task still open: counted.
        b.deal(ana, { ...lost, roles: [{ role: 'Decision Maker', contact: dm3! }, { role: 'Influencer', contact: other! }], meetings: [{ day: '2026-02-01', with: other! }] });
        b.deal(ana, { ...lost, roles: [{ role: 'Decision Maker', contact: dm4! }], tasks: [{ due: '2026-02-01', done: true, with: other! }, { due: '2026-03-01', done: false, with: dm4! }] });
        expect(await signalCounts(b, 'decisionMakerNotMet', [ana])).toEqual([[2, 4]]);
    });

    it('leaves out deals without a decision maker, deals whose activities name no contact, and open deals', async () => {
        const { b, ana, first: dm, second: other } = withTwoContacts();
        b.deal(ana, { ...lost, roles: [{ role: 'Influencer', contact: other }], meetings: [{ day: '2026-02-01', with: other }] });
        b.deal(ana, { ...lost, roles: [{ role: 'Decision Maker', contact: dm }], meetings: ['2026-02-01'], tasks: [{ due: '2026-02-02', done: true }] });
        b.deal(ana, { stage: 'Qualification', created: '2026-05-01', close: '2026-09-01', roles: [{ role: 'Decision Maker', contact: dm }], meetings: [{ day: '2026-06-01', with: other }] });
        expect(await signalCounts(b, 'decisionMakerNotMet', [ana])).toEqual([[0, 0]]);
    });

    it('matches the decision maker on this deal only, whether its ids are written with 15 or 18 characters', async () => {
        const { b, ana, first: dm, second: elsewhere } = withTwoContacts();
        b.deal(ana, { ...lost, roles: [{ role: 'Decision Maker', contact: dm }], meetings: [{ day: '2026-02-01', with: dm.slice(0, 15) }] });
        // The contact met is a decision maker on another deal, not on this one.
        b.deal(ana, { ...lost, roles: [{ role: 'Decision Maker', contact: elsewhere }], meetings: [{ day: '2026-02-01', with: dm }] });
        expect(await signalCounts(b, 'decisionMakerNotMet', [ana])).toEqual([[1, 2]]);
    });

    it('counts a meeting held after the as-of day as not held', async () => {
        const { b, ana, first: dm, second: other } = withTwoContacts();
        b.deal(ana, { ...lost, roles: [{ role: 'Decision Maker', contact: dm }], meetings: [{ day: '2026-02-01', with: other }, { day: '2026-07-15', with: dm }] });
        expect(await signalCounts(b, 'decisionMakerNotMet', [ana])).toEqual([[1, 1]]);
    });
});
