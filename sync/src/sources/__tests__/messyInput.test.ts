// Well-formed, or nearly, input that would change what a manager is told: each case is counted as a
// warning, or stops the run with the file, the line and the fix.
import fs from 'node:fs';
import { chmod, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { analyze } from '../../analyze';
import { InputError, Warnings } from '../../core/problems';
import { CsvExportSource } from '../csvExport';
import { analyzeFolder, asOf, exportWith, failure, run } from './corpus';

/** The folder with every row whose first value (the Id) was seen before in its file removed. */
async function withoutDuplicateIds(directory: string): Promise<void> {
    for (const file of await readdir(directory)) {
        const lines = (await readFile(path.join(directory, file), 'utf8')).split('\n');
        const seen = new Set<string>();
        const kept = lines.filter((line, index) => {
            if (index === 0 || !lines[0]!.startsWith('"Id"') || line === '') return true;
            const id = line.slice(1, 16);
            if (seen.has(id)) return false;
            seen.add(id);
            return true;
        });
        await writeFile(path.join(directory, file), kept.join('\n'));
    }
}

describe('duplicate rows (case 1)', () => {
    it('counts a repeated Task, Event, OpportunityHistory or contact-role Id once, with a warning per repeat', async () => {
        const { result, all } = await run('duplicate-rows');
        expect(all).toEqual([
            {
                kind: 'duplicate Id',
                // Five with Task.csv line 5, the 18-character form of an id seen as 15 characters (the same record).
                count: 5,
                examples: [
                    'OpportunityContactRole.csv line 3: Id 00K000000000001 appears again; the later row was skipped (remove duplicate rows)',
                    'Event.csv line 3: Id 00U000000000001 appears again; the later row was skipped (remove duplicate rows)',
                    'Task.csv line 4: Id 00T000000000002 appears again; the later row was skipped (remove duplicate rows)',
                ],
            },
        ]);
        const deduplicated = await exportWith('duplicate-rows');
        try {
            await withoutDuplicateIds(deduplicated);
            const clean = await analyzeFolder(deduplicated);
            expect(clean.all).toEqual([]);
            expect(result).toEqual(clean.result);
        } finally {
            await rm(deduplicated, { recursive: true, force: true });
        }
    });
});

describe('an 18-character id with a lower-case checksum (case 4)', () => {
    it('is the same user as its 15-character and upper-case forms', async () => {
        const { result, all } = await run('lowercase-checksum');
        expect(all).toEqual([]);
        expect(result.reps).toEqual([expect.objectContaining({ id: '005000000000001AAA', name: 'Ana Lopez', closed: 2 })]);
    });
});

describe('a file with a header and no rows (case 6)', () => {
    it('still has its required columns checked', async () => {
        const error = await failure('header-only-wrong-columns');
        expect(error.message).toBe('Task.csv line 1: the header lacks the required column WhatId. Export Task again including WhatId (API field names as headers)');
    });

    it('is a counted warning saying what the analysis loses', async () => {
        const { all } = await run('header-only-tasks');
        expect(all).toEqual([
            {
                kind: 'object without rows',
                count: 1,
                examples: ['Task.csv: the file holds no rows after its header (or every row was skipped); task and follow-up signals have no data, so fewer learning goals can be suggested (export the Task object with its rows, or ignore this if it really has none)'],
            },
        ]);
    });
});

describe('file-system errors name the path and the fix (case 8)', () => {
    it('a Task.csv that is a folder', async () => {
        const directory = await exportWith(null, ['Task.csv']);
        try {
            await mkdir(path.join(directory, 'Task.csv'));
            await expect(analyzeFolder(directory)).rejects.toThrow(new InputError('Task.csv', null, `${path.join(directory, 'Task.csv')} is a folder`, 'Put the Task export there as a file named Task.csv'));
        } finally {
            await rm(directory, { recursive: true, force: true });
        }
    });

    // Root reads a file whatever its mode, so the permission error is also simulated by the stream.
    const asRoot = process.getuid?.() === 0;
    (asRoot ? it.skip : it)('an unreadable file (mode 000; skipped when run as root)', async () => {
        const directory = await exportWith(null);
        try {
            await chmod(path.join(directory, 'Event.csv'), 0o000);
            await expect(analyzeFolder(directory)).rejects.toThrow(/^Event\.csv: .*Event\.csv cannot be accessed: permission denied\. Give your user read/);
        } finally {
            await rm(directory, { recursive: true, force: true });
        }
    });

    it('a read that fails with a permission error', async () => {
        const directory = await exportWith(null);
        const open = jest.spyOn(fs, 'createReadStream').mockImplementation((file) => {
            const stream = new PassThrough();
            const error = Object.assign(new Error(`EACCES: permission denied, open '${String(file)}'`), { code: 'EACCES', path: String(file) });
            process.nextTick(() => stream.destroy(error));
            return stream as unknown as fs.ReadStream;
        });
        try {
            await expect(analyzeFolder(directory)).rejects.toThrow(/^User\.csv: .*User\.csv cannot be accessed: permission denied\. Give your user read/);
        } finally {
            open.mockRestore();
            await rm(directory, { recursive: true, force: true });
        }
    });
});

describe('odd values (case 7)', () => {
    it('a hex amount and an impossible time are wrong types, not 31 and a later day', async () => {
        const { result, all } = await run('odd-values');
        expect(result.team.closed).toBe(0);
        expect(all).toEqual([
            expect.objectContaining({
                kind: 'wrong type',
                count: 2,
                examples: [
                    'Opportunity.csv line 2: Amount "0x1F" is not a decimal number (digits, an optional sign, point and exponent); the row was skipped (fix the value or leave it empty if optional)',
                    'Opportunity.csv line 3: CreatedDate "2026-01-05T99:99:00.000Z" is not a date (expected yyyy-MM-dd or an ISO date-time such as 2026-03-14T09:30:00.000Z); the row was skipped (fix the value or leave it empty if optional)',
                ],
            }),
            // The skipped deal's event, contact role and history.
            expect.objectContaining({ kind: 'row of a skipped or unknown opportunity', count: 2 }),
            expect.objectContaining({ kind: 'history of an unknown opportunity', count: 3 }),
        ]);
    });
});

describe('encoding and dialect (case 7)', () => {
    it('a Latin-1 file stops with the line and how to re-export it as UTF-8', async () => {
        const error = await failure('latin1');
        expect(error.message).toBe(
            'User.csv line 2: Name holds bytes that are not UTF-8 (shown as "�"; the file is probably Latin-1 or Windows-1252 encoded). Export the file again as UTF-8 (Data Loader: Settings › "Read all CSVs with UTF-8 encoding"), or convert it: iconv -f WINDOWS-1252 -t UTF-8',
        );
    });

    it.each(['fast', 'reference'] as const)('NUL and escape characters are removed from a value, with a warning (%s reader)', async (reader) => {
        const directory = await exportWith('nul-bytes');
        try {
            const readWarnings = new Warnings();
            const { result } = await analyze(new CsvExportSource(directory, { warnings: readWarnings, reader }), { asOf, minClosedDeals: 1 });
            expect(result.reps[0]!.name).toBe('Ana Lopez[31m');
            expect(readWarnings.list()).toEqual([
                { kind: 'control characters removed', count: 1, examples: ['User.csv line 2: Name holds NUL or other control characters; they were removed from the value (fix the value in the source system)'] },
            ]);
        } finally {
            await rm(directory, { recursive: true, force: true });
        }
    });

    it('lower-case headers name the case, not a missing column', async () => {
        const error = await failure('lowercase-headers');
        expect(error.message).toBe(
            'Task.csv line 1: the header spells column names in another case (id for Id, ownerid for OwnerId, whatid for WhatId); API field names are matched exactly. Rename the columns to their API field names (Id, OwnerId, WhatId) or export Task again with API names as headers',
        );
    });

    it('a semicolon-separated file names the separator, not a quote to double', async () => {
        const error = await failure('semicolons');
        expect(error.message).toBe('Task.csv line 1: the columns are separated by semicolons (;), not commas. Re-export it comma-separated (Data Loader or Bulk API 2.0 CSV), or save it from the spreadsheet as "CSV UTF-8 (comma delimited)"');
    });
});

describe('a huge value (case 2)', () => {
    // 10 MB of escaped quotes in one quoted cell: each chunk used to be re-parsed from the record's start.
    it.each(['fast', 'reference'] as const)('stops with the file, the line and the fix, in bounded time (%s reader)', async (reader) => {
        const directory = await exportWith(null);
        try {
            const header = '"Id","OwnerId","WhatId","ActivityDate","Status","IsClosed","CreatedDate","Description"';
            const row = (id: number, description: string) => `"00T00000000000${id}","005000000000001","006000000000003","2026-06-20","Completed","true","2026-06-18T09:00:00.000Z","${description}"`;
            await writeFile(path.join(directory, 'Task.csv'), [header, row(1, 'short'), row(2, `x${'""'.repeat(5_000_000)}`), row(3, 'after')].join('\n') + '\n');
            const started = Date.now();
            const source = new CsvExportSource(directory, { warnings: new Warnings(), reader });
            await expect(analyze(source, { asOf })).rejects.toThrow(
                new InputError('Task.csv', 3, 'the record that starts on this line is larger than 4 MB, the most the reader holds', 'Check for a quote that is never closed, or export the object without its long text fields (Description and the like)'),
            );
            expect(Date.now() - started).toBeLessThan(30_000);
        } finally {
            await rm(directory, { recursive: true, force: true });
        }
    });
});

describe('the as-of day and dates far from the rest (case 3)', () => {
    it('one far-future CloseDate does not move the default as-of day, and is counted', async () => {
        const { result, all } = await run('far-future-date', [], { minClosedDeals: 1 });
        expect(result.asOf).toBe('2026-06-30');
        expect(result.team.closed).toBe(1);
        expect(all).toEqual([
            {
                kind: 'date far from the rest of the export',
                count: 1,
                examples: ['Opportunity.csv line 2: CloseDate 3000-01-01 is far after the rest of the export; the as-of day 2026-06-30 ignores it (fix the date)'],
            },
        ]);
    });
});

describe('ids that point nowhere (case 5)', () => {
    it('an owner missing from User.csv, and the rows of a skipped deal, are counted', async () => {
        const { result, all } = await run('dangling-ids');
        expect(result.reps.map((rep) => rep.name)).toEqual(['005000000000009AAA', 'Ana Lopez']);
        expect(all).toEqual([
            expect.objectContaining({ kind: 'wrong type', count: 1 }),
            {
                kind: 'owner not in User.csv',
                count: 1,
                examples: [
                    'Opportunity.csv line 3: OwnerId 005000000000009AAA (1 opportunity, first on this line) is not in User.csv; the rep is shown by this id, without a name or manager (export User with every opportunity owner)',
                ],
            },
            {
                kind: 'row of a skipped or unknown opportunity',
                // The Event, the Task and the contact role of the skipped deal; the Task on an account is fine.
                count: 3,
                examples: [
                    'OpportunityContactRole.csv line 3: OpportunityId 006000000000003 is not a usable row of Opportunity.csv (skipped or not exported); the row was not counted (fix that opportunity\'s row or export it)',
                    'Event.csv line 2: WhatId 006000000000003 is not a usable row of Opportunity.csv (skipped or not exported); the row was not counted (fix that opportunity\'s row or export it)',
                    'Task.csv line 2: WhatId 006000000000003 is not a usable row of Opportunity.csv (skipped or not exported); the row was not counted (fix that opportunity\'s row or export it)',
                ],
            },
            expect.objectContaining({ kind: 'history of an unknown opportunity', count: 1 }),
        ]);
    });

    it('--rep for a user who owns no opportunity stops with a clear message', async () => {
        const error = await failure(null, [], { asOf, repIds: ['005000000000009'] });
        expect(error.message).toBe('--rep: 005000000000009 is not in User.csv and owns no opportunity in Opportunity.csv. Check the id (User.csv lists the users, Opportunity.csv their OwnerId), or leave the flag out for the whole team');
    });

    it.each([
        ['2031-01-01', "--as-of: 2031-01-01 is after the export's latest day, 2026-06-30: deals and activities after that are missing, so open deals look stale (give an --as-of within the export, or omit it)"],
        ['2020-01-01', "--as-of: 2020-01-01 is before the export's first opportunity was created (2026-01-05): no closed deal can fall in the window (give an --as-of within the export, or omit it)"],
    ])('an --as-of outside the data (%s) is counted', async (day, message) => {
        const { all } = await run(null, [], { asOf: day, minClosedDeals: 1 });
        expect(all).toEqual([{ kind: '--as-of outside the data', count: 1, examples: [message] }]);
    });
});

describe('activities logged on an account (case 5)', () => {
    it('takes those that fit one open deal without a warning, and warns of the one that fits two', async () => {
        const { all } = await run('activities-on-accounts');
        expect(all).toEqual([
            {
                kind: 'activity on several open deals',
                // Deal 0 and Deal 2 share the account and were both open on 2026-01-20; by 2026-05-20 only Deal 2 was.
                count: 1,
                examples: [
                    'Event.csv line 2: is logged on an account (WhatId) where its owner had 2 deals open that day; it was counted for none of them (relate the activity to its opportunity)',
                ],
            },
        ]);
    });
});
