// Node's built-in SQLite (node:sqlite), the engine of the org mirror: no dependency to install, on
// the Node 22 the project pins. Node 22 still labels the module experimental and prints an
// ExperimentalWarning when it loads; that one warning is kept off the user's terminal (the API the
// mirror uses, DatabaseSync and StatementSync, is the one Node 22.13+ ships unflagged), every other
// warning is printed as usual.
import type * as Sqlite from 'node:sqlite';

export type SqliteDatabase = Sqlite.DatabaseSync;

let loaded: typeof Sqlite | undefined;

function isSqliteExperimentalWarning(warning: string | Error, rest: unknown[]): boolean {
    const first = rest[0];
    const type = typeof first === 'string' ? first : (first as { type?: string } | undefined)?.type;
    const name = warning instanceof Error ? warning.name : type;
    return name === 'ExperimentalWarning' && /SQLite/i.test(String(warning instanceof Error ? warning.message : warning));
}

/** node:sqlite, loaded once. getBuiltinModule also works where a test runner or bundler wraps require. */
export function sqlite(): typeof Sqlite {
    if (loaded) return loaded;
    if (typeof process.getBuiltinModule !== 'function') {
        throw new Error(`goal-coach sync needs Node 22.13 or later for its local mirror (node:sqlite); this is Node ${process.versions.node}: run it through npx goal-coach after npm ci`);
    }
    const emitWarning = process.emitWarning;
    process.emitWarning = function (this: NodeJS.Process, warning: string | Error, ...rest: unknown[]) {
        if (isSqliteExperimentalWarning(warning, rest)) return;
        return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
    } as typeof process.emitWarning;
    try {
        loaded = process.getBuiltinModule('node:sqlite');
    } finally {
        process.emitWarning = emitWarning;
    }
    if (!loaded) throw new Error(`this Node (${process.versions.node}) has no node:sqlite; goal-coach sync needs Node 22.13 or later`);
    return loaded;
}
