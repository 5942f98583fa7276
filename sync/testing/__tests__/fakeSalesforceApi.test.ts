import '../nodeRealm';
import { Connection } from 'jsforce';
import { OrgApi, OrgApiError, OrgLimitError } from '../../src/org/api';
import { connectWithToken } from '../../src/org/connection';
import { bulkQuery, restQuery } from '../../src/org/query';
import { FakeSalesforceApi, fakeApiVersion } from '../fakeSalesforceApi';

const fastRetry = { attempts: 5, baseDelayMs: 1, maxDelayMs: 5 };

async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
    const rows: T[] = [];
    for await (const page of pages) rows.push(...page);
    return rows;
}

describe('fake Salesforce API with the real jsforce client', () => {
    let fake: FakeSalesforceApi;
    let conn: Connection;

    beforeEach(async () => {
        fake = new FakeSalesforceApi({ queryPageSize: 3, bulkPageSize: 4 });
        await fake.start();
        for (let i = 1; i <= 8; i++) fake.insert('Opportunity', { Name: `Deal ${i}, "big"`, Amount: i * 1000, IsWon: i % 2 === 0 });
        conn = new Connection({ instanceUrl: fake.url, accessToken: fake.createSession(), version: fakeApiVersion });
    });
    afterEach(async () => fake.stop());

    it('serves query and queryMore to jsforce conn.query with autoFetch', async () => {
        const result = await conn.query('SELECT Id, Name, Amount FROM Opportunity ORDER BY Amount DESC', { autoFetch: true });
        expect(result.records).toHaveLength(8);
        expect(result.records[0]).toMatchObject({ Name: 'Deal 8, "big"', Amount: 8000 });
        expect(fake.callCount((call) => call.kind === 'query')).toBe(1);
        expect(fake.callCount((call) => call.kind === 'queryMore')).toBe(2);
    });

    it('filters by SystemModstamp and rejects SOQL it does not implement', async () => {
        fake.load('Opportunity', [
            { Name: 'Old', Amount: 1, SystemModstamp: '2026-01-01T10:00:00.000Z' },
            { Name: 'New', Amount: 1, SystemModstamp: '2026-01-01T10:00:01.000Z' },
        ]);
        const after = await conn.query('SELECT Id, Name FROM Opportunity WHERE SystemModstamp > 2026-01-01T10:00:00Z AND Amount < 1000');
        expect(after.records.map((record) => record.Name)).toEqual(['New']);
        await expect(conn.query('SELECT Id FROM Opportunity GROUP BY Name')).rejects.toThrow(/unsupported SOQL/);
    });

    it('upserts through jsforce sObject Collections by external id, with per-record errors in a 200', async () => {
        fake.insert('Goal_Plan__c', { Plan_Key__c: 'k1', Name: 'Plan' });
        const results = await conn.upsert(
            'Learning_Goal__c',
            [
                { Suggestion_Key__c: 's1', Name: 'Goal', Status__c: 'Suggested', Goal_Plan__r: { Plan_Key__c: 'k1' } },
                { Suggestion_Key__c: 's2', Name: 'Goal', Status__c: 'Maybe', Goal_Plan__r: { Plan_Key__c: 'k1' } },
            ] as never,
            'Suggestion_Key__c',
        );
        expect(results[0]).toMatchObject({ success: true, created: true });
        expect(results[1]).toMatchObject({ success: false, errors: [{ statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' }] });
        expect(fake.find('Learning_Goal__c', 'Suggestion_Key__c', 's1')?.Goal_Plan__c).toBe(fake.find('Goal_Plan__c', 'Plan_Key__c', 'k1')?.Id);
        expect(fake.find('Learning_Goal__c', 'Suggestion_Key__c', 's1')?.LastModifiedById).toBe(fake.integrationUserId);
    });

    it('pages REST queries by nextRecordsUrl and Bulk 2.0 results by Sforce-Locator', async () => {
        const api = new OrgApi(conn, { retry: fastRetry });
        const rest = await collect(restQuery(api, 'SELECT Id, Name, IsWon FROM Opportunity', ['Id', 'Name', 'IsWon']));
        expect(rest).toHaveLength(8);
        expect(rest[1]).toMatchObject({ Name: 'Deal 2, "big"', IsWon: 'true' });
        fake.resetCalls();
        const bulk = await collect(bulkQuery(api, 'SELECT Id, Name, Amount FROM Opportunity', ['Id', 'Name', 'Amount'], { pageSize: 3, pollIntervalMs: 1 }));
        expect(bulk.map((row) => row.Name)).toEqual(rest.map((row) => row.Name));
        expect(bulk[0]!.Amount).toBe('1000');
        expect(fake.callCount((call) => call.kind === 'bulkCreate')).toBe(1);
        expect(fake.callCount((call) => call.kind === 'bulkResults')).toBe(3);
    });

    it('refreshes an expired session once and caps refreshes when the org keeps refusing', async () => {
        const refreshing = connectWithToken({
            instanceUrl: fake.url,
            accessToken: fake.createSession(),
            refreshToken: fake.createRefreshToken(),
            clientId: 'goal-coach-test',
            version: fakeApiVersion,
        });
        const api = new OrgApi(refreshing.conn, { guard: refreshing.guard, retry: fastRetry });
        fake.faults.push({ kind: 'unauthorized', times: 1 });
        expect(await collect(restQuery(api, 'SELECT Id FROM Opportunity', ['Id']))).toHaveLength(8);
        expect(refreshing.guard.refreshes).toBe(1);
        fake.faults.push({ kind: 'unauthorized', times: 100 });
        await expect(api.get('/limits')).rejects.toThrow(/session expired and could not be renewed/);
        expect(fake.callCount((call) => call.kind === 'token')).toBeLessThanOrEqual(3);
    });

    it('retries 503 bursts and connection resets in the middle of a page', async () => {
        const api = new OrgApi(conn, { retry: fastRetry });
        fake.faults.push({ kind: 'unavailable', times: 3 }, { kind: 'resetMidPage', times: 1, path: /\/query\/.+/ });
        const rows = await collect(restQuery(api, 'SELECT Id FROM Opportunity', ['Id']));
        expect(new Set(rows.map((row) => row.Id)).size).toBe(8);
        expect(api.retries).toBe(4);
        fake.faults.push({ kind: 'unavailable', times: 10 });
        await expect(api.get('/limits')).rejects.toThrow(OrgApiError);
    });

    it('stops before the daily allowance runs out, watching Sforce-Limit-Info', async () => {
        const tight = new FakeSalesforceApi({ dailyApiLimit: 10 });
        await tight.start();
        try {
            const { conn: tightConn } = connectWithToken({ instanceUrl: tight.url, accessToken: tight.createSession(), version: fakeApiVersion });
            const api = new OrgApi(tightConn, { maxApiUsageShare: 0.5 });
            for (let call = 0; call < 5; call++) await api.get('/limits');
            await expect(api.get('/limits')).rejects.toThrow('the org has used 5 of its 10 daily API requests');
            expect(tight.apiCallCount()).toBe(5);
        } finally {
            await tight.stop();
        }
    });

    it('turns REQUEST_LIMIT_EXCEEDED into a clean stop', async () => {
        const api = new OrgApi(conn, { retry: fastRetry });
        fake.faults.push({ kind: 'requestLimit', afterCalls: 1 });
        await api.get('/limits');
        await expect(api.get('/limits')).rejects.toThrow(OrgLimitError);
        expect(api.apiUsage).toEqual({ used: 1, limit: 100000 });
    });
});
