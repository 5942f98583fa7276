// The learning goal each skill suggests: a title for Learning_Goal__c.Name and a resource hint.
import type { SkillSlug } from '../core/contract';

export interface LearningGoalHint {
    title: string;
    /** What to study or practise, for the goal's first step. */
    resourceHint: string;
}

export const learningGoals: Record<SkillSlug, LearningGoalHint> = {
    'decision-process': {
        title: 'Map the decision process before Proposal',
        resourceHint: 'Name the economic buyer and every decision maker, and how they decide, before sending a proposal; practise with the manager on two live deals.',
    },
    'priority-management': {
        title: 'Protect time for the deals that matter',
        resourceHint: 'Block calendar time for large deals first, keep close dates honest, clear overdue tasks weekly; review the pipeline for untouched deals every Friday.',
    },
    'emotional-intelligence': {
        title: 'Make every meeting end with a next step the buyer owns',
        resourceHint: 'Practise listening and summarising what the buyer said before pitching; send a follow-up within a day of every meeting and agree the next step in the room.',
    },
};
