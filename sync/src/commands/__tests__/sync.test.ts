import '../../../testing/nodeRealm';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { UsageError } from '../../core/problems';
import { syncCommand, type SyncCommandIo } from '../sync';
import type { FakeSalesforceApi } from '../../../testing/fakeSalesforceApi';
import { startSampleOrg } from '../../../testing/sampleOrg';

jest.setTimeout(60000);

interface Run {
    code: number;
    stdout: string;
    stderr: string;
}

async function goalCoach(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
    const run: Run = { code: 0, stdout: '', stderr: '' };
    const io: SyncCommandIo = {
        out: (text) => (run.stdout += text),
        err: (text) => (run.stderr += text),
        env,
        stderr: { isTTY: false } as NodeJS.WriteStream,
    };
    // As goal-coach's main does: command-line and user errors exit 2 with their message, bugs 1.
    const program = new Command('goal-coach').exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
    program.addCommand(syncCommand(io).exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err }));
    try {
        await program.parseAsync(args, { from: 'user' });
    } catch (error) {
        if (error instanceof CommanderError) run.code = error.exitCode === 0 ? 0 : 2;
        else if (error instanceof UsageError) {
            run.stderr += `Error: ${error.message}\n`;
            run.code = 2;
        } else throw error;
    }
    return run;
}

