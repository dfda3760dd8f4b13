import type { z } from 'zod';
import type { CustomerCallLog, CustomerCallLogArgs, CustomerHistory, CustomerOcsArgs, CustomerOcsPage } from '../../shared/api/customer-history';
import { CUSTOMER_RECADOS_SHOWN } from '../../shared/api/customer-history';
import { DomainFailure, isOpenStatus } from '../../shared/domain';
import { complianceGroups, pctOf, type Counts } from '../../shared/reports/compliance';
import { monthRange } from '../../shared/reports/periods';
import { evaluateSla } from '../../shared/sla/clocks';
import { civilFromDays, localDaysOf } from '../../shared/sla/time-zone';
import { customerCallCount, customerCallPage, customerOcPage, customerRecados, customerStatusCounts } from '../db/customer-history';
import { customerCard } from '../db/directory';
import { customerOcsDecidingIn } from '../db/reports';
import { getRow } from '../db/rows';
import { configResolver } from '../sla/columns';
import type { CoreDeps } from './deps';
import { customerNotFound } from './errors';
import { requireAnalyst } from './query-handlers';

// The customer's page (src/shared/api/customer-history.ts): any analyst may read it — whoever answers the phone
// needs the story. Each read names one customer; an id that is not a customer's (unknown, an OC's, another
// table's) is "Cliente não encontrado", never an empty page that looks like a customer without history.

const requireCustomer = (deps: CoreDeps, customerId: string): string => {
  requireAnalyst(deps);
  if (getRow(deps.db, 'customer', customerId) === undefined) throw new DomainFailure(customerNotFound(customerId));
  return customerId;
};

const thisMonth = (deps: CoreDeps): string => {
  const today = civilFromDays(localDaysOf(deps.timeZone, deps.clock.now()));
  return `${today.year}-${String(today.month).padStart(2, '0')}`;
};

const tally = (counts: Counts) => ({ ...counts, pct: pctOf(counts) });

/** The customer's clocks decided this month, counted as the lead's compliance report counts them. */
const complianceThisMonth = (deps: CoreDeps, customerId: string): CustomerHistory['compliance'] => {
  const month = thisMonth(deps);
  const range = monthRange(month, deps.timeZone);
  const totals = { firstResponse: { met: 0, breached: 0 }, resolution: { met: 0, breached: 0 } };
  if (range !== null) {
    const configs = configResolver(deps.db);
    const now = deps.clock.now();
    const ocs = customerOcsDecidingIn(deps.db, customerId, range.from, range.to).map(({ oc, events }) => ({
      id: oc.id,
      customerId: oc.customerId,
      module: oc.module,
      plan: oc.plan,
      events,
      evaluation: evaluateSla(events, configs, now),
    }));
    for (const group of complianceGroups(ocs, { from: range.from, to: range.to, groupBy: [], granularity: 'month', timeZone: deps.timeZone })) {
      totals.firstResponse.met += group.firstResponse.met;
      totals.firstResponse.breached += group.firstResponse.breached;
      totals.resolution.met += group.resolution.met;
      totals.resolution.breached += group.resolution.breached;
    }
  }
  return { month, firstResponse: tally(totals.firstResponse), resolution: tally(totals.resolution) };
};

export const customerHistory = (deps: CoreDeps, args: { customerId: string }): CustomerHistory => {
  const id = requireCustomer(deps, args.customerId);
  const card = customerCard(deps.db, id);
  if (card === undefined) throw new DomainFailure(customerNotFound(id));
  const byStatus = customerStatusCounts(deps.db, id);
  const openOcs = byStatus.reduce((n, s) => n + (isOpenStatus(s.status) ? s.count : 0), 0);
  const closedOcs = byStatus.reduce((n, s) => n + (isOpenStatus(s.status) ? 0 : s.count), 0);
  const recados = customerRecados(deps.db, id, CUSTOMER_RECADOS_SHOWN);
  return {
    card,
    byStatus,
    openOcs,
    closedOcs,
    calls: customerCallCount(deps.db, id),
    recados: recados.recados,
    recadosTotal: recados.total,
    openRecados: recados.open,
    compliance: complianceThisMonth(deps, id),
  };
};

export const customerOcs = (deps: CoreDeps, args: z.output<typeof CustomerOcsArgs>): CustomerOcsPage => {
  const customerId = requireCustomer(deps, args.customerId);
  const page = customerOcPage(deps.db, { customerId, scope: args.scope, statuses: args.statuses, sort: args.sort, offset: args.offset, limit: args.limit });
  return { rows: page.rows, total: page.total, offset: args.offset };
};

export const customerCallLog = (deps: CoreDeps, args: z.output<typeof CustomerCallLogArgs>): CustomerCallLog => {
  const customerId = requireCustomer(deps, args.customerId);
  const entries = customerCallPage(deps.db, customerId, args.offset, args.limit).flatMap(({ interaction: i, displayNumber }) =>
    i.call === null ? [] : [{ id: i.id, ocId: i.ocId, authorName: i.authorName, body: i.body, createdAt: i.createdAt, call: i.call, displayNumber }],
  );
  return { entries, total: customerCallCount(deps.db, customerId), offset: args.offset };
};

export const customerHistoryHandlers = {
  'customer.history': customerHistory,
  'customer.ocs': customerOcs,
  'customer.callLog': customerCallLog,
} as const;
