#!/usr/bin/env node
// A stand-in for the `sf` and `npm` executables in the org setup tests. It records every call
// (FAKE_CLI_LOG, one JSON line each), keeps a tiny org in a JSON file (FAKE_CLI_STATE) and answers
// with the JSON envelopes the real sf prints. FAKE_CLI_FAIL makes calls containing that text fail;
// FAKE_CLI_LICENCES sets the org's Salesforce licences.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('csv-parse/sync');

const [tool, ...args] = process.argv.slice(2);
const logFile = process.env.FAKE_CLI_LOG;
const stateFile = process.env.FAKE_CLI_STATE;
fs.appendFileSync(logFile, `${JSON.stringify({ tool, args })}\n`);

if (tool === 'npm') {
    process.exit(process.env.FAKE_CLI_FAIL && `npm ${args.join(' ')}`.includes(process.env.FAKE_CLI_FAIL) ? 2 : 0);
}

const ACCESS_TOKEN = '00Dxx0000001gPFEAY!AQ4AQFakeSessionTokenThatMustNeverBePrinted';
const state = fs.existsSync(stateFile)
    ? JSON.parse(fs.readFileSync(stateFile, 'utf8'))
    : { org: null, users: [], roles: [], assignments: [], records: {}, nextId: 1 };

function save() {
    fs.writeFileSync(stateFile, JSON.stringify(state, null, 1));
}
function reply(status, body, exitCode = status === 0 ? 0 : 1) {
    process.stdout.write(JSON.stringify(status === 0 ? { status, result: body, warnings: [] } : { status, ...body }));
    save();
    process.exit(exitCode);
}
function flag(name) {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
}
function flags(name) {
    return args.flatMap((a, i) => (a === name ? [args[i + 1]] : []));
}
function newId(prefix) {
    return `${prefix}${String(state.nextId++).padStart(15 - prefix.length, '0')}AAA`;
}
const PREFIX = { Account: '001', Contact: '003', Opportunity: '006', OpportunityContactRole: '00K', Task: '00T', Event: '00U', Sales_Milestone__c: 'a01' };
const firstFlag = args.findIndex((a) => a.startsWith('-'));
const command = (firstFlag < 0 ? args : args.slice(0, firstFlag)).join(' ');

if (args[0] === '--version') {
    process.stdout.write('@salesforce/cli/2.99.0 fake\n');
    process.exit(0);
}
if (process.env.FAKE_CLI_FAIL && `sf ${args.join(' ')}`.includes(process.env.FAKE_CLI_FAIL)) {
    if (command.startsWith('project deploy start')) {
        reply(1, {
            name: 'FailedDeployError',
            message: 'Deploy failed.',
            result: { status: 'Failed', details: { componentFailures: [{ componentType: 'CustomField', fullName: 'Goal_Plan__c.Rep__c', problem: 'Field Rep__c: referenceTo value of User is not valid (fake failure)' }] } },
        });
    }
    reply(1, { name: 'FakeFailure', message: `fake failure of sf ${command}` });
}

