import { AT_RISK_PCT, type BoardClock, type BoardCompliance, type BoardSnapshot, type Tally } from '../../shared/api/lead-views';
import { displayNumber, PLANS, type SlaConfig } from '../../shared/domain';
import { addCounts, complianceGroups, pctOf, type Counts, type OcForCompliance } from '../../shared/reports/compliance';
import { lastDaysRange, todayRange } from '../../shared/reports/periods';
import { businessMs } from '../../shared/sla/business-time';
import type { SlaClockState, SlaEvaluation } from '../../shared/sla/clock-types';
import { evaluateSla } from '../../shared/sla/clocks';
import { handlingTable, predictBreaches, type HandlingSample, type PredictOc } from '../../shared/sla/predict';
import type { Db } from '../db/connection';
import { allAnalysts, allCatalog } from '../db/directory';
import { loadByAnalyst, ocsDecidingIn, pendingRecados, type OcFacts, type OcWithEvents } from '../db/reports';
import { getRow } from '../db/rows';
import { configResolver } from '../sla/columns';
import type { CoreDeps } from './deps';
import { requireAnalyst } from './query-handlers';
import { requireSlaConfig } from './report-handlers';

// Everything the wall-mounted SLA board shows (SPEC §5), from the local replica only — so it keeps working,
// and counting, while the server is unreachable. Clocks are sent with their due instants; the board counts down
// itself from one tick and asks again when data changes.

const LIST_LIMIT = 40;
const PRESENT_ORDER = { available: 0, on_call: 1, break: 2, offline: 3 } as const;

const boardClock = (oc: OcFacts, clock: SlaClockState): BoardClock => ({
  ocId: oc.id,
  displayNumber: displayNumber(oc),
  customerName: oc.customerName,
  subject: oc.subject,
  plan: oc.plan,
  module: oc.module,
  criticidade: oc.criticidade,
  level: oc.level,
  status: oc.status,
  clock: clock.clock,
  dueAt: clock.dueAt,
  breachedAt: clock.breachedAt,
  percent: Math.round(clock.percent * 10) / 10,
  assigneeName: oc.assigneeName,
});

const customerClocks = (evaluation: SlaEvaluation): SlaClockState[] => evaluation.clocks.filter((c) => c.clock !== 'ola_n2' && c.counting);

const tally = (counts: Counts): Tally => ({ ...counts, pct: pctOf(counts) });

type Tallies = Map<string, Counts>;

/** met + breached of both customer clocks, per plan or module, decided in [from, to). */
const talliesBy = (ocs: readonly OcForCompliance[], dimension: 'plan' | 'module', from: number, to: number, timeZone: string): Tallies =>
  new Map(complianceGroups(ocs, { from, to, groupBy: [dimension], granularity: 'day', timeZone })
    .map((g) => [g.key[dimension] ?? '', addCounts({ ...g.firstResponse }, g.resolution)]));

const sum = (...parts: (Counts | undefined)[]): Counts => parts.reduce<Counts>((acc, c) => (c === undefined ? acc : addCounts(acc, c)), { met: 0, breached: 0 });

/**
 * The part of the board that looks at the last 30 days before today: compliance and handling-time samples. Past
 * days change only when late events arrive (an offline desktop syncing), so this is recomputed at most every
 * few minutes instead of on every refresh — a 20 000-OC replica evaluates thousands of logs for it.
 */
interface PastPart {
  day: number;
  computedAt: number;
  byPlan: Tallies;
  byModule: Tallies;
  samples: HandlingSample[];
}

const PAST_TTL_MS = 5 * 60_000;
const pastCache = new WeakMap<Db, PastPart>();

