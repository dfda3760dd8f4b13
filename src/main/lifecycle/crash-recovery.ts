import type { Clock } from '../../shared/time';

// Nothing acknowledged is lost on a crash: every change is committed to the WAL replica with synchronous=FULL
// before the UI hears "ok" (SPEC §6). What remains is to come back: a crashed window reloads, a crashed main
// process relaunches — a bounded number of times, so a crash at start-up cannot loop forever.

export const MAX_RENDERER_RESTARTS = 3;
export const RENDERER_RESTART_WINDOW_MS = 60_000;

/** Allows a window's renderer to be reloaded at most `max` times within `windowMs`. */
export const rendererRestartBudget = (clock: Clock, max = MAX_RENDERER_RESTARTS, windowMs = RENDERER_RESTART_WINDOW_MS) => {
  const restarts: number[] = [];
  return (): boolean => {
    const now = clock.now();
    while (restarts.length > 0 && now - (restarts[0] ?? now) >= windowMs) restarts.shift();
    if (restarts.length >= max) return false;
    restarts.push(now);
    return true;
  };
};

/** Renderer exits that are not crashes (a window closed normally) need no reload. */
export const isRendererCrash = (reason: string): boolean => reason !== 'clean-exit';

export const MAX_MAIN_RELAUNCHES = 3;
/** A process that ran this long before crashing was healthy: its crash starts a new count. */
export const STABLE_UPTIME_MS = 5 * 60_000;

export type RelaunchPlan = { relaunch: true; crashCount: number } | { relaunch: false; reason: string };

export const relaunchPlan = (previousCrashes: number, uptimeMs: number): RelaunchPlan => {
  const crashCount = uptimeMs >= STABLE_UPTIME_MS ? 1 : previousCrashes + 1;
  if (crashCount > MAX_MAIN_RELAUNCHES) return { relaunch: false, reason: `${crashCount - 1} crashes in a row shortly after start` };
  return { relaunch: true, crashCount };
};
