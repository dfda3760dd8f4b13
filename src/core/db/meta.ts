import type { Db } from './connection';
import { stmt } from './statements';

/** Small key-value facts of this replica: client id, pull cursor, last mutation id, clock offset, session. */
export const getMeta = (db: Db, key: string): string | undefined =>
  (stmt(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;

export const setMeta = (db: Db, key: string, value: string): void => {
  stmt(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
};

export const deleteMeta = (db: Db, key: string): void => {
  stmt(db, 'DELETE FROM meta WHERE key = ?').run(key);
};

/** Keys that start with `prefix` (per-analyst facts such as session tokens). */
export const metaKeys = (db: Db, prefix: string): string[] =>
  (stmt(db, "SELECT key FROM meta WHERE substr(key, 1, length(?)) = ? ORDER BY key").all(prefix, prefix) as { key: string }[]).map((r) => r.key);