const pastPart = (deps: CoreDeps, config: SlaConfig, now: number): PastPart => {
  const today = todayRange(now, deps.timeZone);
  const from = lastDaysRange(now, 30, deps.timeZone).from;
  const day = today.from;
  const cached = pastCache.get(deps.db);
  if (cached !== undefined && cached.day === day && now - cached.computedAt >= 0 && now - cached.computedAt < PAST_TTL_MS) return cached;
  const configs = configResolver(deps.db);
  const ocs = ocsDecidingIn(deps.db, from, today.from);
  const forCompliance = ocs.map(({ oc, events }) => ({ id: oc.id, customerId: oc.customerId, module: oc.module, plan: oc.plan, events, evaluation: evaluateSla(events, configs, now) }));
  const part: PastPart = {
    day,
    computedAt: now,
    byPlan: talliesBy(forCompliance, 'plan', from, today.from, deps.timeZone),
    byModule: talliesBy(forCompliance, 'module', from, today.from, deps.timeZone),
    samples: handlingSamples(ocs, from, today.from, config),
  };
  pastCache.set(deps.db, part);
  return part;
};

/** Handling time samples: business time from the first take to the solution, of OCs solved in [from, to). */
const handlingSamples = (ocs: readonly OcWithEvents[], from: number, to: number, config: SlaConfig): HandlingSample[] => {
  const calendar = config.calendars.find((c) => c.id === config.olaCalendarId);
  if (calendar === undefined) return [];
  const samples: HandlingSample[] = [];
  for (const { oc, events } of ocs) {
    if (oc.solvedAt === null || oc.solvedAt < from || oc.solvedAt >= to) continue;
    const taken = events.find((e) => e.data.type === 'assigned' && e.data.toId !== null);
    if (taken === undefined || taken.at > oc.solvedAt) continue;
    samples.push({ module: oc.module, criticidade: oc.criticidade, ms: businessMs(calendar, taken.at, oc.solvedAt) });
  }
  return samples;
};

