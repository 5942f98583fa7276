// Every signal the engine computes. Adding a signal is adding a module and a line here.
import { decisionStageLosses } from './decision-process/decisionStageLosses';
import { decisionMakerNotMet } from './decision-process/decisionMakerNotMet';
import { noDecisionMaker } from './decision-process/noDecisionMaker';
import { slowDecisionStages } from './decision-process/slowDecisionStages';
import { activityWithoutProgress } from './priority-management/activityWithoutProgress';
import { closeDateSlips } from './priority-management/closeDateSlips';
import { largeDealsNeglected } from './priority-management/largeDealsNeglected';
import { overdueTasks } from './priority-management/overdueTasks';
import { stalePipeline } from './priority-management/stalePipeline';
import { darkAfterMeeting } from './emotional-intelligence/darkAfterMeeting';
import { earlyLossAfterMeeting } from './emotional-intelligence/earlyLossAfterMeeting';
import { meetingWithoutAdvance } from './emotional-intelligence/meetingWithoutAdvance';
import type { SignalDefinition } from './signal';

export const signals: readonly SignalDefinition[] = [
    decisionStageLosses,
    noDecisionMaker,
    decisionMakerNotMet,
    slowDecisionStages,
    closeDateSlips,
    stalePipeline,
    overdueTasks,
    activityWithoutProgress,
    largeDealsNeglected,
    earlyLossAfterMeeting,
    meetingWithoutAdvance,
    darkAfterMeeting,
];
