// The self-contained HTML report: per rep, where deals die compared with the team and each signal
// compared with the team, as inline SVG. No scripts, no external assets; all text escaped.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { skillLabels, type AnalysisResult, type RepResult } from '../core/contract';
import type { WarningGroup } from '../core/problems';
import { learningGoals } from '../suggestions/learningGoals';
import { noSuggestionNotes, type NoSuggestionNote } from '../suggestions/noPattern';
import { confidenceLabel } from '../suggestions/confidence';
import { evidenceLine, percent, withheldText } from '../suggestions/phrasing';
import { chartColors, signalChart, stageChart } from './htmlCharts';
import { html, type SafeHtml } from './htmlTemplate';
import { needOrderText, orderByNeed } from './needOrder';

export interface HtmlReportOptions {
    /** The closed deals a rep needed for suggestions in this analysis. */
    minClosedDeals: number;
    warnings?: readonly WarningGroup[];
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function repSection(rep: RepResult, result: AnalysisResult, notes: ReadonlyMap<string, NoSuggestionNote>, minClosedDeals: number): SafeHtml {
    const note = notes.get(rep.id);
    const status = rep.withheld
        ? html`<p class="withheld">Too few closed deals in the window for sound suggestions: ${withheldText(rep.closed, minClosedDeals)}.</p>`
        : rep.suggestions.length === 0
          ? html`<p class="${note?.worseOutcome ? 'unclear' : 'healthy'}">${capitalized(note?.text ?? '')}.</p>`
          : html`${rep.suggestions.map(
                (suggestion) => html`<div class="suggestion">
<h3>${skillLabels[suggestion.skill]} <span class="confidence">confidence ${confidenceLabel(suggestion.confidence)}</span></h3>
<p>${suggestion.summary}</p>
<ul>${suggestion.evidence.map((evidence) => html`<li>${evidenceLine(evidence)}</li>`)}</ul>
<p><strong>Suggested learning goal:</strong> ${learningGoals[suggestion.skill].title}. ${learningGoals[suggestion.skill].resourceHint}</p>
</div>`,
            )}`;
    return html`<section id="rep-${rep.id}">
<h2>${rep.name}</h2>
<p class="meta">${rep.closed} closed deals, ${rep.won} won, win rate ${rep.winRate === null ? 'n/a' : percent(rep.winRate)}</p>
${status}
<div class="charts">${stageChart(rep, result)}${signalChart(rep)}</div>
</section>`;
}

export function renderHtmlReport(result: AnalysisResult, { minClosedDeals, warnings = [] }: HtmlReportOptions): string {
    const suggested = result.reps.filter((rep) => rep.suggestions.length > 0);
    const notes = noSuggestionNotes(result);
    const reps = orderByNeed(result, notes);
    const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Goal Coach report, ${result.asOf}</title>
<style>
body { font-family: "Salesforce Sans", system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 1200px; color: #181818; padding: 0 1rem; line-height: 1.4; overflow-wrap: break-word; }
section { border-top: 1px solid #e5e5e5; padding: 1rem 0; }
.meta, .chart-note { color: ${chartColors.text}; }
.suggestion { background: #f3f3f3; border-left: 4px solid ${chartColors.rep}; padding: 0.5rem 1rem; margin: 0.5rem 0; }
.confidence { font-size: 0.8em; font-weight: normal; color: ${chartColors.text}; }
.withheld, .unclear { color: #8c4b02; }
.healthy { color: #2e844a; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); gap: 1.5rem 2rem; }
figure { margin: 0; min-width: 0; }
figcaption { font-weight: 600; margin-bottom: 0.25rem; }
.chart-note { margin: 0 0 0.25rem; }
.chart svg { display: block; width: 100%; max-width: 30rem; height: auto; }
table { border-collapse: collapse; width: 100%; }
td, th { padding: 0.2rem 0.6rem; text-align: left; border-bottom: 1px solid #e5e5e5; vertical-align: top; }
/* On a wrapper: a table ignores a 1px width and would widen the page. */
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); border: 0; white-space: nowrap; }
@media (max-width: 30rem) {
  body { margin: 1rem auto; padding: 0 0.5rem; }
  h1 { font-size: 1.5rem; }
  table { font-size: 0.875rem; }
  td, th { padding: 0.2rem 0.3rem; }
  .suggestion { padding: 0.5rem; }
}
</style>
</head>
<body>
<main>
<h1>Goal Coach: coaching report</h1>
<p>As of ${result.asOf}; closed deals from ${result.window.from} to ${result.window.to}. Team: ${result.team.closed} closed deals, ${result.team.won} won
(win rate ${result.team.winRate === null ? 'n/a' : percent(result.team.winRate)}), ${result.reps.length} reps.
${suggested.length} reps have suggested learning goals.</p>
<p class="order">${needOrderText}</p>
<table>
<caption>Suggestions by rep, in order of need</caption>
<thead><tr><th scope="col">Rep</th><th scope="col">Closed</th><th scope="col">Win rate</th><th scope="col">Suggested learning goals</th></tr></thead>
<tbody>${reps.map(
        (rep) => html`<tr><td><a href="#rep-${rep.id}">${rep.name}</a></td><td>${rep.closed}</td><td>${rep.winRate === null ? 'n/a' : percent(rep.winRate)}</td>
<td>${rep.withheld ? `too few closed deals: ${withheldText(rep.closed, minClosedDeals)}` : rep.suggestions.length === 0 ? notes.get(rep.id)?.text : rep.suggestions.map((s) => `${skillLabels[s.skill]}: ${confidenceLabel(s.confidence)}`).join(', ')}</td></tr>`,
    )}</tbody>
</table>
${warnings.length > 0 ? html`<h2>Input warnings</h2><ul>${warnings.map((group) => html`<li>${group.count} × ${group.kind}${group.examples.length > 0 ? html`: ${group.examples.join('; ')}` : ''}</li>`)}</ul>` : ''}
${reps.map((rep) => repSection(rep, result, notes, minClosedDeals))}
</main>
</body>
</html>
`;
    return page.value;
}

export async function writeHtmlReport(file: string, result: AnalysisResult, options: HtmlReportOptions): Promise<void> {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFile(file, renderHtmlReport(result, options));
}
