// One-command scratch org: create (or reuse) the org, build, deploy, assign permission sets, create
// the sample team with its role hierarchy, and load milestones and deals with stage history.
// Idempotent: existing org, users, records and assignments are found first and skipped or upserted.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { addDays, addMinutes, format } from 'date-fns';
import { z } from 'zod';
import { DATA_FILES, loadSampleData, type SampleData, SampleDataError, type TeamMember, toCsv } from './sampleData';
import {
    CommandNotFoundError,
    type CommandResult,
    type CommandRunner,
    formatCommand,
    parseSfEnvelope,
    redact,
    type SfEnvelope,
    soqlString,
} from './sfCli';

export interface SetupOptions {
    alias: string;
    /** Scratch org lifetime in days (1-30). */
    days: number;
    dryRun: boolean;
    open: boolean;
    projectDir: string;
    dataDir: string;
    /** Where the per-org files (user definitions, CSVs with record ids) are written. */
    workDir: string;
    /** The day the sample dates are relative to. */
    today: Date;
}

export interface SetupDeps {
    run: CommandRunner;
    log: (line: string) => void;
}

export interface SetupSummary {
    orgCreated: boolean;
    usersCreated: string[];
    opportunityStageUpdates: number;
    contactRolesInserted: number;
    tasksInserted: number;
    eventsInserted: number;
    warnings: string[];
}

/** A failed step: the message names the step and carries sf's own error. */
export class SetupStepError extends Error {
    override name = 'SetupStepError';
    constructor(
        readonly step: string,
        detail: string,
    ) {
        super(`Step "${step}" failed: ${detail}`);
    }
}

export const SF_MISSING_HELP =
    'The Salesforce CLI (sf) is not on PATH. Install it with "npm install --global @salesforce/cli" (it needs Node 22), ' +
    'then connect your Dev Hub once with "sf org login web --set-default-dev-hub".';

export const APP_PATH = 'lightning/app/c__Goal_Coach';
const USERNAME_DOMAIN = 'goalcoach.example.com';
const BULK_WAIT_MINUTES = '10';

const orgDisplayResult = z
    .object({ id: z.string(), username: z.string(), status: z.string().optional(), expirationDate: z.string().optional() })
    .loose();
const orgCreateResult = z.object({ orgId: z.string(), username: z.string() }).loose();
const idRecord = z.object({ Id: z.string() });
const roleRecord = idRecord.extend({ DeveloperName: z.string() });
const userRecord = idRecord.extend({ Username: z.string(), UserRoleId: z.string().nullable().optional() });
const licenseRecord = z.object({ Name: z.string(), TotalLicenses: z.number(), UsedLicenses: z.number() });
const keyedRecord = idRecord.extend({ Sample_Key__c: z.string() });
const opportunityRecord = keyedRecord.extend({ StageName: z.string() });
const contactRoleRecord = z.object({ OpportunityId: z.string(), ContactId: z.string() });
const activityRecord = z.object({ WhatId: z.string().nullable(), Subject: z.string().nullable() });
const permsetResult = z
    .object({ failures: z.array(z.object({ name: z.string().optional(), message: z.string() }).loose()).optional() })
    .loose();

const isDuplicateAssignment = (message: string) => /duplicate|already (been )?assigned/i.test(message);

export async function runSetup(options: SetupOptions, deps: SetupDeps): Promise<SetupSummary> {
    return new OrgSetup(options, deps).run();
}

class OrgSetup {
    private step = 'Start';
    private orgId = '';
    private adminUsername = '';
    private readonly userIds = new Map<string, string>();
    private roleIdCache: Map<string, string> | undefined;
    private readonly keyedIdCache = new Map<string, Map<string, string>>();
    private readonly summary: SetupSummary = {
        orgCreated: false,
        usersCreated: [],
        opportunityStageUpdates: 0,
        contactRolesInserted: 0,
        tasksInserted: 0,
        eventsInserted: 0,
        warnings: [],
    };
    private data!: SampleData;

    constructor(
        private readonly options: SetupOptions,
        private readonly deps: SetupDeps,
    ) {}

