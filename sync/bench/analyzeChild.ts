// Runs a goal-coach command (analyze, or sync for bench:sync) as the CLI does and reports the peak RSS
// and CPU time of the process that did the work (analyze re-runs itself with a heap cap; that inner
// process reports).
import { writeFileSync } from 'node:fs';
import { main, needsHeapCap } from '../src/cli';

const argv = process.argv.slice(2);
const analyzesHere = !needsHeapCap(argv);
main(argv).then((code) => {
    const report = process.env.BENCH_REPORT;
    if (report && analyzesHere) {
        const usage = process.resourceUsage();
        writeFileSync(report, JSON.stringify({ exitCode: code, maxRssKb: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }));
    }
    process.exitCode = code;
});
