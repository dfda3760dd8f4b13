import type { Db } from './connection';
import type Database from 'better-sqlite3';

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

/** Prepared statements are compiled once per connection and SQL text. */
export const stmt = (db: Db, sql: string): Database.Statement => {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
};