    async run(): Promise<SetupSummary> {
        const { dryRun, alias } = this.options;
        this.deps.log(dryRun ? `Dry run for scratch org "${alias}": the commands setup would run, in order, against a new org. Nothing is run.` : `Setting up scratch org "${alias}".`);
        await this.section('Load sample data', async () => {
            try {
                this.data = loadSampleData(this.options.dataDir);
            } catch (error) {
                if (error instanceof SampleDataError) throw new SetupStepError(this.step, error.message);
                throw error;
            }
        });
        if (!dryRun) await this.section('Check the sf CLI', () => this.checkSf());
        await this.section('Scratch org', () => this.ensureOrg());
        await this.section('Build components', () => this.build());
        await this.section('Deploy metadata', () => this.deploy());
        await this.section('Admin permission sets', () => this.assignPermissionSets(this.data.team.admin.permissionSets, []));
        await this.section('Admin role', () => this.adminRole());
        await this.section('Sample team users', () => this.createTeam());
        await this.section('Team permission sets', () => this.teamPermissionSets());
        await this.section('Sales milestones', () => this.milestones());
        await this.section('Accounts', () => this.loadMissing('Account', path.join(this.options.dataDir, DATA_FILES.accounts), 'Sample_Key__c'));
        await this.section('Contacts', () => this.loadMissing('Contact', path.join(this.options.dataDir, DATA_FILES.contacts), 'Sample_Key__c'));
        await this.section('Opportunities and stage history', () => this.opportunities());
        await this.section('Contact roles', () => this.contactRoles());
        await this.section('Tasks', () => this.tasks());
        await this.section('Events', () => this.events());
        if (this.options.open) await this.section('Open the app', () => this.openApp());
        this.deps.log(dryRun ? 'Dry run complete: nothing was changed.' : `Scratch org "${alias}" is ready.`);
        for (const warning of this.summary.warnings) this.deps.log(`warning: ${warning}`);
        return this.summary;
    }

    private async section(name: string, body: () => Promise<void> | void): Promise<void> {
        this.step = name;
        this.deps.log(`# ${name}`);
        await body();
    }

    private fail(detail: string): never {
        throw new SetupStepError(this.step, redact(detail));
    }

    private note(line: string): void {
        this.deps.log(`  ${line}`);
    }

    // ---- running commands ---------------------------------------------------

    private async exec(command: string, args: string[]): Promise<CommandResult> {
        this.deps.log(this.options.dryRun ? formatCommand(command, args) : `  $ ${formatCommand(command, args)}`);
        if (this.options.dryRun) return { exitCode: 0, stdout: '', stderr: '' };
        try {
            return await this.deps.run(command, args, { cwd: this.options.projectDir });
        } catch (error) {
            if (error instanceof CommandNotFoundError && command === 'sf') this.fail(SF_MISSING_HELP);
            if (error instanceof CommandNotFoundError) this.fail(`"${command}" is not on PATH.`);
            throw error;
        }
    }

    /** Runs `sf <args> --json` against the alias (unless targetOrg is false) and returns its envelope. */
    private async sf(
        args: string[],
        opts: { targetOrg?: boolean; tolerate?: (envelope: SfEnvelope) => boolean; dryRunResult?: unknown } = {},
    ): Promise<SfEnvelope> {
        const fullArgs = [...args, ...(opts.targetOrg === false ? [] : ['--target-org', this.options.alias]), '--json'];
        const result = await this.exec('sf', fullArgs);
        if (this.options.dryRun) return { status: 0, result: opts.dryRunResult ?? {} };
        const envelope = parseSfEnvelope(result);
        if (!envelope) {
            const output = (result.stderr || result.stdout).trim().split('\n').slice(-5).join('\n');
            this.fail(`"sf ${args.slice(0, 3).join(' ')}" exited with code ${result.exitCode} and no JSON result. ${output}`);
        }
        if (envelope.status === 0 && result.exitCode === 0) return envelope;
        if (opts.tolerate?.(envelope)) return envelope;
        this.fail(`sf ${args.slice(0, 3).join(' ')}: ${describeSfError(envelope)}`);
    }

