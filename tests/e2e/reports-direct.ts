import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Ocorrencia, OcEvent, Plan, SlaConfig } from '../../src/shared/domain';
import { evaluateSla } from '../../src/shared/sla/clocks';
import type { SlaEvaluation } from '../../src/shared/sla/clock-types';

// The "direct computation" the lead's screens are checked against: the replica the shell writes, read straight
// from its SQLite file, every OC evaluated with the pure SLA engine — no candidate filtering, no report code.

const SP_OFFSET_MS = 3 * 3_600_000; // America/Sao_Paulo, no DST since 2019
export const DAY_MS = 86_400_000;

/** YYYY-MM-DD in São Paulo. */
export const spDate = (instant: number): string => new Date(instant - SP_OFFSET_MS).toISOString().slice(0, 10);
/** Instant of São Paulo midnight opening a YYYY-MM-DD. */
export const spMidnight = (date: string): number => Date.parse(`${date}T00:00:00Z`) + SP_OFFSET_MS;

export interface Evaluated {
  oc: Ocorrencia;
  events: OcEvent[];
  evaluation: SlaEvaluation;
}

export interface Replica {
  ocs: Ocorrencia[];
  eventsOf: Map<string, OcEvent[]>;
  configs: (version: number) => SlaConfig;
  customers: Map<string, { id: string; name: string; monthlyFeeCents: number }>;
  evaluate(now: number): Evaluated[];
  close(): void;
}

export const openReplica = (dataDir: string): Replica => {
  const db = new Database(join(dataDir, 'replica.db'), { readonly: true, fileMustExist: true });
  const ocs = (db.prepare('SELECT doc FROM ocorrencia').all() as { doc: string }[]).map((r) => JSON.parse(r.doc) as Ocorrencia);
  const eventsOf = new Map<string, OcEvent[]>();
  for (const row of db.prepare('SELECT doc FROM oc_event ORDER BY at, oc_id, seq').all() as { doc: string }[]) {
    const event = JSON.parse(row.doc) as OcEvent;
    const list = eventsOf.get(event.ocId) ?? [];
    list.push(event);
    eventsOf.set(event.ocId, list);
  }
  const versions = new Map((db.prepare('SELECT doc FROM sla_config').all() as { doc: string }[]).map((r) => {
    const config = JSON.parse(r.doc) as SlaConfig;
    return [config.version, config] as const;
  }));
  const customers = new Map((db.prepare('SELECT doc FROM customer').all() as { doc: string }[]).map((r) => {
    const c = JSON.parse(r.doc) as { id: string; name: string; monthlyFeeCents: number };
    return [c.id, c] as const;
  }));
  db.close();
  const configs = (version: number): SlaConfig => {
    const config = versions.get(version);
    if (config === undefined) throw new Error(`no SLA config v${version}`);
    return config;
  };
  return {
    ocs,
    eventsOf,
    configs,
    customers,
    evaluate: (now) => ocs.map((oc) => {
      const events = eventsOf.get(oc.id) ?? [];
      return { oc, events, evaluation: evaluateSla(events, configs, now) };
    }),
    close: () => undefined,
  };
};

/** The OC's plan at an instant: created plan, then every plan change up to it. */
export const planAt = (events: readonly OcEvent[], at: number, fallback: Plan): Plan => {
  let plan = fallback;
  for (const e of events) if (e.data.type === 'created') plan = e.data.plan;
  for (const e of events) if (e.data.type === 'plan_changed' && e.at <= at) plan = e.data.to;
  return plan;
};

export interface PlanTally {
  fr: [number, number];
  res: [number, number];
}

/** met/breached first-response and resolution clocks decided in [from, to), by the plan at that moment. */
export const complianceByPlan = (all: readonly Evaluated[], from: number, to: number): Map<Plan, PlanTally> => {
  const result = new Map<Plan, PlanTally>();
  for (const { oc, events, evaluation } of all) {
    for (const clock of evaluation.clocks) {
      if (clock.clock === 'ola_n2') continue;
      const at = clock.breachedAt ?? (clock.state === 'met' ? clock.metAt : null);
      if (at === null || at < from || at >= to) continue;
      const plan = planAt(events, at, oc.plan);
      const tally = result.get(plan) ?? { fr: [0, 0], res: [0, 0] };
      (clock.clock === 'first_response' ? tally.fr : tally.res)[clock.breachedAt === null ? 0 : 1] += 1;
      result.set(plan, tally);
    }
  }
  return result;
};

/** Per customer: resolution breaches dated in [from, to) and the penalty after the monthly cap (SPEC §3). */
export const penaltiesIn = (replica: Replica, all: readonly Evaluated[], from: number, to: number, config: SlaConfig): Map<string, { breaches: number; cents: number }> => {
  const byCustomer = new Map<string, { at: number; plan: Plan }[]>();
  for (const { oc, events, evaluation } of all) {
    const resolution = evaluation.clocks.find((c) => c.clock === 'resolution');
    const at = resolution?.breachedAt ?? null;
    if (at === null || at < from || at >= to) continue;
    byCustomer.set(oc.customerId, [...(byCustomer.get(oc.customerId) ?? []), { at, plan: planAt(events, at, oc.plan) }]);
  }
  const result = new Map<string, { breaches: number; cents: number }>();
  for (const [customerId, breaches] of byCustomer) {
    const fee = replica.customers.get(customerId)?.monthlyFeeCents ?? 0;
    const cap = Math.round((fee * config.penaltyCapPct) / 100);
    let charged = 0;
    for (const b of breaches.sort((x, y) => x.at - y.at)) charged += Math.max(0, Math.min(Math.round((fee * config.penaltyPct[b.plan]) / 100), cap - charged));
    result.set(customerId, { breaches: breaches.length, cents: charged });
  }
  return result;
};

/** The soonest deadline of a counting, not yet breached customer clock among open OCs, after `now`. */
export const soonestRunningDue = (all: readonly Evaluated[], now: number): number => {
  const open = new Set(['nova', 'em_atendimento', 'aguardando_cliente', 'encaminhada_dev', 'aguardando_versao', 'reaberta']);
  let soonest = Infinity;
  for (const { oc, evaluation } of all) {
    if (!open.has(oc.status)) continue;
    for (const c of evaluation.clocks) {
      if (c.clock !== 'ola_n2' && c.counting && c.breachedAt === null && c.dueAt !== null && c.dueAt > now) soonest = Math.min(soonest, c.dueAt);
    }
  }
  return soonest;
};

/** Deadlines of the running (counting, unbreached) customer clocks of open OCs: `${ocId}:${clock}` → dueAt. */
export const runningDeadlines = (all: readonly Evaluated[]): Map<string, number> => {
  const open = new Set(['nova', 'em_atendimento', 'aguardando_cliente', 'encaminhada_dev', 'aguardando_versao', 'reaberta']);
  const result = new Map<string, number>();
  for (const { oc, evaluation } of all) {
    if (!open.has(oc.status)) continue;
    for (const c of evaluation.clocks) {
      if (c.clock !== 'ola_n2' && c.counting && c.breachedAt === null && c.dueAt !== null) result.set(`${oc.id}:${c.clock}`, c.dueAt);
    }
  }
  return result;
};

/** "R$ 1.234,56" (pt-BR) → 123456. */
export const centsOf = (text: string): number => Math.round(Number(text.replace(/[^\d,]/g, '').replace(',', '.')) * 100);
