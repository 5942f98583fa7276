// The self-contained HTML report: per rep, where deals die compared with the team and each signal
// compared with the team, as inline SVG. No scripts, no external assets; all text escaped.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { skillLabels, type AnalysisResult, type RepResult } from '../core/contract';
import type { WarningGroup } from '../core/problems';
import { signals } from '../signals/registry';
import { learningGoals } from '../suggestions/learningGoals';
import { noSuggestionNotes, type NoSuggestionNote } from '../suggestions/noPattern';
import { confidenceText, percent, withheldText } from '../suggestions/phrasing';
import { html, type SafeHtml } from './htmlTemplate';
import { needOrderText, orderByNeed } from './needOrder';

export interface HtmlReportOptions {
    /** The closed deals a rep needed for suggestions in this analysis. */
    minClosedDeals: number;
    warnings?: readonly WarningGroup[];
}

const repColor = '#0176d3';
const teamColor = '#939393';

function share(counts: Record<string, number>, stage: string): number {
    const total = Object.values(counts).reduce((sum, value) => sum + value, 0);
    return total > 0 ? (counts[stage] ?? 0) / total : 0;
}

/** Paired horizontal bars (rep, team) per row, values 0..1. */
function pairedBars(title: string, rows: { label: string; rep: number | null; team: number | null; detail?: string }[]): SafeHtml {
    const labelWidth = 320;
    const barWidth = 300;
    const rowHeight = 34;
    const height = rows.length * rowHeight + 30;
    const width = labelWidth + barWidth + 70;
    const bar = (value: number | null, y: number, color: string, who: string) =>
        value === null
            ? html`<text x="${labelWidth}" y="${y + 10}" font-size="11" fill="#666">${who}: no data</text>`
            : html`<rect x="${labelWidth}" y="${y}" width="${Math.max(1, value * barWidth).toFixed(1)}" height="12" fill="${color}"><title>${who}: ${percent(value)}</title></rect>
<text x="${labelWidth + Math.max(1, value * barWidth) + 4}" y="${y + 10}" font-size="11">${percent(value)}</text>`;
    return html`<figure>
<figcaption>${title}</figcaption>
<svg role="img" aria-label="${title}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">
${rows.map(
    (row, index) => html`<g>
<text x="0" y="${index * rowHeight + 18}" font-size="12"><title>${row.detail ?? row.label}</title>${row.label}</text>
${bar(row.rep, index * rowHeight + 6, repColor, 'Rep')}
${bar(row.team, index * rowHeight + 19, teamColor, 'Team')}
</g>`,
)}
<g transform="translate(0, ${rows.length * rowHeight + 12})">
<rect x="${labelWidth}" y="0" width="10" height="10" fill="${repColor}"/><text x="${labelWidth + 14}" y="9" font-size="11">Rep</text>
<rect x="${labelWidth + 60}" y="0" width="10" height="10" fill="${teamColor}"/><text x="${labelWidth + 74}" y="9" font-size="11">Team</text>
</g>
</svg>
</figure>`;
}

function stageChart(rep: RepResult, result: AnalysisResult): SafeHtml {
    const stages = Object.keys(result.team.lossesByStage);
    if (stages.length === 0) return html`<p>No lost deals in the window.</p>`;
    return pairedBars(
        `Where ${rep.name}'s lost deals died, by last open stage (share of lost deals)`,
        stages.map((stage) => ({ label: stage, rep: rep.lost > 0 ? share(rep.lossesByStage, stage) : null, team: share(result.team.lossesByStage, stage) })),
    );
}

function signalChart(rep: RepResult, result: AnalysisResult): SafeHtml {
    return pairedBars(
        `${rep.name}'s signals compared with the team (share of deals with the bad outcome)`,
        signals.map((signal) => ({
            label: `${skillLabels[signal.skill]}: ${signal.label}`,
            rep: rep.signals[signal.name] ?? null,
            team: result.team.signals[signal.name] ?? null,
            detail: signal.describe,
        })),
    );
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
<h3>${skillLabels[suggestion.skill]} <span class="confidence">confidence ${confidenceText(suggestion.confidence)}</span></h3>
<p>${suggestion.summary}</p>
<ul>${suggestion.evidence.map((evidence) => html`<li>${evidence.note}</li>`)}</ul>
<p><strong>Suggested learning goal:</strong> ${learningGoals[suggestion.skill].title}. ${learningGoals[suggestion.skill].resourceHint}</p>
</div>`,
            )}`;
    return html`<section id="rep-${rep.id}">
<h2>${rep.name}</h2>
<p class="meta">${rep.closed} closed deals, ${rep.won} won, win rate ${rep.winRate === null ? 'n/a' : percent(rep.winRate)}</p>
${status}
<div class="charts">${stageChart(rep, result)}${signalChart(rep, result)}</div>
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
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 1200px; color: #181818; padding: 0 1rem; }
section { border-top: 1px solid #ddd; padding: 1rem 0; }
.meta { color: #444; }
.suggestion { background: #f3f9ff; border-left: 4px solid ${repColor}; padding: 0.5rem 1rem; margin: 0.5rem 0; }
.confidence { font-size: 0.8em; font-weight: normal; color: #444; }
.withheld { color: #8c4b02; }
.healthy { color: #2e844a; }
.unclear { color: #8c4b02; }
.charts { display: flex; flex-wrap: wrap; gap: 2rem; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: 0.25rem; }
table { border-collapse: collapse; }
td, th { padding: 0.2rem 0.6rem; text-align: left; border-bottom: 1px solid #eee; }
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
<td>${rep.withheld ? `too few closed deals: ${withheldText(rep.closed, minClosedDeals)}` : rep.suggestions.length === 0 ? notes.get(rep.id)?.text : rep.suggestions.map((s) => `${skillLabels[s.skill]} (${confidenceText(s.confidence)})`).join(', ')}</td></tr>`,
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
