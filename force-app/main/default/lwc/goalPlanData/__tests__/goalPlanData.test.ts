import {
    apiName,
    calendarYearPeriod,
    computeSteppingStones,
    confidenceInWords,
    confidencePercent,
    errorMessage,
    fieldValue,
    isOverdue,
    linesOf,
    parseEvidenceJson,
    parseLossProfile,
    planKey,
    signalName,
    startOfDayInTimeZone,
    supportingEvidence,
    todayIso,
    toGoalPlan,
    toId18,
    weeklyTargetOf,
} from 'c/goalPlanData';
import type { GoalPlan } from 'c/goalPlanData';

describe('goalPlanData', () => {
    describe('startOfDayInTimeZone', () => {
        it("is the day's midnight in the viewer's time zone, as a UTC instant", () => {
            // The jest default @salesforce/i18n/timeZone is America/Los_Angeles: UTC-8 in winter.
            expect(startOfDayInTimeZone('2026-01-01')).toBe('2026-01-01T08:00:00.000Z');
            expect(startOfDayInTimeZone('2026-07-01', 'America/Los_Angeles')).toBe('2026-07-01T07:00:00.000Z');
            expect(startOfDayInTimeZone('2026-01-01', 'Asia/Tokyo')).toBe('2025-12-31T15:00:00.000Z');
            expect(startOfDayInTimeZone('2026-01-01', 'Asia/Kolkata')).toBe('2025-12-31T18:30:00.000Z');
            expect(startOfDayInTimeZone('2026-01-01', 'UTC')).toBe('2026-01-01T00:00:00.000Z');
        });

        it('finds midnight on the day a daylight-saving change happens', () => {
            // Europe/London moves to UTC+1 at 01:00 UTC on 2026-03-29: midnight is still UTC+0.
            expect(startOfDayInTimeZone('2026-03-29', 'Europe/London')).toBe('2026-03-29T00:00:00.000Z');
            expect(startOfDayInTimeZone('2026-03-30', 'Europe/London')).toBe('2026-03-29T23:00:00.000Z');
        });

        it('falls back to UTC midnight for a time zone the browser does not know', () => {
            expect(startOfDayInTimeZone('2026-01-01', 'Mars/Olympus_Mons')).toBe('2026-01-01T00:00:00.000Z');
        });
    });

    it('reads API names from schema imports and from qualified strings', () => {
        expect(apiName({ objectApiName: 'Goal_Plan__c', fieldApiName: 'Why_Goal__c' })).toBe('Why_Goal__c');
        expect(apiName({ objectApiName: 'Goal_Plan__c' })).toBe('Goal_Plan__c');
        expect(apiName('Goal_Plan__c.Why_Goal__c')).toBe('Why_Goal__c');
    });

    it('builds the plan key from the 18-character rep id and the period start', () => {
        expect(toId18('0015000000Gv7qJ')).toBe('0015000000Gv7qJAAR');
        expect(toId18('0015000000Gv7qJAAR')).toBe('0015000000Gv7qJAAR');
        expect(planKey('0015000000Gv7qJ', '2026-01-01')).toBe('0015000000Gv7qJAAR:2026-01-01');
        expect(calendarYearPeriod('2026-03-18')).toEqual({ start: '2026-01-01', end: '2026-12-31', label: 'FY2026' });
    });

    it('tells an unreadable field (absent) from an empty one (null)', () => {
        const node = { Id: 'a01', Why_Goal__c: { value: null }, Name: { value: 'Plan' } };
        expect(fieldValue(node, 'Why_Goal__c')).toBeNull();
        expect(fieldValue(node, 'Why_Ladder__c')).toBeUndefined();
        expect(fieldValue(node, 'Id')).toBe('a01');
        const plan = toGoalPlan(node);
        expect(plan.whyGoal).toBeNull();
        expect(plan.whyLadder).toBeUndefined();
    });

    it('turns a $1M year of 50 selling weeks into a $20K week when the formula is not readable', () => {
        const plan = { outcomeTarget: 1000000, sellingWeeks: 50, weeklyTarget: undefined } as unknown as GoalPlan;
        expect(weeklyTargetOf(plan)).toBe(20000);
        expect(weeklyTargetOf({ ...plan, sellingWeeks: null })).toBe(20000);
        expect(weeklyTargetOf({ ...plan, outcomeTarget: null })).toBeNull();
    });

    it('counts weeks hit, the current streak and the best streak', () => {
        // Weeks from Monday 2026-01-05; today is in week 6 (index 5).
        const wins = [
            { closeDate: '2026-01-06', amount: 25000 }, // week 0 hit
            { closeDate: '2026-01-13', amount: 15000 }, // week 1: 15K + 6K = hit
            { closeDate: '2026-01-18', amount: 6000 },
            { closeDate: '2026-01-20', amount: 20000 }, // week 2 hit
            { closeDate: '2026-01-27', amount: 5000 }, // week 3 missed
            { closeDate: '2026-02-03', amount: 40000 }, // week 4 hit
            { closeDate: '2025-12-30', amount: 90000 }, // before the period: ignored
        ];
        const stones = computeSteppingStones('2026-01-05', '2026-02-10', 20000, wins);
        expect(stones.weeksElapsed).toBe(6);
        expect(stones.weeks.map((week) => week.hit)).toEqual([true, true, true, false, true, false]);
        expect(stones.weeksHit).toBe(4);
        expect(stones.bestStreak).toBe(3);
        // The current week (index 5) is still under way, so it does not break the streak.
        expect(stones.currentStreak).toBe(1);
        const hitNow = computeSteppingStones('2026-01-05', '2026-02-10', 20000, [...wins, { closeDate: '2026-02-09', amount: 20000 }]);
        expect(hitNow.currentStreak).toBe(2);
        const missedLastWeek = computeSteppingStones('2026-01-05', '2026-02-17', 20000, wins);
        expect(missedLastWeek.currentStreak).toBe(0);
    });

    it('reads the loss profile and explains a malformed one', () => {
        const parsed = parseLossProfile('{"asOf":"2026-03-01","stages":[{"stage":"Proposal/Price Quote","rep":7,"team":31}]}');
        // Written before profiles carried a headline and decision stages: read without them.
        expect(parsed).toEqual({ profile: { asOf: '2026-03-01', headline: '', caveat: '', standing: '', stages: [{ stage: 'Proposal/Price Quote', rep: 7, team: 31, decision: false }] } });
        const current = parseLossProfile('{"asOf":"2026-03-01","headline":"7 of 9 losses came at the decision stages (Proposal/Price Quote); team: 30% of its losses.","caveat":"Few deals: 9 losses in all, so one more or less moves a share a lot.","stages":[{"stage":"Proposal/Price Quote","rep":7,"team":31,"decision":true}]}');
        expect(current!.profile).toMatchObject({ headline: expect.stringContaining('at the decision stages'), caveat: expect.stringMatching(/^Few deals/), standing: '', stages: [{ decision: true }] });
        const withheld = parseLossProfile('{"asOf":"2026-03-01","headline":"","caveat":"","standing":"Too few closed deals for suggestions yet: 9 closed deals; suggestions start at 15: 6 more.","stages":[]}');
        expect(withheld!.profile!.standing).toBe('Too few closed deals for suggestions yet: 9 closed deals; suggestions start at 15: 6 more.');
        expect(parseLossProfile(null)).toBeNull();
        expect(parseLossProfile('{oops')!.problem).toMatch(/not valid JSON/);
        expect(parseLossProfile('{"asOf":"2026-03-01"}')!.problem).toMatch(/no "stages" list/);
        expect(parseLossProfile('{"stages":[{"stage":"Proposal"}]}')!.problem).toMatch(/None of the 1 loss profile stages/);
    });

    it('says confidence, evidence lines and overdue steps in plain terms', () => {
        expect(confidenceInWords(96)).toBe('Confidence: 96% (high)');
        expect(confidenceInWords(84)).toBe('Confidence: 84% (moderate)');
        expect(confidenceInWords(55)).toBe('Confidence: 55% (low)');
        expect(confidenceInWords(null)).toBe('');
        expect(linesOf('7 of 9 losses came after Proposal; team: 3 of 9\n\n  second line ')).toEqual([
            '7 of 9 losses came after Proposal; team: 3 of 9',
            'second line',
        ]);
        const step = { id: 's', name: 'x', description: null, dueDate: '2026-03-13', done: false, completedOn: null, learningGoalId: null };
        expect(isOverdue(step, '2026-03-18')).toBe(true);
        expect(isOverdue({ ...step, done: true }, '2026-03-18')).toBe(false);
        expect(isOverdue(step, '2026-03-13')).toBe(false);
    });

    it('finds one readable message in LDS and GraphQL errors', () => {
        expect(errorMessage({ body: { message: 'Record is locked' } })).toBe('Record is locked');
        expect(
            errorMessage({
                body: {
                    message: 'An error occurred while trying to update the record.',
                    output: { errors: [], fieldErrors: { Target__c: [{ message: 'Target must be positive' }] } },
                },
            })
        ).toBe('Target must be positive');
        expect(errorMessage([{ message: 'Validation error' }, { message: 'Another' }])).toBe('Validation error, Another');
        expect(errorMessage(new Error('Network down'))).toBe('Network down');
        expect(errorMessage(undefined)).toBe('Unknown error');
    });

    it('takes today in the Salesforce time zone of the viewer', () => {
        jest.useFakeTimers({ now: new Date('2026-03-18T05:30:00Z'), doNotFake: ['setTimeout', 'nextTick', 'queueMicrotask'] });
        try {
            // The jest setup gives the viewer America/Los_Angeles: still March 17 there.
            expect(todayIso()).toBe('2026-03-17');
        } finally {
            jest.useRealTimers();
        }
    });
});

