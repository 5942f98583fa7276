// The same per-rep aggregates as `goal-coach analyze` computes, by DuckDB over the same CSV files:
// the benchmark's reference. Reports its peak RSS like the analyze child.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

async function run(directory: string, asOf: string): Promise<number> {
    const file = (name: string) => `'${path.join(directory, `${name}.csv`).replace(/'/g, "''")}'`;
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const sql = `
WITH stages AS (SELECT MasterLabel, DefaultProbability, IsClosed, IsWon FROM read_csv(${file('OpportunityStage')}, header = true)),
opp AS (
    SELECT o.Id, o.OwnerId, o.Amount, CAST(o.CloseDate AS DATE) AS CloseDate, CAST(o.CreatedDate AS DATE) AS CreatedDate, s.IsClosed, s.IsWon
    FROM read_csv(${file('Opportunity')}, header = true) o JOIN stages s ON s.MasterLabel = o.StageName
),
hist AS (
    SELECT h.OpportunityId,
           count(*) FILTER (WHERE NOT s.IsClosed AND CAST(h.CloseDate AS DATE) > CAST(h.PrevCloseDate AS DATE)) AS slips,
           arg_min(CAST(h.CloseDate AS DATE), h.CreatedDate) FILTER (WHERE NOT s.IsClosed) AS firstClose,
           max(CAST(h.CloseDate AS DATE)) FILTER (WHERE NOT s.IsClosed) AS latestClose,
           max(s.DefaultProbability) FILTER (WHERE NOT s.IsClosed) AS maxProbability,
           min(CAST(h.CreatedDate AS DATE)) FILTER (WHERE s.DefaultProbability >= 50 AND NOT s.IsClosed) AS firstDecision,
           max(CAST(h.CreatedDate AS DATE)) FILTER (WHERE NOT s.IsClosed) AS lastChange
    FROM read_csv(${file('OpportunityHistory')}, header = true) h JOIN stages s ON s.MasterLabel = h.StageName
    GROUP BY 1
),
tasks AS (
    SELECT WhatId, count(*) AS n, max(CAST(ActivityDate AS DATE)) AS lastTask,
           count(*) FILTER (WHERE NOT IsClosed AND CAST(ActivityDate AS DATE) < DATE '${asOf}') AS overdue,
           count(*) FILTER (WHERE NOT IsClosed) AS open
    FROM read_csv(${file('Task')}, header = true) GROUP BY 1
),
events AS (
    SELECT WhatId, count(*) AS n, min(CAST(ActivityDate AS DATE)) AS firstMeeting, max(CAST(ActivityDate AS DATE)) AS lastMeeting
    FROM read_csv(${file('Event')}, header = true) GROUP BY 1
),
roles AS (
    SELECT OpportunityId, bool_or(Role IN ('Decision Maker', 'Economic Buyer')) AS decisionRole
    FROM read_csv(${file('OpportunityContactRole')}, header = true) GROUP BY 1
)
SELECT o.OwnerId,
       count(*) FILTER (WHERE o.IsClosed AND o.CloseDate BETWEEN DATE '${asOf}' - INTERVAL 12 MONTH AND DATE '${asOf}') AS closed,
       count(*) FILTER (WHERE o.IsWon AND o.CloseDate BETWEEN DATE '${asOf}' - INTERVAL 12 MONTH AND DATE '${asOf}') AS won,
       count(*) FILTER (WHERE o.IsClosed AND NOT o.IsWon AND h.maxProbability >= 50) AS decisionStageLosses,
       count(*) FILTER (WHERE o.IsClosed AND NOT coalesce(r.decisionRole, false)) AS noDecisionMaker,
       median(o.CloseDate - h.firstDecision) FILTER (WHERE o.IsClosed) AS medianDecisionDays,
       count(*) FILTER (WHERE h.slips > 0 OR h.latestClose > h.firstClose) AS slipped,
       count(*) FILTER (WHERE NOT o.IsClosed AND DATE '${asOf}' - greatest(o.CreatedDate, coalesce(t.lastTask, o.CreatedDate), coalesce(h.lastChange, o.CreatedDate), coalesce(e.lastMeeting, o.CreatedDate)) > 30) AS stale,
       sum(coalesce(t.overdue, 0)) AS overdueTasks,
       sum(coalesce(t.n, 0) + coalesce(e.n, 0)) AS activities,
       count(*) FILTER (WHERE e.n > 0 AND o.IsClosed AND NOT o.IsWon AND coalesce(h.maxProbability, 0) < 50) AS earlyLossAfterMeeting,
       count(*) FILTER (WHERE e.n > 0 AND NOT o.IsWon AND coalesce(t.lastTask, DATE '1700-01-01') <= e.lastMeeting AND coalesce(h.lastChange, DATE '1700-01-01') <= e.lastMeeting) AS darkAfterMeeting
FROM opp o
LEFT JOIN hist h ON h.OpportunityId = o.Id
LEFT JOIN tasks t ON t.WhatId = o.Id
LEFT JOIN events e ON e.WhatId = o.Id
LEFT JOIN roles r ON r.OpportunityId = o.Id
GROUP BY o.OwnerId`;
    const reader = await connection.runAndReadAll(sql);
    return reader.getRows().length;
}

const [directory, asOf] = process.argv.slice(2);
run(directory!, asOf!).then(
    (reps) => {
        const report = process.env.BENCH_REPORT;
        if (report) writeFileSync(report, JSON.stringify({ exitCode: 0, reps, maxRssKb: process.resourceUsage().maxRSS, cpuSeconds: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1e6 }));
    },
    (error: unknown) => {
        process.stderr.write(`DuckDB failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
    },
);
