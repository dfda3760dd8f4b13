import { DEFAULT_TIME_ZONE, offsetClock, systemClock, type Clock } from '../shared/time';
import type { CoreApi } from './api/core-api';
import { createCoreApi } from './api/core-api';
import type { CoreDeps } from './api/deps';
import { CoreEvents } from './api/emitter';
import { persistentSession } from './auth/session';
import { openDatabase, type Db } from './db/connection';
import { pendingCount } from './db/outbox';
import { configResolver, slaClocksOf, slaDeriver } from './sla/columns';
import { createSlaScheduler, type SlaScheduler } from './sla/scheduler';
import { createSearchIndexer } from './store/search-indexer';
import { localOnlySync, type SyncPort } from './sync/port';

export interface CoreOptions {
  dbPath: string;
  /** The machine's clock; the core corrects it by the server offset the sync client measures. */
  clock?: Clock;
  timeZone?: string;
  nativeBinding?: string;
  /** Builds the sync client once the database is open; local-only when absent. */
  sync?: (db: Db, events: CoreEvents) => SyncPort;
  onInternalError?: (method: string, error: unknown) => void;
}

export interface Core {
  api: CoreApi;
  events: CoreEvents;
  deps: CoreDeps;
  db: Db;
  /** The SLA timer service: warnings and breaches (Electron's powerMonitor 'resume' calls sla.reevaluate). */
  sla: SlaScheduler;
  start(): void;
  stop(): Promise<void>;
}

/** Assembles the desktop core: the replica, the API over it, sync. The composition roots call this once. */
export const createCore = (options: CoreOptions): Core => {
  const db = openDatabase(options.dbPath, options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding });
  const events = new CoreEvents();
  const sync = options.sync?.(db, events) ?? localOnlySync(() => pendingCount(db));
  const configs = configResolver(db);
  const deps: CoreDeps = {
    db,
    clock: offsetClock(options.clock ?? systemClock, () => sync.clockOffsetMs()),
    timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
    deriveSla: slaDeriver(configs),
    slaClocks: slaClocksOf(configs),
    sync,
    events,
    session: persistentSession(db),
    ...(options.onInternalError === undefined ? {} : { onInternalError: options.onInternalError }),
  };
  const sla = createSlaScheduler({
    db,
    clock: deps.clock,
    events,
    configs,
    onError: (error, context) => options.onInternalError?.(context, error),
  });
  const searchIndexer = createSearchIndexer(db, events, { onError: (error) => options.onInternalError?.('search.index', error) });
  let stopped = false;
  return {
    api: createCoreApi(deps),
    events,
    deps,
    db,
    sla,
    start: () => {
      sync.start();
      sla.start();
      searchIndexer.start();
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      sla.stop();
      await sync.stop();
      searchIndexer.stop();
      db.close();
    },
  };
};
