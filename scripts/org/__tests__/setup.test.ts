// The org setup against a fake `sf` (and `npm`) placed first on PATH: real child processes, real
// files, a fake org kept in a JSON file between runs.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runSetup, type SetupOptions, SetupStepError } from '../orgSetup';
import { loadSampleData } from '../sampleData';
import { spawnRunner } from '../sfCli';

// Every sf call is a real child process, so a full run takes a few seconds.
jest.setTimeout(60_000);

const projectDir = path.resolve(__dirname, '../../..');
const fakeCli = path.join(__dirname, 'fake-cli', 'fakeCli.js');
const TOKEN = '00Dxx0000001gPFEAY!AQ4AQFakeSessionTokenThatMustNeverBePrinted';

interface Call {
    tool: string;
    args: string[];
}
interface FakeOrgState {
    org: { edition: string; days: string } | null;
    users: { Id: string; Username: string; UserRoleId: string | null; ManagerId?: string | null }[];
    roles: { Id: string; DeveloperName: string }[];
    assignments: [string, string][];
    records: Record<string, Record<string, string>[]>;
    deploys?: number;
}

let sandbox: string;
let binDir: string;
let savedEnv: NodeJS.ProcessEnv;

function writeShim(name: string): void {
    const file = path.join(binDir, name);
    writeFileSync(file, `#!/bin/sh\nexec "${process.execPath}" "${fakeCli}" ${name} "$@"\n`);
    chmodSync(file, 0o755);
}

beforeEach(() => {
    sandbox = mkdtempSync(path.join(os.tmpdir(), 'org-setup-'));
    binDir = path.join(sandbox, 'bin');
    cpSync(path.join(projectDir, 'data'), path.join(sandbox, 'data'), { recursive: true });
    // The milestone definitions come from their own fixture, so this test does not depend on them.
    cpSync(path.join(__dirname, 'fixtures', 'Sales_Milestone__c.csv'), path.join(sandbox, 'data', 'milestones', 'Sales_Milestone__c.csv'));
    mkdirSync(binDir);
    writeShim('sf');
    writeShim('npm');
    savedEnv = { ...process.env };
    process.env.PATH = `${binDir}${path.delimiter}${process.env.PATH ?? ''}`;
    process.env.FAKE_CLI_LOG = path.join(sandbox, 'calls.jsonl');
    process.env.FAKE_CLI_STATE = path.join(sandbox, 'org.json');
    delete process.env.FAKE_CLI_FAIL;
    delete process.env.FAKE_CLI_LICENCES;
});

afterEach(() => {
    process.env = savedEnv;
    rmSync(sandbox, { recursive: true, force: true });
});

function options(overrides: Partial<SetupOptions> = {}): SetupOptions {
    return {
        alias: 'gc-test',
        days: 3,
        dryRun: false,
        open: true,
        projectDir,
        dataDir: path.join(sandbox, 'data'),
        workDir: path.join(sandbox, 'work'),
        today: new Date('2026-11-23T12:00:00Z'),
        ...overrides,
    };
}

function calls(): Call[] {
    const file = process.env.FAKE_CLI_LOG as string;
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Call);
}
/** "sf org create user", "npm run build", "sf --version": the words before the first flag. */
function commandOf(call: Call): string {
    const firstFlag = call.args.findIndex((a) => a.startsWith('-'));
    const words = firstFlag === 0 ? call.args.slice(0, 1) : firstFlag < 0 ? call.args : call.args.slice(0, firstFlag);
    return [call.tool, ...words].join(' ');
}
const orgState = () => JSON.parse(readFileSync(process.env.FAKE_CLI_STATE as string, 'utf8')) as FakeOrgState;

async function setup(overrides: Partial<SetupOptions> = {}) {
    const log: string[] = [];
    const summary = await runSetup(options(overrides), { run: spawnRunner, log: (line) => log.push(line) });
    return { log, summary };
}

