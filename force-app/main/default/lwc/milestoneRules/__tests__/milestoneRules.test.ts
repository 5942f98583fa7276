import {
    checkDefinitions,
    completionKey,
    evaluateMilestones,
    evidenceFieldNames,
    stageOrderFromDefinitions,
    type EvidenceSources,
    type MilestoneDefinition,
    type OpportunityFacts,
    type RawDefinition,
} from 'c/milestoneRules';

const STAGES = [
    'Prospecting',
    'Qualification',
    'Needs Analysis',
    'Value Proposition',
    'Id. Decision Makers',
    'Perception Analysis',
    'Proposal/Price Quote',
    'Negotiation/Review',
    'Closed Won',
    'Closed Lost',
];

const RAW: RawDefinition[] = [
    { id: 'a01000000000001AAA', key: 'prospecting-first-call', name: 'First call held', stage: 'Prospecting', order: 10, evidenceType: 'Activity', evidenceValue: 'Call' },
    { id: 'a01000000000002AAA', key: 'prospecting-next-step', name: 'Next step agreed', stage: 'Prospecting', order: 20, evidenceType: 'Field Filled', evidenceValue: 'NextStep' },
    { id: 'a01000000000003AAA', key: 'qualification-qualified', name: 'Deal qualified', stage: 'Qualification', order: 30, evidenceType: 'Manual', guidance: 'Confirm budget, authority, need and timing.' },
    { id: 'a01000000000004AAA', key: 'decision-makers-decision-maker', name: 'Decision maker identified', stage: 'Id. Decision Makers', order: 100, evidenceType: 'Contact Role', evidenceValue: 'Decision Maker' },
    { id: 'a01000000000005AAA', key: 'decision-makers-economic-buyer', name: 'Economic buyer identified', stage: 'Id. Decision Makers', order: 110, evidenceType: 'Contact Role', evidenceValue: 'Economic Buyer', minimumAmount: 100000 },
    { id: 'a01000000000006AAA', key: 'proposal-reviewed', name: 'Proposal reviewed with the decision maker', stage: 'Proposal/Price Quote', order: 150, evidenceType: 'Activity', evidenceValue: 'Meeting' },
];

function definitions(): MilestoneDefinition[] {
    return checkDefinitions(RAW).definitions;
}

function opportunity(overrides: Partial<OpportunityFacts> = {}): OpportunityFacts {
    return {
        stageName: 'Qualification',
        isClosed: false,
        amount: 50000,
        amountReadable: true,
        fields: { NextStep: { readable: true, value: null, displayValue: null } },
        ...overrides,
    };
}

function sources(overrides: Partial<EvidenceSources> = {}): EvidenceSources {
    return { contactRoles: [], activities: [], completions: [], ...overrides };
}

function evaluate(opp: Partial<OpportunityFacts> = {}, src: Partial<EvidenceSources> = {}) {
    return evaluateMilestones({ definitions: definitions(), stageOrder: STAGES, opportunity: opportunity(opp), sources: sources(src) });
}

function statusByKey(result: ReturnType<typeof evaluate>) {
    return Object.fromEntries(result.milestones.map((item) => [item.definition.key, item.status]));
}

describe('field labels', () => {
    it('names a Field Filled field by its label, never by its API name', () => {
        const labels = { NextStep: 'Next Step' };
        const open = evaluateMilestones({ definitions: definitions(), stageOrder: STAGES, opportunity: opportunity(), sources: sources(), fieldLabels: labels });
        expect(open.milestones.find((item) => item.definition.key === 'prospecting-next-step')?.need).toBe('Fill in Next Step.');
        const done = evaluateMilestones({
            definitions: definitions(),
            stageOrder: STAGES,
            opportunity: opportunity({ fields: { NextStep: { readable: true, value: 'Demo', displayValue: null } } }),
            sources: sources(),
            fieldLabels: labels,
        });
        expect(done.milestones.find((item) => item.definition.key === 'prospecting-next-step')?.evidence?.summary).toBe('Next Step: Demo');
        const hidden = evaluateMilestones({ definitions: definitions(), stageOrder: STAGES, opportunity: opportunity({ fields: {} }), sources: sources(), fieldLabels: labels });
        expect(hidden.milestones.find((item) => item.definition.key === 'prospecting-next-step')?.need).toBe(
            "You can't see the field Next Step, so this can't be checked.",
        );
    });

    it('says a contact role is there when the contact name is hidden', () => {
        const result = evaluate({ stageName: 'Id. Decision Makers' }, { contactRoles: [{ id: 'r', role: 'Decision Maker', contactName: null }] });
        expect(result.milestones.find((item) => item.definition.key === 'decision-makers-decision-maker')?.evidence?.summary).toBe('Decision Maker added');
    });
});

