import type { Migration } from './index';

// The initial sync's staging of events (issue 14, sync/initial-sync.ts). The log is clustered by OC (006), and
// the server hands an OC's events out in version order, OC after OC in no key order: written straight into the
// log, every page of an initial sync landed all over its b-tree. In bulk mode the pulled events are appended here
// in version order (the rowid), and move into the log once, sorted by OC, when the initial sync ends. Empty at
// all other times.
export const migration008: Migration = {
  version: 8,
  name: 'bulk-events',
  up(db) {
    db.exec(`
      CREATE TABLE bulk_event (
        version INTEGER PRIMARY KEY, oc_id TEXT NOT NULL, id TEXT NOT NULL, at INTEGER NOT NULL, type TEXT NOT NULL, doc TEXT NOT NULL
      ) STRICT;
    `);
  },
};
