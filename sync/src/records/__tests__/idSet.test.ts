import { makeId } from '../../core/salesforceId';
import { Random } from '../../sample/random';
import { IdSet } from '../idSet';
import { SortedIds } from '../sortedIds';

describe('IdSet', () => {
    it('finds every repeat exactly, in order or shuffled, across stems and id lengths', () => {
        const random = new Random(7);
        const ids = Array.from({ length: 20_000 }, (_, i) => makeId('00T', i * 3 + random.int(0, 2), i % 97 === 0 ? '9z' : '5g'));
        const unique = [...new Set(ids.map((id) => id.slice(0, 15)))];
        // In order first, then shuffled repeats and new ids, with 15- and 18-character forms mixed.
        const set = new IdSet();
        for (const id of unique.slice(0, 10_000)) expect(set.add(id)).toBe(true);
        const rest = unique.slice(10_000);
        const mixed = [...rest, ...unique.slice(0, 500), ...rest.slice(0, 500)];
        for (let i = mixed.length - 1; i > 0; i--) {
            const j = random.int(0, i);
            [mixed[i], mixed[j]] = [mixed[j]!, mixed[i]!];
        }
        const seen = new Set(unique.slice(0, 10_000));
        for (const id of mixed) {
            const long = random.chance(0.5) ? `${id}AAA` : id;
            expect(set.add(long)).toBe(!seen.has(id));
            seen.add(id);
        }
        expect(set.size).toBe(unique.length);
        expect(set.add('not-an-id')).toBe(true);
        expect(set.add('not-an-id')).toBe(false);
    });
});

describe('SortedIds', () => {
    it('finds exactly the ids appended, across block and chunk boundaries and large steps', () => {
        const random = new Random(11);
        const sorted = new SortedIds();
        const added: [number, number][] = [];
        let high = 1;
        let low = 0;
        for (let i = 0; i < 70_000; i++) {
            if (random.chance(0.001)) high += random.int(1, 3);
            low += random.chance(0.01) ? random.int(70_000, 100_000) : random.int(1, 3);
            expect(sorted.isAfterLast(high, low)).toBe(true);
            sorted.append(high, low);
            added.push([high, low]);
        }
        const keys = new Set(added.map(([h, l]) => `${h}:${l}`));
        for (let k = 0; k < 5_000; k++) {
            const [h, l] = added[random.int(0, added.length - 1)]!;
            expect(sorted.has(h, l)).toBe(true);
            expect(sorted.isAfterLast(h, l)).toBe(false);
            const missing = l + 1;
            expect(sorted.has(h, missing)).toBe(keys.has(`${h}:${missing}`));
        }
        expect(sorted.has(0, 5)).toBe(false);
        expect(sorted.count).toBe(added.length);
    });
});
