// The HTML report's charts: paired horizontal bars (rep, team) with the values written on them, one
// row per stage or signal, in a 360-unit-wide SVG that scales to its column (a 400 px phone or
// Lightning sidebar, or half a desktop page). Colours are the panels' (lwc/lossChart: SLDS tokens'
// fallback values), and every chart has a visually hidden table as its text equivalent.
import { skillLabels, type AnalysisResult, type RepResult } from '../core/contract';
import { signals } from '../signals/registry';
import { percent } from '../suggestions/phrasing';
import { html, type SafeHtml } from './htmlTemplate';
import { lossProfile } from './lossProfile';

/** The panels' colours: --slds-g-color-error-base-50, --slds-g-color-neutral-base-70, -95 and -30. */
export const chartColors = { rep: '#ba0517', team: '#aeaeae', shade: '#f3f3f3', text: '#444444' } as const;

interface BarRow {
    label: string;
    /** 0..1, or null without data. */
    rep: number | null;
    team: number | null;
    repText?: string;
    teamText?: string;
    /** A decision stage: the row is shaded. */
    shaded?: boolean;
    detail?: string;
}

const width = 360;
const barArea = 280;
const rowHeight = 50;

function bar(value: number | null, text: string | undefined, y: number, color: string, who: string): SafeHtml {
    if (value === null) return html`<text x="0" y="${y + 10}" font-size="11" fill="${chartColors.text}">${who}: no data</text>`;
    const length = Math.max(1, value * barArea);
    return html`<rect x="0" y="${y}" width="${length.toFixed(1)}" height="12" fill="${color}"></rect>
<text x="${(length + 4).toFixed(1)}" y="${y + 10}" font-size="11" fill="${chartColors.text}">${who}: ${text ?? percent(value)}</text>`;
}

function pairedBars(title: string, rows: readonly BarRow[], notes: readonly string[]): SafeHtml {
    const legendY = rows.length * rowHeight + 8;
    const hasShade = rows.some((row) => row.shaded);
    return html`<figure class="chart">
<figcaption>${title}</figcaption>
${notes.filter((note) => note !== '').map((note) => html`<p class="chart-note">${note}</p>`)}
<svg role="img" aria-label="${[title, ...notes].filter((text) => text !== '').join(' ')}" viewBox="0 0 ${width} ${legendY + 16}" xmlns="http://www.w3.org/2000/svg">
${rows.map((row, index) => {
    const top = index * rowHeight;
    return html`<g>
${row.shaded ? html`<rect x="0" y="${top}" width="${width}" height="${rowHeight - 4}" fill="${chartColors.shade}"></rect>` : ''}
<text x="2" y="${top + 13}" font-size="12" fill="#181818"><title>${row.detail ?? row.label}</title>${row.label}${row.shaded ? ' · decision stage' : ''}</text>
${bar(row.rep, row.repText, top + 18, chartColors.rep, 'Rep')}
${bar(row.team, row.teamText, top + 32, chartColors.team, 'Team')}
</g>`;
})}
<g transform="translate(0, ${legendY})">
<rect x="0" y="0" width="10" height="10" fill="${chartColors.rep}"></rect><text x="14" y="9" font-size="11">Rep</text>
<rect x="50" y="0" width="10" height="10" fill="${chartColors.team}"></rect><text x="64" y="9" font-size="11">Team</text>
${hasShade ? html`<rect x="110" y="0" width="10" height="10" fill="${chartColors.shade}" stroke="#c9c9c9"></rect><text x="124" y="9" font-size="11">Decision stage</text>` : ''}
</g>
</svg>
<div class="visually-hidden"><table>
<caption>${title}</caption>
<thead><tr><th scope="col">${hasShade ? 'Stage' : 'Signal'}</th><th scope="col">Rep</th><th scope="col">Team</th></tr></thead>
<tbody>${rows.map(
        (row) =>
            html`<tr><th scope="row">${row.label}${row.shaded ? ' (decision stage)' : ''}</th><td>${row.rep === null ? 'no data' : (row.repText ?? percent(row.rep))}</td><td>${row.team === null ? 'no data' : (row.teamText ?? percent(row.team))}</td></tr>`,
    )}</tbody>
</table></div>
</figure>`;
}

const countText = (count: number, total: number) => `${count} of ${total} (${percent(total > 0 ? count / total : 0)})`;

/** Where the rep's lost deals died against the rest of the team, decision stages shaded. */
export function stageChart(rep: RepResult, result: AnalysisResult): SafeHtml {
    const profile = lossProfile(rep, result);
    const { stages } = profile;
    if (stages.length === 0) return html`<p>No lost deals in the window.</p>`;
    const repTotal = stages.reduce((sum, stage) => sum + stage.rep, 0);
    const teamTotal = stages.reduce((sum, stage) => sum + stage.team, 0);
    return pairedBars(
        `Where ${rep.name}'s lost deals died, by last open stage (share of each one's lost deals)`,
        stages.map((stage) => ({
            label: stage.stage,
            rep: repTotal > 0 ? stage.rep / repTotal : null,
            team: teamTotal > 0 ? stage.team / teamTotal : null,
            repText: countText(stage.rep, repTotal),
            teamText: countText(stage.team, teamTotal),
            shaded: stage.decision,
        })),
        [profile.headline, profile.caveat],
    );
}

/** Every signal by its plain name, the rep against the rep's baseline (the team figure of the evidence). */
export function signalChart(rep: RepResult): SafeHtml {
    return pairedBars(
        `${rep.name}'s signals compared with the team (share of deals with the bad outcome)`,
        signals.map((signal) => ({
            label: `${skillLabels[signal.skill]}: ${signal.label}`,
            rep: rep.signals[signal.name] ?? null,
            team: rep.baselines[signal.name] ?? null,
            detail: signal.describe,
        })),
        [],
    );
}
