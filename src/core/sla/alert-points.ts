import type { SlaAlertPoint, SlaClockState, SlaEvaluation } from '../../shared/sla/clocks';

// Which warnings and breaches of an evaluation are due to be shown, and under which identity they are logged in
// sla_alert so each fires exactly once (SPEC §3 rule 8), also across restarts.

/**
 * The identity of one clock run in the alert log. First response and resolution have one run per OC (a reopen
 * resumes the same clock, rule 4, and the engine alerts each threshold once per clock). The N2 pick-up OLA starts
 * a new run at every escalation (rule 9), so its start instant is part of the key: the second escalation's breach
 * must not be mistaken for the first one's.
 */
export const runKeyOf = (clock: Pick<SlaClockState, 'clock' | 'startedAt'>): string =>
  clock.clock === 'ola_n2' ? `ola_n2@${clock.startedAt}` : clock.clock;

export const alertLogKey = (runKey: string, threshold: number): string => `${runKey}:${threshold}`;

export interface DueAlert {
  clock: SlaClockState;
  point: SlaAlertPoint & { alertAt: number };
  runKey: string;
}

/**
 * Alert points whose alertAt has come (alertAt ≤ now). Points with alertAt null are never shown on their own:
 * the engine folds a reclassification that jumps several thresholds into its highest one (rule 6).
 */
export const dueAlerts = (evaluation: SlaEvaluation, now: number): DueAlert[] => {
  const due: DueAlert[] = [];
  for (const clock of evaluation.clocks) {
    for (const point of clock.alerts) {
      if (point.alertAt !== null && point.alertAt <= now) {
        due.push({ clock, point: point as DueAlert['point'], runKey: runKeyOf(clock) });
      }
    }
  }
  return due;
};
