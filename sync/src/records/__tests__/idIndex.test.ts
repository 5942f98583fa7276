import { toId18 } from '../../core/salesforceId';
import { IdIndex } from '../idIndex';

describe('IdIndex', () => {
    it('maps many ids to their rows and tells apart ids that differ only in case', () => {
        const index = new IdIndex();
        const ids: string[] = [];
        for (let i = 0; i < 20_000; i++) ids.push(`006${String(i * 7919).padStart(12, '0')}`);
        ids.forEach((id, row) => index.set(id, row));
        ids.forEach((id, row) => expect(index.get(id)).toBe(row));
        expect(index.size).toBe(20_000);
        expect(index.get('006999999999999')).toBeUndefined();
        index.set('006aB0000000001', 1);
        index.set('006Ab0000000001', 2);
        expect(index.get('006aB0000000001')).toBe(1);
        expect(index.get('006Ab0000000001')).toBe(2);
    });

    it('finds an 18-character id by its 15-character form and back', () => {
        const index = new IdIndex();
        const id18 = toId18('006Dn00000AbCdE')!;
        index.set(id18, 5);
        expect(index.get('006Dn00000AbCdE')).toBe(5);
    });

    it('keeps ids of other shapes too', () => {
        const index = new IdIndex();
        index.set('not-an-id', 3);
        expect(index.get('not-an-id')).toBe(3);
        expect(index.has('other')).toBe(false);
    });
});
