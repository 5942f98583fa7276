import { LightningElement, api } from 'lwc';
import ID_FIELD from '@salesforce/schema/Goal_Plan__c.Id';
import OUTCOME_TARGET_FIELD from '@salesforce/schema/Goal_Plan__c.Outcome_Target__c';
import FIRST_STONE_FIELD from '@salesforce/schema/Goal_Plan__c.First_Stone_Target__c';
import {
    amountOrNull,
    apiName,
    computeSteppingStones,
    DEFAULT_SELLING_WEEKS,
    formatCurrency,
    formatDate,
    inputValue,
    savePlanFields,
    todayIso,
    weeklyTargetOf,
} from 'c/goalPlanData';
import type { GoalPlan, SteppingStones as Stones, WonDeal } from 'c/goalPlanData';
import { ownWeek } from './ownWeek';
import type { OwnWeek } from './ownWeek';
import { startSmaller } from './startSmaller';
import type { SmallerStones, StoneKey } from './startSmaller';
import { CHART_HEIGHT, CHART_WIDTH, weeksChart } from './weeksChart';
import type { ChartLine, ChartLineInput } from './weeksChart';

const LINE_NAMES: Record<ChartLine['key'], string> = { target: 'Weekly target', own: 'Own week', stone: 'Stone' };
const BAR_STATUS = { hit: 'hit', stone: 'stone reached', missed: 'missed', current: 'in progress' } as const;

/**
 * Outcome goal and stepping stones: the period target as a weekly target, the rep's own week (what
 * the why costs, through the commission rate, by the trigger event), the weeks hit, the current and
 * best streaks, the "start smaller" stones, and the last 12 weeks against the targets.
 */
export default class SteppingStones extends LightningElement {
    @api plan?: GoalPlan;
    @api wins: WonDeal[] = [];
    @api today?: string;
    /** The viewer may not edit the plan (object info): the stones show, no inputs. */
    @api readOnly = false;

    isEditing = false;
    stoneDraft?: string;
    stoneError: string | null = null;
    targetDraft = '';
    isSaving = false;

    get weeklyTarget(): number | null {
        return this.plan ? weeklyTargetOf(this.plan) : null;
    }

    get hasTarget(): boolean {
        return this.weeklyTarget !== null;
    }

    get canEditTarget(): boolean {
        return !this.readOnly && this.plan?.outcomeTarget !== undefined;
    }

    get showTargetForm(): boolean {
        return this.canEditTarget && (this.isEditing || !this.hasTarget);
    }

    get stones(): Stones | null {
        const target = this.weeklyTarget;
        const start = this.plan?.periodStart;
        if (target === null || !start) {
            return null;
        }
        return computeSteppingStones(start, this.todayIso, target, this.wins ?? []);
    }

    get targetSummary(): string {
        const plan = this.plan;
        const weekly = this.weeklyTarget;
        if (!plan || weekly === null) {
            return '';
        }
        const weeks = plan.sellingWeeks ?? DEFAULT_SELLING_WEEKS;
        const outcome = typeof plan.outcomeTarget === 'number' ? `${formatCurrency(plan.outcomeTarget)} over ${weeks} selling weeks` : '';
        return outcome ? `${outcome}: a ${formatCurrency(weekly)} week.` : `Weekly target: ${formatCurrency(weekly)}.`;
    }

    get weeksHitText(): string {
        const stones = this.stones;
        return stones ? `${stones.weeksHit} of ${stones.weeksElapsed}` : '';
    }

    get currentStreakText(): string {
        return this.weeksText(this.stones?.currentStreak ?? 0);
    }

    get bestStreakText(): string {
        return this.weeksText(this.stones?.bestStreak ?? 0);
    }

    weeksText(count: number): string {
        return count === 1 ? '1 week' : `${count} weeks`;
    }

    get todayIso(): string {
        return this.today ?? todayIso();
    }

    get wonSoFar(): number {
        const start = this.plan?.periodStart ?? '';
        return (this.wins ?? []).filter((win) => win.closeDate >= start && win.closeDate <= this.todayIso).reduce((sum, win) => sum + win.amount, 0);
    }

    // ------------------------------------------------------------ the rep's own week

