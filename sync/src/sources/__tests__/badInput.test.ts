import { failure, run } from './corpus';

describe('the CSV export source on well-formed input', () => {
    it('reads the base export', async () => {
        const { result, all } = await run(null);
        expect(all).toEqual([]);
        expect(result.team.closed).toBe(2);
        expect(result.reps[0]!.name).toBe('Ana Lopez');
    });

    it('reads a file with a byte-order mark and CRLF line endings like any other', async () => {
        const { result, all } = await run('bom-crlf');
        expect(all).toEqual([]);
        expect(result.team.closed).toBe(2);
    });

    it('keeps values with embedded newlines whole and counts lines correctly after them', async () => {
        const { result, all } = await run('embedded-newlines');
        expect(result.team.closed).toBe(1);
        // The bad Amount is on line 5: the record on line 2 spans three lines.
        expect(all.find((group) => group.kind === 'wrong type')).toEqual({ kind: 'wrong type', count: 1, examples: [expect.stringMatching(/^Opportunity\.csv line 5: Amount "lots" is not a decimal number/)] });
    });
});

describe('malformed input stops with the file, the line and the fix', () => {
    it('an unbalanced quote', async () => {
        const error = await failure('unbalanced-quotes');
        expect(error.message).toMatch(/^Opportunity\.csv line 3: a quoted value that starts on this line is never closed\. .*add the missing closing quote/);
    });

    it('a stray quote inside a quoted value', async () => {
        const error = await failure('stray-quote');
        expect(error.message).toMatch(/^User\.csv line 2: the CSV is malformed .*must be doubled \(""\)/);
    });

    it('a missing required column', async () => {
        const error = await failure('missing-columns');
        expect(error.message).toBe('Opportunity.csv line 1: the header lacks the required column CloseDate. Export Opportunity again including CloseDate (API field names as headers)');
    });

    it('an empty file', async () => {
        const error = await failure('empty-file');
        expect(error.message).toMatch(/^Task\.csv line 1: the file is empty\. Export the object again with its header row/);
    });

    it('a missing file', async () => {
        const error = await failure(null, ['Event.csv']);
        expect(error.message).toMatch(/^Event\.csv: the file is missing\. Export the Event object as Event\.csv/);
    });
});

describe('bad rows are skipped and counted, each with the file, the line and the fix', () => {
    it('a ragged row', async () => {
        const { result, all } = await run('ragged-rows');
        expect(result.team.closed).toBe(1);
        expect(all).toEqual([
            { kind: 'ragged row', count: 1, examples: [expect.stringMatching(/^Opportunity\.csv line 3: has 9 values but the header has 8 columns; the row was skipped/)] },
            // Its history rows now point at an opportunity that is not there.
            expect.objectContaining({ kind: 'history of an unknown opportunity', count: 2 }),
        ]);
    });

    it('an unknown stage', async () => {
        const { all } = await run('unknown-stage');
        expect(all[0]).toEqual({ kind: 'unknown stage', count: 1, examples: [expect.stringMatching(/^Opportunity\.csv line 3: StageName "Closed Maybe" is not in OpportunityStage\.csv; the row was skipped \(add the stage or fix the name\)/)] });
    });

    it('wrong types', async () => {
        const { all } = await run('wrong-types');
        expect(all[0]).toEqual({
            kind: 'wrong type',
            count: 2,
            examples: [
                expect.stringMatching(/^Opportunity\.csv line 2: Amount "12k" is not a decimal number \(digits, an optional sign, point and exponent\); the row was skipped \(fix the value/),
                expect.stringMatching(/^Opportunity\.csv line 3: CloseDate "next week" is not a date \(expected yyyy-MM-dd/),
            ],
        });
    });

    it('a date out of range', async () => {
        const { all } = await run('date-out-of-range');
        expect(all[0]).toEqual({ kind: 'date out of range', count: 1, examples: [expect.stringMatching(/^Opportunity\.csv line 3: CloseDate "1200-04-01" is out of range \(Salesforce dates lie between 1700 and 4000\)/)] });
    });

    it('a duplicate Id', async () => {
        const { result, all } = await run('duplicate-ids');
        expect(result.team.closed).toBe(2);
        expect(all[0]).toEqual({ kind: 'duplicate Id', count: 1, examples: [expect.stringMatching(/^Opportunity\.csv line 4: Id 006000000000002 appears again; the later row was skipped/)] });
    });

    it('a malformed record id', async () => {
        const { all } = await run('bad-id');
        expect(all[0]).toEqual(expect.objectContaining({ kind: 'wrong type', examples: [expect.stringMatching(/^Opportunity\.csv line 2: Id "006-not-an-id" is not a 15- or 18-character Salesforce id/)] }));
    });
});

describe('an export that includes deleted rows', () => {
    it('ignores rows with IsDeleted true and counts them', async () => {
        const { result, all } = await run('deleted-rows');
        expect(result.team.closed).toBe(1);
        expect(all[0]).toEqual({ kind: 'deleted record', count: 1, examples: [expect.stringMatching(/^Opportunity\.csv line 3: IsDeleted is true/)] });
    });
});

describe('without OpportunityStage.csv', () => {
    it('infers the stage order and the closed stages from the data', async () => {
        const { result, stagesInferred } = await run(null, ['OpportunityStage.csv']);
        expect(stagesInferred).toBe(true);
        expect(result.team.won).toBe(1);
        expect(result.team.lost).toBe(1);
    });
});
