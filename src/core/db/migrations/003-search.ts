import type { Migration } from './index';

// Full-text search over subject, description and interactions (SPEC §4), accent- and case-insensitive:
// unicode61 with remove_diacritics 2 folds "Ação" and "acao" to the same token. One document per OC text and one
// per interaction; search_doc maps each FTS rowid to its OC, so re-indexing one document is an indexed lookup.
export const migration003: Migration = {
  version: 3,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE TABLE search_doc (id INTEGER PRIMARY KEY, oc_id TEXT NOT NULL, ref_id TEXT NOT NULL UNIQUE) STRICT;
      CREATE VIRTUAL TABLE oc_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
    `);
  },
};
