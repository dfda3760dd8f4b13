import { createStore, type StoreApi } from 'zustand/vanilla';

export interface ClockState {
  /** Server-corrected "now", advanced once a second: every countdown on screen reads this one value. */
  now: number;
}

export interface ClockService {
  store: StoreApi<ClockState>;
  start(): void;
  stop(): void;
  /** The core's measured offset to server time (SPEC §3 rule 10): countdowns agree with the server. */
  setOffset(ms: number): void;
  read(): number;
}

/**
 * The one shared tick of the UI. A single timer, aligned to the wall-clock second, updates one store value;
 * a 20 000-row table re-renders only the countdown cells that are on screen.
 */
export const createClock = (readSystemMs: () => number): ClockService => {
  let offset = 0;
  const read = (): number => readSystemMs() + offset;
  const store = createStore<ClockState>(() => ({ now: read() }));
  let timer: ReturnType<typeof setTimeout> | null = null;
  const schedule = (): void => {
    const ms = 1_000 - (readSystemMs() % 1_000);
    timer = setTimeout(() => {
      store.setState({ now: read() });
      schedule();
    }, ms + 5);
  };
  return {
    store,
    start: () => {
      if (timer === null) schedule();
    },
    stop: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
    setOffset: (ms) => {
      offset = ms;
      store.setState({ now: read() });
    },
    read,
  };
};
