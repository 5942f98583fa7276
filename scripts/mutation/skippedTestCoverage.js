// Jest reports a test left out by the name pattern as started but never as done, so Stryker's
// per-test coverage would charge the next test file's module code (the signal definitions, the
// schemas) to that skipped test, and run only it against those mutants. Each test file starts
// with no current test.
const context = globalThis.__stryker__;
if (context) context.currentTestId = undefined;