export const boardSnapshot = (deps: CoreDeps): BoardSnapshot => {
  requireAnalyst(deps);
  const { db, timeZone } = deps;
  const now = deps.clock.now();
  const config = requireSlaConfig(deps);
  const configs = configResolver(db);
  const today = todayRange(now, timeZone);
  // Today's part is always fresh: the open OCs and whatever had an event since midnight.
  const ocs = ocsDecidingIn(db, today.from, today.to);
  const evaluated = ocs.map((entry) => ({ ...entry, evaluation: evaluateSla(entry.events, configs, now) }));
  const open = evaluated.filter((e) => e.oc.isOpen);
  const past = pastPart(deps, config, now);

  const next: BoardClock[] = [];
  const breached: BoardClock[] = [];
  const ola: BoardClock[] = [];
  let atRisk = 0;
  let running = 0;
  for (const { oc, evaluation } of open) {
    const counting = customerClocks(evaluation);
    const live = counting.filter((c) => c.breachedAt === null && c.dueAt !== null).sort((a, b) => (a.dueAt as number) - (b.dueAt as number));
    if (live.length > 0) running += 1;
    const soonest = live[0];
    if (soonest !== undefined) next.push(boardClock(oc, soonest));
    if (live.some((c) => c.percent >= AT_RISK_PCT)) atRisk += 1;
    const latestBreach = counting.filter((c) => c.breachedAt !== null).sort((a, b) => (b.breachedAt as number) - (a.breachedAt as number))[0];
    if (latestBreach !== undefined) breached.push(boardClock(oc, latestBreach));
    const olaClock = evaluation.clocks.find((c) => c.clock === 'ola_n2' && c.counting);
    if (olaClock !== undefined) ola.push(boardClock(oc, olaClock));
  }
  next.sort((a, b) => (a.dueAt as number) - (b.dueAt as number) || a.displayNumber.localeCompare(b.displayNumber));
  breached.sort((a, b) => (b.breachedAt as number) - (a.breachedAt as number) || a.displayNumber.localeCompare(b.displayNumber));
  ola.sort((a, b) => ((a.breachedAt ?? a.dueAt) as number) - ((b.breachedAt ?? b.dueAt) as number));

  const forCompliance: OcForCompliance[] = evaluated.map(({ oc, events, evaluation }) => ({ id: oc.id, customerId: oc.customerId, module: oc.module, plan: oc.plan, events, evaluation }));
  const todayPlan = talliesBy(forCompliance, 'plan', today.from, today.to, timeZone);
  const todayModule = talliesBy(forCompliance, 'module', today.from, today.to, timeZone);
  const compliance = (keys: readonly { key: string; label: string }[], todayTallies: Tallies, pastTallies: Tallies): BoardCompliance[] =>
    keys.map(({ key, label }) => ({ key, label, today: tally(sum(todayTallies.get(key))), days30: tally(sum(todayTallies.get(key), pastTallies.get(key))) }));
  const catalog = allCatalog(db);
  const moduleName = new Map(catalog.filter((c) => c.kind === 'module').map((c) => [c.id, c.name]));
  const modules = catalog.filter((c) => c.kind === 'module' && c.active).map((c) => ({ key: c.id, label: c.name }));

  const load = loadByAnalyst(db);
  const analysts = allAnalysts(db)
    .filter((a) => a.active && a.presence !== 'offline')
    .map((a) => ({ id: a.id, name: a.name, level: a.level, presence: a.presence, load: load.get(a.id) ?? 0, capacity: a.capacity }))
    .sort((a, b) => PRESENT_ORDER[a.presence] - PRESENT_ORDER[b.presence] || b.load / b.capacity - a.load / a.capacity || a.name.localeCompare(b.name));

  const recados = pendingRecados(db);
  const nameOf = (id: string): string => getRow(db, 'analyst', id)?.name ?? '—';
  const customerOf = (id: string): string => getRow(db, 'customer', id)?.name ?? '—';

  const predictOcs: PredictOc[] = open.map(({ oc, evaluation }) => {
    const due = (name: 'first_response' | 'resolution') => {
      const c = evaluation.clocks.find((k) => k.clock === name);
      return c !== undefined && c.counting && c.breachedAt === null && c.dueAt !== null ? { dueAt: c.dueAt } : null;
    };
    return { ocId: oc.id, label: displayNumber(oc), module: oc.module, criticidade: oc.criticidade, assigneeId: oc.assigneeId, firstResponse: due('first_response'), resolution: due('resolution') };
  });
  const teamCalendar = config.calendars.find((c) => c.id === config.olaCalendarId) ?? config.calendars[0];
  const predicted = teamCalendar === undefined ? [] : predictBreaches({
    now,
    ocs: predictOcs,
    analysts: allAnalysts(db).filter((a) => a.active).map((a) => ({ id: a.id, presence: a.presence, modules: a.modules, freeCapacity: Math.max(0, a.capacity - (load.get(a.id) ?? 0)) })),
    handlingMs: handlingTable([...past.samples, ...handlingSamples(ocs, today.from, today.to, config)]),
    calendar: teamCalendar,
    moduleLabel: (m) => moduleName.get(m) ?? m,
    timeZone,
  });
  const labelOf = new Map(open.map(({ oc }) => [oc.id, displayNumber(oc)]));

  return {
    now,
    timeZone,
    configVersion: config.version,
    sync: deps.sync.state(),
    nextBreaches: next.slice(0, LIST_LIMIT),
    breached: breached.slice(0, LIST_LIMIT),
    breachedCount: breached.length,
    atRiskCount: atRisk,
    runningCount: running,
    compliance: {
      byPlan: compliance(PLANS.map((p) => ({ key: p, label: p })), todayPlan, past.byPlan),
      byModule: compliance(modules, todayModule, past.byModule),
    },
    analysts,
    olaWaiting: ola.slice(0, LIST_LIMIT),
    recados: {
      count: recados.length,
      oldest: recados.slice(0, 12).map((r) => ({ id: r.id, forAnalystName: nameOf(r.forAnalystId), customerName: customerOf(r.customerId), callerName: r.callerName, createdAt: r.createdAt })),
    },
    predicted: predicted.slice(0, 20).map((p) => ({ ocId: p.ocId, displayNumber: labelOf.get(p.ocId) ?? p.label, module: p.module, clock: p.clock, dueAt: p.dueAt, forecastAt: p.forecastAt, reason: p.reason })),
  };
};
