import type { OcEvent, Plan } from '../domain';
import type { SlaEvaluation } from '../sla/clock-types';
import { periodKey, type Granularity } from './periods';

// SLA compliance (SPEC §3, reports): a customer clock (first response, resolution) counts once, in the period its
// outcome was decided — met at the moment it stopped within target, breached at the moment it breached (a breach
// stays a breach, rule 5, even if the OC is solved later). Clocks still running, paused or stopped without an
// outcome (cancelled OC) are not yet decided and count nowhere. The plan and the analyst are those of that moment:
// a plan change or a reassignment later does not move an outcome already decided.

export type CustomerClock = 'first_response' | 'resolution';
export type Dimension = 'period' | 'plan' | 'module' | 'analyst' | 'customer';

export interface ClockOutcome {
  clock: CustomerClock;
  outcome: 'met' | 'breached';
  at: number;
}

/** The decided customer clocks of one evaluation. */
export const outcomesOf = (evaluation: SlaEvaluation): ClockOutcome[] => {
  const outcomes: ClockOutcome[] = [];
  for (const clock of evaluation.clocks) {
    if (clock.clock === 'ola_n2') continue;
    if (clock.breachedAt !== null) outcomes.push({ clock: clock.clock, outcome: 'breached', at: clock.breachedAt });
    else if (clock.state === 'met' && clock.metAt !== null) outcomes.push({ clock: clock.clock, outcome: 'met', at: clock.metAt });
  }
  return outcomes;
};

/** Who held the OC at an instant (the last assignment at or before it); null = nobody. */
export const assigneeAt = (events: readonly OcEvent[], at: number): string | null => {
  let holder: string | null = null;
  let latest = -Infinity;
  for (const event of events) {
    if (event.data.type === 'assigned' && event.at <= at && event.at >= latest) {
      holder = event.data.toId;
      latest = event.at;
    }
  }
  return holder;
};

/** The OC's plan at an instant: its plan at creation, then each plan change at or before it. */
export const planAt = (events: readonly OcEvent[], at: number, fallback: Plan): Plan => {
  let plan: Plan | null = null;
  let planSince = -Infinity;
  for (const event of events) {
    if (event.data.type === 'created' && plan === null) plan = event.data.plan;
    else if (event.data.type === 'plan_changed' && event.at <= at && event.at >= planSince) {
      plan = event.data.to;
      planSince = event.at;
    }
  }
  return plan ?? fallback;
};

export interface OcForCompliance {
  id: string;
  customerId: string;
  module: string;
  plan: Plan;
  events: readonly OcEvent[];
  evaluation: SlaEvaluation;
}

export interface ComplianceOptions {
  from: number;
  to: number;
  groupBy: readonly Dimension[];
  granularity: Granularity;
  timeZone: string;
  filter?: { plans?: readonly string[]; modules?: readonly string[]; analystIds?: readonly string[]; customerIds?: readonly string[] };
}

export interface Counts {
  met: number;
  breached: number;
}

export interface ComplianceGroup {
  key: Partial<Record<Dimension, string>>;
  firstResponse: Counts;
  resolution: Counts;
}

export const UNASSIGNED_KEY = '-';

const allows = (list: readonly string[] | undefined, value: string): boolean => list === undefined || list.length === 0 || list.includes(value);

/** Groups the outcomes decided in [from, to) by the requested dimensions, in a stable key order. */
export const complianceGroups = (ocs: Iterable<OcForCompliance>, options: ComplianceOptions): ComplianceGroup[] => {
  const groups = new Map<string, ComplianceGroup>();
  const filter = options.filter ?? {};
  for (const oc of ocs) {
    if (!allows(filter.modules, oc.module) || !allows(filter.customerIds, oc.customerId)) continue;
    for (const outcome of outcomesOf(oc.evaluation)) {
      if (outcome.at < options.from || outcome.at >= options.to) continue;
      const plan = planAt(oc.events, outcome.at, oc.plan);
      const analyst = assigneeAt(oc.events, outcome.at) ?? UNASSIGNED_KEY;
      if (!allows(filter.plans, plan) || !allows(filter.analystIds, analyst)) continue;
      const values: Record<Dimension, string> = {
        period: periodKey(outcome.at, options.granularity, options.timeZone),
        plan,
        module: oc.module,
        analyst,
        customer: oc.customerId,
      };
      const key: Partial<Record<Dimension, string>> = {};
      for (const dimension of options.groupBy) key[dimension] = values[dimension];
      const id = options.groupBy.map((d) => values[d]).join('\u0000');
      let group = groups.get(id);
      if (group === undefined) {
        group = { key, firstResponse: { met: 0, breached: 0 }, resolution: { met: 0, breached: 0 } };
        groups.set(id, group);
      }
      const counts = outcome.clock === 'first_response' ? group.firstResponse : group.resolution;
      if (outcome.outcome === 'met') counts.met += 1;
      else counts.breached += 1;
    }
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, group]) => group);
};

/** Percentage met (one decimal), null when nothing was decided. */
export const pctOf = (counts: Counts): number | null => {
  const total = counts.met + counts.breached;
  return total === 0 ? null : Math.round((counts.met / total) * 1000) / 10;
};

export const addCounts = (into: Counts, more: Counts): Counts => {
  into.met += more.met;
  into.breached += more.breached;
  return into;
};
