import { SYNC_TABLES } from '../../shared/sync/protocol';
import type { Clock } from '../../shared/time';
import type { Database, Sql } from '../db/database';

// Each table is read from its version index, limited, then merged: a page is the `limit` smallest versions above
// the cursor across all tables, read in one snapshot with the client's last mutation id.
const PULL_SQL = `SELECT t, version, doc FROM (${SYNC_TABLES.map((table) =>
  `(SELECT '${table}' AS t, version, doc::text AS doc FROM ${table} WHERE version > $1 ORDER BY version LIMIT $2)`).join(' UNION ALL ')}) AS changes
  ORDER BY version LIMIT $2`;

export interface PullPage {
  /** The response body, already serialised: rows go out as the JSON text PostgreSQL holds, never re-parsed. */
  body: string;
  count: number;
  cursor: number;
  hasMore: boolean;
}

export const headVersion = async (sql: Sql): Promise<number> => {
  const { rows } = await sql.query<{ head: number }>('SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS head FROM change_version');
  return rows[0]?.head ?? 0;
};

/** Changes above `cursor`, at most `limit`, plus the client's lastMutationId — one consistent snapshot. */
export const pullChanges = async (db: Database, clock: Clock, clientId: string, cursor: number, limit: number): Promise<PullPage> =>
  db.transaction(async (tx) => {
    const { rows } = await tx.query<{ t: string; version: number; doc: string }>(PULL_SQL, [cursor, limit]);
    const last = await tx.query<{ last_mutation_id: number }>('SELECT last_mutation_id FROM client_state WHERE client_id = $1', [clientId]);
    const head = await headVersion(tx);
    const hasMore = rows.length === limit;
    const next = rows.length > 0 ? (rows[rows.length - 1] as { version: number }).version : cursor;
    const parts = rows.map((r) => `{"table":"${r.t}","version":${r.version},"row":${r.doc}}`);
    const body = `{"changes":[${parts.join(',')}],"cursor":${next},"hasMore":${hasMore},"head":${Math.max(head, next)},` +
      `"lastMutationId":${last.rows[0]?.last_mutation_id ?? 0},"serverTime":${clock.now()}}`;
    return { body, count: rows.length, cursor: next, hasMore };
  }, { isolation: 'repeatable read', readOnly: true });