    private async query<T>(soql: string, schema: z.ZodType<T>, extraArgs: string[] = []): Promise<T[]> {
        const envelope = await this.sf(['data', 'query', '--query', soql, ...extraArgs], { dryRunResult: { records: [] } });
        const parsed = z.object({ records: z.array(schema) }).loose().safeParse(envelope.result);
        if (!parsed.success) this.fail(`unexpected result from "${soql}": ${parsed.error.issues[0]?.message ?? 'no records'}`);
        return parsed.data.records;
    }

    /** Writes a per-org file; a dry run only says what it would write. */
    private writeWorkFile(name: string, text: string, rows?: number): string {
        const file = path.join(this.options.workDir, name);
        const shown = path.relative(this.options.projectDir, file);
        if (this.options.dryRun) {
            this.deps.log(`# writes ${shown}${rows === undefined ? '' : ` (${rows} rows)`}`);
        } else {
            mkdirSync(path.dirname(file), { recursive: true });
            writeFileSync(file, text);
        }
        return shown;
    }

    /** An id known from a query, or in a dry run a readable placeholder. */
    private idOf(ids: Map<string, string>, key: string, what: string): string {
        const id = ids.get(key);
        if (id) return id;
        if (this.options.dryRun) return `<${what} ${key}>`;
        return this.fail(`no ${what} "${key}" in the org. Run the setup again; if it keeps failing, check the earlier steps' output.`);
    }

    private date(days: number): string {
        return format(addDays(this.options.today, days), 'yyyy-MM-dd');
    }

    // ---- steps ---------------------------------------------------------------

    private async checkSf(): Promise<void> {
        const result = await this.exec('sf', ['--version']);
        if (result.exitCode !== 0) this.fail(`"sf --version" failed: ${(result.stderr || result.stdout).trim()}`);
    }

    private async ensureOrg(): Promise<void> {
        const { alias, days } = this.options;
        const display = await this.sf(['org', 'display'], { tolerate: () => true, dryRunResult: null });
        const existing = orgDisplayResult.safeParse(display.result);
        // sf still displays an expired scratch org from its local auth file: that one is gone.
        const expired =
            existing.success &&
            (existing.data.status === 'Expired' || (existing.data.expirationDate !== undefined && existing.data.expirationDate < format(this.options.today, 'yyyy-MM-dd')));
        if (display.status === 0 && existing.success && !expired) {
            this.orgId = existing.data.id;
            this.adminUsername = existing.data.username;
            this.note(`Org "${alias}" exists: not creating a new one.`);
            return;
        }
        this.note(expired ? `Org "${alias}" has expired: creating a new one under the same alias.` : `Org "${alias}" not found: creating it.`);
        const created = await this.sf(
            ['org', 'create', 'scratch', '--definition-file', 'config/project-scratch-def.json', '--alias', alias, '--duration-days', String(days), '--set-default', '--wait', '15'],
            { targetOrg: false, dryRunResult: { orgId: '<org id>', username: '<admin username>' } },
        );
        const parsed = orgCreateResult.safeParse(created.result);
        if (!parsed.success) this.fail('sf org create scratch returned no org id.');
        this.orgId = parsed.data.orgId;
        this.adminUsername = parsed.data.username;
        this.summary.orgCreated = true;
    }

    private async build(): Promise<void> {
        const result = await this.exec('npm', ['run', 'build']);
        if (result.exitCode !== 0) {
            const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n');
            this.fail(`"npm run build" failed (the TypeScript components must compile before deploying):\n${output}`);
        }
    }

    private async deploy(): Promise<void> {
        await this.sf(['project', 'deploy', 'start', '--wait', '30']);
    }

    private async assignPermissionSets(names: readonly string[], usernames: string[]): Promise<void> {
        const envelope = await this.sf(
            ['org', 'assign', 'permset', ...names.flatMap((n) => ['--name', n]), ...usernames.flatMap((u) => ['--on-behalf-of', u])],
            {
                tolerate: (e) => {
                    const failures = permsetResult.safeParse(e.result).data?.failures ?? [];
                    return failures.length > 0 && failures.every((f) => isDuplicateAssignment(f.message));
                },
            },
        );
        const already = (permsetResult.safeParse(envelope.result).data?.failures ?? []).length;
        if (already > 0) this.note(`${already} assignment(s) already in place.`);
    }

