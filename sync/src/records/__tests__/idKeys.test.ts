import { toId18 } from '../../core/salesforceId';
import { IdsByRow, RowsById } from '../idKeys';

const id = (prefix: string, n: number) => toId18(`${prefix}${String(n).padStart(12, '0')}`)!;

describe('rows by id', () => {
    it('finds every row of an id, in its 15- or 18-character form, and none of an unknown id', () => {
        const accounts = new RowsById();
        accounts.add(id('001', 2), 0);
        accounts.add(id('001', 1), 1);
        accounts.add(id('001', 2).slice(0, 15), 2);
        expect(accounts.rowsOf(id('001', 2)).sort()).toEqual([0, 2]);
        expect(accounts.rowsOf(id('001', 1).slice(0, 15))).toEqual([1]);
        expect(accounts.rowsOf(id('001', 3))).toEqual([]);
        expect(accounts.rowsOf('not an id')).toEqual([]);
    });

    it('takes rows added after a lookup, and keeps all of them past its first size', () => {
        const accounts = new RowsById();
        accounts.add(id('001', 5), 0);
        expect(accounts.rowsOf(id('001', 5))).toEqual([0]);
        for (let row = 1; row < 3_000; row++) accounts.add(id('001', row % 700), row);
        expect(accounts.rowsOf(id('001', 5)).sort((a, b) => a - b)).toEqual([0, 5, 705, 1405, 2105, 2805]);
    });
});

describe('ids by row', () => {
    it('tells whether a contact is one of a row’s, in any order of adding, and past its first size', () => {
        const contacts = new IdsByRow();
        for (let row = 0; row < 2_000; row++) contacts.add(1_999 - row, id('003', row));
        contacts.add(7, id('003', 9_000));
        expect(contacts.has(7, id('003', 1_992))).toBe(true);
        expect(contacts.has(7, id('003', 9_000).slice(0, 15))).toBe(true);
        expect(contacts.has(8, id('003', 9_000))).toBe(false);
        expect(contacts.has(5_000, id('003', 1))).toBe(false);
        // Added after a lookup: grouped again.
        contacts.add(8, id('003', 9_000));
        expect(contacts.has(8, id('003', 9_000))).toBe(true);
        expect(contacts.has(0, id('003', 1_999))).toBe(true);
    });
});
