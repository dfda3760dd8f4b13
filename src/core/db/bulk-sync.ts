import type { OcEvent } from '../../shared/domain';
import type { Change, EntityTable } from '../../shared/mutators/types';
import type { Db } from './connection';
import { stmt } from './statements';
import { CODECS } from './tables';

// The storage side of an initial sync in bulk mode (sync/initial-sync.ts decides when and in what order).

/** Whether the replica holds any OC yet. */
export const hasOcs = (db: Db): boolean => stmt(db, 'SELECT 1 FROM ocorrencia LIMIT 1').get() !== undefined;

export const allOcIds = (db: Db): string[] => stmt(db, 'SELECT id FROM ocorrencia').pluck().all() as string[];

/**
 * Drops the full (not partial, not unique) secondary indexes of `tables` and returns their SQL, to build them
 * again later exactly as the migrations made them (bulk-load.ts does the same for a whole seed, unpersisted).
 */
export const dropFullIndexes = (db: Db, tables: readonly string[]): string[] => {
  const indexes = stmt(db, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
    AND sql NOT LIKE 'CREATE UNIQUE%' AND sql NOT LIKE '% WHERE %' AND tbl_name IN (${tables.map(() => '?').join(', ')}) ORDER BY name`)
    .all(...tables) as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
  return indexes.map((i) => i.sql);
};

/**
 * Runs `write` (one transaction) committing without an fsync of its own — for rows that are not acknowledged work
 * (WAL stays consistent; the next FULL commit syncs them) — and puts synchronous = FULL back before anything else
 * can write on this connection.
 */
export const withoutOwnFsync = (db: Db, write: () => void): void => {
  db.pragma('synchronous = NORMAL');
  db.pragma(`wal_autocheckpoint = ${BULK_CHECKPOINT_PAGES}`);
  try {
    write();
  } finally {
    db.pragma('synchronous = FULL');
    db.pragma(`wal_autocheckpoint = ${CHECKPOINT_PAGES}`);
  }
};

/** SQLite's default: a commit that leaves the WAL past this many pages copies it back into the database. */
const CHECKPOINT_PAGES = 1_000;
/**
 * While bulk pages commit: a page of 10 000 rows writes more than the default's 1 000 database pages, so each
 * page's commit ran a checkpoint of its own. Past 32 MB of WAL instead, database pages written again in between
 * go back into the database once (an initial sync of 100 000 OCs: ~1.5 s less of 27).
 */
const BULK_CHECKPOINT_PAGES = 8_192;

/**
 * Runs `work` with SQLite's temporary storage in files rather than memory, then puts memory back. The end of an
 * initial sync sorts whole tables (the staged events into the log, every dropped index rebuilt): with
 * temp_store = MEMORY those sorts held ~330 MB of a 100 000-OC replica in RAM at once (the desktop's peak went
 * 418 → 745 MB); in files the sorter spills past its cache, and took no longer. Not inside a transaction: SQLite
 * refuses to change temporary storage within one.
 */
export const withTempOnDisk = <T>(db: Db, work: () => T): T => {
  db.pragma('temp_store = FILE');
  try {
    return work();
  } finally {
    db.pragma('temp_store = MEMORY');
  }
};

const upserts = new Map<string, string>();

/** One upsert per table, from its codec's columns (the same columns putRow writes); its SQL made once. */
const upsertSql = (table: EntityTable, names: readonly string[]): string => {
  // A codec returns the same columns, in the same order, for every row of its table.
  const id = `${table}:${names.length}`;
  let sql = upserts.get(id);
  if (sql === undefined) {
    const key = CODECS[table].key;
    sql = `INSERT INTO ${table} (${key}, ${names.join(', ')}) VALUES (?${', ?'.repeat(names.length)})
      ON CONFLICT(${key}) DO UPDATE SET ${names.map((n) => `${n} = excluded.${n}`).join(', ')}`;
    upserts.set(id, sql);
  }
  return sql;
};

/** Writes a row as the server holds it without reading it first (putRow reads it to write only what changed). */
export const upsertRow = (db: Db, change: Change, serverVersion: number): void => {
  const codec = CODECS[change.table] as { keyOf(row: unknown): string | number; columns(row: unknown): Record<string, string | number | null> };
  const columns: Record<string, string | number | null> = { ...codec.columns(change.row), doc: JSON.stringify(change.row), server_version: serverVersion };
  const names = Object.keys(columns);
  stmt(db, upsertSql(change.table, names)).run(codec.keyOf(change.row), ...names.map((n) => columns[n] ?? null));
};

/** An event waits in bulk_event (appended in version order) until finishBulk moves them all, sorted by OC. */
export const stageEvent = (db: Db, event: OcEvent, serverVersion: number): void => {
  stmt(db, 'INSERT OR IGNORE INTO bulk_event (version, oc_id, id, at, type, doc) VALUES (?, ?, ?, ?, ?, ?)')
    .run(serverVersion, event.ocId, event.id, event.at, event.data.type, JSON.stringify(event));
};

/**
 * The staged events into the log, OC by OC in key order (appended to the b-tree, not scattered over it), each
 * OC's `seq` in version order — what insertEvents gives events pulled one by one (an event already there stays).
 */
export const moveStagedEvents = (db: Db): void => {
  stmt(db, `INSERT OR IGNORE INTO oc_event (oc_id, id, seq, at, type, doc, local, server_version)
    SELECT oc_id, id, row_number() OVER (PARTITION BY oc_id ORDER BY version), at, type, doc, 0, version
    FROM bulk_event ORDER BY oc_id, version`).run();
  stmt(db, 'DELETE FROM bulk_event').run();
};
