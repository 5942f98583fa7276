// Types of freshness.js for the TypeScript that uses it (the start benchmark and the tests).
export type BundleState = 'fresh' | 'missing' | 'stale';

export const projectRoot: string;
export const sourceRoot: string;
export const sourceEntry: string;
export const bundleFile: string;
export const installRecord: string;

export function bundleState(paths?: { bundle?: string; sources?: string; dependencies?: string }): BundleState;
