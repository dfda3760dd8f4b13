import type { SlaConfig } from '../../shared/domain';
import type { Clock } from '../../shared/time';
import type { CoreEvents } from '../api/emitter';
import type { Db } from '../db/connection';
import { nextSlaInstant } from '../db/sla-columns';
import { createClockWatchdog, type ClockDisturbance } from './clock-watchdog';
import { DEFAULT_PASS_POLICY, runSlaPass, type SlaPassPolicy, type SlaPassResult } from './sla-pass';
import { MAX_TIMER_DELAY_MS, systemTimers, type SchedulerTimers } from './timers';

// The SLA scheduler (ARCHITECTURE.md, after Signal Desktop's timer service): ONE timeout, armed at the soonest
// sla_next_at in the replica, clamped to 2^31−1 ms. sla_next_at is the engine's nextChangeAt — the next warning
// crossing, breach, deferred alert (an alert outside open hours waits for the next open instant, SPEC §3 rule 8,
// and evaluateSla already reports that instant) or future event — or, when a change revealed an alert already
// due and not yet fired, that alert's instant (columns.ts). When the timeout fires, every OC whose instant came
// is re-evaluated and its due alerts emitted once (sla-pass.ts); then the timeout is armed again.
//
// The same timeout serves three more wake-ups: the catch-up at start (alerts that came due while the app was
// closed), 'data.changed' (a mutation or a pull may have moved the soonest instant; a burst re-arms once), and
// a clock jump or sleep noticed by the watchdog or reported by Electron's powerMonitor (reevaluate).

export type SlaWakeReason = 'start' | 'timer' | 'data-changed' | 'resume' | 'manual' | ClockDisturbance;

export interface SlaSchedulerPolicy extends SlaPassPolicy {
  /** A burst of 'data.changed' re-arms once, this long after its first event. */
  debounceMs: number;
  /** How often the watchdog compares clock time with monotonic time. */
  watchdogIntervalMs: number;
  /** A drift larger than this between the two is a clock jump. */
  jumpToleranceMs: number;
}

export const DEFAULT_SCHEDULER_POLICY: SlaSchedulerPolicy = {
  ...DEFAULT_PASS_POLICY,
  debounceMs: 100,
  watchdogIntervalMs: 30_000,
  jumpToleranceMs: 2_000,
};

export interface SlaPassReport extends SlaPassResult {
  reason: SlaWakeReason;
  now: number;
}

export interface SlaSchedulerDeps {
  db: Db;
  /** The local clock corrected by the server offset (the same one the store uses). */
  clock: Clock;
  events: CoreEvents;
  configs: (version: number) => SlaConfig;
  timers?: SchedulerTimers;
  /** Monotonic milliseconds; performance.now() by default. */
  monotonic?: () => number;
  policy?: Partial<SlaSchedulerPolicy>;
  /** Every pass, for logs and tests. */
  onPass?: (report: SlaPassReport) => void;
  /** Unexpected failures (an OC that cannot be evaluated, a failed pass); the scheduler keeps going. */
  onError?: (error: unknown, context: string) => void;
}

export interface SlaScheduler {
  /** Subscribes to data.changed, starts the watchdog and catches up at once (on the next tick). */
  start(): void;
  stop(): void;
  /** Re-evaluates now and re-arms: after a system resume, a clock change, or when asked. */
  reevaluate(reason: SlaWakeReason): void;
  /** The instant the single timeout is armed for (null when idle or stopped). */
  armedAt(): number | null;
}

export const createSlaScheduler = (deps: SlaSchedulerDeps): SlaScheduler => {
  const { db, clock, events } = deps;
  const timers = deps.timers ?? systemTimers;
  const policy: SlaSchedulerPolicy = { ...DEFAULT_SCHEDULER_POLICY, ...deps.policy };
  const report = deps.onError ?? (() => undefined);
  let running = false;
  let handle: unknown = null;
  let wakeAt: number | null = null;
  let wakeReason: SlaWakeReason = 'timer';
  let inPass = false;
  let unsubscribe: (() => void) | null = null;

  const disarm = (): void => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
    wakeAt = null;
  };

  const armAt = (at: number, reason: SlaWakeReason): void => {
    disarm();
    const now = clock.now();
    // A far instant is reached in steps: the timeout fires at the clamp, finds nothing due and re-arms.
    const delay = Math.min(Math.max(0, at - now), MAX_TIMER_DELAY_MS);
    wakeAt = now + delay;
    wakeReason = reason;
    handle = timers.setTimeout(() => {
      handle = null;
      wakeAt = null;
      reevaluate(wakeReason);
    }, delay);
  };

  const rearm = (passNow: number): void => {
    const next = nextSlaInstant(db);
    if (next === null) {
      disarm();
      return;
    }
    // A pass moves every OC it looked at past its now (or postpones a failed one by retryAfterMs), so an instant
    // still due was written meanwhile (a listener of the alerts mutated): look again shortly, never spin.
    armAt(next <= passNow ? clock.now() + policy.debounceMs : next, 'timer');
  };

  const pass = (reason: SlaWakeReason, now: number): void => {
    const result = runSlaPass(db, deps.configs, now, policy);
    for (const failure of result.failures) report(failure.error, `sla.evaluate ${failure.ocId}`);
    for (const alert of result.alerts) events.emit('sla.alert', alert);
    if (result.changedOcIds.length > 0) events.emit('data.changed', { tables: ['ocorrencia'], ocIds: result.changedOcIds });
    deps.onPass?.({ ...result, reason, now });
  };

  const reevaluate = (reason: SlaWakeReason): void => {
    // A listener of the alerts asking again from inside a pass is served by that pass and its re-arm.
    if (!running || inPass) return;
    // The replica was closed under a running scheduler (a crash path closes it directly): nothing left to do.
    if (!db.open) {
      stop();
      return;
    }
    const now = clock.now();
    inPass = true;
    try {
      pass(reason, now);
      rearm(now);
    } catch (error) {
      // The database may be busy or closing; try again later rather than lose the timer.
      report(error, `sla.pass ${reason}`);
      armAt(now + policy.retryAfterMs, 'timer');
    } finally {
      inPass = false;
    }
  };

  const onDataChanged = (): void => {
    // Our own data.changed (badges moved by a pass), or a change a listener made during the pass, is covered by
    // the re-arm that ends the pass.
    if (!running || inPass) return;
    const soon = clock.now() + policy.debounceMs;
    if (wakeAt !== null && wakeAt <= soon) return;
    armAt(soon, 'data-changed');
  };

  const watchdog = createClockWatchdog({
    clock,
    timers,
    monotonic: deps.monotonic ?? (() => performance.now()),
    intervalMs: policy.watchdogIntervalMs,
    toleranceMs: policy.jumpToleranceMs,
    onDisturbance: (kind) => reevaluate(kind),
  });

  function stop(): void {
    if (!running) return;
    running = false;
    disarm();
    watchdog.stop();
    unsubscribe?.();
    unsubscribe = null;
  }

  return {
    start() {
      if (running) return;
      running = true;
      unsubscribe = events.on('data.changed', onDataChanged);
      watchdog.start();
      armAt(clock.now(), 'start');
    },
    stop,
    reevaluate,
    armedAt: () => wakeAt,
  };
};
