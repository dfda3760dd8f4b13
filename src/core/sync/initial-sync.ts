import type { Attachment } from '../../shared/domain/attachment';
import type { OcEvent, Ocorrencia } from '../../shared/domain';
import type { Change, EntityTable } from '../../shared/mutators/types';
import { SYNC_TABLES, type PullResponse } from '../../shared/sync/protocol';
import { putAttachmentRow } from '../db/attachments';
import type { Db } from '../db/connection';
import { deleteMeta, getMeta, setMeta } from '../db/meta';
import { confirmUpTo, pendingCount } from '../db/outbox';
import { catchUpSearch, ocTextOf } from '../db/search';
import { stmt } from '../db/statements';
import { CODECS } from '../db/tables';
import type { LocalStoreDeps } from '../store/local-store';
import { META_CURSOR, META_LAST_MUTATION, parseChange, type PageResult } from './rebase';

// A fresh desktop's initial sync (issue 14): tens of thousands of OCs with their histories arrive at once, into a
// replica that holds nothing of its own yet. Row by row through the rebase path, every page maintained every
// secondary index, the search index of each OC and the SLA columns of each OC it touched, and announced
// `data.changed` (so the SLA scheduler and the search indexer ran on a replica still being filled). In bulk mode a
// page is only its rows, upserted with one prepared statement per table inside the page's transaction (committed
// without an fsync of its own: see applyBulkPage), its events appended to a staging table (core migration 008);
// the secondary indexes of the big tables are dropped first and built once at the end, with the events moved into
// the log in key order, the OCs' search text and their SLA columns, in one transaction. It stays resumable: the dropped indexes are kept in the replica (meta
// BULK_META) in the same transaction that drops them, so a desktop killed half-way continues in bulk mode from its
// cursor and still builds them, and a replica that gets a change of its own meanwhile leaves bulk mode first (the
// rebase path takes it from there).

/** Meta key: the SQL of the indexes dropped for an initial sync in progress (JSON array). */
export const BULK_META = 'sync.bulkIndexes';

/**
 * The tables an initial sync fills by the hundred thousand; their full, non-unique indexes wait for the end. The
 * partial ones (open OCs only, SLA instants set at the end) cost little to keep and stay, so the queues answer —
 * and a query that names its index (INDEXED BY ocorrencia_queue) works — while the sync runs.
 */
const BULK_TABLES = ['ocorrencia', 'interaction', 'oc_event', 'customer', 'contact', 'attachment'];

const bases = (db: Db): number => (stmt(db, 'SELECT COUNT(*) AS n FROM pending_base').get() as { n: number }).n;

/** Nothing local waits to be rebased: the pulled rows can go in as they are. */
export const nothingLocal = (db: Db): boolean => pendingCount(db) === 0 && bases(db) === 0;

/** An initial sync in progress (a desktop killed during one continues it). */
export const inBulk = (db: Db): boolean => getMeta(db, BULK_META) !== undefined;

/**
 * Whether a pull from `cursor` should start (or continue) in bulk mode: a replica that never pulled and holds no
 * OC of its own, or one whose initial sync was interrupted — in both cases with nothing local to rebase.
 */
export const wantsBulk = (db: Db, cursor: number): boolean => {
  if (!nothingLocal(db)) return false;
  if (inBulk(db)) return true;
  return cursor === 0 && stmt(db, 'SELECT 1 FROM ocorrencia LIMIT 1').get() === undefined;
};

