import type { OcDetail } from '../../shared/api/views';
import type { Analyst, OcEvent } from '../../shared/domain';
import type { Clock } from '../../shared/time';
import type { Db } from '../db/connection';
import type { SlaDeriver } from '../store/local-store';
import type { SyncPort } from '../sync/port';
import type { CoreEvents } from './emitter';

/** Everything the API handlers use, injected by the composition root (main/index.ts or shell/index.ts). */
export interface CoreDeps {
  db: Db;
  /** Local clock corrected by the server offset. */
  clock: Clock;
  timeZone: string;
  deriveSla: SlaDeriver;
  /** The full clocks of one OC, for the detail view. */
  slaClocks: (events: OcEvent[], now: number) => OcDetail['sla'];
  sync: SyncPort;
  events: CoreEvents;
  session: SessionHolder;
  /** Where unexpected failures are logged (the API still answers with an error value). */
  onInternalError?: (method: string, error: unknown) => void;
}

export interface SessionHolder {
  current(): Analyst | null;
  set(analyst: Analyst | null, source: 'server' | 'local'): void;
  source(): 'server' | 'local';
}