describe('dependent milestones', () => {
    const withDependency = (): MilestoneDefinition[] =>
        checkDefinitions([
            ...RAW,
            { id: 'a01000000000007AAA', key: 'proposal-walkthrough', name: 'Proposal walked through', stage: 'Proposal/Price Quote', order: 160, evidenceType: 'Manual', dependsOn: 'decision-makers-decision-maker, proposal-reviewed' },
        ]).definitions;
    const at = (roles: EvidenceSources['contactRoles']) =>
        evaluateMilestones({
            definitions: withDependency(),
            stageOrder: STAGES,
            opportunity: opportunity({ stageName: 'Proposal/Price Quote' }),
            sources: sources({ contactRoles: roles }),
        }).milestones.find((item) => item.definition.key === 'proposal-walkthrough')!;

    it('reads Depends_On__c as keys', () => {
        expect(withDependency().find((item) => item.key === 'proposal-walkthrough')?.dependsOn).toEqual(['decision-makers-decision-maker', 'proposal-reviewed']);
    });

    it("can't be confirmed while what it depends on is missing, and says which", () => {
        const blocked = at([]);
        expect(blocked.canConfirm).toBe(false);
        expect(blocked.blockedBy.map((item) => item.key)).toEqual(['decision-makers-decision-maker', 'proposal-reviewed']);
        expect(blocked.need).toBe('Can be confirmed once "Decision maker identified" and "Proposal reviewed with the decision maker" are done.');
    });

    it('can be confirmed once its dependencies are done', () => {
        const result = evaluateMilestones({
            definitions: withDependency(),
            stageOrder: STAGES,
            opportunity: opportunity({ stageName: 'Proposal/Price Quote' }),
            sources: sources({
                contactRoles: [{ id: 'r', role: 'Decision Maker', contactName: 'Dana Ito' }],
                activities: [{ id: 'e', kind: 'Event', type: 'Meeting', subtype: null, subject: 'Review', date: '2026-10-01', happened: true }],
            }),
        });
        const item = result.milestones.find((candidate) => candidate.definition.key === 'proposal-walkthrough')!;
        expect(item).toMatchObject({ canConfirm: true, blockedBy: [], need: 'Confirm it here once it is done.' });
    });

    it('treats a dependency it can\'t check as not done', () => {
        expect(at(null).blockedBy.map((item) => item.key)).toContain('decision-makers-decision-maker');
    });

    it('reports a dependency naming no milestone, and itself', () => {
        const { definitions: kept, problems } = checkDefinitions([
            ...RAW,
            { id: 'x7', key: 'loop', name: 'Loop', stage: 'Prospecting', order: 5, evidenceType: 'Manual', dependsOn: 'loop; nowhere' },
        ]);
        expect(problems).toEqual([
            {
                milestoneName: 'Loop',
                problem: 'depends on "loop", "nowhere", which are not another active milestone\'s key',
                fix: 'Set Depends_On__c to the Milestone_Key__c of other active milestones, separated by commas.',
            },
        ]);
        expect(kept.find((item) => item.key === 'loop')?.dependsOn).toEqual([]);
    });
});