/** Drops the big tables' full non-unique secondary indexes, remembering their SQL in the same transaction. */
export const beginBulk = (db: Db): void => {
  if (inBulk(db)) return;
  db.transaction(() => {
    const indexes = stmt(db, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
      AND sql NOT LIKE 'CREATE UNIQUE%' AND sql NOT LIKE '% WHERE %' AND tbl_name IN (${BULK_TABLES.map(() => '?').join(', ')}) ORDER BY name`)
      .all(...BULK_TABLES) as { name: string; sql: string }[];
    for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
    setMeta(db, BULK_META, JSON.stringify(indexes.map((i) => i.sql)));
  })();
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

const upsertRow = (db: Db, change: Change, serverVersion: number): void => {
  const codec = CODECS[change.table] as { keyOf(row: unknown): string | number; columns(row: unknown): Record<string, string | number | null> };
  const columns: Record<string, string | number | null> = { ...codec.columns(change.row), doc: JSON.stringify(change.row), server_version: serverVersion };
  const names = Object.keys(columns);
  stmt(db, upsertSql(change.table, names)).run(codec.keyOf(change.row), ...names.map((n) => columns[n] ?? null));
};

/** An event waits in bulk_event (appended in version order) until finishBulk moves them all, sorted by OC. */
const stageEvent = (db: Db, event: OcEvent, serverVersion: number): void => {
  stmt(db, 'INSERT OR IGNORE INTO bulk_event (version, oc_id, id, at, type, doc) VALUES (?, ?, ?, ?, ?, ?)')
    .run(serverVersion, event.ocId, event.id, event.at, event.data.type, JSON.stringify(event));
};

/**
 * The staged events into the log, OC by OC in key order (appended to the b-tree, not scattered over it), each
 * OC's `seq` in version order — what insertEvents gives events pulled one by one (an event already there stays).
 */
const moveStagedEvents = (db: Db): void => {
  stmt(db, `INSERT OR IGNORE INTO oc_event (oc_id, id, seq, at, type, doc, local, server_version)
    SELECT oc_id, id, row_number() OVER (PARTITION BY oc_id ORDER BY version), at, type, doc, 0, version
    FROM bulk_event ORDER BY oc_id, version`).run();
  stmt(db, 'DELETE FROM bulk_event').run();
};

/** Writes one page's rows as the server holds them, in one transaction; no index, search or SLA work. */
export const applyBulkPage = (db: Db, page: PullResponse, onSchemaMismatch: (message: string) => void): void => {
  const changes = page.changes.map((change) => parseChange(change, onSchemaMismatch));
  const write = db.transaction(() => {
    for (const change of changes) {
      if (change.table === 'oc_event') stageEvent(db, change.row as OcEvent, change.version);
      else if (change.table === 'attachment') putAttachmentRow(db, change.row as Attachment, change.version);
      else upsertRow(db, { table: change.table, row: change.row } as Change, change.version);
    }
    setMeta(db, META_CURSOR, String(page.cursor));
    if (!page.hasMore) {
      confirmUpTo(db, page.lastMutationId);
      setMeta(db, META_LAST_MUTATION, String(page.lastMutationId));
    }
  });
  // Pulled rows are not acknowledged work (the server holds them; a page lost to a power cut is pulled again from
  // the cursor, which commits with it), and bulk mode means nothing of this desktop's own is waiting: the page
  // commits without an fsync of its own (WAL stays consistent), and FULL is back before anything else can write.
  db.pragma('synchronous = NORMAL');
  try {
    write();
  } finally {
    db.pragma('synchronous = FULL');
  }
};

const withOcText = new WeakSet<Db>();

/** `soe_oc_text(id, number, subject, description)`: an OC's indexed text (search.ts's ocTextOf) for one INSERT … SELECT. */
const registerOcText = (db: Db): void => {
  if (withOcText.has(db)) return;
  db.function('soe_oc_text', { deterministic: true }, (id, number, subject, description) =>
    ocTextOf({ id: String(id), number: number === null ? null : String(number), subject: String(subject ?? ''), description: String(description ?? '') } as Pick<Ocorrencia, 'id' | 'number' | 'subject' | 'description'>));
  withOcText.add(db);
};

/**
 * Ends an initial sync: the dropped indexes built again from their own SQL, every OC's text and every interaction
 * indexed for search, every OC's SLA columns derived from its log — one transaction, so a desktop killed here does
 * it again next time. Returns what changed, for one `data.changed`.
 */
export const finishBulk = (deps: LocalStoreDeps, now: number): PageResult => {
  const { db } = deps;
  const saved = getMeta(db, BULK_META);
  if (saved === undefined) return { tables: new Set(), ocIds: new Set(), replayFailures: 0 };
  registerOcText(db);
  const ocIds = db.transaction((): Set<string> => {
    moveStagedEvents(db);
    for (const sql of JSON.parse(saved) as string[]) db.exec(sql);
    stmt(db, `INSERT OR REPLACE INTO oc_fts (rowid, body, oc_id)
      SELECT -rowid, soe_oc_text(id, number, subject, doc ->> '$.description'), id FROM ocorrencia`).run();
    const ids = new Set(stmt(db, 'SELECT id FROM ocorrencia').pluck().all() as string[]);
    deps.deriveSla(db, ids, now);
    deleteMeta(db, BULK_META);
    return ids;
  })();
  catchUpSearch(db);
  return { tables: new Set(SYNC_TABLES), ocIds, replayFailures: 0 };
};
