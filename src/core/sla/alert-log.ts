import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { alertLogKey } from './alert-points';

// The few reads and writes the scheduler needs besides src/core/db/sla-columns.ts (recordAlert, ocsWithSlaDue,
// nextSlaInstant, writeSlaColumns). sla_alert's `clock` column holds the run key of alert-points.ts.

/** Alert log keys (`${runKey}:${threshold}`) already fired for an OC. */
export const recordedAlertKeys = (db: Db, ocId: string): Set<string> =>
  new Set(
    (stmt(db, 'SELECT clock, threshold FROM sla_alert WHERE oc_id = ?').all(ocId) as { clock: string; threshold: number }[]).map((r) =>
      alertLogKey(r.clock, r.threshold),
    ),
  );

/** The stored columns a queue sorts and a badge shows by; compared to tell the windows what moved. */
export interface StoredBadge {
  sort: number;
  clock: string | null;
  state: string | null;
  dueAt: number | null;
  breachedAt: number | null;
}

export const storedBadgeOf = (db: Db, ocId: string): StoredBadge | undefined =>
  stmt(db, 'SELECT sla_sort AS sort, sla_clock AS clock, sla_state AS state, sla_due_at AS dueAt, sla_breached_at AS breachedAt FROM ocorrencia WHERE id = ?').get(
    ocId,
  ) as StoredBadge | undefined;

/**
 * Moves only the scheduler's next look at an OC. Used when its SLA cannot be evaluated (e.g. its configuration
 * version has not been pulled yet): retrying later beats a timer that fires in a loop.
 */
export const postponeSlaCheck = (db: Db, ocId: string, at: number | null): void => {
  stmt(db, 'UPDATE ocorrencia SET sla_next_at = ? WHERE id = ?').run(at, ocId);
};
