import type { QueueRow, SlaBadge } from '../../../shared/api/views';

// What the bell shows first: the SLA state of the OCs I hold right now — every clock breached and every one past
// half its target — whether or not this desktop was running when it crossed the line (the live alerts only say
// what happened while it was).

export interface ActiveAlert {
  ocId: string;
  displayNumber: string;
  subject: string;
  clock: SlaBadge['clock'];
  kind: 'breach' | 'warning';
  /** Breach: when it breached (ago); warning: when it is due. */
  at: number;
  percent: number;
}

/** `warnFromPct`: the configuration's first warning threshold (SPEC §3 rule 8; 50 % by default). */
export const activeAlerts = (mine: readonly QueueRow[], now: number, warnFromPct: number): ActiveAlert[] => {
  const active: ActiveAlert[] = [];
  for (const row of mine) {
    const sla = row.sla;
    if (sla === null) continue;
    const base = { ocId: row.id, displayNumber: row.displayNumber, subject: row.subject, clock: sla.clock, percent: sla.percent };
    if (sla.state === 'breached' && sla.breachedAt !== null) active.push({ ...base, kind: 'breach', at: sla.breachedAt });
    else if (sla.state === 'running' && sla.dueAt !== null && sla.dueAt <= now) active.push({ ...base, kind: 'breach', at: sla.dueAt });
    else if (sla.state === 'running' && sla.dueAt !== null && sla.percent >= warnFromPct) active.push({ ...base, kind: 'warning', at: sla.dueAt });
  }
  // Breaches first, the oldest on top; then warnings, the soonest due on top.
  return active.sort((a, b) => (a.kind === b.kind ? a.at - b.at : a.kind === 'breach' ? -1 : 1));
};
