import type { QueueColumnRow } from '../../shared/api/queue-columns';
import type { QueueFilter, QueueRow } from '../../shared/api/views';
import { displayNumber, type Analyst, type OcStatus, type Recado } from '../../shared/domain';
import { AWAITING_N2_STATUSES } from '../../shared/oc/stage';
import type { Db } from './connection';
import { docs } from './rows';
import { stmt } from './statements';

// Queue reads come from the query columns, never the JSON docs: tens of thousands of rows stay cheap.
export const QUEUE_ROW_SQL = `SELECT o.id, o.number, o.customer_id, c.name AS customer_name, o.plan, o.module, o.segment, o.criticidade,
  o.kind, o.channel, o.status, o.level, o.subject, o.assignee_id, a.name AS assignee_name, o.preferred_analyst_id,
  o.created_at, o.updated_at, o.sla_clock, o.sla_state, o.sla_due_at, o.sla_percent, o.sla_breached_at, o.sla_ola_due_at, o.server_version
  FROM ocorrencia o JOIN customer c ON c.id = o.customer_id LEFT JOIN analyst a ON a.id = o.assignee_id`;

interface RawRow {
  id: string; number: string | null; customer_id: string; customer_name: string; plan: QueueRow['plan']; module: string;
  segment: string; criticidade: QueueRow['criticidade']; kind: QueueRow['kind']; channel: QueueRow['channel'];
  status: QueueRow['status']; level: QueueRow['level']; subject: string; assignee_id: string | null;
  assignee_name: string | null; preferred_analyst_id: string | null; created_at: number; updated_at: number;
  sla_clock: NonNullable<QueueRow['sla']>['clock'] | null; sla_state: NonNullable<QueueRow['sla']>['state'] | null;
  sla_due_at: number | null; sla_percent: number | null; sla_breached_at: number | null; sla_ola_due_at: number | null; server_version: number;
}

export const toQueueRow = (r: RawRow): QueueRow => ({
  id: r.id,
  number: r.number,
  displayNumber: displayNumber({ id: r.id, number: r.number }),
  customerId: r.customer_id,
  customerName: r.customer_name,
  plan: r.plan,
  module: r.module,
  segment: r.segment,
  criticidade: r.criticidade,
  kind: r.kind,
  channel: r.channel,
  status: r.status,
  level: r.level,
  subject: r.subject,
  assigneeId: r.assignee_id,
  assigneeName: r.assignee_name,
  preferredAnalystId: r.preferred_analyst_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  sla: r.sla_clock === null || r.sla_state === null
    ? null
    : { clock: r.sla_clock, state: r.sla_state, dueAt: r.sla_due_at, percent: r.sla_percent ?? 0, breachedAt: r.sla_breached_at },
  olaDueAt: r.sla_ola_due_at,
  pending: r.server_version === 0,
});

const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(', ');

/**
 * "Minha fila", first part: unassigned open OCs at my level whose module and segment are among my specialties,
 * soonest breach first — found through the partial index ocorrencia_queue (one probe per module × segment).
 */
/** The SQL of `availableFor` for a number of modules and segments (the query-plan test reads it too). */
export const availableForSql = (modules: number, segments: number): string =>
  // INDEXED BY: without statistics the planner may pick the assignee index (assignee_id IS NULL) and scan every
  // unassigned OC; the queue index probes only my level × modules × segments.
  `${QUEUE_ROW_SQL.replace('FROM ocorrencia o', 'FROM ocorrencia o INDEXED BY ocorrencia_queue')} WHERE o.is_open = 1 AND o.assignee_id IS NULL
    AND o.level = ? AND o.module IN (${placeholders(Array.from({ length: modules }))}) AND o.segment IN (${placeholders(Array.from({ length: segments }))})
    ORDER BY o.sla_sort LIMIT ?`;

export const availableFor = (db: Db, analyst: Pick<Analyst, 'level' | 'modules' | 'segments'>, limit: number): QueueRow[] => {
  if (analyst.modules.length === 0 || analyst.segments.length === 0) return [];
  const sql = availableForSql(analyst.modules.length, analyst.segments.length);
  return (stmt(db, sql).all(analyst.level, ...analyst.modules, ...analyst.segments, limit) as RawRow[]).map(toQueueRow);
};

export const assignedTo = (db: Db, analystId: string): QueueRow[] =>
  (stmt(db, `${QUEUE_ROW_SQL} WHERE o.is_open = 1 AND o.assignee_id = ? ORDER BY o.sla_sort`).all(analystId) as RawRow[]).map(toQueueRow);

/** OCs the customer directed to this analyst (preferred analyst) that nobody holds yet. */
export const directedTo = (db: Db, analystId: string): QueueRow[] =>
  (stmt(db, `${QUEUE_ROW_SQL} WHERE o.is_open = 1 AND o.preferred_analyst_id = ? AND o.assignee_id IS NULL ORDER BY o.sla_sort`).all(analystId) as RawRow[]).map(toQueueRow);

