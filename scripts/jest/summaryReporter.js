// Writes the run's totals to artifacts/test-summary.json so that .ci/run can print the
// `N passed, N failed` line CI reads (jest's own summary is not in that form).
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
    constructor(globalConfig) {
        this.rootDir = globalConfig.rootDir;
    }

    onRunComplete(_contexts, results) {
        const failedSuites = results.numFailedTestSuites - results.testResults.filter((r) => r.numFailingTests > 0).length;
        const summary = {
            passed: results.numPassedTests,
            // A suite that fails to load has no failing test of its own: count it as one failure.
            failed: results.numFailedTests + Math.max(0, failedSuites),
            skipped: results.numPendingTests + results.numTodoTests,
        };
        const dir = path.join(this.rootDir, 'artifacts');
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'test-summary.json'), JSON.stringify(summary, null, 2) + '\n');
    }
}

module.exports = SummaryReporter;
