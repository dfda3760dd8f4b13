import { displayNumber, type Ocorrencia } from '../../shared/domain';
import type { Db } from './connection';
import { getMeta, setMeta } from './meta';
import { stmt } from './statements';

// One search document per interaction and one per OC's own text (number, subject, description). A document's
// FTS rowid is the rowid of the row it indexes — an interaction's own, minus the OC's for an OC's text — and its
// OC is kept beside it (oc_id, UNINDEXED), so a match names its OC directly.
//
// Interactions are append-only and arrive in bursts (a shift of notes, a pull of hundreds): they are indexed in
// batches, every interaction above a high-water mark of rowids in one statement, instead of one FTS segment per
// write. A search catches up first, so it always sees every interaction; the core also catches up shortly after
// changes and at start (a crash between a write and its batch loses nothing: the rows are above the mark).

/** Meta key of the highest interaction rowid the index holds (every interaction at or below it is indexed). */
export const SEARCH_MARK = 'search.interactionsIndexedTo';

/** The indexed text of an OC of its own: number, subject and description. */
export const ocTextOf = (oc: Pick<Ocorrencia, 'id' | 'number' | 'subject' | 'description'>): string =>
  `${displayNumber(oc)} ${oc.subject}\n${oc.description}`;

/** (Re)indexes an OC's own text; `rowid` is the OC row's rowid. */
export const indexOcText = (db: Db, oc: Ocorrencia, rowid: number): void => {
  stmt(db, 'INSERT OR REPLACE INTO oc_fts (rowid, body, oc_id) VALUES (?, ?, ?)').run(-rowid, ocTextOf(oc), oc.id);
};

const withOcText = new WeakSet<Db>();

/** `soe_oc_text(id, number, subject, description)`: an OC's indexed text (ocTextOf above) for one INSERT … SELECT. */
const registerOcText = (db: Db): void => {
  if (withOcText.has(db)) return;
  db.function('soe_oc_text', { deterministic: true }, (id, number, subject, description) =>
    ocTextOf({ id: String(id), number: number === null ? null : String(number), subject: String(subject ?? ''), description: String(description ?? '') } as Pick<Ocorrencia, 'id' | 'number' | 'subject' | 'description'>));
  withOcText.add(db);
};

/** Indexes every OC's own text in one statement (the end of an initial sync in bulk mode). */
export const indexEveryOcText = (db: Db): void => {
  registerOcText(db);
  stmt(db, `INSERT OR REPLACE INTO oc_fts (rowid, body, oc_id)
    SELECT -rowid, soe_oc_text(id, number, subject, doc ->> '$.description'), id FROM ocorrencia`).run();
};

const searchMark = (db: Db): number => Number(getMeta(db, SEARCH_MARK) ?? '0');

/** Indexes every interaction added since the last batch; returns how many rows it looked at. */
export const catchUpSearch = (db: Db): number => {
  const mark = searchMark(db);
  const top = (stmt(db, 'SELECT MAX(rowid) AS top FROM interaction').get() as { top: number | null }).top ?? 0;
  if (top <= mark) return 0;
  db.transaction(() => {
    stmt(db, `INSERT OR REPLACE INTO oc_fts (rowid, body, oc_id)
      SELECT rowid, doc ->> '$.body', oc_id FROM interaction WHERE rowid > ? AND oc_id IS NOT NULL ORDER BY rowid`).run(mark);
    setMeta(db, SEARCH_MARK, String(top));
  })();
  return top - mark;
};

/**
 * Removes the document of an OC's text or of an interaction, before its row is deleted (a rebase dropping an
 * unconfirmed row). A deleted interaction's rowid can be given again to the next one inserted, so the mark goes
 * back below it: the next batch indexes whatever takes its place.
 */
export const unindexRow = (db: Db, table: 'ocorrencia' | 'interaction', rowid: number): void => {
  stmt(db, 'DELETE FROM oc_fts WHERE rowid = ?').run(table === 'ocorrencia' ? -rowid : rowid);
  if (table === 'interaction' && searchMark(db) >= rowid) setMeta(db, SEARCH_MARK, String(rowid - 1));
};

// What a person typed becomes a query in shared/search/query.ts; its SQL is in search-query.ts.
