import { IN_HAND_STATUSES, type Channel, type Criticidade, type Level, type OcEvent, type OcStatus, type Plan, type Recado } from '../../shared/domain';
import type { Db } from './connection';
import { docs } from './rows';
import { stmt } from './statements';

// Reads of the lead's board and reports. SLA outcomes are not stored (the stored columns hold only the current
// badge), so reports evaluate the event logs with the pure engine — the same function every other place uses —
// over exactly the OCs that can have an outcome in the window.

const DAY_MS = 86_400_000;
const IN_HAND_SQL = IN_HAND_STATUSES.map((s) => `'${s}'`).join(', ');

export interface OcFacts {
  id: string;
  number: string | null;
  customerId: string;
  customerName: string;
  subject: string;
  plan: Plan;
  module: string;
  criticidade: Criticidade;
  level: Level;
  status: OcStatus;
  channel: Channel;
  isOpen: boolean;
  assigneeId: string | null;
  assigneeName: string | null;
  createdAt: number;
  solvedAt: number | null;
}

export interface OcWithEvents {
  oc: OcFacts;
  events: OcEvent[];
}

interface RawFacts {
  id: string; number: string | null; customer_id: string; customer_name: string; subject: string; plan: Plan; module: string;
  criticidade: Criticidade; level: Level; status: OcStatus; channel: Channel; is_open: number; assignee_id: string | null;
  assignee_name: string | null; created_at: number; solved_at: number | null;
}

const FACTS_SQL = `SELECT o.id, o.number, o.customer_id, c.name AS customer_name, o.subject, o.plan, o.module, o.criticidade,
  o.level, o.status, o.channel, o.is_open, o.assignee_id, a.name AS assignee_name, o.created_at,
  json_extract(o.doc, '$.solvedAt') AS solved_at
  FROM ocorrencia o JOIN customer c ON c.id = o.customer_id LEFT JOIN analyst a ON a.id = o.assignee_id`;

/**
 * Which OCs can hold an SLA outcome decided in [from, to): a clock decides while it counts, so the OC was open at
 * that instant — it is open now, or some event of its log (the stop, a later close) is at or after `from`. The
 * clock starts no earlier than the call that opened the OC, so OCs created a day or more after `to` cannot count.
 */
const WINDOW_WHERE = `o.created_at < ? AND (o.is_open = 1 OR o.id IN (SELECT e.oc_id FROM oc_event e WHERE e.at >= ?))`;

const toFacts = (r: RawFacts): OcFacts => ({
  id: r.id,
  number: r.number,
  customerId: r.customer_id,
  customerName: r.customer_name,
  subject: r.subject,
  plan: r.plan,
  module: r.module,
  criticidade: r.criticidade,
  level: r.level,
  status: r.status,
  channel: r.channel,
  isOpen: r.is_open === 1,
  assigneeId: r.assignee_id,
  assigneeName: r.assignee_name,
  createdAt: r.created_at,
  solvedAt: r.solved_at,
});

/** Events of many OCs in one ordered scan, grouped by OC (log order within an instant, as eventsOf). */
const eventsByOc = (db: Db, ocWhere: string, params: unknown[]): Map<string, OcEvent[]> => {
  const rows = stmt(db, `SELECT e.oc_id, e.doc FROM oc_event e WHERE e.oc_id IN (SELECT o.id FROM ocorrencia o WHERE ${ocWhere})
    ORDER BY e.oc_id, e.at, e.seq`).all(...params) as { oc_id: string; doc: string }[];
  const byOc = new Map<string, OcEvent[]>();
  for (const row of rows) {
    let list = byOc.get(row.oc_id);
    if (list === undefined) {
      list = [];
      byOc.set(row.oc_id, list);
    }
    list.push(JSON.parse(row.doc) as OcEvent);
  }
  return byOc;
};

const withEvents = (db: Db, where: string, params: unknown[]): OcWithEvents[] => {
  const facts = (stmt(db, `${FACTS_SQL} WHERE ${where}`).all(...params) as RawFacts[]).map(toFacts);
  const events = eventsByOc(db, where, params);
  return facts.map((oc) => ({ oc, events: events.get(oc.id) ?? [] }));
};

/** Every OC that can have a customer clock decided in [from, to), with its event log. */
export const ocsDecidingIn = (db: Db, from: number, to: number): OcWithEvents[] => withEvents(db, WINDOW_WHERE, [to + DAY_MS, from]);

/** The same, for one customer's OCs (its page's compliance this month): bounded by the customer index first. */
export const customerOcsDecidingIn = (db: Db, customerId: string, from: number, to: number): OcWithEvents[] =>
  withEvents(db, `o.customer_id = ? AND ${WINDOW_WHERE}`, [customerId, to + DAY_MS, from]);

/** Every open OC with its event log (the board's live clocks). */
export const openOcsWithEvents = (db: Db): OcWithEvents[] => withEvents(db, 'o.is_open = 1', []);

/** OCs in hand per analyst (what "take" counts against capacity). */
export const loadByAnalyst = (db: Db): Map<string, number> =>
  new Map((stmt(db, `SELECT assignee_id, COUNT(*) AS n FROM ocorrencia WHERE is_open = 1 AND assignee_id IS NOT NULL
    AND status IN (${IN_HAND_SQL}) GROUP BY assignee_id`).all() as { assignee_id: string; n: number }[]).map((r) => [r.assignee_id, r.n]));

export const pendingRecados = (db: Db): Recado[] =>
  docs<Recado>(stmt(db, 'SELECT doc FROM recado WHERE done_at IS NULL ORDER BY created_at').all() as { doc: string }[]);

export interface VolumeFact {
  createdAt: number;
  channel: Channel;
  solved: boolean;
  escalated: boolean;
}

/** OCs opened in [from, to): channel, whether solved, whether ever escalated to N2. */
export const volumeFacts = (db: Db, from: number, to: number): VolumeFact[] =>
  (stmt(db, `SELECT o.created_at, o.channel, json_extract(o.doc, '$.solvedAt') IS NOT NULL AS solved,
      EXISTS (SELECT 1 FROM oc_event e WHERE e.oc_id = o.id AND e.type = 'escalated') AS escalated
    FROM ocorrencia o WHERE o.created_at >= ? AND o.created_at < ?`).all(from, to) as { created_at: number; channel: Channel; solved: number; escalated: number }[])
    .map((r) => ({ createdAt: r.created_at, channel: r.channel, solved: r.solved === 1, escalated: r.escalated === 1 }));

/** Open OCs per bound SLA configuration version. */
export const openOcsByConfigVersion = (db: Db): { version: number; count: number }[] =>
  stmt(db, `SELECT json_extract(doc, '$.slaConfigVersion') AS version, COUNT(*) AS count FROM ocorrencia WHERE is_open = 1
    GROUP BY version ORDER BY version`).all() as { version: number; count: number }[];

export const slaConfigVersions = (db: Db): { version: number; effectiveFrom: number }[] =>
  (stmt(db, 'SELECT version, effective_from FROM sla_config ORDER BY version').all() as { version: number; effective_from: number }[])
    .map((r) => ({ version: r.version, effectiveFrom: r.effective_from }));