describe('evidence and confidence in plain words', () => {
    it('caps confidence at "over 99%"', () => {
        expect(confidencePercent(99.7)).toBe('over 99%');
        expect(confidencePercent(100)).toBe('over 99%');
        expect(confidencePercent(99)).toBe('99%');
        expect(confidencePercent(99.4)).toBe('99%');
        expect(confidencePercent(null)).toBe('');
        expect(confidenceInWords(100)).toBe('Confidence: over 99% (high)');
    });

    it('names signals plainly, by the label the sync stored, else the known names, spelling out unknown ones', () => {
        expect(signalName('decisionStageLosses')).toBe('Losses at the decision stages');
        expect(supportingEvidence({ evidence: null, evidenceJson: '[{"signal":"newSignal","label":"Deals left after the demo","rep":0.5,"team":0.2,"n":10,"note":"5 of 10; team: 20%"}]' })).toEqual([
            'Deals left after the demo: 5 of 10; team: 20%',
        ]);
        expect(signalName('customSignalName')).toBe('Custom signal name');
    });

    it('keeps only evidence where the rep is worse than the team, biggest gap first; falls back to the text lines', () => {
        const evidenceJson = JSON.stringify([
            { signal: 'meetingWithoutAdvance', rep: 0, team: 0.05, n: 15, note: '0 of 15; team: 5%' },
            { signal: 'noDecisionMaker', rep: 0.5, team: 0.33, n: 10, note: '5 of 10; team: 33%' },
            { signal: 'decisionStageLosses', rep: 0.67, team: 0.46, n: 12, note: '8 of 12; team: 46%' },
            { signal: 'stalePipeline', rep: null, team: 0.2, n: 0, note: 'no data' },
        ]);
        expect(supportingEvidence({ evidence: 'ignored', evidenceJson })).toEqual([
            'Losses at the decision stages: 8 of 12; team: 46%',
            'Deals without a decision maker: 5 of 10; team: 33%',
        ]);
        expect(supportingEvidence({ evidence: 'Line one\nLine two', evidenceJson: 'not json' })).toEqual(['Line one', 'Line two']);
        expect(parseEvidenceJson('{"not":"a list"}')).toBeNull();
    });
});
