// File-system errors (Node's error codes) in words a user can act on: what is wrong with the path,
// and how to fix it. Reading an export or writing a report with such an error is the user's to fix
// (exit 2), not a bug.
const problems: Record<string, { problem: string; fix: string }> = {
    EISDIR: { problem: 'is a folder, not a file', fix: 'Give the path of a file' },
    ENOTDIR: { problem: 'lies under a file, not a folder', fix: 'Check the path: one of its parent folders is a file' },
    ENOENT: { problem: 'does not exist', fix: 'Check the path' },
    EACCES: { problem: 'cannot be accessed: permission denied', fix: 'Give your user read (or, for an output, write) permission, or use another path' },
    EPERM: { problem: 'cannot be accessed: operation not permitted', fix: 'Give your user permission, or use another path' },
    EROFS: { problem: 'is on a read-only file system', fix: 'Write to another folder' },
    ENOSPC: { problem: 'cannot be written: the disk is full', fix: 'Free some space or write to another disk' },
    EIO: { problem: 'cannot be read: an input/output error', fix: 'Check the disk, or copy the file elsewhere and try again' },
    ELOOP: { problem: 'is a symbolic link that loops', fix: 'Fix the link or give the real path' },
    ENAMETOOLONG: { problem: 'has a name that is too long', fix: 'Use a shorter path' },
    EMFILE: { problem: 'cannot be opened: too many open files', fix: 'Close other programs or raise the open-file limit (ulimit -n)' },
};

export interface FileProblem {
    path: string;
    problem: string;
    fix: string;
}

/** The problem and fix of a Node file-system error, or null when the error is something else. */
export function fileProblemOf(error: unknown, fallbackPath?: string): FileProblem | null {
    if (!(error instanceof Error)) return null;
    const { code, path } = error as NodeJS.ErrnoException;
    const known = code ? problems[code] : undefined;
    const where = path ?? fallbackPath;
    if (!known || !where) return null;
    return { path: where, ...known };
}