describe('checkDefinitions', () => {
    it('keeps complete definitions and reports each incomplete one with the field to fix', () => {
        const { definitions: kept, problems } = checkDefinitions([
            ...RAW,
            { id: 'x1', name: 'No type', stage: 'Prospecting', order: 5, evidenceType: null },
            { id: 'x2', name: 'Bad type', stage: 'Prospecting', order: 6, evidenceType: 'Email' },
            { id: 'x3', name: 'Role missing', stage: 'Prospecting', order: 7, evidenceType: 'Contact Role', evidenceValue: '  ' },
            { id: 'x4', name: 'Field with spaces', stage: 'Prospecting', order: 8, evidenceType: 'Field Filled', evidenceValue: 'Next Step' },
            { id: 'x5', name: 'No stage', stage: '', order: 9, evidenceType: 'Manual' },
            { id: 'x6', name: 'No order', stage: 'Prospecting', order: null, evidenceType: 'Manual' },
        ]);
        expect(kept.map((item) => item.id)).toEqual(RAW.map((item) => item.id));
        expect(problems).toEqual([
            { milestoneName: 'No type', problem: 'has no evidence type', fix: 'Set Evidence_Type__c to one of: Contact Role, Activity, Field Filled, Manual.' },
            expect.objectContaining({ milestoneName: 'Bad type', problem: 'has an unknown evidence type "Email"' }),
            expect.objectContaining({ milestoneName: 'Role missing', fix: 'Set Evidence_Value__c to the contact role, e.g. Decision Maker.' }),
            expect.objectContaining({ milestoneName: 'Field with spaces', problem: 'names "Next Step", which is not an Opportunity field API name' }),
            expect.objectContaining({ milestoneName: 'No stage', fix: 'Set Stage__c to the Opportunity stage it belongs to.' }),
            expect.objectContaining({ milestoneName: 'No order', fix: 'Set Order__c to its position in the sales process.' }),
        ]);
    });

    it('treats a zero or blank minimum amount as "every deal" and drops the value of Manual milestones', () => {
        const [zero, manual] = checkDefinitions([
            { id: 'z', name: 'Zero', stage: 'Prospecting', order: 1, evidenceType: 'Activity', evidenceValue: 'Call', minimumAmount: 0 },
            { id: 'm', name: 'Manual', stage: 'Prospecting', order: 2, evidenceType: 'Manual', evidenceValue: 'ignored' },
        ]).definitions;
        expect(zero.minimumAmount).toBeNull();
        expect(manual.evidenceValue).toBeNull();
    });
});

describe('evidenceFieldNames and stageOrderFromDefinitions', () => {
    it('lists each Field Filled field once, qualified for getRecord', () => {
        expect(evidenceFieldNames(definitions())).toEqual(['Opportunity.NextStep']);
    });

    it('orders stages by their first milestone', () => {
        expect(stageOrderFromDefinitions(definitions())).toEqual([
            'Prospecting',
            'Qualification',
            'Id. Decision Makers',
            'Proposal/Price Quote',
        ]);
    });
});