    private async roleIds(): Promise<Map<string, string>> {
        this.roleIdCache ??= await this.queryRoleIds();
        return this.roleIdCache;
    }

    private async queryRoleIds(): Promise<Map<string, string>> {
        const names = [this.data.team.admin.role, ...this.data.team.members.map((m) => m.role)];
        const unique = [...new Set(names)];
        const records = await this.query(
            `SELECT Id, DeveloperName FROM UserRole WHERE DeveloperName IN (${unique.map(soqlString).join(', ')})`,
            roleRecord,
        );
        const ids = new Map(records.map((r) => [r.DeveloperName, r.Id]));
        for (const name of unique) {
            if (!ids.has(name) && !this.options.dryRun) {
                this.fail(`role ${name} is not in the org. It is deployed from sample-org/main/default/roles; check that the deploy included the sample-org package directory.`);
            }
        }
        return ids;
    }

    private async adminRole(): Promise<void> {
        const roles = await this.roleIds();
        const vpRole = this.idOf(roles, this.data.team.admin.role, 'role');
        const [admin] = await this.query(`SELECT Id, Username, UserRoleId FROM User WHERE Username = ${soqlString(this.adminUsername)}`, userRecord);
        if (admin?.UserRoleId === vpRole) {
            this.note('The admin already has the Sales VP role.');
            return;
        }
        const adminId = admin?.Id ?? (this.options.dryRun ? '<admin user id>' : this.fail(`admin user ${this.adminUsername} not found.`));
        await this.sf(['data', 'update', 'record', '--sobject', 'User', '--record-id', adminId, '--values', `UserRoleId='${vpRole}'`]);
    }

    private username(member: TeamMember): string {
        return `${member.key}.${this.orgId.slice(0, 15)}@${USERNAME_DOMAIN}`.toLowerCase();
    }

    private async teamUsers(): Promise<Map<string, string>> {
        const usernames = this.data.team.members.map((m) => this.username(m));
        const records = await this.query(`SELECT Id, Username, UserRoleId FROM User WHERE Username IN (${usernames.map(soqlString).join(', ')})`, userRecord);
        const byUsername = new Map(records.map((r) => [r.Username.toLowerCase(), r.Id]));
        const ids = new Map<string, string>();
        for (const member of this.data.team.members) {
            const id = byUsername.get(this.username(member));
            if (id) ids.set(member.key, id);
        }
        return ids;
    }

    private async createTeam(): Promise<void> {
        const roles = await this.roleIds();
        let existing = await this.teamUsers();
        const missing = this.data.team.members.filter((m) => !existing.has(m.key));
        if (missing.length === 0) {
            this.note(`All ${this.data.team.members.length} team users exist.`);
        } else {
            await this.checkLicences(missing.length);
        }
        // Managers first, so that each rep's ManagerId can point at an existing user.
        for (const persona of ['manager', 'rep'] as const) {
            for (const member of missing.filter((m) => m.persona === persona)) {
                const definition = {
                    ...this.data.userDefinitions.get(member.key),
                    Username: this.username(member),
                    UserRoleId: this.idOf(roles, member.role, 'role'),
                    ...(member.managerKey ? { ManagerId: this.idOf(existing, member.managerKey, 'user') } : {}),
                };
                const file = this.writeWorkFile(`users/${member.key}.json`, `${JSON.stringify(definition, null, 2)}\n`);
                await this.sf(['org', 'create', 'user', '--definition-file', file]);
                this.summary.usersCreated.push(member.key);
            }
            if (persona === 'manager' && missing.some((m) => m.persona === 'manager')) existing = await this.teamUsers();
        }
        const all = missing.length > 0 ? await this.teamUsers() : existing;
        for (const [key, id] of all) this.userIds.set(key, id);
    }

    private async checkLicences(needed: number): Promise<void> {
        const [licence] = await this.query(`SELECT Name, TotalLicenses, UsedLicenses FROM UserLicense WHERE Name = 'Salesforce'`, licenseRecord);
        if (this.options.dryRun || !licence) return;
        const free = licence.TotalLicenses - licence.UsedLicenses;
        if (free < needed) {
            this.fail(
                `the org has ${free} free Salesforce licence(s) but the sample team needs ${needed} more user(s). ` +
                    'Developer Edition scratch orgs have only 2 Salesforce licences: keep "edition": "Enterprise" in config/project-scratch-def.json and create a new org with another --alias.',
            );
        }
    }

