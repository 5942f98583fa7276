// The fast reader (papaparse) must read exactly what the reference reader (csv-parse) reads: the
// same rows with the same line numbers, the same warnings and the same errors, over files of many
// chunks, including files where it hands over to csv-parse part-way through.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Warnings } from '../../core/problems';
import type { RawRow } from '../../core/source';
import { CsvExportSource } from '../csvExport';

const fields = ['Id', 'OpportunityId', 'StageName', 'Probability', 'CreatedDate', 'Missing'];
const header = ['Id', 'OpportunityId', 'StageName', 'Amount', 'Probability', 'CreatedDate'];

interface Options {
    rows?: number;
    newline?: string;
    bom?: boolean;
    quoted?: boolean;
    /** Replaces the line of row i (1-based data row) with this text. */
    special?: Record<number, string>;
}

function exportText({ rows = 20_000, newline = '\n', bom = false, quoted = true, special = {} }: Options): string {
    const quote = (value: string) => (quoted ? `"${value}"` : value);
    const lines = [header.map(quote).join(',')];
    for (let i = 1; i <= rows; i++) {
        if (special[i] !== undefined) {
            lines.push(special[i]!);
            continue;
        }
        const stage = i % 997 === 0 && quoted ? 'Needs\nAnalysis' : ['Prospecting', 'Qualification', 'Closed Won'][i % 3]!;
        lines.push([`008${String(i).padStart(12, '0')}AAA`, `006${String(i % 5000).padStart(12, '0')}AAA`, stage, String(i * 10), i % 7 === 0 ? '' : '50', '2025-11-08T10:00:00.000Z'].map(quote).join(','));
        if (i % 1500 === 0) lines.push('');
    }
    return (bom ? '\uFEFF' : '') + lines.join(newline) + newline;
}

async function read(text: string, reader: 'fast' | 'reference') {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'goal-coach-csv-'));
    try {
        await writeFile(path.join(directory, 'OpportunityHistory.csv'), text);
        const warnings = new Warnings();
        const source = new CsvExportSource(directory, { warnings, reader });
        const rows: { row: RawRow; line: number }[] = [];
        let error: string | null = null;
        try {
            for await (const { row, at } of source.rows('OpportunityHistory', fields)) rows.push({ row, line: at.line });
        } catch (thrown) {
            error = thrown instanceof Error ? thrown.message : String(thrown);
        }
        return { rows, warnings: warnings.list(), error };
    } finally {
        await rm(directory, { recursive: true, force: true });
    }
}

async function expectSameAsReference(options: Options) {
    const text = exportText(options);
    const fast = await read(text, 'fast');
    const reference = await read(text, 'reference');
    expect(fast.error).toEqual(reference.error);
    expect(fast.warnings).toEqual(reference.warnings);
    expect(fast.rows.length).toBe(reference.rows.length);
    expect(fast.rows).toEqual(reference.rows);
    return fast;
}

describe('the fast CSV reader reads what csv-parse reads', () => {
    it('a quoted export of many chunks with embedded newlines and empty lines', async () => {
        const { rows, error } = await expectSameAsReference({});
        expect(error).toBeNull();
        expect(rows.length).toBe(20_000);
        // Row 997 holds a two-line value: the rows after it start one line later.
        expect(rows[997]).toEqual({ row: expect.objectContaining({ Id: '008000000000998AAA' }), line: 1000 });
        expect(rows[996]!.row.StageName).toBe('Needs\nAnalysis');
        expect(rows[6]!.row.Probability).toBeNull();
    });

    it('with a byte-order mark and CRLF line endings', async () => {
        const { rows } = await expectSameAsReference({ bom: true, newline: '\r\n' });
        expect(rows[0]!.row.Id).toBe('008000000000001AAA');
    });

    it('without quotes', async () => {
        const { rows } = await expectSameAsReference({ quoted: false });
        expect(rows.length).toBe(20_000);
    });

    it('ragged rows are counted with their lines', async () => {
        const { warnings } = await expectSameAsReference({ special: { 3: '"a","b"', 15_000: '"x","y","z","1","2","3","4"' } });
        expect(warnings).toEqual([expect.objectContaining({ kind: 'ragged row', count: 2 })]);
    });

    it('a doubled quote deep in the file: handed to csv-parse part-way, nothing lost or read twice', async () => {
        const { rows } = await expectSameAsReference({
            special: { 12_000: '"008000000012000AAA","006000000002000AAA","Say ""yes""","1","50","2025-11-08"', 16_000: '"a"' },
        });
        expect(rows.find(({ row }) => row.Id === '008000000012000AAA')!.row.StageName).toBe('Say "yes"');
    });

    it('doubled quotes in many chunks: those chunks read by csv-parse, the others by papaparse', async () => {
        const special: Record<number, string> = {};
        for (let i = 350; i <= 20_000; i += 700) special[i] = `"008${String(i).padStart(12, '0')}AAA","006000000000001AAA","Say ""yes""\nor ""no""","1","","2025-11-08"`;
        special[1_000] = '""';
        special[9_000] = '';
        for (const newline of ['\n', '\r\n']) {
            const { rows, warnings } = await expectSameAsReference({ special, newline });
            expect(rows.filter(({ row }) => row.StageName === 'Say "yes"\nor "no"')).toHaveLength(29);
            expect(warnings).toEqual([expect.objectContaining({ kind: 'ragged row', count: 1 })]);
        }
    });

    it('a line holding only an empty quoted value is a record, as csv-parse reads it', async () => {
        const { warnings } = await expectSameAsReference({ special: { 5_000: '""' } });
        expect(warnings).toEqual([expect.objectContaining({ kind: 'ragged row', count: 1 })]);
    });

    it('mixed line endings and stray carriage returns', async () => {
        await expectSameAsReference({ newline: '\r\n', special: { 4_000: '"008000000004000AAA","006000000000001AAA","Prospecting","1","50","2025-11-08"\n"008000000004001AAA","006000000000001AAA","Prospecting","1","50","2025-11-08"' } });
        await expectSameAsReference({ special: { 4_000: '"008000000004000AAA","006000000000001AAA","Prospecting","1","50","2025-11-08"\r' } });
        await expectSameAsReference({ quoted: false, special: { 4_000: '008000000004000AAA,006000000000001AAA,Pro\rspecting,1,50,2025-11-08' } });
    });

    it('a stray quote in an unquoted value deep in the file stops the run as csv-parse does', async () => {
        const { error } = await expectSameAsReference({ quoted: false, special: { 14_000: '008000000014000AAA,006000000004000AAA,Pro"spect,1,50,2025-11-08' } });
        expect(error).toMatch(/^OpportunityHistory\.csv line \d+: the CSV is malformed/);
    });

    it('an unclosed quote deep in the file stops the run on its line', async () => {
        const { error } = await expectSameAsReference({ special: { 18_000: '"008000000018000AAA","006000000008000AAA","Prospecting,"1","50","2025-11-08"' } });
        expect(error).toMatch(/^OpportunityHistory\.csv line \d+: /);
    });
});