describe('evaluateMilestones: evidence', () => {
    it('marks a contact role milestone done by the matching role, case-insensitively, naming the contact', () => {
        const result = evaluate(
            { stageName: 'Id. Decision Makers' },
            { contactRoles: [{ id: 'r1', role: 'decision maker', contactName: 'Dana Ito' }] },
        );
        const decisionMaker = result.milestones.find((item) => item.definition.key === 'decision-makers-decision-maker');
        expect(decisionMaker?.status).toBe('done');
        expect(decisionMaker?.evidence?.summary).toBe('decision maker: Dana Ito');
    });

    it('counts only activities that happened, of the given type or task subtype, most recent first', () => {
        const result = evaluate(
            {},
            {
                activities: [
                    { id: 't1', kind: 'Task', type: 'Call', subtype: 'Call', subject: 'Planned call', date: '2026-12-01', happened: false },
                    { id: 't2', kind: 'Task', type: null, subtype: 'Call', subject: 'Intro call', date: '2026-10-02', happened: true },
                    { id: 't3', kind: 'Task', type: 'Call', subtype: 'Task', subject: 'Follow-up call', date: '2026-10-09', happened: true },
                ],
            },
        );
        const call = result.milestones.find((item) => item.definition.key === 'prospecting-first-call');
        expect(call?.status).toBe('done');
        expect(call?.evidence).toEqual({ type: 'Activity', summary: 'Call: Follow-up call', date: '2026-10-09', completion: null });
    });

    it('names the activity by its subject, unless the subject only repeats the type', () => {
        const result = evaluate(
            {},
            { activities: [{ id: 't1', kind: 'Task', type: 'Call', subtype: 'Call', subject: 'call', date: '2026-10-02', happened: true }] },
        );
        expect(result.milestones.find((item) => item.definition.key === 'prospecting-first-call')?.evidence?.summary).toBe('Call logged');
    });

    it('treats a past event without a type as a meeting, and a future one as not yet held', () => {
        const held = evaluate(
            { stageName: 'Proposal/Price Quote' },
            { activities: [{ id: 'e1', kind: 'Event', type: null, subtype: null, subject: 'Proposal walkthrough', date: '2026-11-02T15:00:00.000Z', happened: true }] },
        );
        expect(statusByKey(held)['proposal-reviewed']).toBe('done');
        const planned = evaluate(
            { stageName: 'Proposal/Price Quote' },
            { activities: [{ id: 'e1', kind: 'Event', type: 'Meeting', subtype: null, subject: 'Proposal walkthrough', date: '2026-12-02T15:00:00.000Z', happened: false }] },
        );
        expect(statusByKey(planned)['proposal-reviewed']).toBe('open');
    });

    it('marks a filled field done with its display value, and a blank one open', () => {
        const filled = evaluate({ fields: { NextStep: { readable: true, value: 'Demo on Friday', displayValue: null } } });
        const nextStep = filled.milestones.find((item) => item.definition.key === 'prospecting-next-step');
        expect(nextStep?.status).toBe('done');
        expect(nextStep?.evidence?.summary).toBe('NextStep: Demo on Friday');
        const blank = evaluate({ fields: { NextStep: { readable: true, value: '   ', displayValue: null } } });
        expect(statusByKey(blank)['prospecting-next-step']).toBe('open');
    });

    it('marks a manual milestone done by its confirmation, naming who confirmed and when; without one it can be confirmed', () => {
        const completion = {
            id: 'a02000000000001AAA',
            milestoneId: 'a01000000000003AAA',
            confirmedById: '005000000000001AAA',
            confirmedByName: 'Ana Lopez',
            confirmedOn: '2026-11-20T10:00:00.000Z',
        };
        const confirmed = evaluate({}, { completions: [completion] });
        const qualified = confirmed.milestones.find((item) => item.definition.key === 'qualification-qualified');
        expect(qualified).toMatchObject({ status: 'done', canConfirm: false });
        expect(qualified?.evidence).toEqual({ type: 'Manual', summary: 'Confirmed by Ana Lopez', date: completion.confirmedOn, completion });

        const undone = evaluate({}, { completions: [] });
        expect(undone.milestones.find((item) => item.definition.key === 'qualification-qualified')).toMatchObject({ status: 'open', canConfirm: true });
    });

    it("says a milestone can't be checked when the viewer can't read its evidence, and never warns about it", () => {
        const result = evaluate(
            { stageName: 'Proposal/Price Quote', fields: {} },
            { contactRoles: null, activities: null },
        );
        const status = statusByKey(result);
        expect(status['prospecting-first-call']).toBe('unverifiable');
        expect(status['prospecting-next-step']).toBe('unverifiable');
        expect(status['decision-makers-decision-maker']).toBe('unverifiable');
        expect(result.milestones.find((item) => item.definition.key === 'prospecting-next-step')?.need).toBe(
            "You can't see the field NextStep, so this can't be checked.",
        );
        expect(result.missingEarlier.map((item) => item.definition.key)).toEqual(['qualification-qualified']);
    });
});

