import { z } from 'zod';
import type { ComponentSet, ForceIgnore } from '@salesforce/source-deploy-retrieve';

export const severitySchema = z.enum(['error', 'warning']);

/** One problem found by a check: where it is, what is wrong, and how to fix it. */
export const findingSchema = z.object({
    check: z.string().min(1),
    severity: severitySchema.default('error'),
    /** Path relative to the project root. */
    file: z.string(),
    line: z.number().int().positive().optional(),
    message: z.string().min(1),
    fix: z.string().min(1),
});
export type Finding = z.output<typeof findingSchema>;
export type FindingInput = z.input<typeof findingSchema>;

/** The slice of sfdx-project.json the validation needs (the full file is checked against its schema separately). */
export const sfdxProjectSchema = z.object({
    packageDirectories: z.array(z.object({ path: z.string().min(1) }).loose()).min(1),
    sourceApiVersion: z.string().optional(),
    namespace: z.string().optional(),
}).loose();
export type SfdxProject = z.infer<typeof sfdxProjectSchema>;

export interface ProjectContext {
    /** Absolute path of the sfdx project (the folder holding sfdx-project.json). */
    readonly root: string;
    readonly sfdxProject: SfdxProject;
    /** Absolute paths of the package directories. */
    readonly packageDirs: readonly string[];
    readonly forceIgnore: ForceIgnore;
    /** Every file under the package directories, absolute, forceignored ones included. */
    allFiles(): Promise<readonly string[]>;
    /** Files under the package directories that the org sees (not denied by .forceignore). */
    deployableFiles(): Promise<readonly string[]>;
    /** SDR's resolution of the package directories (computed once). */
    componentSet(): Promise<ComponentSet>;
    /** Path relative to the project root, with forward slashes, for messages. */
    relative(absolutePath: string): string;
    /** Informational output of a check (counts, timings): printed, never a failure. */
    note(check: string, message: string): void;
    readonly notes: ReadonlyMap<string, readonly string[]>;
}

export interface Check {
    /** Short identifier printed with every finding, e.g. `xml-well-formed`. */
    readonly name: string;
    /** One line saying what the check proves. */
    readonly description: string;
    run(project: ProjectContext): Promise<FindingInput[]>;
}

/** A problem that stops validation from starting (no project, unreadable sfdx-project.json). */
export class ValidationSetupError extends Error {
    constructor(message: string, readonly fix: string) {
        super(message);
        this.name = 'ValidationSetupError';
    }
}
