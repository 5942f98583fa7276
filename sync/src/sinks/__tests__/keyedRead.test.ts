import { encodedQueryBudget, keyQueries } from '../keyedRead';

describe('keyQueries', () => {
    const select = 'SELECT Id, Plan_Key__c FROM Goal_Plan__c';

    it('selects every key once, in as many IN lists as keep each encoded query within the budget', () => {
        const keys = Array.from({ length: 600 }, (_, i) => `0055g00000REP${String(i).padStart(3, '0')}AAA:2026-01-01`);
        const queries = keyQueries(select, 'Plan_Key__c', [...keys, keys[0]!]);
        expect(queries.length).toBeGreaterThan(1);
        for (const soql of queries) {
            expect(soql.startsWith(`${select} WHERE Plan_Key__c IN ('`)).toBe(true);
            expect(encodeURIComponent(soql).length).toBeLessThanOrEqual(encodedQueryBudget);
        }
        const selected = queries.flatMap((soql) => [...soql.matchAll(/'([^']+)'/g)].map((match) => match[1]));
        expect(selected).toEqual(keys);
    });

    it('escapes quotes and backslashes in keys', () => {
        expect(keyQueries(select, 'Plan_Key__c', ["it's", 'a\\b'])).toEqual([`${select} WHERE Plan_Key__c IN ('it\\'s','a\\\\b')`]);
    });

    it('fills each query up to the budget and rejects a key that cannot fit in one', () => {
        const queries = keyQueries(select, 'Plan_Key__c', ['aaaa', 'bbbb', 'cccc'], encodeURIComponent(`${select} WHERE Plan_Key__c IN ('aaaa','bbbb')`).length);
        expect(queries).toEqual([`${select} WHERE Plan_Key__c IN ('aaaa','bbbb')`, `${select} WHERE Plan_Key__c IN ('cccc')`]);
        expect(() => keyQueries(select, 'Plan_Key__c', ['x'.repeat(200)], 100)).toThrow(/too long to query by/);
    });

    it('sends no query for no keys', () => {
        expect(keyQueries(select, 'Plan_Key__c', [])).toEqual([]);
    });
});
