import { defaultCatalog, isOpenStatus, type Analyst, type CatalogItem, type Contact, type Customer, type Interaction, normalizeVersion, type OcEvent, type Ocorrencia, type PlannedVersion, type Recado, type Release, type SlaConfig } from '../domain';
import { MemoryState } from '../mutators/memory-state';
import type { Change } from '../mutators/types';
import { systemActor } from '../oc/actor';
import { defaultSlaConfig } from '../sla/defaults';
import { demoAnalysts, demoContacts, demoCustomers } from './people';
import { Prng } from './prng';
import { officeTime, Simulation } from './simulation';
import { OcStory, type Cast } from './stories';
import { addWorstCase, WORST_CASE_HISTORY_DAYS } from './worst-case';

const { HOUR, DAY } = Simulation;
const LOCAL_OFFSET = -3 * HOUR;

export interface DemoOptions {
  ocs: number;
  seed: number;
  /** The instant the data is "as of"; the same (ocs, seed, now, backlog) always gives the same data. */
  now: number;
  /**
   * A surge on top of the team's history: this many more OCs opened over the eight hours before `now`
   * (an outage after a release, say) and still waiting in the queues, untouched. 0 by default.
   */
  backlog?: number;
  /**
   * 'worst-case' adds what makes screens break (src/shared/demo/worst-case.ts): the longest names, 200-character
   * subjects, a 99-day breach, every badge and status… on top of the same demo.
   */
  fixture?: 'worst-case';
}

export interface DemoData {
  now: number;
  catalog: CatalogItem[];
  slaConfig: SlaConfig;
  analysts: Analyst[];
  customers: Customer[];
  contacts: Contact[];
  releases: Release[];
  plannedVersions: PlannedVersion[];
  ocorrencias: Ocorrencia[];
  interactions: Interaction[];
  events: OcEvent[];
  recados: Recado[];
  /** Refusals the stories met (capacity full, …) — realistic, and a check that the state machine was exercised. */
  refused: Record<string, number>;
}

/** Weekly releases ship on Mondays (manual FAQ 4); the label is the Monday's date. */
const mondaysBetween = (from: number, to: number): number[] => {
  const result: number[] = [];
  const start = new Date(from + LOCAL_OFFSET);
  let day = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate(), 9) - LOCAL_OFFSET;
  while (new Date(day + LOCAL_OFFSET).getUTCDay() !== 1) day += DAY;
  for (; day <= to + 14 * DAY; day += 7 * DAY) result.push(day);
  return result;
};
const versionLabel = (monday: number): string => new Date(monday + LOCAL_OFFSET).toISOString().slice(0, 10).replace(/-/g, '.');
const plannedWeek = (monday: number, leadId: string): PlannedVersion => {
  const label = versionLabel(monday);
  const planned = Math.max(0, monday - 14 * DAY);
  return {
    id: `planned-${label}`, version: normalizeVersion(label), plannedFor: label.replace(/\./g, '-'), status: 'planejada',
    createdById: leadId, createdAt: planned, updatedAt: planned, releaseId: null,
  };
};

