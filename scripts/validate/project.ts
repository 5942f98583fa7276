import { existsSync, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ComponentSet, ForceIgnore, RegistryAccess } from '@salesforce/source-deploy-retrieve';
import { z } from 'zod';
import { ProjectContext, sfdxProjectSchema, ValidationSetupError } from './types';

async function listFilesRecursively(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
        .filter((entry) => entry.isFile())
        .map((entry) => path.join(entry.parentPath, entry.name))
        .sort();
}

/** Reads sfdx-project.json of `root` and prepares the shared, lazily computed views of the project. */
export function loadProject(root: string): ProjectContext {
    const projectRoot = path.resolve(root);
    const projectFile = path.join(projectRoot, 'sfdx-project.json');
    if (!existsSync(projectFile)) {
        throw new ValidationSetupError(
            `No sfdx-project.json in ${projectRoot}.`,
            'Run the validation from the project root, or pass --project <dir> pointing at the folder that holds sfdx-project.json.',
        );
    }
    let raw: unknown;
    try {
        raw = JSON.parse(readFileSync(projectFile, 'utf8'));
    } catch (error) {
        throw new ValidationSetupError(
            `sfdx-project.json is not valid JSON: ${(error as Error).message}.`,
            'Fix the JSON syntax of sfdx-project.json (a missing comma or quote is the usual cause).',
        );
    }
    const parsed = sfdxProjectSchema.safeParse(raw);
    if (!parsed.success) {
        throw new ValidationSetupError(
            `sfdx-project.json has no usable packageDirectories: ${z.prettifyError(parsed.error)}`,
            'Give sfdx-project.json a "packageDirectories" array such as [{ "path": "force-app", "default": true }].',
        );
    }
    const sfdxProject = parsed.data;
    const packageDirs = sfdxProject.packageDirectories.map((dir) => path.resolve(projectRoot, dir.path));
    for (const dir of packageDirs) {
        if (!existsSync(dir) || !statSync(dir).isDirectory()) {
            throw new ValidationSetupError(
                `Package directory ${path.relative(projectRoot, dir)} named in sfdx-project.json does not exist.`,
                'Create the folder or correct its "path" in sfdx-project.json packageDirectories.',
            );
        }
    }
    // Never reuse a .forceignore parsed for another project (tests load several fixtures in one process).
    const forceIgnorePath = path.join(projectRoot, ForceIgnore.FILE_NAME);
    const forceIgnore = existsSync(forceIgnorePath) ? new ForceIgnore(forceIgnorePath) : new ForceIgnore();

    let allFilesPromise: Promise<string[]> | undefined;
    let componentSetPromise: Promise<ComponentSet> | undefined;
    const notes = new Map<string, string[]>();

    const context: ProjectContext = {
        root: projectRoot,
        sfdxProject,
        packageDirs,
        forceIgnore,
        notes,
        allFiles() {
            allFilesPromise ??= Promise.all(packageDirs.map(listFilesRecursively)).then((lists) => lists.flat());
            return allFilesPromise;
        },
        async deployableFiles() {
            return (await context.allFiles()).filter((file) => forceIgnore.accepts(file));
        },
        componentSet() {
            componentSetPromise ??= Promise.resolve().then(() =>
                ComponentSet.fromSource({
                    fsPaths: [...packageDirs],
                    registry: new RegistryAccess(undefined, projectRoot),
                }),
            );
            return componentSetPromise;
        },
        relative(absolutePath: string) {
            return path.relative(projectRoot, absolutePath).split(path.sep).join('/');
        },
        note(check: string, message: string) {
            const list = notes.get(check) ?? [];
            list.push(message);
            notes.set(check, list);
        },
    };
    return context;
}
