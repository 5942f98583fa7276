// Plain-words evidence: "9 of 14 closed deals that reached a decision stage were lost; team: 38%".
import type { Evidence } from '../core/contract';
import { signals } from '../signals/registry';
import type { SignalDefinition } from '../signals/signal';

export function percent(rate: number): string {
    return `${Math.round(rate * 100)}%`;
}

/**
 * Whether a signal points the same way as a suggestion: every signal counts a bad outcome, so only a
 * rate above the rep's baseline that the model also reads as more likely worse than not is evidence.
 */
export function pointsToWeakness(repRate: number, teamRate: number, probabilityWorse: number): boolean {
    return repRate > teamRate && probabilityWorse >= 0.5;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Why a rep has no suggestions yet and what it takes: "8 closed deals; suggestions start at 15: 7 more". */
export function withheldText(closed: number, minClosedDeals: number): string {
    return `${count(closed, 'closed deal')}; suggestions start at ${minClosedDeals}: ${Math.max(1, minClosedDeals - closed)} more`;
}

export function evidenceNote(definition: SignalDefinition, successes: number, trials: number, teamRate: number, detail: string | undefined): string {
    const event = definition.event.replace('{detail}', detail ?? '');
    return `${successes} of ${trials} ${definition.trials} ${event}; team: ${percent(teamRate)}`;
}

export function bandNote(band: 'small' | 'large', successes: number, trials: number, teamRate: number): string {
    return `on ${band} deals: ${successes} of ${trials} (${percent(successes / trials)}); team: ${percent(teamRate)}`;
}

/** Summary__c is Text(255). */
export function summaryOf(findings: readonly string[]): string {
    const text = `Compared with the team: ${findings.join('; ')}.`;
    return text.length <= 255 ? text : `${text.slice(0, 254)}…`;
}

/** The signal's plain name: the label the evidence carries, else its module's; null for an unknown signal. */
export function signalLabel(evidence: Pick<Evidence, 'signal' | 'label'>): string | null {
    return evidence.label ?? signals.find((signal) => signal.name === evidence.signal)?.label ?? null;
}

/** One evidence line as every report shows it: "Losses at the decision stages: 9 of 14 … ; team: 38%". */
export function evidenceLine(evidence: Pick<Evidence, 'signal' | 'label' | 'note'>): string {
    const label = signalLabel(evidence);
    return label ? `${label}: ${evidence.note}` : evidence.note;
}
