import { StageEvidence, stageTableFromDefinitions } from '../stages';

describe('the stage table', () => {
    const definitions = [
        { name: 'Negotiation', aliases: ['Negotiation_Review'], sortOrder: 3, probability: 90, isClosed: false, isWon: false },
        { name: 'Prospecting', sortOrder: 1, probability: 10, isClosed: false, isWon: false },
        { name: 'Proposal', sortOrder: 2, probability: 60, isClosed: false, isWon: false },
        { name: 'Closed Won', sortOrder: 4, probability: 100, isClosed: true, isWon: true },
        { name: 'Closed Lost', sortOrder: 5, probability: 0, isClosed: true, isWon: false },
    ];

    it('orders open stages by SortOrder and marks decision stages at 50% or more', () => {
        const table = stageTableFromDefinitions(definitions, undefined, 50);
        expect(table.openStages.map((stage) => stage.name)).toEqual(['Prospecting', 'Proposal', 'Negotiation']);
        expect(table.decisionStageNames).toEqual(['Proposal', 'Negotiation']);
        expect(table.firstDecisionRank).toBe(1);
        expect(table.get('closed won')?.isWon).toBe(true);
    });

    it('takes a configured list of decision stages instead of the probability rule', () => {
        expect(stageTableFromDefinitions(definitions, ['negotiation'], 50).decisionStageNames).toEqual(['Negotiation']);
    });

    it('finds a stage by its ApiName too', () => {
        expect(stageTableFromDefinitions(definitions, undefined, 50).get('Negotiation_Review')?.name).toBe('Negotiation');
    });

    it('infers order and closed stages from the data when OpportunityStage is missing', () => {
        const evidence = new StageEvidence();
        evidence.note('Demo', 40, false, false);
        evidence.note('Discovery', 10, false, false);
        evidence.note('Contract', 80, null, null);
        evidence.note('Won', 100, true, true);
        evidence.note('Closed Lost', 0, null, null);
        const table = evidence.infer(undefined, 50);
        expect(table.inferred).toBe(true);
        expect(table.openStages.map((stage) => stage.name)).toEqual(['Discovery', 'Demo', 'Contract']);
        expect(table.get('Won')).toMatchObject({ isClosed: true, isWon: true });
        expect(table.get('Closed Lost')).toMatchObject({ isClosed: true, isWon: false });
        expect(table.decisionStageNames).toEqual(['Contract']);
    });
});
