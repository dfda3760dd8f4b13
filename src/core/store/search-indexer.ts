import type { CoreEvents } from '../api/emitter';
import type { Db } from '../db/connection';
import { catchUpSearch } from '../db/search';
import { systemTimers, type SchedulerTimers } from '../sla/timers';

export interface SearchIndexer {
  /** Catches up once (on the next tick), then shortly after every burst of changes. */
  start(): void;
  /** Stops listening and indexes what is left, so the next start has nothing to do. */
  stop(): void;
}

export interface SearchIndexerOptions {
  /** A burst of data.changed is indexed once, this long after its first event. */
  delayMs?: number;
  timers?: SchedulerTimers;
  onError?: (error: unknown) => void;
}

/**
 * Indexes new interactions for search in the background, in batches (db/search.ts). A search catches up by
 * itself, so this only keeps that first search after a busy hour quick.
 */
export const createSearchIndexer = (db: Db, events: CoreEvents, options: SearchIndexerOptions = {}): SearchIndexer => {
  const timers = options.timers ?? systemTimers;
  const delayMs = options.delayMs ?? 500;
  let handle: unknown = null;
  let unsubscribe: (() => void) | null = null;
  const run = (): void => {
    handle = null;
    try {
      catchUpSearch(db);
    } catch (error) {
      options.onError?.(error);
    }
  };
  const schedule = (wait: number): void => {
    if (handle === null) handle = timers.setTimeout(run, wait);
  };
  return {
    start: () => {
      if (unsubscribe !== null) return;
      unsubscribe = events.on('data.changed', () => schedule(delayMs));
      schedule(0);
    },
    stop: () => {
      unsubscribe?.();
      unsubscribe = null;
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
      run();
    },
  };
};
