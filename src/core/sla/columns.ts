import type { OcDetail } from '../../shared/api/views';
import type { OcEvent, SlaConfig } from '../../shared/domain';
import { evaluateSla, slaBadge, type SlaEvaluation } from '../../shared/sla/clocks';
import type { Db } from '../db/connection';
import { eventsOf } from '../db/events';
import { slaConfigVersion } from '../db/loader';
import { NO_DEADLINE, writeSlaColumns, type SlaColumns } from '../db/sla-columns';
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

/** The queue's sort key: the soonest instant a clock breaches (or breached, for breached open clocks). */
export const urgencyOf = (evaluation: SlaEvaluation): number => {
  let soonest = NO_DEADLINE;
  for (const clock of evaluation.clocks) {
    const live = clock.state === 'running' || (clock.state === 'breached' && clock.stoppedAt === null && clock.metAt === null);
    if (live && clock.dueAt !== null && clock.dueAt < soonest) soonest = clock.dueAt;
  }
  return soonest;
};

export const slaColumnsOf = (events: readonly OcEvent[], configs: (version: number) => SlaConfig, now: number): SlaColumns => {
  const evaluation = evaluateSla(events, configs, now);
  return { badge: slaBadge(evaluation), sort: urgencyOf(evaluation), nextAt: evaluation.nextChangeAt };
};

/** Recomputes the SLA columns of OCs from their event logs: the SlaDeriver the store and sync call. */
export const slaDeriver = (configs: (version: number) => SlaConfig): SlaDeriver => (db, ocIds, now) => {
  for (const ocId of ocIds) {
    const events = eventsOf(db, ocId);
    if (events.length > 0) writeSlaColumns(db, ocId, slaColumnsOf(events, configs, now));
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
