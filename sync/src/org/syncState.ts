// What an incremental sync remembers between runs, one file per org: for each object the
// SystemModstamp watermark, the fields read, and the rows themselves (the analysis needs every row in
// its time windows, not only the changed ones). Org data: the file is written readable by its owner only.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export { defaultStateDirectory } from './defaults';

const Row = z.record(z.string(), z.string().nullable());

export const ObjectState = z.object({
    /** Greatest SystemModstamp read so far (ISO, UTC). */
    watermark: z.string().nullable(),
    fields: z.array(z.string()),
    rows: z.array(Row),
});
export type ObjectState = z.infer<typeof ObjectState>;

export const SyncState = z.object({
    version: z.literal(1),
    orgId: z.string(),
    savedAt: z.string(),
    objects: z.record(z.string(), ObjectState),
});
export type SyncState = z.infer<typeof SyncState>;

export function stateFile(directory: string, orgId: string): string {
    if (!/^[A-Za-z0-9]{15,18}$/.test(orgId)) throw new Error(`"${orgId}" is not an org id`);
    return path.join(directory, `sync-state-${orgId}.json`);
}

/** The saved state, or null when there is none yet (the first run is a full sync). */
export async function loadState(file: string, orgId: string): Promise<{ state: SyncState | null; warning?: string }> {
    let text: string;
    try {
        text = await readFile(file, 'utf8');
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: null };
        throw error;
    }
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch {
        return { state: null, warning: `${file} is not valid JSON; running a full sync and rewriting it` };
    }
    const parsed = SyncState.safeParse(json);
    if (!parsed.success) return { state: null, warning: `${file} is not a sync state this version understands; running a full sync and rewriting it` };
    if (parsed.data.orgId !== orgId) return { state: null, warning: `${file} belongs to org ${parsed.data.orgId}, not ${orgId}; running a full sync` };
    return { state: parsed.data };
}

export async function saveState(file: string, state: SyncState): Promise<void> {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(state), { mode: 0o600 });
    await rename(temporary, file);
}
