import type { Change, EntityTable } from '../../shared/mutators/types';
import type { Db } from './connection';
import { stmt } from './statements';
import { CODECS } from './tables';

type RowMap = { [C in Change as C['table']]: C['row'] };
export type RowOf<T extends EntityTable> = RowMap[T];

const upsertSql = new Map<EntityTable, string>();

const upsertStatementSql = (table: EntityTable, columnNames: string[]): string => {
  let sql = upsertSql.get(table);
  if (sql === undefined) {
    const key = CODECS[table].key;
    const all = [key, ...columnNames, 'doc', 'server_version'];
    const updates = all.filter((c) => c !== key).map((c) => `${c} = excluded.${c}`);
    sql = `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map((c) => `@${c}`).join(', ')}) ON CONFLICT(${key}) DO UPDATE SET ${updates.join(', ')}`;
    upsertSql.set(table, sql);
  }
  return sql;
};

/** Writes the whole row (doc and query columns). serverVersion 0 marks an unconfirmed local change. */
export const putRow = (db: Db, change: Change, serverVersion: number): void => {
  const codec = CODECS[change.table] as { key: string; keyOf(row: unknown): string | number; columns(row: unknown): Record<string, string | number | null> };
  const columns = codec.columns(change.row);
  const sql = upsertStatementSql(change.table, Object.keys(columns));
  stmt(db, sql).run({ ...columns, [codec.key]: codec.keyOf(change.row), doc: JSON.stringify(change.row), server_version: serverVersion });
};

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