const alias = flag('--target-org');
switch (command) {
    case 'org display': {
        if (!state.org || state.org.alias !== alias) reply(1, { name: 'NamedOrgNotFoundError', message: `No authorization information found for ${alias}.` });
        reply(0, {
            id: state.org.id,
            username: state.org.username,
            alias,
            accessToken: ACCESS_TOKEN,
            instanceUrl: 'https://fake.scratch.my.salesforce.com',
            status: state.org.expired ? 'Expired' : 'Active',
            expirationDate: state.org.expired ? '2026-01-01' : '2099-12-31',
        });
        break;
    }
    case 'org create scratch': {
        const definition = JSON.parse(fs.readFileSync(path.resolve(flag('--definition-file')), 'utf8'));
        state.org = { id: '00Dxx0000001gPFEAY', username: 'test-admin@example.com', alias: flag('--alias'), edition: definition.edition, days: flag('--duration-days') };
        state.users.push({ Id: newId('005'), Username: state.org.username, UserRoleId: null, Profile: 'System Administrator' });
        reply(0, { orgId: state.org.id, username: state.org.username });
        break;
    }
    case 'project deploy start': {
        const rolesDir = path.resolve('sample-org/main/default/roles');
        for (const file of fs.readdirSync(rolesDir)) {
            const developerName = file.replace('.role-meta.xml', '');
            if (!state.roles.some((r) => r.DeveloperName === developerName)) state.roles.push({ Id: newId('00E'), DeveloperName: developerName });
        }
        state.deploys = (state.deploys ?? 0) + 1;
        reply(0, { status: 'Succeeded', numberComponentsDeployed: 120 });
        break;
    }
    case 'org assign permset': {
        const users = flags('--on-behalf-of');
        const targets = users.length > 0 ? users : [state.org.username];
        const successes = [];
        const failures = [];
        for (const user of targets) {
            for (const name of flags('--name')) {
                if (state.assignments.some(([u, n]) => u === user && n === name)) {
                    failures.push({ name: user, message: `Duplicate PermissionSetAssignment: ${name}` });
                } else {
                    state.assignments.push([user, name]);
                    successes.push({ name: user, value: name });
                }
            }
        }
        if (failures.length > 0) {
            process.stdout.write(JSON.stringify({ status: 1, result: { successes, failures }, name: 'PermsetAssignFailed', message: 'Some assignments failed.' }));
            save();
            process.exit(1);
        }
        reply(0, { successes, failures });
        break;
    }
    case 'data query': {
        const soql = flag('--query');
        const from = /FROM (\w+)/.exec(soql)[1];
        let records;
        if (from === 'UserLicense') {
            records = [{ Name: 'Salesforce', TotalLicenses: Number(process.env.FAKE_CLI_LICENCES ?? 10), UsedLicenses: state.users.length }];
        } else if (from === 'UserRole') {
            records = state.roles;
        } else if (from === 'User') {
            records = state.users;
        } else {
            records = state.records[from] ?? [];
        }
        reply(0, { records: records.map((r) => ({ attributes: { type: from }, ...r })), totalSize: records.length, done: true });
        break;
    }
    case 'data update record': {
        const user = state.users.find((u) => u.Id === flag('--record-id'));
        for (const [, key, value] of flag('--values').matchAll(/(\w+)='([^']*)'/g)) user[key] = value;
        reply(0, { id: user.Id, success: true, errors: [] });
        break;
    }
    case 'org create user': {
        const definition = JSON.parse(fs.readFileSync(path.resolve(flag('--definition-file')), 'utf8'));
        if (state.users.some((u) => u.Username === definition.Username)) reply(1, { name: 'DUPLICATE_USERNAME', message: `Duplicate Username: ${definition.Username}` });
        if (state.users.length >= Number(process.env.FAKE_CLI_LICENCES ?? 10)) reply(1, { name: 'LICENSE_LIMIT_EXCEEDED', message: 'License Limit Exceeded' });
        const user = { Id: newId('005'), Username: definition.Username, UserRoleId: definition.UserRoleId ?? null, ManagerId: definition.ManagerId ?? null, LastName: definition.LastName };
        state.users.push(user);
        reply(0, { orgId: state.org.id, permissionSetAssignments: [], fields: { id: user.Id, username: user.Username } });
        break;
    }
    case 'data upsert bulk':
    case 'data import bulk': {
        const sobject = flag('--sobject');
        const externalId = flag('--external-id');
        const rows = parse(fs.readFileSync(path.resolve(flag('--file')), 'utf8'), { columns: true, skip_empty_lines: true });
        const table = (state.records[sobject] ??= []);
        for (const row of rows) {
            const values = {};
            for (const [column, value] of Object.entries(row)) {
                if (value === '') continue; // Bulk API 2.0 leaves fields with empty cells unchanged
                const relation = /^(\w+)\.(\w+)$/.exec(column);
                if (relation) {
                    const parent = (state.records[relation[1]] ?? []).find((r) => r[relation[2]] === value);
                    if (!parent) reply(1, { name: 'FailedRecordDetailsError', message: `Job finished being processed but failed to process 1 records (no ${relation[1]} with ${relation[2]} ${value}).` });
                    values[`${relation[1]}Id`] = parent.Id;
                } else {
                    values[column] = value;
                }
            }
            let record = externalId ? table.find((r) => r[externalId] === row[externalId]) : undefined;
            if (!record) {
                record = { Id: newId(PREFIX[sobject] ?? 'a99') };
                table.push(record);
            }
            if (sobject === 'Opportunity' && values.StageName && values.StageName !== record.StageName) {
                (state.records.OpportunityHistory ??= []).push({ OpportunityId: record.Id, StageName: values.StageName });
            }
            Object.assign(record, values);
        }
        reply(0, { jobId: '750xx000000fake', processedRecords: rows.length, successfulRecords: rows.length, failedRecords: 0 });
        break;
    }
    case 'org open': {
        reply(0, { orgId: state.org.id, username: state.org.username, url: `https://fake.scratch.my.salesforce.com/secur/frontdoor.jsp?sid=${ACCESS_TOKEN}` });
        break;
    }
    default:
        reply(1, { name: 'CommandNotFound', message: `fake sf does not know "${command}"` }, 127);
}
