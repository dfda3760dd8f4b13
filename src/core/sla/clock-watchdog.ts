import type { Clock } from '../../shared/time';
import type { SchedulerTimers } from './timers';

// A timer is armed for a delay, but SLA instants are wall-clock instants. When the wall clock jumps (the user or
// NTP sets it, the measured server offset changes — SPEC §3 rule 10) or the machine sleeps (on Linux and macOS
// the monotonic clock, and with it every pending timer, stands still during sleep) the armed delay no longer
// points at the right instant. A low-frequency check comparing elapsed monotonic time with elapsed clock time
// notices both and asks for a re-evaluation. Electron's powerMonitor 'resume' is a faster, extra signal.

export type ClockDisturbance = 'clock-jump' | 'sleep';

export interface ClockWatchdogOptions {
  clock: Clock;
  timers: SchedulerTimers;
  /** Monotonic milliseconds (performance.now()). */
  monotonic: () => number;
  intervalMs: number;
  /** Drift between clock and monotonic time beyond this is a jump. */
  toleranceMs: number;
  onDisturbance: (kind: ClockDisturbance, driftMs: number) => void;
}

export interface ClockWatchdog {
  start(): void;
  stop(): void;
}

export const createClockWatchdog = (options: ClockWatchdogOptions): ClockWatchdog => {
  const { clock, timers, monotonic, intervalMs, toleranceMs } = options;
  let handle: unknown = null;
  let lastMono = 0;
  let lastWall = 0;

  const check = (): void => {
    const mono = monotonic();
    const wall = clock.now();
    const monoElapsed = mono - lastMono;
    const drift = wall - lastWall - monoElapsed;
    lastMono = mono;
    lastWall = wall;
    if (Math.abs(drift) > toleranceMs) options.onDisturbance('clock-jump', drift);
    // Where the monotonic clock keeps counting during sleep (Windows), a tick that comes far too late is the sign.
    else if (monoElapsed > intervalMs * 3) options.onDisturbance('sleep', monoElapsed - intervalMs);
  };

  return {
    start() {
      if (handle !== null) return;
      lastMono = monotonic();
      lastWall = clock.now();
      handle = timers.setInterval(check, intervalMs);
    },
    stop() {
      if (handle === null) return;
      timers.clearInterval(handle);
      handle = null;
    },
  };
};
