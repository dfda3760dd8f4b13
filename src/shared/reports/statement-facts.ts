import type { Criticidade, OcEvent } from '../domain';
import type { SlaClockState } from '../sla/clock-types';

// What the penalty statement says about one breach besides its price (SPEC §3 rule 4): the criticidade the
// deadline was set by, when and how the resolution clock stopped, and how much business time ran past the target.

export type StopReason = 'solved' | 'forwarded' | 'cancelled';

/** The OC's criticidade at an instant: at creation, then each change at or before it. */
export const criticidadeAt = (events: readonly OcEvent[], at: number, fallback: Criticidade): Criticidade => {
  let value: Criticidade | null = null;
  let since = -Infinity;
  for (const event of events) {
    if (event.data.type === 'created' && value === null) value = event.data.criticidade;
    else if (event.data.type === 'criticidade_changed' && event.at <= at && event.at >= since) {
      value = event.data.to;
      since = event.at;
    }
  }
  return value ?? fallback;
};

/**
 * Why the resolution clock stopped at `stoppedAt`: the status the OC entered then — solucionada (or encerrada),
 * encaminhada_dev / aguardando_versao with a simulation record (the clock stops for development), or cancelada.
 */
export const stopReasonAt = (events: readonly OcEvent[], stoppedAt: number): StopReason => {
  let reason: StopReason = 'solved';
  let latest = -Infinity;
  for (const event of events) {
    if (event.at > stoppedAt || event.at < latest) continue;
    const data = event.data;
    if (data.type === 'cancelled') reason = 'cancelled';
    else if (data.type === 'status_changed') {
      if (data.to === 'cancelada') reason = 'cancelled';
      else if (data.to === 'encaminhada_dev' || data.to === 'aguardando_versao') reason = 'forwarded';
      else if (data.to === 'solucionada' || data.to === 'encerrada') reason = 'solved';
      else continue;
    } else continue;
    latest = event.at;
  }
  return reason;
};

export interface ResolutionFacts {
  stoppedAt: number | null;
  stopReason: StopReason | null;
  overdueMs: number;
  reclassified: boolean;
}

/** The statement's facts from the resolution clock (evaluated at generation time) and the OC's events. */
export const resolutionFacts = (clock: SlaClockState | undefined, events: readonly OcEvent[]): ResolutionFacts => {
  const stoppedAt = clock?.stoppedAt ?? null;
  return {
    stoppedAt,
    stopReason: stoppedAt === null ? null : stopReasonAt(events, stoppedAt),
    overdueMs: clock === undefined ? 0 : Math.max(0, Math.round(clock.elapsedMs - clock.targetMs)),
    reclassified: clock?.reclassified ?? false,
  };
};
