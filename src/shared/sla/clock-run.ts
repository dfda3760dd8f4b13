import type { SlaClockName } from '../api/views';
import type { CompiledCalendar } from './calendar';
import { alertFrom, dueInstant, firstOpenFrom, openMsBetween, SLA_HORIZON } from './business-time';
import type { ResolvedTarget } from './config-index';
import type { SlaAlertPoint, SlaClockState, SlaUnreachable } from './clock-types';

// One SLA clock (first response, resolution or OLA) walked through an OC's timeline. Elapsed business time is
// settled lazily: between two changes W is additive, so it is computed once per change, on the calendar in force.

export type RunMode = 'running' | 'paused' | 'stopped';

interface PendingTarget {
  target: ResolvedTarget;
  thresholds: readonly number[];
}

export class ClockRun {
  targetMs: number;
  calendar: CompiledCalendar;
  calendarId: string;
  thresholds: readonly number[];
  elapsed = 0;
  /** Instant up to which `elapsed` is settled. */
  at: number;
  mode: RunMode = 'running';
  cancelled = false;
  stoppedAt: number | null = null;
  metAt: number | null = null;
  dueAtStop: number | null = null;
  /** Why the deadline in force at the stop does not exist (dueAtStop null). */
  unreachableAtStop: SlaUnreachable | null = null;
  breachedAt: number | null = null;
  reclassified = false;
  alerts: SlaAlertPoint[] = [];
  /** Thresholds (pct) already crossed: each is alerted at most once per clock, even if a target change re-crosses it. */
  crossed: number[] = [];
  /** A target that changed while stopped; applied if the clock is reopened. */
  pending: PendingTarget | null = null;

  constructor(
    readonly clock: SlaClockName,
    readonly startedAt: number,
    target: ResolvedTarget,
    thresholds: readonly number[],
  ) {
    this.targetMs = target.targetMs;
    this.calendar = target.calendar;
    this.calendarId = target.calendarId;
    this.thresholds = thresholds;
    this.at = startedAt;
  }

  get live(): boolean {
    return this.mode !== 'stopped';
  }

  /**
   * Counts business time up to t. A stop at the deadline itself is met (rule 5: "met if the stop is at or
   * before D"), so at an event instant the breach test is strict; evaluating `now` uses `inclusive` so a clock
   * still running at D reads as breached at D and the scheduler's wake-up at D sees it.
   */
  settle(t: number, inclusive: boolean): void {
    if (t <= this.at) return;
    if (this.mode === 'running') {
      const from = this.at;
      const reach = this.elapsed + openMsBetween(this.calendar, from, t);
      if (this.breachedAt === null) {
        for (const pct of this.thresholds) {
          const threshold = (this.targetMs * pct) / 100;
          if (threshold > reach) break;
          if (this.crossed.includes(pct)) continue;
          // Business time only grows inside open hours, so a crossing instant is always alertable at once. It
          // lies between `from` and t (W(from, t) reaches it), however far apart they are.
          const crossedAt = dueInstant(this.calendar, from, threshold - this.elapsed, t);
          // Like the breach: a stop at the very instant of a crossing comes first (no warning for a met clock).
          if (!inclusive && crossedAt >= t) break;
          this.crossed.push(pct);
          this.alerts.push({ threshold: pct, crossedAt, alertAt: crossedAt, reclassified: false });
        }
        if (reach >= this.targetMs) {
          const due = dueInstant(this.calendar, from, this.targetMs - this.elapsed, t);
          if (inclusive ? due <= t : due < t) this.markBreach(due, false);
        }
      }
      this.elapsed = reach;
    }
    this.at = t;
  }

  /** Moves between running and paused, or reopens a stopped clock (rule 4: a reopen resumes the same clock). */
  setMode(t: number, mode: 'running' | 'paused'): void {
    if (this.mode === mode || (this.mode === 'stopped' && this.cancelled)) return;
    const reopened = this.mode === 'stopped';
    this.mode = mode;
    this.at = t;
    if (!reopened) return;
    this.stoppedAt = null;
    this.metAt = null;
    this.dueAtStop = null;
    this.unreachableAtStop = null;
    if (this.pending !== null) {
      this.apply(this.pending);
      this.pending = null;
      this.reclassifyAt(t);
    }
  }

  /** Stops at t (already settled): met unless breached; `evaluate` false = cancelled, no outcome. */
  stop(t: number, evaluate: boolean): void {
    if (this.mode === 'stopped') return;
    this.mode = 'stopped';
    this.stoppedAt = t;
    if (!evaluate) {
      this.cancelled = true;
      return;
    }
    if (this.breachedAt === null) {
      this.metAt = t;
      const due = dueInstant(this.calendar, t, this.targetMs - this.elapsed);
      this.dueAtStop = Number.isFinite(due) ? due : null;
      this.unreachableAtStop = Number.isFinite(due) ? null : this.unreachableFrom(t);
    }
  }

  /** Why no deadline exists from t: the calendar never opens again before the horizon, or the target lies past it. */
  private unreachableFrom(t: number): SlaUnreachable {
    return t > SLA_HORIZON || Number.isFinite(firstOpenFrom(this.calendar, t)) ? 'beyond_horizon' : 'never_open';
  }

