import type { CustomerOcScope, CustomerOcSort, StatusCount } from '../../shared/api/customer-history';
import type { QueueRow } from '../../shared/api/views';
import { displayNumber, type Interaction, type OcStatus, type Recado } from '../../shared/domain';
import type { Db } from './connection';
import { docs } from './rows';
import { QUEUE_ROW_SQL, toQueueRow } from './queue';
import { stmt } from './statements';

// Reads of the customer's page (SPEC §2 "Customer history"). Every one is bounded by the customer's id, through
// the indexes of migration 001: ocorrencia(customer_id, created_at) and interaction(customer_id, created_at), so a
// customer with thousands of OCs pages in milliseconds. Recados have no customer column; a customer's recados are
// found by the doc's customerId in one scan of the (small, append-mostly) recado table.

type RawQueueRow = Parameters<typeof toQueueRow>[0];

export interface CustomerOcFilter {
  customerId: string;
  scope: CustomerOcScope;
  statuses?: readonly OcStatus[] | undefined;
  sort: CustomerOcSort;
  offset: number;
  limit: number;
}

const ORDER: Record<CustomerOcSort, string> = {
  recent: 'o.created_at DESC, o.id DESC',
  oldest: 'o.created_at ASC, o.id ASC',
  updated: 'o.updated_at DESC, o.id DESC',
  // Open OCs first, soonest deadline first; the closed ones after, newest first.
  urgent: 'o.is_open DESC, o.sla_sort ASC, o.created_at DESC, o.id DESC',
};

const ocWhere = (filter: CustomerOcFilter): { sql: string; params: unknown[] } => {
  const where = ['o.customer_id = ?'];
  const params: unknown[] = [filter.customerId];
  if (filter.scope === 'open') where.push('o.is_open = 1');
  if (filter.scope === 'closed') where.push('o.is_open = 0');
  const statuses = filter.statuses ?? [];
  if (statuses.length > 0) {
    where.push(`o.status IN (${statuses.map(() => '?').join(', ')})`);
    params.push(...statuses);
  }
  return { sql: ` WHERE ${where.join(' AND ')}`, params };
};

/** One page of the customer's OCs in the order asked, and how many the filter matches in all. */
export const customerOcPage = (db: Db, filter: CustomerOcFilter): { rows: QueueRow[]; total: number } => {
  const where = ocWhere(filter);
  const total = (stmt(db, `SELECT COUNT(*) AS n FROM ocorrencia o${where.sql}`).get(...where.params) as { n: number }).n;
  if (filter.offset >= total) return { rows: [], total };
  const rows = stmt(db, `${QUEUE_ROW_SQL}${where.sql} ORDER BY ${ORDER[filter.sort]} LIMIT ? OFFSET ?`)
    .all(...where.params, filter.limit, filter.offset) as RawQueueRow[];
  return { rows: rows.map(toQueueRow), total };
};

/** The SQL of a page (the query-plan test reads it). */
export const customerOcPageSql = (filter: CustomerOcFilter): string => `${QUEUE_ROW_SQL}${ocWhere(filter).sql} ORDER BY ${ORDER[filter.sort]} LIMIT ? OFFSET ?`;

/** Every OC of the customer counted by status, in no particular order. */
export const customerStatusCounts = (db: Db, customerId: string): StatusCount[] =>
  stmt(db, 'SELECT status, COUNT(*) AS count FROM ocorrencia WHERE customer_id = ? GROUP BY status').all(customerId) as StatusCount[];

const CALLS_WHERE = "WHERE customer_id = ? AND kind = 'call_log'";

export const customerCallCount = (db: Db, customerId: string): number =>
  (stmt(db, `SELECT COUNT(*) AS n FROM interaction ${CALLS_WHERE}`).get(customerId) as { n: number }).n;

/** A page of the customer's calls, newest first, each with the display number of its OC (null: on the customer alone). */
export const customerCallPage = (db: Db, customerId: string, offset: number, limit: number): Array<{ interaction: Interaction; displayNumber: string | null }> => {
  const calls = docs<Interaction>(stmt(db, `SELECT doc FROM interaction ${CALLS_WHERE} ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`).all(customerId, limit, offset) as { doc: string }[]);
  return withOcNumbers(db, calls.map((interaction) => ({ interaction, ocId: interaction.ocId }))).map(({ item, displayNumber: number }) => ({ interaction: item.interaction, displayNumber: number }));
};

/** The display numbers of the OCs some items name, read in one statement. */
const withOcNumbers = <T extends { ocId: string | null }>(db: Db, items: readonly T[]): Array<{ item: T; displayNumber: string | null }> => {
  const ids = [...new Set(items.flatMap((i) => (i.ocId === null ? [] : [i.ocId])))];
  const numbers = new Map<string, string>();
  if (ids.length > 0) {
    const rows = stmt(db, `SELECT id, number FROM ocorrencia WHERE id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as { id: string; number: string | null }[];
    for (const row of rows) numbers.set(row.id, displayNumber(row));
  }
  return items.map((item) => ({ item, displayNumber: item.ocId === null ? null : numbers.get(item.ocId) ?? null }));
};

const RECADOS_WHERE = "WHERE json_extract(doc, '$.customerId') = ?";

/** The customer's recados: open ones first, oldest first (they wait longest); then done ones, newest first. */
export const customerRecados = (db: Db, customerId: string, limit: number): { recados: Array<Recado & { displayNumber: string | null }>; total: number; open: number } => {
  const counts = stmt(db, `SELECT COUNT(*) AS total, COALESCE(SUM(done_at IS NULL), 0) AS open FROM recado ${RECADOS_WHERE}`).get(customerId) as { total: number; open: number };
  const recados = docs<Recado>(stmt(db, `SELECT doc FROM recado ${RECADOS_WHERE}
    ORDER BY done_at IS NOT NULL, CASE WHEN done_at IS NULL THEN created_at ELSE -created_at END, id LIMIT ?`).all(customerId, limit) as { doc: string }[]);
  return { recados: withOcNumbers(db, recados).map(({ item, displayNumber: number }) => ({ ...item, displayNumber: number })), total: counts.total, open: counts.open };
};
