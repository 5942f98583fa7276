// Problems with the input: fatal ones stop the run with a message naming the file, the line and the
// fix; row-level ones skip the row and are counted, with the first few kept as examples.
export class InputError extends Error {
    constructor(
        readonly origin: string,
        readonly line: number | null,
        readonly problem: string,
        readonly fix: string,
    ) {
        super(`${origin}${line !== null ? ` line ${line}` : ''}: ${problem}. ${fix}`);
        this.name = 'InputError';
    }
}

/** A command-line argument of the user's making. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'UsageError';
    }
}

export interface WarningGroup {
    kind: string;
    count: number;
    examples: string[];
}

const examplesKept = 3;

export class Warnings {
    private readonly groups = new Map<string, WarningGroup>();

    /** Counts one warning; `line` is null for a whole file or a flag. */
    add(kind: string, origin: string, line: number | null, message: string): void {
        let group = this.groups.get(kind);
        if (!group) {
            group = { kind, count: 0, examples: [] };
            this.groups.set(kind, group);
        }
        group.count += 1;
        if (group.examples.length < examplesKept) group.examples.push(`${origin}${line === null ? '' : ` line ${line}`}: ${message}`);
    }

    get total(): number {
        let total = 0;
        for (const group of this.groups.values()) total += group.count;
        return total;
    }

    list(): WarningGroup[] {
        return [...this.groups.values()];
    }

    count(kind: string): number {
        return this.groups.get(kind)?.count ?? 0;
    }
}
