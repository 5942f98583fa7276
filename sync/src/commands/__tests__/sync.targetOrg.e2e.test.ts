// `goal-coach sync --target-org ALIAS`: the sf CLI's stored login (through @salesforce/core), in
// child processes with their own HOME, against the fake org holding the sample export.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FakeSalesforceApi } from '../../../testing/fakeSalesforceApi';
import { startSampleOrg } from '../../../testing/sampleOrg';

jest.setTimeout(120000);

const run = promisify(execFile);
const root = path.join(__dirname, '..', '..', '..', '..');

describe('goal-coach sync --target-org (end to end)', () => {
    let fake: FakeSalesforceApi;
    let home: string;

    beforeAll(async () => {
        ({ fake } = await startSampleOrg());
        home = await mkdtemp(path.join(os.tmpdir(), 'goal-coach-home-'));
    });
    afterAll(async () => {
        await fake.stop();
        await rm(home, { recursive: true, force: true });
    });

    it('uses the stored login of an alias and never needs a token in the environment', async () => {
        const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, SF_USE_GENERIC_UNIX_KEYCHAIN: 'true', SF_DISABLE_TELEMETRY: 'true' };
        delete env.SF_ACCESS_TOKEN;
        const token = fake.createSession();
        await run(process.execPath, ['-r', 'tsx/cjs', path.join(root, 'sync', 'testing', 'saveSfLogin.ts')], {
            cwd: root,
            env: { ...env, FAKE_URL: fake.url, SF_ACCESS_TOKEN: token, SF_USERNAME: 'integration@goal-coach.test', SF_ALIAS: 'coach' },
        });
        const { stdout, stderr } = await run(
            process.execPath,
            [path.join(root, 'bin', 'goal-coach.js'), 'sync', '--target-org', 'coach', '--dry-run', '--state-dir', path.join(home, 'state')],
            { cwd: root, env },
        );
        expect(stdout).toMatch(/^dry run: would upsert 32 Goal_Plan__c and \d+ Learning_Goal__c records, and hand 32 plans to their reps$/m);
        expect(stdout).toContain(`org ${fake.orgId}`);
        expect(`${stdout}${stderr}`).not.toContain(token);
        expect(fake.callCount((call) => call.kind === 'upsert')).toBe(0);
    });
});
