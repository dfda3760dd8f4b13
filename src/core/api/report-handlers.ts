import type {
  ComplianceArgs,
  ComplianceDimension,
  ComplianceRow,
  ComplianceReport,
  PenaltyReport,
  PenaltyStatement,
  StatementFile,
  VolumeCounts,
  VolumeReport,
} from '../../shared/api/lead-views';
import { UNASSIGNED } from '../../shared/api/lead-views';
import { CHANNELS, PLANS, domainError, DomainFailure, displayNumber, type Analyst, type Channel, type Lang, type SlaConfig } from '../../shared/domain';
import { can } from '../../shared/oc/permissions';
import { addCounts, complianceGroups, pctOf, planAt, UNASSIGNED_KEY, type Counts } from '../../shared/reports/compliance';
import { monthRange, periodKey, type Granularity } from '../../shared/reports/periods';
import { criticidadeAt, resolutionFacts } from '../../shared/reports/statement-facts';
import { statementCsv, statementFileName } from '../../shared/reports/statement-text';
import type { SlaClockState } from '../../shared/sla/clock-types';
import { evaluateSla } from '../../shared/sla/clocks';
import { penaltiesByCustomer, type ResolutionBreach } from '../../shared/sla/penalties';
import { allCatalog } from '../db/directory';
import { currentSlaConfig, slaConfigVersion } from '../db/loader';
import { ocsDecidingIn, slaConfigVersions, volumeFacts, type OcWithEvents } from '../db/reports';
import { getRow } from '../db/rows';
import { statementPdf } from '../reports/statement-pdf';
import { configResolver } from '../sla/columns';
import type { CoreDeps } from './deps';
import { customerNotFound } from './errors';
import { requireAnalyst } from './query-handlers';

// The lead's reports (SPEC §3 penalties, §5/§8 team lead): SLA compliance, penalties per customer and month with
// the statement the lead exports, and volume by channel and level. All computed from the local replica with
// the pure SLA engine, so a report offline shows what the replica knows.

/** Reports and configuration are the lead's (SPEC §8: plans, calendars, penalties … lead and admin). */
export const requireLead = (deps: CoreDeps): Analyst => {
  const me = requireAnalyst(deps);
  if (!can(me, 'configure')) {
    throw new DomainFailure(domainError('FORBIDDEN_ROLE', { 'pt-BR': 'Somente líderes e administradores acessam esta área.', en: 'Only leads and admins may open this area.' }));
  }
  return me;
};

export const requireSlaConfig = (deps: CoreDeps): SlaConfig => {
  const config = currentSlaConfig(deps.db);
  if (config === undefined) {
    throw new DomainFailure(domainError('NO_SLA_CONFIG', { 'pt-BR': 'A réplica local ainda não tem configuração de SLA; sincronize primeiro.', en: 'The local replica has no SLA configuration yet; sync first.' }));
  }
  return config;
};

const badMonth = (month: string) =>
  new DomainFailure(domainError('INVALID_ARGS', { 'pt-BR': `Mês inválido: ${month}`, en: `Invalid month: ${month}` }));

const evaluate = (deps: CoreDeps, ocs: readonly OcWithEvents[]) => {
  const configs = configResolver(deps.db);
  const now = deps.clock.now();
  return ocs.map((entry) => ({ ...entry, evaluation: evaluateSla(entry.events, configs, now) }));
};

const tally = (counts: Counts) => ({ ...counts, pct: pctOf(counts) });

const NAMES = new Intl.Collator('pt-BR', { sensitivity: 'base', numeric: true });
const byName = (a: string | undefined, b: string | undefined): number => {
  // Clocks decided while nobody held the OC come after every analyst.
  if (a === b) return 0;
  if (a === '' || a === undefined) return 1;
  if (b === '' || b === undefined) return -1;
  return NAMES.compare(a, b);
};
const DIMENSION_ORDER: Record<ComplianceDimension, (a: ComplianceRow, b: ComplianceRow) => number> = {
  period: (a, b) => (a.period ?? '').localeCompare(b.period ?? ''),
  plan: (a, b) => PLANS.indexOf(a.plan ?? 'prata') - PLANS.indexOf(b.plan ?? 'prata'),
  module: (a, b) => byName(a.moduleName, b.moduleName),
  analyst: (a, b) => byName(a.analystName, b.analystName),
  customer: (a, b) => byName(a.customerName, b.customerName),
};

/** Rows in the order of the breakdown: periods in time, plans as the contract lists them, names alphabetically. */
const complianceOrder = (groupBy: readonly ComplianceDimension[]) => (a: ComplianceRow, b: ComplianceRow): number => {
  for (const dimension of groupBy) {
    const order = DIMENSION_ORDER[dimension](a, b);
    if (order !== 0) return order;
  }
  return 0;
};

