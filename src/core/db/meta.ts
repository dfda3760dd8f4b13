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