describe('dry run', () => {
    it('prints every command in order and runs nothing', async () => {
        const log: string[] = [];
        const run = jest.fn();
        await runSetup(options({ dryRun: true }), { run, log: (line) => log.push(line) });

        expect(run).not.toHaveBeenCalled();
        expect(existsSync(path.join(sandbox, 'work'))).toBe(false);
        const commands = log.filter((line) => /^(sf|npm) /.test(line));
        const verbs = commands.map((line) => line.split(' --')[0]);
        expect(verbs.slice(0, 6)).toEqual([
            'sf org display',
            'sf org create scratch',
            'npm run build',
            'sf project deploy start',
            'sf org assign permset',
            'sf data query',
        ]);
        expect(commands[1]).toContain('--definition-file config/project-scratch-def.json --alias gc-test --duration-days 3');
        // Build before deploy, team before data, milestones before deals, stage rounds before activities.
        const indexOf = (text: string) => commands.findIndex((line) => line.includes(text));
        expect(indexOf('npm run build')).toBeLessThan(indexOf('project deploy start'));
        expect(indexOf('org create user')).toBeGreaterThan(indexOf('project deploy start'));
        expect(indexOf('--sobject Sales_Milestone__c')).toBeGreaterThan(indexOf('org create user'));
        expect(indexOf('--sobject Account')).toBeLessThan(indexOf('--sobject Contact'));
        expect(indexOf('Opportunity.new.csv')).toBeLessThan(indexOf('Opportunity.round-02.csv'));
        expect(indexOf('--sobject OpportunityContactRole')).toBeGreaterThan(indexOf('Opportunity.round-09.csv'));
        expect(commands.at(-1)).toBe('sf org open --path lightning/app/c__Goal_Coach --target-org gc-test --json');
        expect(commands.filter((line) => line.startsWith('sf org create user'))).toHaveLength(6);
        // One upsert per stage of the longest path: 8 open stages and a closed one.
        expect(commands.filter((line) => line.includes('--sobject Opportunity --file'))).toHaveLength(9);
        expect(log).toContain('Dry run complete: nothing was changed.');
    });

    it('leaves out opening the app with --no-open', async () => {
        const log: string[] = [];
        await runSetup(options({ dryRun: true, open: false }), { run: jest.fn(), log: (line) => log.push(line) });
        expect(log.some((line) => line.startsWith('sf org open'))).toBe(false);
    });
});

