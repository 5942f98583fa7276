import { LightningElement, api } from 'lwc';
import { NavigationMixin, type PageReference } from 'lightning/navigation';
import { formatDate, isOverdue, supportingEvidence, topLearningGoal } from 'c/goalPlanData';
import type { GoalPlan, GoalStep, GraphQlNode, LearningGoal } from 'c/goalPlanData';
import { dealAgendaLines, dealLabel, dealsToDiscuss } from 'c/dealsToDiscuss';
import type { DealToDiscuss } from 'c/dealsToDiscuss';

/** The last session's date and the rep's commitment in it. */
export interface LastSession {
    sessionDate: string | null | undefined;
    repCommitment: string | null | undefined;
}

/** Evidence lines shown: the strongest that point the same way as the goal. */
const EVIDENCE_LINES = 2;
/** Deals shown as links, and named in the agenda: the biggest first. */
const DEALS_SHOWN = 3;
const AGENDA_DEALS = 8;

/** The deals query's answer as the goal plan passes it on: its nodes, or why the org refused it. */
export interface DealNodes {
    openDeals: GraphQlNode[];
    lostDeals: GraphQlNode[];
    problem?: string;
}

type Navigate = (reference: PageReference) => void;
type GenerateUrl = (reference: PageReference) => Promise<string>;

/**
 * The deal's record page. A page reference's type gives it its URL (LWC Developer Guide, "PageReference
 * Types": "The pageReference type generates a unique URL format and defines attributes that apply to
 * all pages of that type."), so GenerateUrl gives the link's href and Navigate opens it in place.
 */
function dealPage(id: string): PageReference {
    return { type: 'standard__recordPage', attributes: { recordId: id, objectApiName: 'Opportunity', actionName: 'view' } };
}

/**
 * "Prepare 1:1": what a manager needs in the minute before a one-on-one: the why in one line, the top
 * learning goal with its strongest evidence, the deals to discuss as links (name, amount, stage and
 * why), the overdue steps and the last commitment; Start session opens the session form with that
 * agenda and the goal as its focus.
 */
export default class OneOnOnePrep extends NavigationMixin(LightningElement) {
    @api plan?: GoalPlan;
    @api learningGoals: LearningGoal[] = [];
    @api steps: GoalStep[] = [];
    @api lastSession?: LastSession;
    @api today?: string;

    /** The rep's open deals and the period's lost deals (the goal plan's goalPlanDeals query); undefined while loading. */
    @api dealSources?: DealNodes;

    isFormOpen = false;
    /** Record URLs of the shown deals, by id, from NavigationMixin.GenerateUrl. */
    dealUrls: Record<string, string> = {};
    private requestedUrls = new Set<string>();

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

    get deals(): DealToDiscuss[] {
        const sources = this.dealSources;
        if (!sources || !this.today) {
            return [];
        }
        return dealsToDiscuss({
            openDeals: sources.openDeals,
            lostDeals: sources.lostDeals,
            today: this.today,
            lastSessionDate: this.lastSession?.sessionDate,
        });
    }

    /** The biggest deals as links: name, amount and stage, then why they are on the agenda. */
    get shownDeals() {
        return this.deals.slice(0, DEALS_SHOWN).map((deal) => ({ id: deal.id, label: dealLabel(deal), reason: deal.reason, url: this.dealUrls[deal.id] ?? '' }));
    }

    get moreDealsText(): string {
        const more = this.deals.length - DEALS_SHOWN;
        return more > 0 ? `and ${more} more in the agenda` : '';
    }

    /** Why no deals are listed: still loading, the query refused, or nothing to discuss. */
    get dealsMessage(): string {
        const problem = this.dealSources?.problem;
        if (problem) {
            return `The rep's deals could not load: ${problem.replace(/\.$/, '')}. Seeing them needs Read access to Opportunity; the rest of the preparation is complete.`;
        }
        return this.dealSources ? 'None past their close date, stalled or lost since the last session.' : 'Loading the deals…';
    }

    /** Each shown deal's record URL, asked for once, so the link works as a link too (new tab, copy). */
    override renderedCallback() {
        const generateUrl = (this as unknown as Record<symbol, GenerateUrl>)[NavigationMixin.GenerateUrl];
        for (const deal of this.shownDeals) {
            if (!this.requestedUrls.has(deal.id)) {
                this.requestedUrls.add(deal.id);
                generateUrl.call(this, dealPage(deal.id)).then((url) => {
                    this.dealUrls = { ...this.dealUrls, [deal.id]: url };
                });
            }
        }
    }

    handleOpenDeal(event: Event) {
        event.preventDefault();
        const id = (event.currentTarget as HTMLElement).dataset.id;
        if (id) {
            const navigate = (this as unknown as Record<symbol, Navigate>)[NavigationMixin.Navigate];
            navigate.call(this, dealPage(id));
        }
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
        lines.push(...dealAgendaLines(this.deals, AGENDA_DEALS));
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
