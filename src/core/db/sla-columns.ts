import type { SlaBadge } from '../../shared/api/views';
import type { Db } from './connection';
import { stmt } from './statements';

/** Sort key of an OC with no running clock: after every real deadline. */
export const NO_DEADLINE = Number.MAX_SAFE_INTEGER;

export interface SlaColumns {
  badge: SlaBadge | null;
  /** Soonest running deadline, or NO_DEADLINE. */
  sort: number;
  /** Next instant at which the SLA state of this OC changes (threshold, breach, calendar edge); null if none. */
  nextAt: number | null;
  /** The N2 pick-up OLA's deadline while it runs (an escalated OC no N2 has taken), whatever the badge shows. */
  olaDueAt: number | null;
}

/** Rewrites the SLA columns of an OC; returns false (and writes nothing) when they are already up to date. */
export const writeSlaColumns = (db: Db, ocId: string, sla: SlaColumns): boolean => {
  const b = sla.badge;
  const next = [sla.sort, sla.nextAt, b?.clock ?? null, b?.state ?? null, b?.dueAt ?? null, b?.percent ?? null, b?.breachedAt ?? null, sla.olaDueAt];
  const current = stmt(db, `SELECT sla_sort, sla_next_at, sla_clock, sla_state, sla_due_at, sla_percent, sla_breached_at, sla_ola_due_at
    FROM ocorrencia WHERE id = ?`).raw().get(ocId) as unknown[] | undefined;
  if (current === undefined || current.every((value, i) => value === next[i])) return false;
  stmt(db, `UPDATE ocorrencia SET sla_sort = ?, sla_next_at = ?, sla_clock = ?, sla_state = ?, sla_due_at = ?, sla_percent = ?,
    sla_breached_at = ?, sla_ola_due_at = ? WHERE id = ?`).run(...next, ocId);
  return true;
};

/** OCs whose SLA state changes at or before `now`. */
export const ocsWithSlaDue = (db: Db, now: number): string[] =>
  (stmt(db, 'SELECT id FROM ocorrencia WHERE sla_next_at IS NOT NULL AND sla_next_at <= ?').all(now) as { id: string }[]).map((r) => r.id);

/** The soonest SLA instant across all OCs: where the scheduler's single timer is armed. */
export const nextSlaInstant = (db: Db): number | null =>
  (stmt(db, 'SELECT MIN(sla_next_at) AS next FROM ocorrencia WHERE sla_next_at IS NOT NULL').get() as { next: number | null }).next;

export const openOcIds = (db: Db): string[] =>
  (stmt(db, 'SELECT id FROM ocorrencia WHERE is_open = 1').all() as { id: string }[]).map((r) => r.id);

/** Records that an alert fired; false when it had fired already (exactly once, across restarts). */
export const recordAlert = (db: Db, alert: { ocId: string; clock: string; threshold: number; crossedAt: number; firedAt: number }): boolean =>
  stmt(db, 'INSERT OR IGNORE INTO sla_alert (oc_id, clock, threshold, crossed_at, fired_at) VALUES (?, ?, ?, ?, ?)')
    .run(alert.ocId, alert.clock, alert.threshold, alert.crossedAt, alert.firedAt).changes === 1;

/** Alerts already fired for an OC: (run key, threshold) pairs of the sla_alert log. */
export const recordedAlerts = (db: Db, ocId: string): Array<{ clock: string; threshold: number }> =>
  stmt(db, 'SELECT clock, threshold FROM sla_alert WHERE oc_id = ?').all(ocId) as Array<{ clock: string; threshold: number }>;

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
