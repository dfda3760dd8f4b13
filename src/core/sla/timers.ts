/** The timer functions the SLA scheduler uses; injected so tests drive time themselves. */
export interface SchedulerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** Node.js (and browser) timers, looked up at call time so fake timers installed later are honoured. */
export const systemTimers: SchedulerTimers = {
  setTimeout: (callback, ms) => unref(setTimeout(callback, ms)),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  setInterval: (callback, ms) => unref(setInterval(callback, ms)),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

/** SLA timers never keep a process alive on their own: the app's windows or server do. */
const unref = <H>(handle: H): H => {
  (handle as { unref?: () => void }).unref?.();
  return handle;
};

/** setTimeout's largest delay: a longer one overflows and fires at once (Node.js, browsers, Electron). */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;
