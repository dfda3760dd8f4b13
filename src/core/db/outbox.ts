import type { EntityTable } from '../../shared/mutators/types';
import type { Db } from './connection';
import { getMeta, setMeta } from './meta';
import { stmt } from './statements';

export interface OutboxEntry {
  mutationId: number;
  name: string;
  args: unknown;
  clientTime: number;
  actorId: string;
}

const LAST_ISSUED = 'lastIssuedMutationId';

/** The highest mutation id ever issued: the outbox's newest entry, or the one recorded when entries were confirmed. */
const lastIssued = (db: Db): number => {
  const queued = (stmt(db, 'SELECT MAX(mutation_id) AS id FROM outbox').get() as { id: number | null }).id ?? 0;
  return Math.max(queued, Number(getMeta(db, LAST_ISSUED) ?? '0'));
};

/**
 * Appends a mutation; ids go up by one per client and never repeat, also after confirmed entries are deleted
 * (Replicache-style, SPEC §6). The last id lives in the outbox itself while it holds entries, and is recorded
 * when confirmation deletes them, so appending writes one row.
 */
export const appendOutbox = (db: Db, entry: Omit<OutboxEntry, 'mutationId'>, now: number): number => {
  const mutationId = lastIssued(db) + 1;
  stmt(db, 'INSERT INTO outbox (mutation_id, name, args, client_time, actor_id, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(mutationId, entry.name, JSON.stringify(entry.args), entry.clientTime, entry.actorId, now);
  return mutationId;
};

/** Queued mutations in id order, from the one after `afterId` (those up to it were pushed, not yet confirmed). */
export const pendingMutations = (db: Db, limit = 1_000_000, afterId = 0): OutboxEntry[] =>
  (stmt(db, 'SELECT mutation_id, name, args, client_time, actor_id FROM outbox WHERE mutation_id > ? ORDER BY mutation_id LIMIT ?').all(afterId, limit) as {
    mutation_id: number; name: string; args: string; client_time: number; actor_id: string;
  }[]).map((r) => ({ mutationId: r.mutation_id, name: r.name, args: JSON.parse(r.args), clientTime: r.client_time, actorId: r.actor_id }));

export const pendingCount = (db: Db): number => (stmt(db, 'SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n;

/** Rows changed optimistically whose server version waits for the next rebase. */
export const baseCount = (db: Db): number => (stmt(db, 'SELECT COUNT(*) AS n FROM pending_base').get() as { n: number }).n;

/** Drops the mutations the server has applied (or permanently rejected): everything up to lastMutationId. */
export const confirmUpTo = (db: Db, lastMutationId: number): void => {
  const confirmed = (stmt(db, 'SELECT MAX(mutation_id) AS id FROM outbox WHERE mutation_id <= ?').get(lastMutationId) as { id: number | null }).id;
  if (confirmed === null) return;
  if (confirmed > Number(getMeta(db, LAST_ISSUED) ?? '0')) setMeta(db, LAST_ISSUED, String(confirmed));
  stmt(db, 'DELETE FROM outbox WHERE mutation_id <= ?').run(lastMutationId);
};

/**
 * Before the first optimistic write to a row, keep the server's version of it for the next rebase; `current` is
 * the row as stored (undefined: the row is new, and a rebase removes it).
 */
export const saveBase = (db: Db, table: EntityTable, key: string | number, current: { doc: string; server_version: number } | undefined): void => {
  stmt(db, 'INSERT OR IGNORE INTO pending_base (table_name, id, doc, server_version) VALUES (?, ?, ?, ?)')
    .run(table, String(key), current?.doc ?? null, current?.server_version ?? 0);
};

export interface BaseRow {
  table: EntityTable;
  id: string;
  doc: string | null;
  serverVersion: number;
}

/** Takes (and clears) the saved server versions, for a rebase to restore them. */
export const takeBases = (db: Db): BaseRow[] => {
  const rows = (stmt(db, 'SELECT table_name, id, doc, server_version FROM pending_base').all() as {
    table_name: EntityTable; id: string; doc: string | null; server_version: number;
  }[]).map((r) => ({ table: r.table_name, id: r.id, doc: r.doc, serverVersion: r.server_version }));
  stmt(db, 'DELETE FROM pending_base').run();
  return rows;
};

/** A pulled server row supersedes the saved base of the same row. */
export const replaceBase = (db: Db, table: EntityTable, key: string | number, doc: string, serverVersion: number): void => {
  stmt(db, 'UPDATE pending_base SET doc = ?, server_version = ? WHERE table_name = ? AND id = ?').run(doc, serverVersion, table, String(key));
};
