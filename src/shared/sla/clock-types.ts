import type { SlaClockName, SlaStateName } from '../api/views';

/**
 * A warning (threshold 50/75/90 … from config.warnThresholdsPct) or the breach (threshold 100) of one clock.
 * `crossedAt` is when the threshold was reached; `alertAt` when the alert is due (SPEC §3 rule 8: outside open
 * hours it waits for the next open instant). `alertAt` is null for a crossing that is not alerted on its own:
 * when a reclassification jumps several thresholds at once only the highest is alerted (rule 6, "no duplicate
 * alert").
 */
export interface SlaAlertPoint {
  threshold: number;
  crossedAt: number;
  alertAt: number | null;
  /** Crossed by a change of target (criticidade, plan, recompute), not by time passing. */
  reclassified: boolean;
}

/**
 * Why a counting (or met) clock has no deadline: its calendar never opens again before the engine's horizon
 * (9999-12-31, the end of the accepted range), or the target is longer than the open time left until then.
 */
export type SlaUnreachable = 'never_open' | 'beyond_horizon';

/**
 * One clock at `now`.
 *
 * - `state`: 'breached' as soon as a breach happened, whatever came after (rule 5 — a breach stays a breach,
 *   even if the clock later stops or the OC is cancelled); else 'met' when stopped by its goal, 'stopped' when
 *   stopped without an outcome (OC cancelada), else 'running' or 'paused'.
 * - `counting`: true while business time accrues (a breached clock keeps counting until it stops).
 * - `dueAt`: the instant this clock breaches if nothing changes. Running: the deadline D. Paused: null — nothing
 *   breaches while paused; `remainingMs` says what is left. Met: the deadline that was in force at the stop.
 *   Running or met with no deadline at all (see `unreachable`): null.
 *   Breached: breachedAt. Stopped (cancelled): null.
 * - `elapsedMs`: business time counted (open hours of the calendar in force, minus pauses); `remainingMs` =
 *   target − elapsed (negative once past); `percent` = elapsed / target × 100 (not capped).
 */
export interface SlaClockState {
  clock: SlaClockName;
  state: SlaStateName;
  counting: boolean;
  startedAt: number;
  dueAt: number | null;
  targetMs: number;
  elapsedMs: number;
  remainingMs: number;
  percent: number;
  breachedAt: number | null;
  /** The breach time is the moment of a reclassification (rule 6), not a deadline passing. */
  reclassified: boolean;
  metAt: number | null;
  stoppedAt: number | null;
  calendarId: string;
  /** Present only when dueAt is null because no deadline exists (running, or the one in force at a met stop). */
  unreachable?: SlaUnreachable;
  alerts: SlaAlertPoint[];
}

export interface SlaEvaluation {
  /** first_response, resolution and — only once the OC was escalated — ola_n2 (its latest run). */
  clocks: SlaClockState[];
  /**
   * The next instant after `now` at which this result changes other than by time ticking: a warning crossing,
   * a breach, a deferred alert becoming due, or the next logged event that is still in the future. null when
   * nothing is pending. The scheduler re-evaluates at this instant (ARCHITECTURE.md: one timer).
   */
  nextChangeAt: number | null;
  /** The SlaConfig version in force at `now` (created version, or the last sla_recomputed toVersion). */
  configVersion: number | null;
  /** Breach instants of earlier OLA runs (an OC escalated, returned and escalated again). */
  pastOlaBreaches: number[];
}