describe('against a fake sf on PATH', () => {
    it('creates the org, the team and the data, with stage history for every stage change', async () => {
        const { summary } = await setup();

        const state = orgState();
        expect(state.org).toMatchObject({ edition: 'Enterprise', days: '3' });
        expect(summary.orgCreated).toBe(true);
        expect(summary.usersCreated).toHaveLength(6);
        expect(state.users).toHaveLength(7);

        // Role hierarchy: the admin is the VP, each rep reports to a manager.
        const roleName = new Map(state.roles.map((r) => [r.Id, r.DeveloperName]));
        const byKey = (key: string) => state.users.find((u) => u.Username.startsWith(`${key}.`));
        expect(roleName.get(state.users[0]?.UserRoleId ?? '')).toBe('Goal_Coach_Sales_VP');
        expect(roleName.get(byKey('ana-lopez')?.UserRoleId ?? '')).toBe('Goal_Coach_Sales_Rep_East');
        expect(byKey('ana-lopez')?.ManagerId).toBe(byKey('maya-chen')?.Id);
        expect(byKey('diego-ramos')?.ManagerId).toBe(byKey('omar-haddad')?.Id);
        expect(byKey('maya-chen')?.Username).toBe('maya-chen.00dxx0000001gpf@goalcoach.example.com');
        expect(state.assignments).toEqual(
            expect.arrayContaining([
                ['test-admin@example.com', 'Goal_Coach_Admin'],
                [byKey('omar-haddad')?.Username, 'Goal_Coach_Manager'],
                [byKey('ella-fischer')?.Username, 'Goal_Coach_Rep'],
            ]),
        );

        const data = loadSampleData(path.join(sandbox, 'data'));
        expect(state.records.Sales_Milestone__c).toHaveLength(3);
        expect(state.records.Account).toHaveLength(data.accounts.length);
        expect(state.records.Contact).toHaveLength(data.contacts.length);
        expect(state.records.Opportunity).toHaveLength(data.opportunities.length);
        expect(state.records.OpportunityContactRole).toHaveLength(data.contactRoles.length);
        expect(state.records.Task).toHaveLength(data.tasks.length);
        expect(state.records.Event).toHaveLength(data.events.length);

        const history = state.records.OpportunityHistory ?? [];
        const stageSteps = data.opportunities.reduce((sum, o) => sum + o.StagePath.length, 0);
        expect(history).toHaveLength(stageSteps);
        const first = data.opportunities[0];
        const firstId = state.records.Opportunity?.find((o) => o.Sample_Key__c === first?.Sample_Key__c)?.Id;
        expect(history.filter((h) => h.OpportunityId === firstId).map((h) => h.StageName)).toEqual(first?.StagePath);

        // Dates are relative to the load day; owners are the reps.
        const opportunity = state.records.Opportunity?.find((o) => o.Sample_Key__c === first?.Sample_Key__c);
        expect(opportunity?.CloseDate).toBe('2026-10-05'); // 2026-11-23 less 49 days
        expect(opportunity?.OwnerId).toBe(byKey(first?.OwnerKey ?? '')?.Id);
    });

    it('is idempotent: a second run creates no org, no users and no duplicate records', async () => {
        await setup();
        // An admin edits a milestone and someone renames a demo account between the runs.
        const edited = orgState();
        const milestone = edited.records.Sales_Milestone__c?.[0] as Record<string, string>;
        milestone.Name = 'Economic buyer met in person';
        const account = edited.records.Account?.[0] as Record<string, string>;
        account.Name = 'Acme Logistics (renamed in the org)';
        writeFileSync(process.env.FAKE_CLI_STATE as string, JSON.stringify(edited));
        const before = orgState();
        const firstRunCalls = calls().length;

        const { summary, log } = await setup();

        const second = calls().slice(firstRunCalls).map(commandOf);
        expect(second).not.toContain('sf org create scratch');
        expect(second).not.toContain('sf org create user');
        expect(second).not.toContain('sf data import bulk');
        expect(second).not.toContain('sf data update record');
        expect(second).not.toContain('sf data upsert bulk');
        expect(summary).toMatchObject({ orgCreated: false, usersCreated: [], opportunityStageUpdates: 0, tasksInserted: 0, eventsInserted: 0, contactRolesInserted: 0 });
        expect(log).toContain('  All 60 opportunities are loaded at their final stage.');

        const after = orgState();
        expect(after.records.Sales_Milestone__c?.[0]?.Name).toBe('Economic buyer met in person');
        expect(after.records.Account?.[0]?.Name).toBe('Acme Logistics (renamed in the org)');
        expect(after.users).toEqual(before.users);
        expect(after.assignments).toEqual(before.assignments);
        for (const sobject of Object.keys(before.records)) {
            expect(after.records[sobject]).toHaveLength(before.records[sobject]?.length ?? 0);
        }
        expect(after.deploys).toBe(2); // the metadata is deployed every time
    });

    it('creates a new org under the same alias when the old one has expired', async () => {
        writeFileSync(
            process.env.FAKE_CLI_STATE as string,
            JSON.stringify({ org: { id: '00Dxx0000000OLDEAY', username: 'old-admin@example.com', alias: 'gc-test', expired: true }, users: [], roles: [], assignments: [], records: {}, nextId: 1 }),
        );
        const { log, summary } = await setup({ open: false });
        expect(log).toContain('  Org "gc-test" has expired: creating a new one under the same alias.');
        expect(summary.orgCreated).toBe(true);
        expect(calls().map(commandOf)).toContain('sf org create scratch');
    });

    it('continues a deal from the stage it reached when an earlier run stopped part-way', async () => {
        process.env.FAKE_CLI_FAIL = 'Opportunity.round-04.csv';
        await expect(setup({ open: false })).rejects.toThrow('Step "Opportunities and stage history" failed');
        delete process.env.FAKE_CLI_FAIL;
        const halfway = orgState();
        const renamed = halfway.records.Opportunity?.[0] as Record<string, string>;
        renamed.Name = 'Renamed by the rep';
        writeFileSync(process.env.FAKE_CLI_STATE as string, JSON.stringify(halfway));

        await setup({ open: false });

        const state = orgState();
        expect(state.records.Opportunity?.[0]?.Name).toBe('Renamed by the rep');
        const data = loadSampleData(path.join(sandbox, 'data'));
        const stageSteps = data.opportunities.reduce((sum, o) => sum + o.StagePath.length, 0);
        expect(state.records.OpportunityHistory).toHaveLength(stageSteps);
        expect(state.records.Opportunity).toHaveLength(data.opportunities.length);
    });

    it('stops at a failing deploy, before any data is loaded, naming the step and the sf error', async () => {
        process.env.FAKE_CLI_FAIL = 'project deploy start';

        const error = await setup().then(
            () => undefined,
            (e: unknown) => e,
        );

        expect(error).toBeInstanceOf(SetupStepError);
        expect((error as Error).message).toContain('Step "Deploy metadata" failed: sf project deploy start: FailedDeployError: Deploy failed.');
        expect((error as Error).message).toContain('CustomField Goal_Plan__c.Rep__c: Field Rep__c: referenceTo value of User is not valid');
        const made = calls().map(commandOf);
        expect(made.at(-1)).toBe('sf project deploy start');
        expect(made.some((c) => c.startsWith('sf data') || c.startsWith('sf org create user') || c.startsWith('sf org assign'))).toBe(false);
    });

    it('stops when the build fails, before deploying', async () => {
        process.env.FAKE_CLI_FAIL = 'npm run build';
        await expect(setup()).rejects.toThrow('Step "Build components" failed: "npm run build" failed');
        expect(calls().map(commandOf)).not.toContain('sf project deploy start');
    });

    it('explains the licence problem instead of failing on the first user', async () => {
        process.env.FAKE_CLI_LICENCES = '2';
        await expect(setup()).rejects.toThrow(/1 free Salesforce licence\(s\) but the sample team needs 6 more user\(s\).*Developer Edition scratch orgs have only 2/);
        expect(calls().map(commandOf)).not.toContain('sf org create user');
    });

    it('says how to install sf when it is not on PATH', async () => {
        rmSync(path.join(binDir, 'sf'));
        process.env.PATH = binDir;
        await expect(setup()).rejects.toThrow('npm install --global @salesforce/cli');
    });
});

