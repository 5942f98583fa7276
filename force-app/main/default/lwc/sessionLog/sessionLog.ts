import { LightningElement, api } from 'lwc';
import type { CoachingSession, LearningGoal } from 'c/goalPlanData';

/** The session log, newest first; each session is a c-session-item. */
export default class SessionLog extends LightningElement {
    @api planId?: string;
    @api sessions: CoachingSession[] = [];
    @api learningGoals: LearningGoal[] = [];
    @api today?: string;
    @api editableFields: string[] = [];

    get entries() {
        const goalNames = new Map((this.learningGoals ?? []).map((goal) => [goal.id, goal.name ?? '']));
        return [...(this.sessions ?? [])]
            .sort((a, b) => (b.sessionDate ?? '').localeCompare(a.sessionDate ?? ''))
            .map((session) => ({
                id: session.id,
                session,
                focusName: session.focusLearningGoalId ? goalNames.get(session.focusLearningGoalId) || 'a learning goal' : '',
            }));
    }

    get hasSessions(): boolean {
        return (this.sessions ?? []).length > 0;
    }

    handlePlanChange() {
        this.dispatchEvent(new CustomEvent('planchange'));
    }
}