    private async teamPermissionSets(): Promise<void> {
        const byPermissionSet = new Map<string, string[]>();
        for (const member of this.data.team.members) {
            for (const name of member.permissionSets) {
                byPermissionSet.set(name, [...(byPermissionSet.get(name) ?? []), this.username(member)]);
            }
        }
        for (const [name, usernames] of byPermissionSet) await this.assignPermissionSets([name], usernames);
    }

    private async milestones(): Promise<void> {
        const file = path.join(this.options.dataDir, DATA_FILES.milestones);
        if (!existsSync(file)) {
            this.fail(`${path.relative(this.options.projectDir, file)} is missing: the sales milestone definitions are loaded from it (by Milestone_Key__c).`);
        }
        await this.loadMissing('Sales_Milestone__c', file, 'Milestone_Key__c');
    }

    /**
     * Upserts the rows of a data file whose key is not in the org yet. Records already there are
     * left alone: an admin's edits to a milestone or a demo's edits to an account survive a re-run.
     */
    private async loadMissing(sobject: string, file: string, keyField: string): Promise<void> {
        const shown = path.relative(this.options.projectDir, file);
        let rows: Record<string, string>[];
        try {
            rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true });
        } catch (error) {
            return this.fail(`${shown} cannot be read as CSV: ${(error as Error).message}`);
        }
        const header = Object.keys(rows[0] ?? {});
        const keyless = rows.findIndex((row) => !row[keyField]);
        if (!header.includes(keyField) || keyless >= 0) {
            this.fail(`${shown}${keyless >= 0 ? ` line ${keyless + 2}` : ''} has no ${keyField}: every row needs one, so that loading it again updates instead of duplicating.`);
        }
        const existing = await this.query(`SELECT ${keyField} FROM ${sobject} WHERE ${keyField} != null`, z.object({ [keyField]: z.string() }));
        const present = new Set(existing.map((record) => record[keyField]));
        const missing = rows.filter((row) => !present.has(row[keyField] ?? ''));
        if (missing.length === 0) {
            this.note(`All ${rows.length} ${sobject} records from ${shown} exist: left as they are.`);
            return;
        }
        const toLoad = this.writeWorkFile(`${sobject}.csv`, toCsv(missing, header), missing.length);
        await this.upsert(sobject, toLoad, keyField);
    }

    private async upsert(sobject: string, file: string, externalId: string): Promise<void> {
        await this.sf(['data', 'upsert', 'bulk', '--sobject', sobject, '--file', file, '--external-id', externalId, '--wait', BULK_WAIT_MINUTES]);
    }

    private async insert(sobject: string, file: string): Promise<void> {
        await this.sf(['data', 'import', 'bulk', '--sobject', sobject, '--file', file, '--wait', BULK_WAIT_MINUTES]);
    }

    private async opportunities(): Promise<void> {
        const existing = await this.query(`SELECT Id, Sample_Key__c, StageName FROM Opportunity WHERE Sample_Key__c != null`, opportunityRecord);
        const currentStage = new Map(existing.map((r) => [r.Sample_Key__c, r.StageName]));
        // Each deal walks its stage path one update at a time, so that OpportunityHistory records
        // every stage; a deal already in the org continues from where it stands.
        const remaining = new Map<string, string[]>();
        for (const opportunity of this.data.opportunities) {
            const stage = currentStage.get(opportunity.Sample_Key__c);
            const at = stage === undefined ? -1 : opportunity.StagePath.indexOf(stage as never);
            if (stage !== undefined && at < 0) {
                this.summary.warnings.push(`${opportunity.Sample_Key__c} is at "${stage}", which is not on its sample stage path: left as it is.`);
                continue;
            }
            const rest = opportunity.StagePath.slice(at + 1);
            if (rest.length > 0) remaining.set(opportunity.Sample_Key__c, rest);
        }
        if (remaining.size === 0) {
            this.note(`All ${this.data.opportunities.length} opportunities are loaded at their final stage.`);
            return;
        }
        const rounds = Math.max(...[...remaining.values()].map((r) => r.length));
        // New deals are inserted with every field at their first stage; after that a deal only
        // moves stage, in a file of its own, so fields people changed in the org stay as they are.
        const newDeals = this.data.opportunities
            .filter((o) => !currentStage.has(o.Sample_Key__c) && remaining.has(o.Sample_Key__c))
            .map((o) => ({
                Sample_Key__c: o.Sample_Key__c,
                StageName: remaining.get(o.Sample_Key__c)?.[0] ?? '',
                Name: o.Name,
                'Account.Sample_Key__c': o.AccountKey,
                OwnerId: this.idOf(this.userIds, o.OwnerKey, 'user'),
                Amount: o.Amount,
                CloseDate: this.date(o.CloseInDays),
                Type: o.Type,
                LeadSource: o.LeadSource,
                NextStep: o.NextStep,
            }));
        for (let round = 0; round < rounds; round += 1) {
            if (round === 0 && newDeals.length > 0) {
                const file = this.writeWorkFile('Opportunity.new.csv', toCsv(newDeals, Object.keys(newDeals[0] ?? {})), newDeals.length);
                await this.upsert('Opportunity', file, 'Sample_Key__c');
                this.summary.opportunityStageUpdates += newDeals.length;
            }
            const moves = this.data.opportunities.flatMap((o) => {
                const stage = remaining.get(o.Sample_Key__c)?.[round];
                const inserted = round === 0 && !currentStage.has(o.Sample_Key__c);
                return stage && !inserted ? [{ Sample_Key__c: o.Sample_Key__c, StageName: stage }] : [];
            });
            if (moves.length === 0) continue;
            const file = this.writeWorkFile(`Opportunity.round-${String(round + 1).padStart(2, '0')}.csv`, toCsv(moves, ['Sample_Key__c', 'StageName']), moves.length);
            await this.upsert('Opportunity', file, 'Sample_Key__c');
            this.summary.opportunityStageUpdates += moves.length;
        }
    }

    /** Ids of the sample records by key; read once, after the opportunities step has loaded them all. */
    private async keyedIds(sobject: 'Opportunity' | 'Contact'): Promise<Map<string, string>> {
        let ids = this.keyedIdCache.get(sobject);
        if (!ids) {
            const records = await this.query(`SELECT Id, Sample_Key__c FROM ${sobject} WHERE Sample_Key__c != null`, keyedRecord);
            ids = new Map(records.map((r) => [r.Sample_Key__c, r.Id]));
            this.keyedIdCache.set(sobject, ids);
        }
        return ids;
    }

    private async contactRoles(): Promise<void> {
        const opportunities = await this.keyedIds('Opportunity');
        const contacts = await this.keyedIds('Contact');
        const existing = await this.query(
            `SELECT OpportunityId, ContactId FROM OpportunityContactRole WHERE Opportunity.Sample_Key__c != null`,
            contactRoleRecord,
        );
        const present = new Set(existing.map((r) => `${r.OpportunityId}|${r.ContactId}`));
        const rows = this.data.contactRoles
            .map((r) => ({
                OpportunityId: this.idOf(opportunities, r.OpportunityKey, 'opportunity'),
                ContactId: this.idOf(contacts, r.ContactKey, 'contact'),
                Role: r.Role,
                IsPrimary: r.IsPrimary,
            }))
            .filter((r) => !present.has(`${r.OpportunityId}|${r.ContactId}`));
        if (rows.length === 0) {
            this.note('All contact roles exist.');
            return;
        }
        const file = this.writeWorkFile('OpportunityContactRole.csv', toCsv(rows, ['OpportunityId', 'ContactId', 'Role', 'IsPrimary']), rows.length);
        await this.insert('OpportunityContactRole', file);
        this.summary.contactRolesInserted = rows.length;
    }

    /** Activities already on sample deals, keyed by deal and subject (archived ones included). */
    private async existingActivities(sobject: 'Task' | 'Event'): Promise<Set<string>> {
        const records = await this.query(
            `SELECT WhatId, Subject FROM ${sobject} WHERE IsDeleted = false AND What.Type = 'Opportunity'`,
            activityRecord,
            ['--all-rows'],
        );
        return new Set(records.map((r) => `${r.WhatId}|${r.Subject}`));
    }

    private async tasks(): Promise<void> {
        const opportunities = await this.keyedIds('Opportunity');
        const contacts = await this.keyedIds('Contact');
        const present = await this.existingActivities('Task');
        const owners = new Map(this.data.opportunities.map((o) => [o.Sample_Key__c, o.OwnerKey]));
        const rows = this.data.tasks
            .map((t) => ({
                WhatId: this.idOf(opportunities, t.OpportunityKey, 'opportunity'),
                WhoId: this.idOf(contacts, t.ContactKey, 'contact'),
                OwnerId: this.idOf(this.userIds, owners.get(t.OpportunityKey) ?? '', 'user'),
                Subject: t.Subject,
                Type: t.Type,
                TaskSubtype: t.TaskSubtype,
                Status: t.Status,
                Priority: t.Priority,
                ActivityDate: this.date(t.ActivityInDays),
            }))
            .filter((t) => !present.has(`${t.WhatId}|${t.Subject}`));
        if (rows.length === 0) {
            this.note('All tasks exist.');
            return;
        }
        const columns = ['WhatId', 'WhoId', 'OwnerId', 'Subject', 'Type', 'TaskSubtype', 'Status', 'Priority', 'ActivityDate'];
        await this.insert('Task', this.writeWorkFile('Task.csv', toCsv(rows, columns), rows.length));
        this.summary.tasksInserted = rows.length;
    }

    private async events(): Promise<void> {
        const opportunities = await this.keyedIds('Opportunity');
        const contacts = await this.keyedIds('Contact');
        const present = await this.existingActivities('Event');
        const owners = new Map(this.data.opportunities.map((o) => [o.Sample_Key__c, o.OwnerKey]));
        const rows = this.data.events
            .map((e) => {
                const start = new Date(`${this.date(e.StartInDays)}T${e.StartTimeUtc}:00.000Z`);
                return {
                    WhatId: this.idOf(opportunities, e.OpportunityKey, 'opportunity'),
                    WhoId: this.idOf(contacts, e.ContactKey, 'contact'),
                    OwnerId: this.idOf(this.userIds, owners.get(e.OpportunityKey) ?? '', 'user'),
                    Subject: e.Subject,
                    Type: e.Type,
                    StartDateTime: start.toISOString(),
                    EndDateTime: addMinutes(start, e.DurationInMinutes).toISOString(),
                };
            })
            .filter((e) => !present.has(`${e.WhatId}|${e.Subject}`));
        if (rows.length === 0) {
            this.note('All events exist.');
            return;
        }
        const columns = ['WhatId', 'WhoId', 'OwnerId', 'Subject', 'Type', 'StartDateTime', 'EndDateTime'];
        await this.insert('Event', this.writeWorkFile('Event.csv', toCsv(rows, columns), rows.length));
        this.summary.eventsInserted = rows.length;
    }

    private async openApp(): Promise<void> {
        // --json keeps the login URL (it carries a session) out of the terminal.
        await this.sf(['org', 'open', '--path', APP_PATH]);
    }
}

const componentFailure = z
    .object({ componentType: z.string().optional(), fullName: z.string().optional(), fileName: z.string().optional(), problem: z.string() })
    .loose();

/** sf's error message, plus the first component failures of a deploy. */
export function describeSfError(envelope: SfEnvelope): string {
    const lines = [`${envelope.name ?? 'Error'}: ${envelope.message ?? 'no message'}`];
    const details = z
        .object({ details: z.object({ componentFailures: z.union([z.array(componentFailure), componentFailure]) }).loose() })
        .loose()
        .safeParse(envelope.result);
    if (details.success) {
        const failures = [details.data.details.componentFailures].flat();
        for (const failure of failures.slice(0, 10)) {
            lines.push(`  - ${failure.componentType ?? ''} ${failure.fullName ?? failure.fileName ?? ''}: ${failure.problem}`.replace(/\s+-\s+:/, ' -'));
        }
        if (failures.length > 10) lines.push(`  … and ${failures.length - 10} more`);
    }
    return lines.join('\n');
}
