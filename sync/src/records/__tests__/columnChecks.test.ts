import { z } from 'zod';
import { columnChecks, invalid, optionalBoolean, optionalDay, optionalId, optionalNumber, optionalText, requiredDay, requiredId, requiredName } from '../fields';
import { rowSchemas } from '../schemas';

// Values seen in real exports and the ways they go wrong.
const values: (string | null | undefined)[] = [
    null,
    undefined,
    '006000000000001',
    '006000000000001AAA',
    '006-not-an-id',
    '006000000000001AA',
    '2026-03-14',
    '2026-03-14T09:30:00.000Z',
    '2026-03-14T23:30:00-05:00',
    '2026-03-14 09:30:00',
    '2026-03-14T09:30:59.999Z',
    '2026-03-14 09:30:00.000Z',
    '2026-03-14T23:59:00.000Z',
    '2026-03-14T25:30:00.000Z',
    '2026-03-14T99:99:00.000Z',
    '2026-03-14T23:60:00.000Z',
    '2026-03-14T23:59:60.000Z',
    '2026-03-14T99:99',
    '2026-03-14T12:00:00+14:00',
    '2026-03-14T09:30:00.000+',
    '2026-03-14T09:3a:00.000Z',
    '2026-03-14X09:30:00.000Z',
    '2026-03-14T09:30:00.00Z',
    '2026-03-14T09:30:00.0000',
    '2026-13-01',
    '2026-1a-01',
    '2026/03/14',
    '+026-03-14',
    '2024-02-29',
    '2026-02-29',
    '2026-02-29T10:00:00.000Z',
    '0000-01-01',
    '1699-12-31',
    '1700-01-01',
    '4000-12-31T23:59:59.999Z',
    '4001-01-01T00:00:00.000Z',
    '2026-02-30',
    '1200-04-01',
    '4001-01-01',
    'next week',
    '12.5',
    '-3',
    '1e3',
    '12k',
    '0x1F',
    '0b101',
    '0o17',
    ' 12',
    '12 ',
    '+12.50',
    '.5',
    '5.',
    '1.0E7',
    '-',
    '1e',
    ' ',
    'Infinity',
    'NaN',
    'true',
    'FALSE',
    'Yes',
    '0',
    'maybe',
    'Closed Won',
    '',
];

describe('column checks give the verdicts and values of the zod field schemas', () => {
    const fieldTypes = { requiredId, optionalId, requiredName, optionalText, requiredDay, optionalDay, optionalNumber, optionalBoolean };
    for (const [name, schema] of Object.entries(fieldTypes)) {
        it(name, () => {
            const check = columnChecks.get(schema as z.ZodType)!;
            expect(check).toBeDefined();
            for (const value of values) {
                const expected = (schema as z.ZodType).safeParse(value);
                // Twice: the second answer may come from the day cache.
                for (const result of [check(value), check(value)]) {
                    if (expected.success) expect({ value, result }).toEqual({ value, result: expected.data });
                    else expect({ value, result }).toEqual({ value, result: invalid });
                }
            }
        });
    }

    it('covers every field of every row schema, so no object falls back to a zod parse per row', () => {
        for (const schema of Object.values(rowSchemas)) {
            for (const field of Object.values(schema.shape)) expect(columnChecks.has(field as z.ZodType)).toBe(true);
        }
    });
});
