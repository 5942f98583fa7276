import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copyScreenshots } from '../copyScreenshots';

describe('copyScreenshots', () => {
    let dir: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'screenshots-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('copies new and changed screenshots, leaves equal ones, and lists the ones no run made', () => {
        const from = path.join(dir, 'artifacts');
        const to = path.join(dir, 'docs');
        fs.mkdirSync(from);
        fs.mkdirSync(to);
        fs.writeFileSync(path.join(from, 'queue.png'), 'new picture');
        fs.writeFileSync(path.join(from, 'prep.png'), 'same');
        fs.writeFileSync(path.join(to, 'prep.png'), 'same');
        fs.writeFileSync(path.join(to, 'old.png'), 'stale');
        fs.writeFileSync(path.join(from, 'notes.txt'), 'not a screenshot');

        expect(copyScreenshots(from, to)).toEqual({ copied: ['queue.png'], unchanged: ['prep.png'], notRefreshed: ['old.png'] });
        expect(fs.readFileSync(path.join(to, 'queue.png'), 'utf8')).toBe('new picture');
        expect(fs.existsSync(path.join(to, 'old.png'))).toBe(true);
        expect(fs.existsSync(path.join(to, 'notes.txt'))).toBe(false);
    });

    it('says to run the e2e tests first when there is nothing to copy', () => {
        expect(() => copyScreenshots(path.join(dir, 'missing'), path.join(dir, 'docs'))).toThrow(
            /No screenshots in .*missing: run the e2e tests first \(npm run e2e\), then npm run screenshots\./
        );
    });
});
