// Plain-words evidence: "9 of 14 closed deals that reached a decision stage were lost; team: 38%".
import type { SignalDefinition } from '../signals/signal';

export function percent(rate: number): string {
    return `${Math.round(rate * 100)}%`;
}

/** A posterior probability is never certainty: above 99% it reads "over 99%". */
export function confidenceText(confidence: number): string {
    return confidence > 0.99 ? 'over 99%' : percent(confidence);
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
