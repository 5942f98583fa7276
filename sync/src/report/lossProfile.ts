// Where a rep's lost deals died, against the rest of the team: the stages, the headline and the
// small-sample caveat of the HTML report's chart and of Goal_Plan__c.Loss_Profile__c, which the
// panel's loss chart (lwc/lossChart) draws as written. Worded once, here.
import { skillLabels, type AnalysisResult, type RepResult } from '../core/contract';
import { percent } from '../suggestions/phrasing';

export interface LossStage {
    stage: string;
    /** The rep's lost deals whose last open stage was this one. */
    rep: number;
    /** The rest of the team's (the rep left out, as in every "team" figure). */
    team: number;
    /** An open stage the analysis treats as a decision stage. */
    decision: boolean;
}

/** Below this many lost deals a share of the rep's losses is a hint, not a pattern: the chart says so. */
export const fewLosses = 10;

/** Per stage in sales-process order: the rep's losses, the rest of the team's, and decision stages marked. */
export function lossProfileStages(rep: RepResult, result: Pick<AnalysisResult, 'team' | 'decisionStages'>): LossStage[] {
    const stages = [...new Set([...Object.keys(result.team.lossesByStage), ...Object.keys(rep.lossesByStage)])];
    const decision = new Set(result.decisionStages);
    return stages.map((stage) => {
        const repLosses = rep.lossesByStage[stage] ?? 0;
        return { stage, rep: repLosses, team: Math.max(0, (result.team.lossesByStage[stage] ?? 0) - repLosses), decision: decision.has(stage) };
    });
}

const total = (stages: readonly LossStage[], who: 'rep' | 'team') => stages.reduce((sum, stage) => sum + stage[who], 0);
const shareOf = (count: number, all: number) => (all > 0 ? count / all : 0);

/**
 * The chart's headline, tied to the rep's top learning goal (`skill`, the Skill__c label): decision
 * stages for Decision Process, the stages before them for Emotional Intelligence (losses soon after
 * a meeting die there); otherwise the stage where the rep's share of losses is furthest above the team's.
 */
export function lossHeadline(stages: readonly LossStage[], skill: string | null | undefined): string {
    const repTotal = total(stages, 'rep');
    const teamTotal = total(stages, 'team');
    const sentence = (count: number, where: string, teamCount: number) =>
        `${count} of ${repTotal} losses came ${where}; team: ${percent(shareOf(teamCount, teamTotal))} of its losses.`;
    const decision = stages.filter((stage) => stage.decision);
    const firstDecision = stages.findIndex((stage) => stage.decision);
    if (repTotal > 0 && skill === skillLabels['decision-process'] && decision.length > 0) {
        return sentence(total(decision, 'rep'), `at the decision stages (${decision.map((stage) => stage.stage).join(', ')})`, total(decision, 'team'));
    }
    if (repTotal > 0 && skill === skillLabels['emotional-intelligence'] && firstDecision > 0) {
        const before = stages.slice(0, firstDecision);
        return sentence(total(before, 'rep'), 'before the decision stages', total(before, 'team'));
    }
    let worst: { stage: LossStage; gap: number } | undefined;
    for (const stage of stages) {
        const gap = shareOf(stage.rep, repTotal) - shareOf(stage.team, teamTotal);
        if (!worst || gap > worst.gap) worst = { stage, gap };
    }
    if (!worst || worst.gap <= 0) return 'Losses by stage are in line with the team.';
    return sentence(worst.stage.rep, `at ${worst.stage.stage}`, worst.stage.team);
}

/** The small-sample caveat, or '' when the rep has lost enough deals for shares to mean something. */
export function fewLossesCaveat(stages: readonly LossStage[]): string {
    const repTotal = total(stages, 'rep');
    return repTotal > 0 && repTotal < fewLosses ? `Few deals: ${repTotal} ${repTotal === 1 ? 'loss' : 'losses'} in all, so one more or less moves a share a lot.` : '';
}

/** Goal_Plan__c.Loss_Profile__c (docs/data-model.md): what the panel's loss chart shows, worded here. */
export interface LossProfile {
    asOf: string;
    headline: string;
    /** '' when the rep has lost enough deals. */
    caveat: string;
    /** For a rep without suggestions, why (suggestions/noPattern.ts repStanding); '' otherwise. */
    standing: string;
    stages: LossStage[];
}

/** The profile of one rep, its headline tied to the rep's surest suggestion. */
export function lossProfile(rep: RepResult, result: Pick<AnalysisResult, 'asOf' | 'team' | 'decisionStages'>, standing = ''): LossProfile {
    const stages = lossProfileStages(rep, result);
    const topSkill = rep.suggestions[0] ? skillLabels[rep.suggestions[0].skill] : null;
    return { asOf: result.asOf.slice(0, 10), headline: rep.lost > 0 ? lossHeadline(stages, topSkill) : '', caveat: fewLossesCaveat(stages), standing, stages };
}