describe('evaluateMilestones: stage and next milestone', () => {
    it('lists the current and earlier stages only, in process order', () => {
        const result = evaluate({ stageName: 'Qualification' });
        expect(result.milestones.map((item) => [item.definition.key, item.stageRelation])).toEqual([
            ['prospecting-first-call', 'earlier'],
            ['prospecting-next-step', 'earlier'],
            ['qualification-qualified', 'current'],
        ]);
    });

    it('warns when the stage is ahead of the milestones, naming the missing ones', () => {
        const result = evaluate(
            { stageName: 'Proposal/Price Quote', fields: { NextStep: { readable: true, value: 'Send quote', displayValue: null } } },
            { activities: [{ id: 't', kind: 'Task', type: 'Call', subtype: 'Call', subject: 'Intro', date: '2026-10-01', happened: true }] },
        );
        expect(result.missingEarlier.map((item) => item.definition.name)).toEqual(['Deal qualified', 'Decision maker identified']);
        // Next is the current stage's first open milestone, not the earliest gap.
        expect(result.next?.definition.name).toBe('Proposal reviewed with the decision maker');
        expect(result.current.map((item) => item.definition.key)).toEqual(['proposal-reviewed']);
        expect(result.nextIsUpcoming).toBe(false);
    });

    it('lists the later stages separately from the current and earlier ones', () => {
        const result = evaluate({ stageName: 'Qualification' });
        expect(result.current.map((item) => item.definition.key)).toEqual(['qualification-qualified']);
        expect(result.later.map((item) => item.definition.key)).toEqual(['decision-makers-decision-maker', 'proposal-reviewed']);
        expect(result.milestones.map((item) => item.stageRelation)).not.toContain('later');
    });

    it('does not warn about open milestones of the current stage', () => {
        const result = evaluate(
            { stageName: 'Qualification', fields: { NextStep: { readable: true, value: 'x', displayValue: null } } },
            { activities: [{ id: 't', kind: 'Task', type: 'Call', subtype: 'Call', subject: 'Intro', date: '2026-10-01', happened: true }] },
        );
        expect(result.missingEarlier).toEqual([]);
        expect(result.next?.definition.key).toBe('qualification-qualified');
        expect(result.doneCount).toBe(2);
    });

    it('points to the first milestone of a later stage once everything so far is done', () => {
        const result = evaluate(
            { stageName: 'Prospecting', fields: { NextStep: { readable: true, value: 'x', displayValue: null } } },
            { activities: [{ id: 't', kind: 'Task', type: 'Call', subtype: 'Call', subject: 'Intro', date: '2026-10-01', happened: true }] },
        );
        expect(result.next?.definition.key).toBe('qualification-qualified');
        expect(result.nextIsUpcoming).toBe(true);
    });

    it('has no warning and no next milestone for a closed deal', () => {
        const result = evaluate({ stageName: 'Closed Won', isClosed: true });
        expect(result.milestones).toHaveLength(5);
        expect(result.missingEarlier).toEqual([]);
        expect(result.next).toBeNull();
    });

    it('measures nothing when the stage has no place in the stage order', () => {
        const result = evaluate({ stageName: 'Legacy Stage' });
        expect(result).toMatchObject({ stageKnown: false, milestones: [], next: null });
        const hidden = evaluate({ stageName: null });
        expect(hidden.stageKnown).toBe(false);
    });

    it('reports definitions whose stage is not an Opportunity stage and leaves them out', () => {
        const { definitions: defs } = checkDefinitions([
            ...RAW,
            { id: 'x', name: 'Typo stage', stage: 'Proposal', order: 140, evidenceType: 'Manual' },
        ]);
        const result = evaluateMilestones({ definitions: defs, stageOrder: STAGES, opportunity: opportunity({ stageName: 'Negotiation/Review' }), sources: sources() });
        expect(result.problems).toEqual([expect.objectContaining({ milestoneName: 'Typo stage', problem: 'names the stage "Proposal", which is not an Opportunity stage' })]);
        expect(result.milestones.some((item) => item.definition.name === 'Typo stage')).toBe(false);
    });
});

describe('evaluateMilestones: deal size', () => {
    const decisionStage = { stageName: 'Id. Decision Makers' };

    it('holds a large deal to the stricter process', () => {
        const large = evaluate({ ...decisionStage, amount: 10_000_000 });
        expect(Object.keys(statusByKey(large))).toContain('decision-makers-economic-buyer');
        expect(large.belowMinimumAmount).toBe(0);
    });

    it('spares a small deal the milestones above its size, and counts them', () => {
        const small = evaluate({ ...decisionStage, amount: 10 });
        expect(Object.keys(statusByKey(small))).not.toContain('decision-makers-economic-buyer');
        expect(small.belowMinimumAmount).toBe(1);
        expect(small.amountNote).toBeNull();
    });

    it('applies a minimum at exactly that amount', () => {
        expect(Object.keys(statusByKey(evaluate({ ...decisionStage, amount: 100000 })))).toContain('decision-makers-economic-buyer');
    });

    it('says why when the amount is blank or hidden', () => {
        expect(evaluate({ ...decisionStage, amount: null }).amountNote).toBe('blank');
        const hidden = evaluate({ ...decisionStage, amount: null, amountReadable: false });
        expect(hidden.amountNote).toBe('hidden');
        expect(hidden.belowMinimumAmount).toBe(1);
    });
});

describe('completionKey', () => {
    it('joins the opportunity and milestone ids', () => {
        expect(completionKey('006000000000001AAA', 'a01000000000003AAA')).toBe('006000000000001AAA:a01000000000003AAA');
    });
});
