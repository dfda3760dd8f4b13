import { displayNumber, type Interaction, type Ocorrencia } from '../../shared/domain';
import type { Db } from './connection';
import { stmt } from './statements';

/** Replaces the indexed text of one document (an OC's own text, or one interaction). */
const indexDocument = (db: Db, ocId: string, refId: string, body: string): void => {
  const existing = stmt(db, 'SELECT id FROM search_doc WHERE ref_id = ?').get(refId) as { id: number } | undefined;
  if (existing !== undefined) {
    stmt(db, 'DELETE FROM oc_fts WHERE rowid = ?').run(existing.id);
    stmt(db, 'INSERT INTO oc_fts (rowid, body) VALUES (?, ?)').run(existing.id, body);
    return;
  }
  const { lastInsertRowid } = stmt(db, 'INSERT INTO search_doc (oc_id, ref_id) VALUES (?, ?)').run(ocId, refId);
  stmt(db, 'INSERT INTO oc_fts (rowid, body) VALUES (?, ?)').run(lastInsertRowid, body);
};

/** (Re)indexes the OC's own text: number, subject and description. */
export const indexOcText = (db: Db, oc: Ocorrencia): void =>
  indexDocument(db, oc.id, oc.id, `${displayNumber(oc)} ${oc.subject}\n${oc.description}`);

/** Interactions are append-only, so each is indexed once. */
export const indexInteraction = (db: Db, interaction: Interaction): void => {
  if (interaction.ocId !== null) indexDocument(db, interaction.ocId, interaction.id, interaction.body);
};

/** Removes an interaction's document (a rebase dropping an unconfirmed interaction). */
export const unindexDocument = (db: Db, refId: string): void => {
  const existing = stmt(db, 'SELECT id FROM search_doc WHERE ref_id = ?').get(refId) as { id: number } | undefined;
  if (existing === undefined) return;
  stmt(db, 'DELETE FROM oc_fts WHERE rowid = ?').run(existing.id);
  stmt(db, 'DELETE FROM search_doc WHERE id = ?').run(existing.id);
};

/**
 * Turns what a person typed into an FTS5 query: every word must match, as a prefix, quoted so that
 * punctuation and FTS operators typed by the user are plain text.
 */
export const ftsQuery = (text: string): string | null => {
  const words = text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
};

/** OC ids whose text or interactions match, best match first. */
export const searchOcIds = (db: Db, text: string, limit: number): string[] => {
  const query = ftsQuery(text);
  if (query === null) return [];
  const rows = stmt(db, `SELECT d.oc_id, MIN(f.rank) AS best FROM oc_fts f JOIN search_doc d ON d.id = f.rowid
    WHERE oc_fts MATCH ? GROUP BY d.oc_id ORDER BY best LIMIT ?`).all(query, limit) as { oc_id: string }[];
  return rows.map((r) => r.oc_id);
};
