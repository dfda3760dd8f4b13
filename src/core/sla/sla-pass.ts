import type { SlaAlert } from '../../shared/api/notices';
import { displayNumber, isOpenStatus, type SlaConfig } from '../../shared/domain';
import { evaluateSla } from '../../shared/sla/clocks';
import type { Db } from '../db/connection';
import { eventsOf } from '../db/events';
import { getRow } from '../db/rows';
import { ocsWithSlaDue, postponeSlaCheck, recordAlert, storedBadgeOf, writeSlaColumns, type SlaColumns, type StoredBadge } from '../db/sla-columns';
import { dueAlerts } from './alert-points';
import { columnsOf } from './columns';

// One scheduler pass: every OC whose sla_next_at has come is re-evaluated from its event log (SPEC §3 rule 1),
// its SLA columns rewritten, and the alerts that came due recorded in sla_alert — the record is what makes each
// warning and breach fire exactly once, also across restarts. Which recorded alerts are also *shown* is decided
// afterwards (showable/selectShown): a pass after hours of the app being closed must not flood the analyst.

export interface SlaPassPolicy {
  /** Alerts due longer ago than this are recorded without being shown: history, not news (the board shows them). */
  staleAfterMs: number;
  /** At most this many alerts are shown per pass; breaches first, then the most recent. The rest are recorded. */
  maxAlertsPerPass: number;
  /** OCs re-evaluated per SQLite transaction. */
  batchSize: number;
  /** An OC whose SLA cannot be evaluated (unknown configuration version) is looked at again after this delay. */
  retryAfterMs: number;
}

export const DEFAULT_PASS_POLICY: SlaPassPolicy = {
  staleAfterMs: 24 * 60 * 60 * 1000,
  maxAlertsPerPass: 20,
  batchSize: 200,
  retryAfterMs: 60 * 1000,
};

interface FiredAlert {
  alert: SlaAlert;
  alertAt: number;
  /** The clock still counts (a warning about a clock that already stopped asks for nothing). */
  counting: boolean;
  open: boolean;
}

export interface SlaPassResult {
  /** Alerts to show, in the order they came due. */
  alerts: SlaAlert[];
  /** Alerts recorded as fired without being shown (stale, closed OC, superseded, over the per-pass limit). */
  silenced: number;
  /** OCs whose badge or sort key moved, or that got an alert: the queues re-read them. */
  changedOcIds: string[];
  processed: number;
  failures: { ocId: string; error: unknown }[];
}

const badgeMoved = (before: StoredBadge | undefined, after: SlaColumns): boolean => {
  const b = after.badge;
  return (
    before === undefined ||
    before.sort !== after.sort ||
    before.clock !== (b?.clock ?? null) ||
    before.state !== (b?.state ?? null) ||
    before.dueAt !== (b?.dueAt ?? null) ||
    before.breachedAt !== (b?.breachedAt ?? null)
  );
};

const reevaluateOc = (db: Db, configs: (version: number) => SlaConfig, ocId: string, now: number, fired: FiredAlert[]): boolean => {
  const oc = getRow(db, 'ocorrencia', ocId);
  if (oc === undefined) return false;
  const events = eventsOf(db, ocId);
  if (events.length === 0) {
    // Nothing to evaluate yet; the deriver recomputes the OC when its events arrive.
    postponeSlaCheck(db, ocId, null);
    return false;
  }
  const before = storedBadgeOf(db, ocId);
  const evaluation = evaluateSla(events, configs, now);
  let alerted = false;
  for (const { clock, point, runKey } of dueAlerts(evaluation, now)) {
    if (!recordAlert(db, { ocId, clock: runKey, threshold: point.threshold, crossedAt: point.crossedAt, firedAt: now })) continue;
    alerted = true;
    fired.push({
      alert: {
        id: `${ocId}:${runKey}:${point.threshold}`,
        ocId,
        displayNumber: displayNumber(oc),
        clock: clock.clock,
        threshold: point.threshold,
        // When the threshold was reached (a reclassified breach at 18:30 says 18:30, even if shown at 08:00).
        at: point.crossedAt,
        assigneeId: oc.assigneeId,
        subject: oc.subject,
      },
      alertAt: point.alertAt,
      counting: clock.counting,
      open: isOpenStatus(oc.status),
    });
  }
  // Every due alert is recorded now, so the next look is the engine's next change.
  const columns = columnsOf(evaluation);
  writeSlaColumns(db, ocId, columns);
  return alerted || badgeMoved(before, columns);
};

/**
 * Whether a recorded alert is worth showing: not stale, about an OC still open, and — for a warning — about a
 * clock still counting (a warning exists to act before the breach; a breach stays news while the OC is open,
 * rule 5).
 */
const showable = (f: FiredAlert, now: number, policy: SlaPassPolicy): boolean =>
  f.alertAt >= now - policy.staleAfterMs && f.open && (f.alert.threshold >= 100 || f.counting);

/**
 * Of the showable alerts: per clock run only the highest threshold (several thresholds come due together only in
 * a catch-up — after the app was closed or the machine slept — and "75 %, 90 %, breached" at once says no more
 * than "breached"); then at most maxAlertsPerPass, breaches first, then the most recent; shown in due order.
 */
export const selectShown = (fired: readonly FiredAlert[], now: number, policy: SlaPassPolicy): SlaAlert[] => {
  const highest = new Map<string, FiredAlert>();
  for (const f of fired) {
    if (!showable(f, now, policy)) continue;
    const run = f.alert.id.slice(0, f.alert.id.lastIndexOf(':'));
    const kept = highest.get(run);
    if (kept === undefined || f.alert.threshold > kept.alert.threshold) highest.set(run, f);
  }
  return [...highest.values()]
    .sort((a, b) => b.alert.threshold - a.alert.threshold || b.alertAt - a.alertAt)
    .slice(0, policy.maxAlertsPerPass)
    .sort((a, b) => a.alertAt - b.alertAt || (a.alert.id < b.alert.id ? -1 : a.alert.id > b.alert.id ? 1 : 0))
    .map((f) => f.alert);
};

/** Re-evaluates every OC whose SLA instant has come (sla_next_at ≤ now), one SQLite transaction per batch. */
export const runSlaPass = (db: Db, configs: (version: number) => SlaConfig, now: number, policy: SlaPassPolicy): SlaPassResult => {
  const due = ocsWithSlaDue(db, now);
  const fired: FiredAlert[] = [];
  const changedOcIds: string[] = [];
  const failures: SlaPassResult['failures'] = [];
  for (let i = 0; i < due.length; i += policy.batchSize) {
    const batch = due.slice(i, i + policy.batchSize);
    db.transaction(() => {
      for (const ocId of batch) {
        const mark = fired.length;
        try {
          // A nested transaction is a savepoint: one OC that cannot be evaluated rolls back alone.
          if (db.transaction(() => reevaluateOc(db, configs, ocId, now, fired))()) changedOcIds.push(ocId);
        } catch (error) {
          fired.length = mark;
          failures.push({ ocId, error });
          postponeSlaCheck(db, ocId, now + policy.retryAfterMs);
        }
      }
    })();
  }
  const alerts = selectShown(fired, now, policy);
  return { alerts, silenced: fired.length - alerts.length, changedOcIds, processed: due.length, failures };
};
