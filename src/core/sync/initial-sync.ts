import type { Attachment } from '../../shared/domain/attachment';
import type { OcEvent } from '../../shared/domain';
import type { Change } from '../../shared/mutators/types';
import { SYNC_TABLES, type PullResponse } from '../../shared/sync/protocol';
import { putAttachmentRow } from '../db/attachments';
import type { Db } from '../db/connection';
import { deleteMeta, getMeta, setMeta } from '../db/meta';
import { allOcIds, dropFullIndexes, hasOcs, moveStagedEvents, stageEvent, upsertRow, withoutOwnFsync, withTempOnDisk } from '../db/bulk-sync';
import { baseCount, confirmUpTo, pendingCount } from '../db/outbox';
import { catchUpSearch, indexEveryOcText } from '../db/search';
import type { LocalStoreDeps } from '../store/local-store';
import { META_CURSOR, META_LAST_MUTATION, parseChange, type PageResult } from './rebase';

// A fresh desktop's initial sync (issue 14): tens of thousands of OCs with their histories arrive at once, into a
// replica that holds nothing of its own yet. Row by row through the rebase path, every page maintained every
// secondary index, the search index of each OC and the SLA columns of each OC it touched, and announced
// `data.changed` (so the SLA scheduler and the search indexer ran on a replica still being filled). In bulk mode a
// page is only its rows, upserted with one prepared statement per table inside the page's transaction (committed
// without an fsync of its own: see applyBulkPage), its events appended to a staging table (core migration 008);
// the secondary indexes of the big tables are dropped first and built once at the end, with the events moved into
// the log in key order, the OCs' search text and their SLA columns, in one transaction. It stays resumable: the
// dropped indexes are kept in the replica (meta BULK_META) in the same transaction that drops them, so a desktop
// killed half-way continues in bulk mode from its cursor and still builds them, and a replica that gets a change
// of its own meanwhile leaves bulk mode first (the rebase path takes it from there). The SQL is db/bulk-sync.ts's.

/** Meta key: the SQL of the indexes dropped for an initial sync in progress (JSON array). */
export const BULK_META = 'sync.bulkIndexes';

/**
 * The tables an initial sync fills by the hundred thousand; their full, non-unique indexes wait for the end. The
 * partial ones (open OCs only, SLA instants set at the end) cost little to keep and stay, so the queues answer —
 * and a query that names its index (INDEXED BY ocorrencia_queue) works — while the sync runs.
 */
const BULK_TABLES = ['ocorrencia', 'interaction', 'oc_event', 'customer', 'contact', 'attachment'];

/** Nothing local waits to be rebased: the pulled rows can go in as they are. */
export const nothingLocal = (db: Db): boolean => pendingCount(db) === 0 && baseCount(db) === 0;

/** An initial sync in progress (a desktop killed during one continues it). */
export const inBulk = (db: Db): boolean => getMeta(db, BULK_META) !== undefined;

/**
 * Whether a pull from `cursor` should start (or continue) in bulk mode: a replica that never pulled and holds no
 * OC of its own, or one whose initial sync was interrupted — in both cases with nothing local to rebase.
 */
export const wantsBulk = (db: Db, cursor: number): boolean => {
  if (!nothingLocal(db)) return false;
  if (inBulk(db)) return true;
  return cursor === 0 && !hasOcs(db);
};

/** Drops the big tables' full non-unique secondary indexes, remembering their SQL in the same transaction. */
export const beginBulk = (db: Db): void => {
  if (inBulk(db)) return;
  db.transaction(() => setMeta(db, BULK_META, JSON.stringify(dropFullIndexes(db, BULK_TABLES))))();
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
  withoutOwnFsync(db, write);
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
  const ocIds = withTempOnDisk(db, () => {
    const ids = db.transaction((): Set<string> => {
      moveStagedEvents(db);
      for (const sql of JSON.parse(saved) as string[]) db.exec(sql);
      indexEveryOcText(db);
      const all = new Set(allOcIds(db));
      deps.deriveSla(db, all, now);
      deleteMeta(db, BULK_META);
      return all;
    })();
    catchUpSearch(db);
    return ids;
  });
  return { tables: new Set(SYNC_TABLES), ocIds, replayFailures: 0 };
};
