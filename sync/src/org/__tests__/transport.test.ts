// Outside jest's sandbox, fetch goes through the undici global dispatcher jsforce installs, which is
// stricter about headers: run a POST and a PATCH in a plain Node process against the fake org.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { FakeSalesforceApi } from '../../../testing/fakeSalesforceApi';

const run = promisify(execFile);
const root = path.join(__dirname, '..', '..', '..', '..');

const childScript = `
const { connectWithToken } = require('./sync/src/org/connection.ts');
const { OrgApi } = require('./sync/src/org/api.ts');
const { conn, guard } = connectWithToken({ instanceUrl: process.env.FAKE_URL, accessToken: process.env.SF_ACCESS_TOKEN, version: '62.0' });
const api = new OrgApi(conn, { guard, retry: { attempts: 1 } });
(async () => {
    const batch = await api.request({ method: 'POST', path: '/composite/batch', body: { batchRequests: [{ method: 'GET', url: 'v62.0/query?q=SELECT+COUNT()+FROM+User' }] } });
    const upsert = await api.request({ method: 'PATCH', path: '/composite/sobjects/Goal_Plan__c/Plan_Key__c', body: { allOrNone: false, records: [{ attributes: { type: 'Goal_Plan__c' }, Plan_Key__c: 'k', Name: 'Plan' }] } });
    process.stdout.write(JSON.stringify({ users: batch.body.results[0].result.totalSize, created: upsert.body[0].created }));
})().catch((error) => { process.stderr.write(error.message); process.exit(1); });
`;

describe('BufferedTransport in a plain Node process', () => {
    it('sends JSON bodies that undici accepts', async () => {
        const fake = new FakeSalesforceApi();
        await fake.start();
        try {
            const { stdout } = await run(process.execPath, ['-r', 'tsx/cjs', '-e', childScript], {
                cwd: root,
                env: { ...process.env, FAKE_URL: fake.url, SF_ACCESS_TOKEN: fake.createSession() },
            });
            expect(JSON.parse(stdout)).toEqual({ users: 1, created: true });
        } finally {
            await fake.stop();
        }
    }, 30000);
});