describe('goal-coach sync', () => {
    let fake: FakeSalesforceApi;
    let stateDir: string;
    let token: string;

    beforeAll(async () => {
        ({ fake } = await startSampleOrg());
        stateDir = await mkdtemp(path.join(os.tmpdir(), 'goal-coach-cmd-'));
        token = fake.createSession();
    });
    afterAll(async () => {
        await fake.stop();
        await rm(stateDir, { recursive: true, force: true });
    });

    it('syncs with --instance-url and the token from SF_ACCESS_TOKEN, then has nothing left to write', async () => {
        const first = await goalCoach(['sync', '--instance-url', fake.url, '--state-dir', stateDir], { SF_ACCESS_TOKEN: token });
        expect(first.stderr).toBe('');
        expect(first.code).toBe(0);
        expect(first.stdout).toMatch(/goal plans: \d+ new, 0 changed, 0 unchanged/);
        expect(first.stdout).toMatch(/read Task: full via Bulk API 2\.0, \d+ fetched/);
        expect(first.stdout).not.toContain(token);

        fake.resetCalls();
        const second = await goalCoach(['sync', '--instance-url', fake.url, '--state-dir', stateDir], { SF_ACCESS_TOKEN: token });
        expect(second.code).toBe(0);
        expect(second.stdout).toMatch(/written: 0 created, 0 updated, 0 failed/);
        expect(fake.apiCallCount()).toBeLessThanOrEqual(6);
    });

    it('repairs a damaged mirror with a warning and exits 0, also when its path is a folder', async () => {
        const file = path.join(stateDir, `mirror-${fake.orgId}.sqlite`);
        await writeFile(file, 'not a mirror');
        const damaged = await goalCoach(['sync', '--instance-url', fake.url, '--state-dir', stateDir], { SF_ACCESS_TOKEN: token });
        expect(damaged.code).toBe(0);
        expect(damaged.stdout).toMatch(/warning: mirror: .* cannot be read as a mirror .*; it was replaced and every object is read in full/);
        expect(damaged.stdout).toMatch(/written: 0 created, 0 updated, 0 failed/);

        await rm(file);
        await mkdir(file);
        const folder = await goalCoach(['sync', '--instance-url', fake.url, '--state-dir', stateDir], { SF_ACCESS_TOKEN: token });
        expect(folder.code).toBe(0);
        expect(folder.stdout).toMatch(/warning: mirror: the mirror cannot be kept at .* is a folder, not a mirror file: remove or rename it/);
        expect(folder.stdout).toMatch(/written: 0 created, 0 updated, 0 failed/);
        await rm(file, { recursive: true });
        expect((await goalCoach(['sync', '--instance-url', fake.url, '--state-dir', stateDir], { SF_ACCESS_TOKEN: token })).code).toBe(0);
    });

    it('never takes a token from the command line and never echoes one', async () => {
        const run = await goalCoach(['sync', '--instance-url', fake.url, `--access-token=${token}`], { SF_ACCESS_TOKEN: token });
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/unknown option --access-token \(access tokens are read from SF_ACCESS_TOKEN/);
        expect(run.stderr).not.toContain(token);
    });

    it('says what to do when the access token is not valid', async () => {
        const run = await goalCoach(['sync', '--instance-url', fake.url, '--state-dir', stateDir], { SF_ACCESS_TOKEN: 'expired-token' });
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/HTTP 401 INVALID_SESSION_ID.*put a fresh access token in SF_ACCESS_TOKEN/);
        expect(run.stderr).not.toContain('expired-token');
    });

    it('explains what is missing', async () => {
        expect((await goalCoach(['sync', '--instance-url', fake.url], {})).stderr).toMatch(/needs an access token in the SF_ACCESS_TOKEN environment variable/);
        expect((await goalCoach(['sync'], {})).stderr).toMatch(/say which org: --target-org/);
        expect((await goalCoach(['sync', '--instance-url', 'acme.my.salesforce.com'], { SF_ACCESS_TOKEN: token })).stderr).toMatch(/is not a URL/);
        expect((await goalCoach(['sync', '--instance-url', 'http://acme.example.com'], { SF_ACCESS_TOKEN: token })).stderr).toMatch(/must use https/);
    });

    it('says how to log in when --target-org has no sf CLI login', async () => {
        const alias = 'goal-coach-test-no-such-login';
        const run = await goalCoach(['sync', '--target-org', alias], {});
        expect(run.code).toBe(2);
        expect(run.stderr).toContain(`no sf CLI login found for "${alias}": run \`sf org login web --alias ${alias}\` or \`sf org login jwt\` first`);
    });

    it('checks record ids given on the command line', async () => {
        const run = await goalCoach(['sync', '--instance-url', fake.url, '--rep', '005XYZ'], { SF_ACCESS_TOKEN: token });
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/user id "005XYZ" is not a 15- or 18-character Salesforce id/);
        const badChecksum = await goalCoach(['sync', '--instance-url', fake.url, '--rep', '005000000000001ZZZ'], { SF_ACCESS_TOKEN: token });
        expect(badChecksum.stderr).toMatch(/must end with its checksum/);
    });

    it('exits 2 and lists the failed records when some fail, and finishes on the next run', async () => {
        const goal = fake.list('Learning_Goal__c')[0]!;
        fake.purge('Learning_Goal__c', String(goal.Id));
        fake.faults.push({ kind: 'recordError', times: 1, externalId: String(goal.Suggestion_Key__c), statusCode: 'STORAGE_LIMIT_EXCEEDED', message: 'storage limit exceeded' });
        const failed = await goalCoach(['sync', '--instance-url', fake.url, '--state-dir', stateDir], { SF_ACCESS_TOKEN: token });
        expect(failed.code).toBe(2);
        expect(failed.stdout).toContain(`FAILED Learning_Goal__c ${String(goal.Suggestion_Key__c)}: STORAGE_LIMIT_EXCEEDED: storage limit exceeded`);
        expect(failed.stderr).toMatch(/not complete: 1 record\(s\) failed; the next run picks up from here/);
        const next = await goalCoach(['sync', '--instance-url', fake.url, '--state-dir', stateDir], { SF_ACCESS_TOKEN: token });
        expect(next.code).toBe(0);
        expect(next.stdout).toMatch(/written: 1 created, 0 updated, 0 failed/);
    });

    it('writes only for the reps given with --rep', async () => {
        const repId = String(fake.list('Goal_Plan__c')[0]!.Rep__c);
        const run = await goalCoach(['sync', '--instance-url', fake.url, '--state-dir', stateDir, '--dry-run', '--rep', repId.slice(0, 15)], { SF_ACCESS_TOKEN: token });
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/goal plans: 0 new, 0 changed, 1 unchanged/);
    });

    it('dry run prints the records and writes nothing', async () => {
        fake.resetCalls();
        const run = await goalCoach(['sync', '--instance-url', fake.url, '--state-dir', stateDir, '--dry-run', '--full'], { SF_ACCESS_TOKEN: token });
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/dry run: nothing to write; the org is up to date/);
        expect(fake.callCount((call) => call.kind === 'upsert')).toBe(0);
    });
});