    get own(): OwnWeek {
        const plan = this.plan;
        if (!plan?.periodStart || !plan.periodEnd) {
            return { kind: 'none' };
        }
        return ownWeek({
            periodStart: plan.periodStart,
            periodEnd: plan.periodEnd,
            sellingWeeks: plan.sellingWeeks ?? DEFAULT_SELLING_WEEKS,
            whyCost: plan.whyCost,
            earningsTarget: plan.earningsTarget,
            commissionRate: plan.commissionRate,
            triggerEventDate: plan.triggerEventDate,
            today: this.todayIso,
            wonSoFar: this.wonSoFar,
        });
    }

    get hasOwnWeek(): boolean {
        return this.own.kind !== 'none';
    }

    get paysFor(): string {
        const why = this.plan?.whyGoal?.trim();
        return this.plan?.whyPaysFor?.trim() || (why ? `the why, “${why}”` : 'the why');
    }

    /** "$20,000 a week pays for the family cruise by Jun 30, 2026." */
    get ownSentence(): string {
        const own = this.own;
        if (own.kind === 'week') {
            return `${formatCurrency(own.weekly)} a week pays for ${this.paysFor} by ${formatDate(own.byDate)}.`;
        }
        if (own.kind === 'paid for') {
            return `The ${formatCurrency(this.wonSoFar)} won so far already pays for ${this.paysFor}.`;
        }
        if (own.kind === 'needs rate') {
            return `${formatCurrency(own.earnings)} pays for ${this.paysFor}. Add the commission rate in the conversation's cost step to turn it into a week.`;
        }
        return '';
    }

    get ownDetail(): string {
        const own = this.own;
        if (own.kind !== 'week') {
            return '';
        }
        const what = own.source === 'earnings target' ? 'of earnings' : 'for the why';
        const to = own.byTriggerEvent ? `the trigger event (${this.plan?.triggerEventType ?? 'its date'})` : 'the period end';
        const rate = this.plan?.commissionRate ?? 0;
        const quota = this.weeklyTarget === null ? '' : ` The quota's week is ${formatCurrency(this.weeklyTarget)}.`;
        return `${formatCurrency(own.earnings)} ${what} at ${rate}% commission is ${formatCurrency(own.sales)} of sales; ${formatCurrency(
            this.wonSoFar
        )} won so far leaves ${formatCurrency(own.remaining)} over ${own.weeksLeft} selling week${own.weeksLeft === 1 ? '' : 's'} to ${to}.${quota}`;
    }

    get ownWeekly(): number | null {
        const own = this.own;
        return own.kind === 'week' ? own.weekly : null;
    }

    // ------------------------------------------------------------ start smaller

    get firstStone(): number | null {
        const amount = this.plan?.firstStoneTarget;
        return typeof amount === 'number' && amount > 0 ? amount : null;
    }

    get canReadStone(): boolean {
        return this.plan?.firstStoneTarget !== undefined;
    }

    get canEditStone(): boolean {
        return !this.readOnly && this.canReadStone;
    }

    get smaller(): SmallerStones | null {
        const amount = this.firstStone;
        const start = this.plan?.periodStart;
        if (amount === null || !start) {
            return null;
        }
        return startSmaller(computeSteppingStones(start, this.todayIso, amount, this.wins ?? []));
    }

    stoneLabel(key: StoneKey, smaller: SmallerStones): string {
        const amount = formatCurrency(this.firstStone);
        if (key === 'first') return `A first ${amount} week`;
        if (key === 'backToBack') return `Two ${amount} weeks back to back`;
        const best = Math.max(smaller.bestString, 2);
        return `The best string: more than ${best} ${amount} weeks in a row (now ${this.weeksText(smaller.currentString)})`;
    }

    get smallerStones() {
        const smaller = this.smaller;
        if (!smaller) {
            return [];
        }
        return smaller.stones.map((stone) => ({
            key: stone.key,
            label: this.stoneLabel(stone.key, smaller),
            state: stone.reached ? 'Reached' : stone.current ? 'Current stone' : 'Next',
            itemClass: `smaller-stone slds-p-vertical_xx-small${stone.current ? ' smaller-stone_current slds-text-title_bold' : ''}`,
            ariaCurrent: stone.current ? 'step' : null,
        }));
    }