describe('the org:setup command', () => {
    const tsxCli = path.join(projectDir, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const alias = 'gc-jest-cli';
    afterEach(() => rmSync(path.join(projectDir, 'artifacts', 'org-setup', alias), { recursive: true, force: true }));

    function runCli(args: string[]) {
        return spawnSync(process.execPath, [tsxCli, path.join(projectDir, 'scripts', 'org', 'setup.ts'), ...args], {
            cwd: projectDir,
            env: process.env,
            encoding: 'utf8',
        });
    }

    it('exits non-zero with the failing step on stderr and never prints the access token', () => {
        // The org exists, so `org display` (whose JSON carries the token) is part of the run.
        writeFileSync(
            process.env.FAKE_CLI_STATE as string,
            JSON.stringify({ org: { id: '00Dxx0000001gPFEAY', username: 'test-admin@example.com', alias }, users: [], roles: [], assignments: [], records: {}, nextId: 1 }),
        );
        process.env.FAKE_CLI_FAIL = 'project deploy start';

        const result = runCli(['--alias', alias, '--no-open', '--data-dir', path.join(sandbox, 'data')]);

        expect(result.status).toBe(1);
        expect(result.stderr).toContain('Step "Deploy metadata" failed');
        expect(result.stdout).toContain(`Org "${alias}" exists: not creating a new one.`);
        expect(`${result.stdout}${result.stderr}`).not.toContain(TOKEN.split('!')[1]);
        expect(calls().map(commandOf)).toEqual(['sf --version', 'sf org display', 'npm run build', 'sf project deploy start']);
    });

    it('rejects a bad --days value with a clear message', () => {
        const result = runCli(['--days', '45', '--dry-run']);
        expect(result.status).not.toBe(0);
        expect(result.stderr).toContain('a whole number of days from 1 to 30');
        expect(calls()).toHaveLength(0);
    });
});