  /**
   * Rule 6: keep start and elapsed, apply the new target (and calendar: the rest is counted on it). If elapsed is
   * already at or past it, the breach time is the moment of the change, flagged reclassified.
   */
  retarget(t: number, target: ResolvedTarget, thresholds: readonly number[]): void {
    if (this.mode === 'stopped') {
      this.pending = { target, thresholds };
      return;
    }
    this.apply({ target, thresholds });
    this.reclassifyAt(t);
  }

  /** Current state at `now` (the run must be settled to now) and the next instant it changes by itself. */
  snapshot(now: number): { state: SlaClockState; nextChangeAt: number } {
    let next = Number.POSITIVE_INFINITY;
    let dueAt: number | null = null;
    let unreachable: SlaUnreachable | null = null;
    if (this.breachedAt !== null) dueAt = this.breachedAt;
    else if (this.mode === 'running') {
      const due = dueInstant(this.calendar, now, this.targetMs - this.elapsed);
      dueAt = Number.isFinite(due) ? due : null;
      if (dueAt === null) unreachable = this.unreachableFrom(now);
      next = due;
      for (const pct of this.thresholds) {
        const threshold = (this.targetMs * pct) / 100;
        if (threshold > this.elapsed && !this.crossed.includes(pct)) {
          next = Math.min(next, dueInstant(this.calendar, now, threshold - this.elapsed));
          break;
        }
      }
    } else if (this.mode === 'stopped' && !this.cancelled) {
      dueAt = this.dueAtStop;
      unreachable = this.unreachableAtStop;
    }
    for (const alert of this.alerts) {
      if (alert.alertAt !== null && alert.alertAt > now && alert.alertAt < next) next = alert.alertAt;
    }
    const state: SlaClockState = {
      clock: this.clock,
      state: this.breachedAt !== null ? 'breached' : this.mode === 'stopped' ? (this.cancelled ? 'stopped' : 'met') : this.mode,
      counting: this.mode === 'running',
      startedAt: this.startedAt,
      dueAt,
      targetMs: this.targetMs,
      elapsedMs: this.elapsed,
      remainingMs: this.targetMs - this.elapsed,
      percent: (this.elapsed / this.targetMs) * 100,
      breachedAt: this.breachedAt,
      reclassified: this.reclassified,
      metAt: this.metAt,
      stoppedAt: this.stoppedAt,
      calendarId: this.calendarId,
      ...(unreachable === null ? {} : { unreachable }),
      // A run lives for one evaluation only, so its alert list can be handed out as is.
      alerts: this.alerts,
    };
    return { state, nextChangeAt: next };
  }

  /**
   * Merge for an sla_recomputed at `at` (rule 7). `this` is the run re-evaluated from creation under the new
   * version, `old` the run as it stood under the previous one. A clock stopped before the recompute keeps its
   * outcome and measures (and would continue on the new target if reopened); a breach stays a breach; a breach
   * or warnings that only the new version reveals are dated at the recompute, reclassified, like rule 6.
   */
  mergeRecomputed(old: ClockRun, at: number): ClockRun {
    if (!old.live) {
      old.pending = this.pending ?? {
        target: { targetMs: this.targetMs, calendar: this.calendar, calendarId: this.calendarId },
        thresholds: this.thresholds,
      };
      return old;
    }
    const newlyCrossed = this.crossed.filter((pct) => !old.crossed.includes(pct)).sort((a, b) => a - b);
    const revealedBreach = this.breachedAt !== null;
    this.alerts = [...old.alerts];
    this.crossed = [...old.crossed];
    this.breachedAt = old.breachedAt;
    this.reclassified = old.reclassified;
    if (old.breachedAt !== null) {
      this.crossed.push(...newlyCrossed);
      return this;
    }
    this.recordReclassification(at, newlyCrossed, revealedBreach);
    return this;
  }

  private apply(pending: PendingTarget): void {
    this.targetMs = pending.target.targetMs;
    this.calendar = pending.target.calendar;
    this.calendarId = pending.target.calendarId;
    this.thresholds = pending.thresholds;
  }

  private reclassifyAt(t: number): void {
    if (this.breachedAt !== null) return;
    const newly = this.thresholds.filter((pct) => !this.crossed.includes(pct) && (this.targetMs * pct) / 100 <= this.elapsed);
    this.recordReclassification(t, newly, this.elapsed >= this.targetMs);
  }

  private recordReclassification(t: number, newly: readonly number[], breach: boolean): void {
    if (newly.length === 0 && !breach) return;
    const alertAt = alertFrom(this.calendar, t);
    newly.forEach((pct, i) => {
      this.crossed.push(pct);
      const alerted = !breach && i === newly.length - 1;
      this.alerts.push({ threshold: pct, crossedAt: t, alertAt: alerted ? alertAt : null, reclassified: true });
    });
    if (breach) this.markBreach(t, true, alertAt);
  }

  private markBreach(at: number, reclassified: boolean, alertAt = alertFrom(this.calendar, at)): void {
    this.breachedAt = at;
    this.reclassified = reclassified;
    this.alerts.push({ threshold: 100, crossedAt: at, alertAt, reclassified });
  }
}
