// Runs `goal-coach analyze` in this process and reports its peak RSS, for the benchmark.
import { writeFileSync } from 'node:fs';
import { main } from '../src/cli';

main(process.argv.slice(2)).then((code) => {
    const report = process.env.BENCH_REPORT;
    if (report) writeFileSync(report, JSON.stringify({ exitCode: code, maxRssKb: process.resourceUsage().maxRSS, cpuSeconds: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1e6 }));
    process.exitCode = code;
});
