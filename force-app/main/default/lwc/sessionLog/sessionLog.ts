import { LightningElement, api } from 'lwc';
import { createRecord } from 'lightning/uiRecordApi';
import GOAL_STEP_OBJECT from '@salesforce/schema/Goal_Step__c';
import STEP_PLAN_FIELD from '@salesforce/schema/Goal_Step__c.Goal_Plan__c';
import STEP_NAME_FIELD from '@salesforce/schema/Goal_Step__c.Name';
import STEP_DESCRIPTION_FIELD from '@salesforce/schema/Goal_Step__c.Description__c';
import STEP_DUE_DATE_FIELD from '@salesforce/schema/Goal_Step__c.Due_Date__c';
import STEP_DONE_FIELD from '@salesforce/schema/Goal_Step__c.Done__c';
import STEP_LEARNING_GOAL_FIELD from '@salesforce/schema/Goal_Step__c.Learning_Goal__c';
import { addDays, apiName, errorToast, formatDate, successToast, todayIso } from 'c/goalPlanData';
import type { CoachingSession, LearningGoal } from 'c/goalPlanData';

const DEFAULT_STEP_DAYS = 7;

/** Step title: the commitment's first line, cut at a word to fit Name (80 characters). */
export function stepTitle(commitment: string): string {
    const firstLine = commitment.trim().split(/\r?\n/)[0].trim();
    if (firstLine.length <= 80) {
        return firstLine;
    }
    const cut = firstLine.slice(0, 79);
    const lastSpace = cut.lastIndexOf(' ');
    return `${(lastSpace > 40 ? cut.slice(0, lastSpace) : cut).trim()}…`;
}

/** The session log, newest first; a rep commitment becomes a next step in one click. */
export default class SessionLog extends LightningElement {
    @api planId?: string;
    @api sessions: CoachingSession[] = [];
    @api learningGoals: LearningGoal[] = [];
    @api today?: string;

    savingSessionId?: string;
    convertedSessionIds: string[] = [];

    get entries() {
        const goalNames = new Map((this.learningGoals ?? []).map((goal) => [goal.id, goal.name ?? '']));
        return [...(this.sessions ?? [])]
            .sort((a, b) => (b.sessionDate ?? '').localeCompare(a.sessionDate ?? ''))
            .map((session) => {
                const converted = this.convertedSessionIds.includes(session.id);
                return {
                    ...session,
                    heading: session.sessionDate ? `Session on ${formatDate(session.sessionDate)}` : 'Session (date not shared)',
                    focusName: session.focusLearningGoalId ? goalNames.get(session.focusLearningGoalId) ?? 'a learning goal' : '',
                    nextSessionText: session.nextSessionDate ? `Next session ${formatDate(session.nextSessionDate)}` : '',
                    stepButtonLabel: converted ? 'Added as a next step' : 'Make it a next step',
                    stepButtonDisabled: converted || this.savingSessionId === session.id,
                };
            });
    }

    get hasSessions(): boolean {
        return (this.sessions ?? []).length > 0;
    }

    async handleMakeStep(event: Event) {
        const sessionId = (event.currentTarget as HTMLElement).dataset.id;
        const session = (this.sessions ?? []).find((candidate) => candidate.id === sessionId);
        const commitment = session?.repCommitment?.trim();
        if (!session || !commitment || !this.planId) {
            return;
        }
        const today = this.today ?? todayIso();
        const due = session.nextSessionDate && session.nextSessionDate >= today ? session.nextSessionDate : addDays(today, DEFAULT_STEP_DAYS);
        const fields: Record<string, unknown> = {
            [apiName(STEP_PLAN_FIELD)]: this.planId,
            [apiName(STEP_NAME_FIELD)]: stepTitle(commitment),
            [apiName(STEP_DESCRIPTION_FIELD)]: commitment.slice(0, 255),
            [apiName(STEP_DUE_DATE_FIELD)]: due,
            [apiName(STEP_DONE_FIELD)]: false,
        };
        if (session.focusLearningGoalId) {
            fields[apiName(STEP_LEARNING_GOAL_FIELD)] = session.focusLearningGoalId;
        }
        this.savingSessionId = session.id;
        try {
            await createRecord({ apiName: apiName(GOAL_STEP_OBJECT), fields });
            this.convertedSessionIds = [...this.convertedSessionIds, session.id];
            this.dispatchEvent(successToast('Next step added', `Due ${formatDate(due)}`));
            this.dispatchEvent(new CustomEvent('planchange'));
        } catch (error) {
            this.dispatchEvent(errorToast('The commitment could not be turned into a step', error));
        } finally {
            this.savingSessionId = undefined;
        }
    }
}
