// Test-only shapes: the sfdx-lwc-jest wire-adapter stubs, and the @sa11y/jest matcher.
declare global {
    interface LdsTestWireAdapter {
        emit(value: unknown): void;
        error(body?: unknown, status?: number, statusText?: string): void;
        getLastConfig(): Record<string, unknown>;
    }
    namespace jest {
        interface Matchers<R> {
            toBeAccessible(): Promise<R>;
        }
    }
}
export {};