/** Deterministic demo data: people, customers and OC histories produced by running the real mutators. */
export const generateDemo = (options: DemoOptions): DemoData => {
  const rng = new Prng(options.seed);
  const now = options.now;
  // About 110 OCs a working day is what this team can handle; bigger data sets reach further into the past.
  const windowDays = Math.min(1_100, Math.max(14, Math.round(options.ocs / 80)));
  const start = now - windowDays * DAY;
  const history = options.fixture === 'worst-case' ? Math.max(windowDays, WORST_CASE_HISTORY_DAYS + 10) : windowDays;
  const slaConfig = defaultSlaConfig(now - history * DAY - 30 * DAY);
  const state = new MemoryState(slaConfig);
  state.write(defaultCatalog().map((row) => ({ table: 'catalog' as const, row })), []);
  const analysts = demoAnalysts(rng, now);
  const customers = demoCustomers(rng, Math.min(2_000, Math.max(30, Math.round(options.ocs / 25))), now);
  const contacts = customers.flatMap((c) => demoContacts(rng, c));
  state.write([...analysts.map((row) => ({ table: 'analyst' as const, row })), ...customers.map((row) => ({ table: 'customer' as const, row })),
    ...contacts.map((row) => ({ table: 'contact' as const, row }))], []);

  const mondays = mondaysBetween(start, now);
  const leads = analysts.filter((a) => a.role === 'lead');
  // Every weekly version is planned by a lead two weeks ahead (issue 13: an OC waits only for a planned version);
  // written as the reference rows are, so the stories' random streams stay what they were.
  state.write(mondays.map((monday) => ({ table: 'planned_version' as const, row: plannedWeek(monday, leads[0]?.id ?? 'system') })), []);
  const cast: Cast = {
    analysts: analysts.filter((a) => a.role === 'analyst'),
    leads,
    customers,
    ocsOfCustomer: new Map(),
    extranetContacts: new Map(customers.map((c) => [c.id, contacts.filter((k) => k.customerId === c.id && k.extranetAccess)])),
    releaseAfter: (instant) => versionLabel(mondays.find((m) => m > instant + DAY) ?? (mondays[mondays.length - 1] as number)),
  };
  const sim = new Simulation(state, rng, now);

  const eligible = customers.filter((c) => c.implantacaoTermSignedAt !== null && c.eadExtranetCompletedAt !== null && c.slaAcknowledgedAt !== null);
  const weightedCustomers = eligible.flatMap((c) => (c.plan === 'vip' ? [c, c, c] : c.plan === 'ouro' ? [c, c] : [c]));
  // Whatever the hour the demo is made, some OCs have just arrived and nobody has reached them yet: the last of
  // the `ocs` are the last hours' arrivals, left waiting in the queues.
  // (A few hours' arrivals: 20 to 60, whatever the size of the history.)
  const waiting = Math.min(options.ocs, Math.max(20, Math.min(60, Math.round(options.ocs / 100))));
  for (let i = 0; i < options.ocs - waiting; i += 1) {
    const raw = start + Math.floor(rng.next() * (now - start));
    const office = officeTime(raw, rng);
    const createdAt = rng.chance(0.85) && office <= now ? office : raw;
    new OcStory(sim, cast, rng.pick(weightedCustomers)).begin(createdAt);
  }
  // What follows draws from streams of its own, so the history above is the same with or without it.
  const fresh = new Prng(options.seed ^ 0x3a1f);
  for (let i = 0; i < waiting; i += 1) {
    new OcStory(sim, cast, fresh.pick(weightedCustomers), { untouched: true, rng: fresh }).begin(now - fresh.int(5, 180) * 60_000);
  }
  const surge = new Prng(options.seed ^ 0x5a17);
  const backlog = options.backlog ?? 0;
  for (let i = 0; i < backlog; i += 1) {
    // Spread over the last eight hours, none after `now`.
    const createdAt = now - 8 * HOUR + Math.floor(((i + surge.next()) / backlog) * 8 * HOUR);
    new OcStory(sim, cast, surge.pick(weightedCustomers), { untouched: true, rng: surge }).begin(Math.min(createdAt, now));
  }
  // The last hour's reopens: customers answering that a recently solved problem is back, not yet picked up again.
  const reopens = new Prng(options.seed ^ 0x4e0b);
  for (let i = 0; i < Math.min(3, Math.max(2, Math.round(options.ocs / 2_000))); i += 1) {
    const at = now - reopens.int(5, 60) * 60_000;
    sim.schedule(at, () => {
      const solved = state.withStatus('solucionada').filter((oc) => oc.contactId !== null).sort((a, b) => (b.solvedAt ?? 0) - (a.solvedAt ?? 0));
      const oc = solved[reopens.int(0, Math.min(9, solved.length - 1))];
      const contact = oc === undefined ? undefined : state.contacts.get(oc.contactId as string);
      if (oc === undefined || contact === undefined) return;
      sim.act('oc.customerReply', { ocId: oc.id, interactionId: reopens.uuid(), body: 'O problema voltou a acontecer depois da correção.' }, { kind: 'contact', contact }, at);
    });
  }
  for (const monday of mondays) {
    sim.schedule(monday, () => sim.act('release.register', { id: rng.uuid(), version: versionLabel(monday), releasedAt: monday, notes: 'Versão semanal do UNO ERP.' }, sim.analyst(rng.pick(leads)), monday));
  }
  // The nightly auto-close: solucionada for autoCloseDays without a reopen becomes encerrada.
  for (let night = start + DAY; night <= now; night += DAY) {
    sim.schedule(night, () => {
      for (const oc of state.withStatus('solucionada')) {
        if (oc.solvedAt !== null && night - oc.solvedAt >= slaConfig.autoCloseDays * DAY) {
          sim.act('oc.close', { ocId: oc.id }, systemActor('Encerramento automático'), night);
        }
      }
    });
  }
  const recent = () => officeTime(now - rng.int(10, 48 * 60) * 60_000, rng);
  for (let i = 0; i < Math.max(6, Math.round(options.ocs / 400)); i += 1) {
    const at = Math.min(recent(), now);
    const customer = rng.pick(eligible);
    const from = rng.pick(cast.analysts);
    const to = rng.pick(cast.analysts.filter((a) => a.id !== from.id));
    sim.schedule(at, () => {
      const id = rng.uuid();
      sim.act('recado.create', { id, forAnalystId: to.id, customerId: customer.id, ocId: null, callerName: cast.extranetContacts.get(customer.id)?.[0]?.name ?? 'Cliente', callerPhone: null, message: 'Pediu retorno sobre a ocorrência aberta ontem.' }, sim.analyst(from), at);
      if (rng.chance(0.3)) sim.schedule(Math.min(at + HOUR, now), () => sim.act('recado.done', { recadoId: id }, sim.analyst(to), Math.min(at + HOUR, now)));
    });
  }
  if (options.fixture === 'worst-case') addWorstCase({ sim, cast, now });
  sim.run();

  // The seed numbers OCs as the server would: OC-YYYY-NNNNNN in order of creation, per year.
  const ocorrencias = [...state.ocorrencias.values()].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const perYear = new Map<number, number>();
  const numbered = ocorrencias.map((oc) => {
    const year = new Date(oc.createdAt + LOCAL_OFFSET).getUTCFullYear();
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    return { ...oc, number: `OC-${year}-${String(n).padStart(6, '0')}` };
  });
  return {
    now,
    catalog: [...state.catalog.values()],
    slaConfig,
    analysts: [...state.analysts.values()],
    customers: [...state.customers.values()],
    contacts: [...state.contacts.values()],
    releases: [...state.releases.values()],
    plannedVersions: [...state.plannedVersions.values()],
    ocorrencias: numbered,
    interactions: [...state.interactions.values()],
    events: state.events,
    recados: [...state.recados.values()],
    refused: Object.fromEntries(sim.refused),
  };
};

/** The reference rows of the demo (everything but OCs and their interactions), in the order a store loads them. */
export const referenceRows = (data: DemoData): Change[] => [
  { table: 'sla_config', row: data.slaConfig },
  ...data.catalog.map((row) => ({ table: 'catalog' as const, row })),
  ...data.analysts.map((row) => ({ table: 'analyst' as const, row })),
  ...data.customers.map((row) => ({ table: 'customer' as const, row })),
  ...data.contacts.map((row) => ({ table: 'contact' as const, row })),
  ...data.releases.map((row) => ({ table: 'release' as const, row })),
  ...data.plannedVersions.map((row) => ({ table: 'planned_version' as const, row })),
  ...data.recados.map((row) => ({ table: 'recado' as const, row })),
];

export const openCount = (data: DemoData): number => data.ocorrencias.filter((o) => isOpenStatus(o.status)).length;
