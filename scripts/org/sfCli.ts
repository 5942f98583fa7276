// Runs external commands (the sf CLI, npm) without a shell and reads sf's --json envelope.
// Nothing here prints command output: callers print only what they choose, through redact().
import { spawn } from 'node:child_process';
import { z } from 'zod';

export interface CommandResult {
    exitCode: number;
    stdout: string;
    stderr: string;
}
export type CommandRunner = (command: string, args: readonly string[], options: { cwd: string }) => Promise<CommandResult>;

/** The command is not on PATH. */
export class CommandNotFoundError extends Error {
    override name = 'CommandNotFoundError';
    constructor(readonly command: string) {
        super(`"${command}" was not found on PATH.`);
    }
}

export const spawnRunner: CommandRunner = (command, args, options) =>
    new Promise((resolve, reject) => {
        const child = spawn(command, [...args], {
            cwd: options.cwd,
            // sf writes --json errors to stderr unless told otherwise; one stream is simpler to read.
            env: { ...process.env, SF_JSON_TO_STDOUT: 'true', SF_AUTOUPDATE_DISABLE: 'true' },
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        child.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new CommandNotFoundError(command) : error));
        child.on('close', (code) => resolve({ exitCode: code ?? 1, stdout, stderr }));
    });

/** The envelope every `sf ... --json` command prints. */
export const sfEnvelopeSchema = z
    .object({
        status: z.number(),
        result: z.unknown().optional(),
        name: z.string().optional(),
        message: z.string().optional(),
        warnings: z.array(z.unknown()).optional(),
    })
    .loose();
export type SfEnvelope = z.infer<typeof sfEnvelopeSchema>;

/** Parses the JSON envelope out of sf's output; null when there is none (a crash, a missing plugin). */
export function parseSfEnvelope(result: CommandResult): SfEnvelope | null {
    for (const text of [result.stdout, result.stderr]) {
        const start = text.indexOf('{');
        const end = text.lastIndexOf('}');
        if (start < 0 || end <= start) continue;
        try {
            const parsed = sfEnvelopeSchema.safeParse(JSON.parse(text.slice(start, end + 1)));
            if (parsed.success) return parsed.data;
        } catch {
            // not JSON: try the other stream
        }
    }
    return null;
}

const SECRET_PATTERNS: [RegExp, string][] = [
    // Session ids and access tokens: the org id, "!", then the token body.
    [/00D[A-Za-z0-9]{12,15}![A-Za-z0-9._-]+/g, '[redacted token]'],
    [/"(accessToken|refreshToken|password|sfdxAuthUrl|clientSecret)"\s*:\s*"[^"]*"/gi, '"$1":"[redacted]"'],
    [/force:\/\/[^\s"']+/g, 'force://[redacted]'],
    [/(Bearer|OAuth)\s+[A-Za-z0-9._!-]+/g, '$1 [redacted]'],
];

/** Removes anything that looks like a token or password before text is shown. */
export function redact(text: string): string {
    return SECRET_PATTERNS.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), text);
}

/** A command line as a person would type it, for dry runs and error messages. */
export function formatCommand(command: string, args: readonly string[]): string {
    const quote = (arg: string) => (/^[A-Za-z0-9_./:=@,+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);
    return [command, ...args].map(quote).join(' ');
}

/** Escapes a value for a SOQL string literal. */
export function soqlString(value: string): string {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
