import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ProjectContext } from './types';

export interface LwcBundle {
    readonly name: string;
    /** Absolute path of the bundle folder. */
    readonly dir: string;
}

/** Every folder directly under an `lwc` folder of a package directory is a component bundle. */
export async function findLwcBundles(project: ProjectContext): Promise<LwcBundle[]> {
    const lwcDirs = new Set<string>();
    for (const file of await project.allFiles()) {
        const packageDir = project.packageDirs.find((dir) => file.startsWith(dir + path.sep));
        if (!packageDir) continue;
        const segments = path.relative(packageDir, file).split(path.sep);
        const lwcIndex = segments.indexOf('lwc');
        // lwc/<bundle>/<file>: files directly under lwc/ (jsconfig.json) belong to no bundle.
        if (lwcIndex >= 0 && segments.length - lwcIndex >= 3) {
            lwcDirs.add(path.join(packageDir, ...segments.slice(0, lwcIndex + 1)));
        }
    }
    const bundles: LwcBundle[] = [];
    for (const lwcDir of [...lwcDirs].sort()) {
        for (const entry of await readdir(lwcDir, { withFileTypes: true })) {
            if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name === '__tests__') continue;
            const dir = path.join(lwcDir, entry.name);
            if (project.forceIgnore.denies(dir)) continue;
            bundles.push({ name: entry.name, dir });
        }
    }
    return bundles;
}