    get currentStoneText(): string {
        const smaller = this.smaller;
        return smaller ? `Current stone: ${this.stoneLabel(smaller.current, smaller)}.` : '';
    }

    get stoneValue(): string {
        return this.stoneDraft ?? (this.firstStone === null ? '' : String(this.firstStone));
    }

    get saveStoneDisabled(): boolean {
        return this.isSaving || this.stoneDraft === undefined || amountOrNull(this.stoneDraft) === undefined;
    }

    handleStoneChange(event: Event) {
        this.stoneDraft = inputValue(event);
    }

    async handleSaveStone() {
        const plan = this.plan;
        if (!plan || this.stoneDraft === undefined || this.saveStoneDisabled) {
            return;
        }
        this.isSaving = true;
        this.stoneError = await savePlanFields(
            this,
            { [apiName(ID_FIELD)]: plan.id, [apiName(FIRST_STONE_FIELD)]: amountOrNull(this.stoneDraft) },
            'First stepping stone saved',
            'The first stepping stone could not be saved'
        );
        if (!this.stoneError) {
            this.stoneDraft = undefined;
        }
        this.isSaving = false;
    }

    // ------------------------------------------------------------ the chart

    get chart() {
        const stones = this.stones;
        const lines: ChartLineInput[] = [
            { key: 'own', amount: this.ownWeekly },
            { key: 'stone', amount: this.firstStone },
        ];
        return stones ? weeksChart(stones.weeks, stones.weeklyTarget, lines) : null;
    }

    get bars() {
        const chart = this.chart;
        const weeks = this.stones?.weeks ?? [];
        if (!chart) {
            return [];
        }
        return chart.bars.map((bar) => {
            const week = weeks.find((candidate) => `week-${candidate.index}` === bar.key)!;
            return {
                ...bar,
                barClass: `bar bar_${bar.kind}`,
                labelStyle: `left: ${bar.leftPercent}%; width: ${bar.widthPercent}%`,
                description: `${bar.weekLabel}, week of ${formatDate(week.start)}: ${formatCurrency(week.won)} won, ${BAR_STATUS[bar.kind]}`,
            };
        });
    }

    get labelledBars() {
        return this.bars.filter((bar) => bar.labelShown);
    }

    get chartLines() {
        return (this.chart?.lines ?? []).map((line) => ({
            ...line,
            lineClass: `line line_${line.key}`,
            labelClass: `line-label line-label_${line.key} slds-text-body_small`,
            labelStyle: `top: ${line.topPercent}%`,
            label: `${LINE_NAMES[line.key]} ${formatCurrency(line.amount)}${line.aboveChart ? ' (above the chart)' : ''}`,
        }));
    }

    get chartTitle(): string {
        const lines = this.chartLines.map((line) => line.label.toLowerCase()).join(', ');
        return `Closed Won by week for the last ${this.bars.length} weeks, against the ${lines}`;
    }

    get viewBox(): string {
        return `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`;
    }

    get chartWidth(): number {
        return CHART_WIDTH;
    }

    handleEditTarget() {
        this.targetDraft = typeof this.plan?.outcomeTarget === 'number' ? String(this.plan.outcomeTarget) : '';
        this.isEditing = true;
    }

    handleCancelTarget() {
        this.isEditing = false;
    }

    handleTargetChange(event: Event) {
        this.targetDraft = inputValue(event);
    }

    get saveTargetDisabled(): boolean {
        const value = Number(this.targetDraft);
        return this.isSaving || this.targetDraft === '' || !Number.isFinite(value) || value <= 0;
    }

    async handleSaveTarget() {
        if (!this.plan || this.saveTargetDisabled) {
            return;
        }
        this.isSaving = true;
        const problem = await savePlanFields(
            this,
            { [apiName(ID_FIELD)]: this.plan.id, [apiName(OUTCOME_TARGET_FIELD)]: Number(this.targetDraft) },
            'Outcome target saved',
            'The outcome target could not be saved'
        );
        if (!problem) {
            this.isEditing = false;
        }
        this.isSaving = false;
    }
}