export const complianceReport = (deps: CoreDeps, args: ComplianceArgs): ComplianceReport => {
  requireLead(deps);
  const evaluated = evaluate(deps, ocsDecidingIn(deps.db, args.from, args.to));
  const filter = {
    ...(args.plans === undefined ? {} : { plans: args.plans }),
    ...(args.modules === undefined ? {} : { modules: args.modules }),
    ...(args.analystIds === undefined ? {} : { analystIds: args.analystIds }),
    ...(args.customerIds === undefined ? {} : { customerIds: args.customerIds }),
  };
  const groups = complianceGroups(
    evaluated.map(({ oc, events, evaluation }) => ({ id: oc.id, customerId: oc.customerId, module: oc.module, plan: oc.plan, events, evaluation })),
    { from: args.from, to: args.to, groupBy: args.groupBy, granularity: args.granularity, timeZone: deps.timeZone, filter },
  );
  const moduleName = new Map(allCatalog(deps.db).map((c) => [c.id, c.name]));
  const analystName = (id: string): string => (id === UNASSIGNED_KEY ? '' : getRow(deps.db, 'analyst', id)?.name ?? id);
  const customerName = (id: string): string => getRow(deps.db, 'customer', id)?.name ?? id;
  const totals = { firstResponse: { met: 0, breached: 0 }, resolution: { met: 0, breached: 0 } };
  const rows = groups.map((g) => {
    addCounts(totals.firstResponse, g.firstResponse);
    addCounts(totals.resolution, g.resolution);
    const k = g.key;
    return {
      ...(k.period === undefined ? {} : { period: k.period }),
      ...(k.plan === undefined ? {} : { plan: k.plan as 'prata' | 'ouro' | 'vip' }),
      ...(k.module === undefined ? {} : { module: k.module, moduleName: moduleName.get(k.module) ?? k.module }),
      ...(k.analyst === undefined ? {} : { analystId: k.analyst === UNASSIGNED_KEY ? UNASSIGNED : k.analyst, analystName: analystName(k.analyst) }),
      ...(k.customer === undefined ? {} : { customerId: k.customer, customerName: customerName(k.customer) }),
      firstResponse: tally(g.firstResponse),
      resolution: tally(g.resolution),
    };
  });
  return {
    from: args.from,
    to: args.to,
    timeZone: deps.timeZone,
    granularity: args.granularity,
    groupBy: args.groupBy,
    rows: rows.sort(complianceOrder(args.groupBy)),
    totals: { firstResponse: tally(totals.firstResponse), resolution: tally(totals.resolution) },
  };
};

/**
 * The penalty policy for a month: the configuration in force at the month's end (or now, for the month under
 * way) — an edit of the percentages applies from that month onward, never to months already closed.
 */
const policyFor = (deps: CoreDeps, to: number): SlaConfig => {
  const at = Math.min(to - 1, deps.clock.now());
  const versions = slaConfigVersions(deps.db).filter((v) => v.effectiveFrom <= at);
  const chosen = versions[versions.length - 1];
  return (chosen === undefined ? undefined : slaConfigVersion(deps.db, chosen.version)) ?? requireSlaConfig(deps);
};

interface MonthBreaches {
  range: { from: number; to: number };
  policy: SlaConfig;
  breaches: (ResolutionBreach & { customerId: string })[];
  /** Each breached OC with its resolution clock as evaluated now (the statement's stop and delay). */
  ocs: Map<string, OcWithEvents & { resolution: SlaClockState | undefined }>;
}

/** Resolution breaches dated in the month (SPEC §3 penalties), each with the OC's plan at the breach. */
const monthBreaches = (deps: CoreDeps, month: string, customerId?: string): MonthBreaches => {
  const range = monthRange(month, deps.timeZone);
  if (range === null) throw badMonth(month);
  const ocs: MonthBreaches['ocs'] = new Map();
  const breaches: MonthBreaches['breaches'] = [];
  for (const { oc, events, evaluation } of evaluate(deps, ocsDecidingIn(deps.db, range.from, range.to))) {
    if (customerId !== undefined && oc.customerId !== customerId) continue;
    const resolution = evaluation.clocks.find((c) => c.clock === 'resolution');
    const at = resolution?.breachedAt ?? null;
    if (at === null || at < range.from || at >= range.to) continue;
    breaches.push({ ocId: oc.id, customerId: oc.customerId, breachedAt: at, plan: planAt(events, at, oc.plan) });
    ocs.set(oc.id, { oc, events, resolution });
  }
  return { range, policy: policyFor(deps, range.to), breaches, ocs };
};

