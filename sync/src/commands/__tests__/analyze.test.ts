// The goal-coach command end to end, in a child process as a user runs it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AnalysisResult } from '../../core/contract';
import { signals } from '../../signals/registry';

const root = path.join(__dirname, '..', '..', '..', '..');
const bin = path.join(root, 'bin', 'goal-coach.js');
const sample = path.join(root, 'sync', 'sample-data', 'export');
const fixtures = path.join(root, 'sync', 'src', 'sources', '__tests__', 'fixtures');

function goalCoach(...args: string[]) {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, GOAL_COACH_DEBUG: '' } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The bad-input corpus case laid over the base export, in a temporary folder. */
function corpusCase(name: string): string {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'goal-coach-cli-case-'));
    cpSync(path.join(fixtures, 'base'), directory, { recursive: true });
    cpSync(path.join(fixtures, name), directory, { recursive: true });
    return directory;
}

/** The base export with a folder where Task.csv should be. */
function folderAsTaskFile(): string {
    const directory = corpusCase('empty-file');
    rmSync(path.join(directory, 'Task.csv'));
    mkdirSync(path.join(directory, 'Task.csv'));
    return directory;
}

const stackTrace = /^\s+at .+:\d+:\d+\)?$/m;

describe('goal-coach analyze', () => {
    let out: string;
    beforeAll(async () => {
        out = await mkdtemp(path.join(os.tmpdir(), 'goal-coach-cli-'));
    });
    afterAll(async () => {
        await rm(out, { recursive: true, force: true });
    });

    it('analyzes the sample export, prints the summary and writes valid JSON and HTML', async () => {
        const json = path.join(out, 'report.json');
        const html = path.join(out, 'report.html');
        const run = goalCoach('analyze', '--data', sample, '--json', json, '--html', html);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/^Goal Coach analysis as of 2026-06-30/);
        expect(run.stdout).toMatch(/Decision Process — confidence (over )?\d+% \((high|moderate)\)/);
        expect(run.stdout).toMatch(/too few closed deals for suggestions \(\d+ closed deals?; suggestions start at 15: \d+ more\)/);
        // The first rep listed is one with a suggested learning goal, not the first by name.
        expect(run.stdout).toMatch(/Reps in order of need: [^\n]*\n[^\n]*:\n  ▸ /);
        const result = AnalysisResult.parse(JSON.parse(await readFile(json, 'utf8')));
        expect(result.reps.length).toBe(32);
        const page = await readFile(html, 'utf8');
        expect(page).toMatch(/^<!DOCTYPE html>/);
        expect(page).toContain('<svg role="img"');
        expect(page).not.toMatch(/<script|<link |src="http/);
        // Signals appear by their plain names only.
        for (const signal of signals) expect(page).not.toContain(signal.name);
    }, 60_000);

    it('reports only the rep given by --rep (a 15-character id works too), against the whole team', async () => {
        const full = AnalysisResult.parse(JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')));
        const chosen = full.reps.find((rep) => rep.suggestions.length > 0)!;
        const json = path.join(out, 'one.json');
        const run = goalCoach('analyze', '--data', sample, '--rep', chosen.id.slice(0, 15), '--json', json);
        expect(run.status).toBe(0);
        const one = AnalysisResult.parse(JSON.parse(await readFile(json, 'utf8')));
        expect(one.reps).toEqual([chosen]);
        expect(one.team).toEqual(full.team);
    }, 60_000);

    it.each([
        [['analyze', '--data', sample, '--rep', '005-bad'], /"005-bad" is not a 15- or 18-character Salesforce id/],
        [['analyze', '--data', sample, '--rep', '005000000000001XYZ'], /is not a 15- or 18-character Salesforce id/],
        [['analyze', '--data', sample, '--as-of', '2026-13-01'], /give the date as YYYY-MM-DD/],
        [['analyze', '--data', sample, '--months', 'twelve'], /--months must be a whole number from 1 to 120/],
        [['analyze', '--data', path.join(root, 'no-such-folder')], /no such folder/],
        [['analyze'], /required option '-d, --data <dir>' not specified/],
        [['analyze', '--data', corpusCase('missing-columns')], /Opportunity\.csv line 1: the header lacks the required column CloseDate/],
        [['analyze', '--data', corpusCase('unbalanced-quotes')], /Opportunity\.csv line 3: a quoted value that starts on this line is never closed/],
        [['analyze', '--data', sample, '--json', path.join(sample, 'User.csv', 'report.json')], /^Error: --json .*report\.json: .*User\.csv is a file, not a folder\. Give a path in a folder\.\n$/],
        [['analyze', '--data', sample, '--html', sample], /^Error: --html .*: is a folder\. Give a file name, e\.g\. .*report\.html\.\n$/],
        [['analyze', '--data', sample, '--rep', '005000000000099'], /^Error: --rep: 005000000000099AAA is not in User\.csv and owns no opportunity in Opportunity\.csv\. Check the id/],
        [['analyze', '--data', corpusCase('latin1')], /^Error: User\.csv line 2: Name holds bytes that are not UTF-8 .*iconv -f WINDOWS-1252 -t UTF-8\n$/],
        [['analyze', '--data', corpusCase('semicolons')], /^Error: Task\.csv line 1: the columns are separated by semicolons \(;\), not commas\. Re-export it comma-separated/],
        [['analyze', '--data', corpusCase('header-only-wrong-columns')], /^Error: Task\.csv line 1: the header lacks the required column WhatId\./],
        [['analyze', '--data', folderAsTaskFile()], /^Error: Task\.csv: .*Task\.csv is a folder\. Put the Task export there as a file named Task\.csv\n$/],
    ])('rejects %j with exit code 2, a clear message and no stack trace', (args, message) => {
        const run = goalCoach(...args);
        expect(run.status).toBe(2);
        // Checked before the analysis: nothing is printed before the error.
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(message);
        expect(run.stderr).not.toMatch(stackTrace);
        expect(run.stdout).not.toMatch(stackTrace);
    }, 60_000);
});
