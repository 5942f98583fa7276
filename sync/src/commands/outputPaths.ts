// Checks the report paths (--json, --html) before the analysis runs, so a path that cannot be
// written stops the run at once with the fix, not after the summary has been printed.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../core/problems';

async function statOrNull(file: string) {
    return stat(file).catch(() => null);
}

/** Throws a UsageError naming the flag when `file` cannot be written as a report. */
export async function checkOutputFile(flag: string, file: string): Promise<void> {
    const target = path.resolve(file);
    const existing = await statOrNull(target);
    if (existing?.isDirectory()) throw new UsageError(`${flag} ${file}: is a folder. Give a file name, e.g. ${path.join(file, flag === '--html' ? 'report.html' : 'report.json')}.`);
    // The report's folder is created if missing: the nearest existing ancestor must be a writable folder.
    let folder = path.dirname(target);
    let found = await statOrNull(folder);
    while (!found && path.dirname(folder) !== folder) {
        folder = path.dirname(folder);
        found = await statOrNull(folder);
    }
    if (found && !found.isDirectory()) throw new UsageError(`${flag} ${file}: ${folder} is a file, not a folder. Give a path in a folder.`);
    const writable = existing ? target : folder;
    try {
        await access(writable, constants.W_OK);
    } catch {
        throw new UsageError(`${flag} ${file}: ${writable} is not writable. Give a path you can write to, or fix its permissions.`);
    }
}
