// The committed sample data: valid, realistic, and exactly what the generator writes.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSampleData } from '../generateSampleData';
import { ALL_STAGES, loadSampleData, SampleDataError } from '../sampleData';

const dataDir = path.resolve(__dirname, '../../../data');

describe('sample data', () => {
    const data = loadSampleData(dataDir);

    it('is what the generator writes (regenerate with npx tsx scripts/org/generateSampleData.ts)', () => {
        const out = mkdtempSync(path.join(os.tmpdir(), 'sample-data-'));
        try {
            writeSampleData(out);
            const files = (dir: string): string[] =>
                readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name]));
            for (const file of files(out)) {
                expect(`${file}:\n${readFileSync(path.join(dataDir, file), 'utf8')}`).toBe(`${file}:\n${readFileSync(path.join(out, file), 'utf8')}`);
            }
        } finally {
            rmSync(out, { recursive: true, force: true });
        }
    });

    it('has a realistic team: two managers under the VP and four reps', () => {
        expect(data.team.admin.role).toBe('Goal_Coach_Sales_VP');
        expect(data.team.members.filter((m) => m.persona === 'manager')).toHaveLength(2);
        const reps = data.team.members.filter((m) => m.persona === 'rep');
        expect(reps).toHaveLength(4);
        expect(reps.every((r) => r.managerKey && r.permissionSets.includes('Goal_Coach_Rep'))).toBe(true);
    });

    it('has 40 to 80 deals from $5K to $2M across every default stage', () => {
        expect(data.opportunities.length).toBeGreaterThanOrEqual(40);
        expect(data.opportunities.length).toBeLessThanOrEqual(80);
        const amounts = data.opportunities.map((o) => o.Amount);
        expect(Math.min(...amounts)).toBe(5000);
        expect(Math.max(...amounts)).toBe(2000000);
        const reached = new Set(data.opportunities.flatMap((o) => o.StagePath));
        expect([...reached].sort()).toEqual([...ALL_STAGES].sort());
        const roles = new Set(data.contactRoles.map((r) => r.Role));
        expect([...roles]).toEqual(expect.arrayContaining(['Decision Maker', 'Economic Buyer', 'Influencer']));
        expect(new Set(data.accounts.map((a) => a.Industry)).size).toBeGreaterThan(10);
        expect(data.contacts.every((c) => c.Title.length > 0)).toBe(true);
    });

    it('gives each rep a different loss pattern', () => {
        const lostAt = (rep: string) =>
            data.opportunities.filter((o) => o.OwnerKey === rep && o.StagePath.at(-1) === 'Closed Lost').map((o) => o.StagePath.at(-2));
        expect(lostAt('ana-lopez').filter((s) => s === 'Proposal/Price Quote')).toHaveLength(4);
        expect(lostAt('ben-carter').filter((s) => s === 'Qualification')).toHaveLength(3);
        expect(lostAt('diego-ramos').filter((s) => s === 'Id. Decision Makers')).toHaveLength(3);
    });

    it('names the file, line and field of bad data', () => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'bad-data-'));
        try {
            writeSampleData(dir);
            const file = path.join(dir, 'Opportunity.csv');
            const lines = readFileSync(file, 'utf8').split('\n');
            lines[3] = (lines[3] ?? '').replace(/,(Prospecting\|[^,]*)$/, ',Prospecting|Closed Won|Qualification');
            writeFileSync(file, lines.join('\n'));
            expect(() => loadSampleData(dir)).toThrow(SampleDataError);
            expect(() => loadSampleData(dir)).toThrow(/has a closed stage before its last stage/);

            writeSampleData(dir);
            writeFileSync(file, readFileSync(file, 'utf8').replace(',5000,', ',5,'));
            expect(() => loadSampleData(dir)).toThrow(/Opportunity\.csv line 2: Amount: /);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