export const openRecadosFor = (db: Db, analystId: string): Recado[] =>
  docs<Recado>(stmt(db, 'SELECT doc FROM recado WHERE for_analyst_id = ? AND done_at IS NULL ORDER BY created_at').all(analystId) as { doc: string }[]);

/** shared/oc/stage.ts awaitsN2Pickup, as SQL over the row's columns. */
const AWAITING_N2_SQL = `(o.level = 'n2' AND o.assignee_id IS NULL AND o.status IN (${AWAITING_N2_STATUSES.map((s) => `'${s}'`).join(', ')}))`;

/** The WHERE clause of a team view (SPEC §4): any combination of filters. */
const teamWhere = (filter: QueueFilter, now: number): { sql: string; params: unknown[] } => {
  const where: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: readonly unknown[] | undefined): void => {
    if (values === undefined || values.length === 0) return;
    where.push(`${column} IN (${placeholders(values)})`);
    params.push(...values);
  };
  if (filter.openOnly) where.push('o.is_open = 1');
  inList('o.module', filter.modules);
  inList('o.segment', filter.segments);
  inList('o.level', filter.levels);
  inList('o.status', filter.statuses);
  if (filter.stages !== undefined && filter.stages.length > 0) {
    // A status stage leaves out the OCs waiting for an N2 (they show as aguardando_n2, not as their status).
    const statuses = filter.stages.filter((s): s is OcStatus => s !== 'aguardando_n2');
    const either: string[] = [];
    if (statuses.length > 0) {
      either.push(`(o.status IN (${placeholders(statuses)}) AND NOT ${AWAITING_N2_SQL})`);
      params.push(...statuses);
    }
    if (filter.stages.includes('aguardando_n2')) either.push(AWAITING_N2_SQL);
    where.push(`(${either.join(' OR ')})`);
  }
  inList('o.plan', filter.plans);
  inList('o.criticidade', filter.criticidades);
  if (filter.assigneeId !== undefined) {
    if (filter.assigneeId === null) where.push('o.assignee_id IS NULL');
    else {
      where.push('o.assignee_id = ?');
      params.push(filter.assigneeId);
    }
  }
  if (filter.customerId !== undefined) {
    where.push('o.customer_id = ?');
    params.push(filter.customerId);
  }
  if (filter.breached === true) where.push('o.sla_breached_at IS NOT NULL');
  if (filter.breached === false) where.push('o.sla_breached_at IS NULL');
  if (filter.dueWithinMs !== undefined) {
    where.push("o.sla_state = 'running' AND o.sla_sort <= ?");
    params.push(now + filter.dueWithinMs);
  }
  return { sql: where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '', params };
};

/** A team view's rows, soonest breach first, at most `filter.limit`. */
export const listQueue = (db: Db, filter: QueueFilter, now: number): QueueRow[] => {
  const where = teamWhere(filter, now);
  return (stmt(db, `${QUEUE_ROW_SQL}${where.sql} ORDER BY o.sla_sort, o.created_at LIMIT ?`).all(...where.params, filter.limit) as RawRow[]).map(toQueueRow);
};

/** A team view's columns in shared/api/queue-columns.ts order, as arrays (no row objects: 20 000 of them cost). */
const QUEUE_COLUMNS_SQL = `SELECT o.id, o.number, o.customer_id, c.name, o.plan, o.module, o.segment, o.criticidade, o.kind, o.channel, o.status,
  o.level, o.subject, o.assignee_id, a.name, o.preferred_analyst_id, o.created_at, o.updated_at, o.sla_clock, o.sla_state, o.sla_due_at,
  o.sla_percent, o.sla_breached_at, o.sla_ola_due_at, o.server_version = 0
  FROM ocorrencia o JOIN customer c ON c.id = o.customer_id LEFT JOIN analyst a ON a.id = o.assignee_id`;

/** listQueue's rows, as value arrays for encodeQueueColumns. */
export const listQueueColumns = (db: Db, filter: QueueFilter, now: number): QueueColumnRow[] => {
  const where = teamWhere(filter, now);
  return stmt(db, `${QUEUE_COLUMNS_SQL}${where.sql} ORDER BY o.sla_sort, o.created_at LIMIT ?`).raw().all(...where.params, filter.limit) as QueueColumnRow[];
};

/** How many OCs a team view holds, whatever its limit. */
export const countQueue = (db: Db, filter: QueueFilter, now: number): number => {
  const where = teamWhere(filter, now);
  return (stmt(db, `SELECT COUNT(*) AS n FROM ocorrencia o${where.sql}`).get(...where.params) as { n: number }).n;
};

export const rowsByIds = (db: Db, ids: readonly string[]): QueueRow[] => {
  if (ids.length === 0) return [];
  const rows = stmt(db, `${QUEUE_ROW_SQL} WHERE o.id IN (${placeholders(ids)})`).all(...ids) as RawRow[];
  const byId = new Map(rows.map((r) => [r.id, toQueueRow(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
};