export const penaltyReport = (deps: CoreDeps, args: { month: string }): PenaltyReport => {
  requireLead(deps);
  const { policy, breaches } = monthBreaches(deps, args.month);
  const customerIds = [...new Set(breaches.map((b) => b.customerId))];
  const customers = customerIds.map((id) => getRow(deps.db, 'customer', id)).filter((c) => c !== undefined);
  const months = penaltiesByCustomer(customers, breaches, policy, deps.timeZone).filter((m) => m.month === args.month);
  const byId = new Map(customers.map((c) => [c.id, c]));
  const rows = months
    .map((m) => {
      const c = byId.get(m.customerId);
      if (c === undefined) throw new Error(`customer ${m.customerId} vanished`);
      return { customerId: c.id, customerName: c.name, cnpj: c.cnpj, plan: c.plan, monthlyFeeCents: m.monthlyFeeCents, breaches: m.breaches, uncappedCents: m.uncappedCents, capCents: m.capCents, penaltyCents: m.penaltyCents, capped: m.capped };
    })
    .sort((a, b) => b.penaltyCents - a.penaltyCents || a.customerName.localeCompare(b.customerName));
  return {
    month: args.month,
    timeZone: deps.timeZone,
    rows,
    totals: { customers: rows.length, breaches: rows.reduce((n, r) => n + r.breaches, 0), penaltyCents: rows.reduce((n, r) => n + r.penaltyCents, 0) },
  };
};

export const penaltyDetail = (deps: CoreDeps, args: { customerId: string; month: string }): PenaltyStatement => {
  requireLead(deps);
  const customer = getRow(deps.db, 'customer', args.customerId);
  if (customer === undefined) throw new DomainFailure(customerNotFound(args.customerId));
  const { policy, breaches, ocs } = monthBreaches(deps, args.month, customer.id);
  const month = penaltiesByCustomer([customer], breaches, policy, deps.timeZone).find((m) => m.month === args.month);
  const capCents = Math.round((customer.monthlyFeeCents * policy.penaltyCapPct) / 100);
  return {
    customerId: customer.id,
    customerName: customer.name,
    cnpj: customer.cnpj,
    plan: customer.plan,
    monthlyFeeCents: customer.monthlyFeeCents,
    breaches: month?.breaches ?? 0,
    uncappedCents: month?.uncappedCents ?? 0,
    capCents,
    penaltyCents: month?.penaltyCents ?? 0,
    capped: month?.capped ?? false,
    month: args.month,
    timeZone: deps.timeZone,
    penaltyPct: policy.penaltyPct,
    penaltyCapPct: policy.penaltyCapPct,
    generatedAt: deps.clock.now(),
    lines: (month?.details ?? []).map((d) => {
      const entry = ocs.get(d.ocId);
      const oc = entry?.oc;
      const events = entry?.events ?? [];
      return {
        ocId: d.ocId,
        displayNumber: oc === undefined ? d.ocId : displayNumber(oc),
        subject: oc?.subject ?? '',
        plan: d.plan,
        // The criticidade that set the deadline, as the plan is the one that set the percentage.
        criticidade: criticidadeAt(events, d.breachedAt, oc?.criticidade ?? 'media'),
        breachedAt: d.breachedAt,
        ...resolutionFacts(entry?.resolution, events),
        pct: d.pct,
        penaltyCents: d.penaltyCents,
        chargedCents: d.chargedCents,
      };
    }),
  };
};

/** The statement as a file, in pt-BR (it goes to a Brazilian customer) unless the lead asks for English. */
export const penaltyStatementFile = async (deps: CoreDeps, args: { customerId: string; month: string; format: 'csv' | 'pdf'; lang?: Lang | undefined }): Promise<StatementFile> => {
  const statement = penaltyDetail(deps, args);
  const lang = args.lang ?? 'pt-BR';
  if (args.format === 'csv') {
    // The byte-order mark makes Excel pt-BR read the file as UTF-8 (accents in names and subjects).
    const bytes = Buffer.from(`\uFEFF${statementCsv(statement, lang)}`, 'utf8');
    return { fileName: statementFileName(statement, 'csv'), mimeType: 'text/csv;charset=utf-8', base64: bytes.toString('base64') };
  }
  const pdf = await statementPdf(statement, { lang });
  return { fileName: statementFileName(statement, 'pdf'), mimeType: 'application/pdf', base64: pdf.toString('base64') };
};

const emptyVolume = (): VolumeCounts => ({
  total: 0,
  byChannel: Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>,
  solvedAtN1: 0,
  escalated: 0,
  other: 0,
});

/** OCs opened per period: by channel (Extranet vs phone …) and by level (solved at N1 vs escalated to N2). */
export const volumeReport = (deps: CoreDeps, args: { from: number; to: number; granularity: Granularity }): VolumeReport => {
  requireLead(deps);
  const periods = new Map<string, VolumeCounts>();
  const totals = emptyVolume();
  for (const fact of volumeFacts(deps.db, args.from, args.to)) {
    const key = periodKey(fact.createdAt, args.granularity, deps.timeZone);
    let counts = periods.get(key);
    if (counts === undefined) {
      counts = emptyVolume();
      periods.set(key, counts);
    }
    for (const c of [counts, totals]) {
      c.total += 1;
      c.byChannel[fact.channel] += 1;
      if (fact.escalated) c.escalated += 1;
      else if (fact.solved) c.solvedAtN1 += 1;
      else c.other += 1;
    }
  }
  const rows = [...periods.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, counts]) => ({ period, ...counts }));
  return { from: args.from, to: args.to, timeZone: deps.timeZone, granularity: args.granularity, rows, totals };
};

