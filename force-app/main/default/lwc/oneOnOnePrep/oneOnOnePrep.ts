import { LightningElement, api } from 'lwc';
import { formatDate, isOverdue, supportingEvidence, topLearningGoal } from 'c/goalPlanData';
import type { GoalPlan, GoalStep, LearningGoal } from 'c/goalPlanData';

/** The last session's date and the rep's commitment in it. */
export interface LastSession {
    sessionDate: string | null | undefined;
    repCommitment: string | null | undefined;
}

/** Evidence lines shown: the strongest that point the same way as the goal. */
const EVIDENCE_LINES = 2;

/**
 * "Prepare 1:1": what a manager needs in the minute before a one-on-one: the why in one line, the top
 * learning goal with its strongest evidence, the overdue steps and the last commitment; Start
 * session opens the session form with that agenda and the goal as its focus.
 */
export default class OneOnOnePrep extends LightningElement {
    @api plan?: GoalPlan;
    @api learningGoals: LearningGoal[] = [];
    @api steps: GoalStep[] = [];
    @api lastSession?: LastSession;
    @api today?: string;

    isFormOpen = false;

    get whyText(): string {
        return this.plan?.whyGoal ? this.plan.whyGoal : 'Not found yet: ask "What will that get you?" in the Why ladder below.';
    }

    get topGoal(): LearningGoal | undefined {
        return topLearningGoal(this.learningGoals ?? []);
    }

    get topGoalId(): string | undefined {
        return this.topGoal?.id;
    }

    get topGoalText(): string {
        const goal = this.topGoal;
        return goal ? `${goal.name ?? 'Learning goal'}${goal.status ? ` (${goal.status})` : ''}` : 'No open learning goal yet.';
    }

    get evidenceLines() {
        const goal = this.topGoal;
        return (goal ? supportingEvidence(goal) : [])
            .slice(0, EVIDENCE_LINES)
            .map((text, index) => ({ key: `evidence-${index}`, text }));
    }

    get overdueSteps() {
        const today = this.today ?? '';
        return (this.steps ?? [])
            .filter((step) => isOverdue(step, today))
            .map((step) => ({ id: step.id, text: `${step.name ?? 'Step'} (due ${formatDate(step.dueDate)})` }));
    }

    get hasOverdueSteps(): boolean {
        return this.overdueSteps.length > 0;
    }

    get commitmentText(): string {
        const session = this.lastSession;
        if (!session?.sessionDate) {
            return 'No session yet this period.';
        }
        return session.repCommitment
            ? `${session.repCommitment} (${formatDate(session.sessionDate)})`
            : `None recorded in the last session (${formatDate(session.sessionDate)}).`;
    }

    /** The session agenda: the same points, as the form's prepared text. */
    get agenda(): string {
        const lines = [`Focus: ${this.topGoalText}`];
        this.evidenceLines.forEach((line) => lines.push(`- ${line.text}`));
        if (this.hasOverdueSteps) {
            lines.push('Overdue steps:');
            this.overdueSteps.forEach((step) => lines.push(`- ${step.text}`));
        }
        lines.push(`Last commitment: ${this.commitmentText}`);
        return lines.join('\n');
    }

    get openGoals(): LearningGoal[] {
        return (this.learningGoals ?? []).filter((goal) => ['Suggested', 'Accepted', 'In Progress'].includes(goal.status ?? ''));
    }

    get showStart(): boolean {
        return !this.isFormOpen && !!this.plan?.id;
    }

    handleStart() {
        this.isFormOpen = true;
    }

    handleFormClose() {
        this.isFormOpen = false;
    }

    handleSaved() {
        this.isFormOpen = false;
        this.dispatchEvent(new CustomEvent('planchange'));
    }
}
