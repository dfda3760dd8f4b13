import type { Change, EntityTable } from '../../shared/mutators/types';
import type { Db } from './connection';
import { stmt } from './statements';
import { CODECS } from './tables';

type RowMap = { [C in Change as C['table']]: C['row'] };
export type RowOf<T extends EntityTable> = RowMap[T];
type Columns = Record<string, string | number | null>;

const codecOf = (table: EntityTable) =>
  CODECS[table] as { key: string; keyOf(row: unknown): string | number; columns(row: unknown): Columns };

/** The key of the row a change is about. */
export const keyOfChange = (change: Change): string | number => codecOf(change.table).keyOf(change.row);

/** A row as stored: its rowid, its query columns, doc and server_version, read once per write. */
export type StoredRow = Columns & { rowid: number; doc: string; server_version: number };

/** The stored version of the row a change is about (undefined if absent). */
export const storedRow = (db: Db, change: Change): StoredRow | undefined => {
  const codec = codecOf(change.table);
  const names = [...Object.keys(codec.columns(change.row)), 'doc', 'server_version'];
  return stmt(db, `SELECT rowid, ${names.join(', ')} FROM ${change.table} WHERE ${codec.key} = ?`).get(keyOfChange(change)) as StoredRow | undefined;
};

/**
 * Writes the whole row (doc and query columns). serverVersion 0 marks an unconfirmed local change.
 * An existing row is updated in only the columns that changed: an index whose columns did not change is not
 * touched, which keeps a local mutation's transaction small (most edits change the doc and updated_at only).
 * `current` is the row as stored, when the caller has read it already. Returns the row's rowid.
 */
export const putRow = (db: Db, change: Change, serverVersion: number, current: StoredRow | undefined = storedRow(db, change)): number => {
  const codec = codecOf(change.table);
  const key = keyOfChange(change);
  const next: Columns = { ...codec.columns(change.row), doc: JSON.stringify(change.row), server_version: serverVersion };
  const names = Object.keys(next);
  if (current === undefined) {
    const sql = `INSERT INTO ${change.table} (${codec.key}, ${names.join(', ')}) VALUES (?${', ?'.repeat(names.length)})`;
    return Number(stmt(db, sql).run(key, ...names.map((name) => next[name] ?? null)).lastInsertRowid);
  }
  const changed = names.filter((name) => current[name] !== next[name]);
  if (changed.length === 0) return current.rowid;
  stmt(db, `UPDATE ${change.table} SET ${changed.map((c) => `${c} = ?`).join(', ')} WHERE ${codec.key} = ?`).run(...changed.map((name) => next[name] ?? null), key);
  return current.rowid;
};

export const rowidOf = (db: Db, table: EntityTable, id: string | number): number | undefined =>
  (stmt(db, `SELECT rowid FROM ${table} WHERE ${CODECS[table].key} = ?`).get(id) as { rowid: number } | undefined)?.rowid;

export const getRow = <T extends EntityTable>(db: Db, table: T, id: string | number): RowOf<T> | undefined => {
  const found = stmt(db, `SELECT doc FROM ${table} WHERE ${CODECS[table].key} = ?`).get(id) as { doc: string } | undefined;
  return found === undefined ? undefined : (JSON.parse(found.doc) as RowOf<T>);
};

export const getRowWithVersion = (db: Db, table: EntityTable, id: string | number): { doc: string; server_version: number } | undefined =>
  stmt(db, `SELECT doc, server_version FROM ${table} WHERE ${CODECS[table].key} = ?`).get(id) as { doc: string; server_version: number } | undefined;

export const deleteRow = (db: Db, table: EntityTable, id: string | number): void => {
  stmt(db, `DELETE FROM ${table} WHERE ${CODECS[table].key} = ?`).run(id);
};

export const listRows = <T extends EntityTable>(db: Db, table: T, where = '', params: unknown[] = []): RowOf<T>[] =>
  (stmt(db, `SELECT doc FROM ${table} ${where}`).all(...params) as { doc: string }[]).map((r) => JSON.parse(r.doc) as RowOf<T>);

export const docs = <T>(rows: ReadonlyArray<{ doc: string }>): T[] => rows.map((r) => JSON.parse(r.doc) as T);
