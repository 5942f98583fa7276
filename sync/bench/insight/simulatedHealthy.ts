// Simulated healthy teams at more deals per rep than the statistics tests use: reps drawn from one
// beta natural spread (concentration 50, the tests' wide spread), 30 reps, the engine's rule with
// the CLI's defaults. The tests check 10–35 trials per rep and signal; a rep with 90 closed deals
// has more, and there the typical-group fit can settle on a narrow core of the team and read its
// natural upper tail as weak reps.
import { AnalyzeOptions } from '../../src/options';
import { assessTeam } from '../../src/statistics/assess';
import { simulateTeam } from '../../src/statistics/simulate';
import { zTestFlags } from './zTestPeer';

/** The simulated teams' size and natural spread (the statistics tests' wide one). */
export const simulatedTeam = { reps: 30, naturalConcentration: 50 };

export const simulatedTrialRanges: [number, number][] = [
    [10, 35],
    [30, 120],
    [60, 200],
];

/**
 * How many of `teams` simulated healthy teams get any suggestion, trials per rep and signal in
 * `trials`: from the engine and from the z-test peer.
 */
export function simulatedHealthyAlarms(trials: [number, number], teams: number): { engine: number; peer: number } {
    const options = AnalyzeOptions.parse({});
    const alarms = { engine: 0, peer: 0 };
    for (let seed = 1; seed <= teams; seed++) {
        const team = simulateTeam({ ...simulatedTeam, seed, trials, weakPerSkill: 0, effect: 0, affectedSignals: 0 });
        if (assessTeam(team.signals, () => true, options).accepted.length > 0) alarms.engine += 1;
        if (zTestFlags(team.signals, () => true, options.minSignalTrials).size > 0) alarms.peer += 1;
    }
    return alarms;
}
