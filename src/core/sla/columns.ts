import type { OcDetail } from '../../shared/api/views';
import type { OcEvent, SlaConfig } from '../../shared/domain';
import { evaluateSla, slaBadge, type SlaEvaluation } from '../../shared/sla/clocks';
import type { Db } from '../db/connection';
import { eventsOf } from '../db/events';
import { slaConfigVersion } from '../db/loader';
import { NO_DEADLINE, recordAlert, recordedAlerts, writeSlaColumns, type SlaColumns } from '../db/sla-columns';
import { alertLogKey, dueAlerts } from './alert-points';
import type { SlaDeriver } from '../store/local-store';

/** SLA configurations are immutable per version, so a replica caches each one it has read. */
export const configResolver = (db: Db): ((version: number) => SlaConfig) => {
  const cache = new Map<number, SlaConfig>();
  return (version) => {
    let config = cache.get(version);
    if (config === undefined) {
      config = slaConfigVersion(db, version);
      if (config === undefined) throw new Error(`SLA configuration version ${version} is not in the local replica`);
      cache.set(version, config);
    }
    return config;
  };
};

/**
 * The queue's sort key (SPEC §4 "soonest breach first"): the earliest due instant among the clocks that are
 * counting — a running clock's deadline, or for a clock that breached and still counts, its breach instant (so the
 * longest overdue comes first, as slaBadge ranks them). A paused clock (aguardando_cliente) breaches nothing while
 * paused, breached or not: the analyst cannot act on it, so it sorts with the OCs without a deadline.
 */
export const urgencyOf = (evaluation: SlaEvaluation): number => {
  let soonest = NO_DEADLINE;
  for (const clock of evaluation.clocks) {
    if (clock.counting && clock.dueAt !== null && clock.dueAt < soonest) soonest = clock.dueAt;
  }
  return soonest;
};

/** The stored SLA columns of an evaluation: the badge, the queue sort key and the next instant it changes. */
export const columnsOf = (evaluation: SlaEvaluation): SlaColumns => ({
  badge: slaBadge(evaluation),
  sort: urgencyOf(evaluation),
  nextAt: evaluation.nextChangeAt,
  olaDueAt: evaluation.clocks.find((clock) => clock.clock === 'ola_n2' && clock.counting)?.dueAt ?? null,
});

/**
 * The SLA columns of an OC from its events alone, without looking at the alert log: alerts already due are left
 * for the scheduler's next look at the OC (bulk loads of history should prefer slaColumnsWithHistory).
 */
export const slaColumnsOf = (events: readonly OcEvent[], configs: (version: number) => SlaConfig, now: number): SlaColumns =>
  columnsOf(evaluateSla(events, configs, now));

/**
 * For bulk loads of history (the demo seed, an initial snapshot): the SLA columns, with every alert already due
 * at `now` recorded as fired, so the scheduler's first pass does not present days of past warnings as news. A
 * drop-in for `(events) => slaColumnsOf(events, configs, now)`; call it inside the load's transaction.
 */
export const slaColumnsWithHistory =
  (db: Db, configs: (version: number) => SlaConfig, now: number) =>
  (events: readonly OcEvent[]): SlaColumns => {
    const evaluation = evaluateSla(events, configs, now);
    const ocId = events[0]?.ocId;
    if (ocId !== undefined) {
      for (const { point, runKey } of dueAlerts(evaluation, now)) {
        recordAlert(db, { ocId, clock: runKey, threshold: point.threshold, crossedAt: point.crossedAt, firedAt: now });
      }
    }
    return columnsOf(evaluation);
  };

/**
 * The earliest alert already due at `now` that the alert log has not recorded: a change (a reclassification by a
 * lead, events pulled from the server) can reveal an alert whose instant has passed, which evaluateSla's
 * nextChangeAt — only instants after now — does not report. sla_next_at is set to it so the scheduler, which
 * looks at every OC with sla_next_at ≤ now, fires it (and a crash before that leaves it pending in the database).
 */
const unrecordedDueAlertAt = (db: Db, ocId: string, evaluation: SlaEvaluation, now: number): number | null => {
  const due = dueAlerts(evaluation, now);
  if (due.length === 0) return null;
  const recorded = new Set(recordedAlerts(db, ocId).map((r) => alertLogKey(r.clock, r.threshold)));
  let earliest: number | null = null;
  for (const { point, runKey } of due) {
    if (!recorded.has(alertLogKey(runKey, point.threshold)) && (earliest === null || point.alertAt < earliest)) earliest = point.alertAt;
  }
  return earliest;
};

/**
 * Recomputes the SLA columns of OCs from their event logs: the SlaDeriver the store and sync call after a change.
 * sla_next_at is the next instant the scheduler must look at the OC: the engine's nextChangeAt, or earlier when an
 * alert is due and not yet fired.
 */
export const slaDeriver = (configs: (version: number) => SlaConfig): SlaDeriver => (db, ocIds, now) => {
  for (const ocId of ocIds) {
    const events = eventsOf(db, ocId);
    if (events.length === 0) continue;
    const evaluation = evaluateSla(events, configs, now);
    const columns = columnsOf(evaluation);
    const pending = unrecordedDueAlertAt(db, ocId, evaluation, now);
    if (pending !== null && (columns.nextAt === null || pending < columns.nextAt)) columns.nextAt = pending;
    writeSlaColumns(db, ocId, columns);
  }
};

/** The full clocks of one OC, for its detail view. */
export const slaClocksOf = (configs: (version: number) => SlaConfig) => (events: OcEvent[], now: number): OcDetail['sla'] =>
  evaluateSla(events, configs, now).clocks.map((c) => ({
    clock: c.clock,
    state: c.state,
    dueAt: c.dueAt,
    percent: c.percent,
    breachedAt: c.breachedAt,
    targetMs: c.targetMs,
    elapsedMs: c.elapsedMs,
    remainingMs: c.remainingMs,
    reclassified: c.reclassified,
  }));
