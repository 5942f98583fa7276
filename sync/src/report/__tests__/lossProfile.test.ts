import { fewLossesCaveat, lossHeadline, type LossStage } from '../lossProfile';

const stage = (name: string, rep: number, team: number, decision = false): LossStage => ({ stage: name, rep, team, decision });
// 16 of the rep's 43 losses at Qualification, 20 at the decision stages; the rest of the team: 60 losses.
const stages = [stage('Prospecting', 4, 12), stage('Qualification', 16, 18), stage('Needs Analysis', 3, 12), stage('Proposal/Price Quote', 14, 12, true), stage('Negotiation/Review', 6, 6, true)];

describe('the loss chart headline', () => {
    it('speaks of the decision stages when the suggestion is about the decision process', () => {
        expect(lossHeadline(stages, 'Decision Process')).toBe('20 of 43 losses came at the decision stages (Proposal/Price Quote, Negotiation/Review); team: 30% of its losses.');
    });

    it('speaks of the stages before them for emotional intelligence, where losses soon after a meeting die', () => {
        expect(lossHeadline(stages, 'Emotional Intelligence')).toBe('23 of 43 losses came before the decision stages; team: 70% of its losses.');
    });

    it('otherwise names the stage furthest above the team, or says losses are in line', () => {
        expect(lossHeadline(stages, 'Priority Management')).toBe('14 of 43 losses came at Proposal/Price Quote; team: 20% of its losses.');
        expect(lossHeadline([stage('Prospecting', 2, 4), stage('Qualification', 1, 2)], null)).toBe('Losses by stage are in line with the team.');
    });

    it('says "few deals" when a handful of losses make the shares', () => {
        expect(fewLossesCaveat([stage('Prospecting', 3, 20), stage('Qualification', 1, 12)])).toBe('Few deals: 4 losses in all, so one more or less moves a share a lot.');
        expect(fewLossesCaveat(stages)).toBe('');
        expect(fewLossesCaveat([stage('Prospecting', 0, 20)])).toBe('');
    });
});
