import '../../../testing/nodeRealm';
import { OrgApi } from '../api';
import { connectWithToken } from '../connection';
import { isSalesforceId, makeId, requireId18, toId18 } from '../../core/salesforceId';
import { restQuery, soqlDate, soqlDateTime, soqlString, toRawRow } from '../query';
import { FakeSalesforceApi, fakeApiVersion } from '../../../testing/fakeSalesforceApi';

describe('SOQL literals', () => {
    it('escapes quotes, backslashes and control characters in strings', () => {
        expect(soqlString("O'Brien \\ Sons\n")).toBe("'O\\'Brien \\\\ Sons\\n'");
        expect(soqlString("x' OR Name != '")).toBe("'x\\' OR Name != \\''");
    });

    it('formats date-times in whole UTC seconds and rejects anything that is not a date', () => {
        expect(soqlDateTime('2026-11-01T08:00:00.750+02:00')).toBe('2026-11-01T06:00:00Z');
        expect(() => soqlDateTime("2026-11-01' OR Id != null")).toThrow(/not an ISO date-time/);
        expect(soqlDate('2026-01-01')).toBe('2026-01-01');
        expect(() => soqlDate('2026-1-1')).toThrow(/not a yyyy-MM-dd date/);
    });

    it('keeps a hostile value a value when the org runs the query', async () => {
        const fake = new FakeSalesforceApi();
        await fake.start();
        try {
            const name = "Acme's \\ 'big' deal";
            fake.insert('Opportunity', { Name: name });
            fake.insert('Opportunity', { Name: 'Other' });
            const { conn } = connectWithToken({ instanceUrl: fake.url, accessToken: fake.createSession(), version: fakeApiVersion });
            const api = new OrgApi(conn);
            const rows = [];
            for await (const page of restQuery(api, `SELECT Id, Name FROM Opportunity WHERE Name = ${soqlString(name)}`, ['Id', 'Name'])) rows.push(...page);
            expect(rows.map((row) => row.Name)).toEqual([name]);
            const injected = [];
            for await (const page of restQuery(api, `SELECT Id FROM Opportunity WHERE Name = ${soqlString("x' OR Name != '")}`, ['Id'])) injected.push(...page);
            expect(injected).toEqual([]);
        } finally {
            await fake.stop();
        }
    });
});

describe('toRawRow', () => {
    it('turns REST JSON into export-style text, with null for empty', () => {
        expect(toRawRow({ Amount: 1200.5, IsWon: false, Name: '', CloseDate: '2026-02-01', SystemModstamp: '2026-02-01T10:00:00.000+0000' }, ['Amount', 'IsWon', 'Name', 'CloseDate', 'SystemModstamp', 'Missing'])).toEqual({
            Amount: '1200.5',
            IsWon: 'false',
            Name: null,
            CloseDate: '2026-02-01',
            SystemModstamp: '2026-02-01T10:00:00.000Z',
            Missing: null,
        });
    });
});

describe('Salesforce ids', () => {
    it('accepts 15- and 18-character ids and checks the checksum', () => {
        const id = makeId('005', 42);
        expect(id).toHaveLength(18);
        expect(isSalesforceId(id)).toBe(true);
        expect(toId18(id.slice(0, 15))).toBe(id);
        expect(isSalesforceId('001000000000001AAB')).toBe(false);
        expect(toId18('001000000000001')).toBe('001000000000001AAA');
        expect(() => requireId18('005-bad', 'rep id')).toThrow('rep id "005-bad" is not a 15- or 18-character Salesforce id');
    });
});
