import { LightningElement, api } from 'lwc';
import { updateRecord } from 'lightning/uiRecordApi';
import ID_FIELD from '@salesforce/schema/Goal_Plan__c.Id';
import OUTCOME_TARGET_FIELD from '@salesforce/schema/Goal_Plan__c.Outcome_Target__c';
import {
    apiName,
    computeSteppingStones,
    DEFAULT_SELLING_WEEKS,
    errorToast,
    formatCurrency,
    formatDate,
    inputValue,
    successToast,
    todayIso,
    weeklyTargetOf,
} from 'c/goalPlanData';
import type { GoalPlan, SteppingStones as Stones, WonDeal } from 'c/goalPlanData';

const CHART_WEEKS = 12;
const CHART_WIDTH = 240;
const CHART_HEIGHT = 80;
const BAR_GAP = 4;

/**
 * Outcome goal and stepping stones: the period target as a weekly target, the weeks hit, the
 * current and best streaks of back-to-back weeks hit, and the last 12 weeks against the target.
 */
export default class SteppingStones extends LightningElement {
    @api plan?: GoalPlan;
    @api wins: WonDeal[] = [];
    @api today?: string;

    isEditing = false;
    targetDraft = '';
    isSaving = false;

    get weeklyTarget(): number | null {
        return this.plan ? weeklyTargetOf(this.plan) : null;
    }

    get hasTarget(): boolean {
        return this.weeklyTarget !== null;
    }

    get canEditTarget(): boolean {
        return this.plan?.outcomeTarget !== undefined;
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
        return computeSteppingStones(start, this.today ?? todayIso(), target, this.wins ?? []);
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

    get chartWeeks() {
        const stones = this.stones;
        return stones ? stones.weeks.slice(-CHART_WEEKS) : [];
    }

    get chartScale(): number {
        const target = this.weeklyTarget ?? 0;
        const most = Math.max(target * 1.5, ...this.chartWeeks.map((week) => week.won));
        return most > 0 ? (CHART_HEIGHT - 4) / most : 0;
    }

    get bars() {
        const weeks = this.chartWeeks;
        const slot = CHART_WIDTH / CHART_WEEKS;
        const offset = CHART_WEEKS - weeks.length;
        const scale = this.chartScale;
        return weeks.map((week, position) => {
            const height = Math.max(week.won * scale, week.won > 0 ? 2 : 0);
            const status = week.hit ? 'hit' : week.current ? 'in progress' : 'missed';
            return {
                key: `week-${week.index}`,
                x: ((offset + position) * slot + BAR_GAP / 2).toFixed(1),
                y: (CHART_HEIGHT - height).toFixed(1),
                width: (slot - BAR_GAP).toFixed(1),
                height: height.toFixed(1),
                barClass: week.hit ? 'bar bar_hit' : 'bar bar_missed',
                description: `Week of ${formatDate(week.start)}: ${formatCurrency(week.won)} won, ${status}`,
            };
        });
    }

    get targetLineY(): string {
        return (CHART_HEIGHT - (this.weeklyTarget ?? 0) * this.chartScale).toFixed(1);
    }

    get chartTitle(): string {
        return `Closed Won by week for the last ${this.chartWeeks.length} weeks against the weekly target of ${formatCurrency(
            this.weeklyTarget
        )}`;
    }

    get viewBox(): string {
        return `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`;
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
        try {
            await updateRecord({
                fields: { [apiName(ID_FIELD)]: this.plan.id, [apiName(OUTCOME_TARGET_FIELD)]: Number(this.targetDraft) },
            });
            this.isEditing = false;
            this.dispatchEvent(successToast('Outcome target saved'));
            this.dispatchEvent(new CustomEvent('planchange'));
        } catch (error) {
            this.dispatchEvent(errorToast('The outcome target could not be saved', error));
        } finally {
            this.isSaving = false;
        }
    }
}
