import type { Migration } from './index';

// Fewer b-trees per local write (a note used to touch ~30 pages). The search index keeps each document's OC in
// an UNINDEXED column and takes its rowid from the row it indexes — an interaction's own rowid, minus the OC's
// rowid for an OC's own text — so the search_doc map (a table and a unique index written on every insert) goes;
// interactions are then indexed in batches above a high-water mark of rowids (see db/search.ts).
// pending_base becomes WITHOUT ROWID: one b-tree keyed by (table_name, id) instead of a table plus its key index.
export const migration005: Migration = {
  version: 5,
  name: 'lean-writes',
  up(db) {
    db.exec(`
      ALTER TABLE oc_fts RENAME TO oc_fts_v3;
      CREATE VIRTUAL TABLE oc_fts USING fts5(body, oc_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
      INSERT INTO oc_fts (rowid, body, oc_id)
        SELECT -o.rowid, f.body, d.oc_id FROM search_doc d JOIN oc_fts_v3 f ON f.rowid = d.id JOIN ocorrencia o ON o.id = d.ref_id
        UNION ALL
        SELECT i.rowid, f.body, d.oc_id FROM search_doc d JOIN oc_fts_v3 f ON f.rowid = d.id JOIN interaction i ON i.id = d.ref_id;
      INSERT INTO oc_fts (oc_fts) VALUES ('optimize');
      DROP TABLE oc_fts_v3;
      DROP TABLE search_doc;
      -- Every interaction is indexed now: the batches of db/search.ts start above the newest.
      INSERT OR REPLACE INTO meta (key, value) SELECT 'search.interactionsIndexedTo', CAST(COALESCE(MAX(rowid), 0) AS TEXT) FROM interaction;

      CREATE TABLE pending_base_v5 (
        table_name TEXT NOT NULL, id TEXT NOT NULL, doc TEXT, server_version INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (table_name, id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO pending_base_v5 (table_name, id, doc, server_version) SELECT table_name, id, doc, server_version FROM pending_base;
      DROP TABLE pending_base;
      ALTER TABLE pending_base_v5 RENAME TO pending_base;
    `);
  },
};
