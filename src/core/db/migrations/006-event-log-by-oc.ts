import type { Migration } from './index';

// The event log clustered by OC: WITHOUT ROWID, keyed by (oc_id, id). An OC's events sit together on one or two
// pages, so reading its log (the SLA function, the detail view) reads those pages instead of one per event, and
// appending an event writes the table and the small index of unconfirmed events instead of four b-trees. `seq` is
// the order of insertion within the OC (the rowid's role before): same-instant events keep their log order.
export const migration006: Migration = {
  version: 6,
  name: 'event-log-by-oc',
  up(db) {
    db.exec(`
      CREATE TABLE oc_event_v6 (
        oc_id TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL, type TEXT NOT NULL, doc TEXT NOT NULL,
        local INTEGER NOT NULL DEFAULT 0, server_version INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (oc_id, id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO oc_event_v6 (oc_id, id, seq, at, type, doc, local, server_version)
        SELECT oc_id, id, ROW_NUMBER() OVER (PARTITION BY oc_id ORDER BY rowid), at, type, doc, local, server_version
        FROM oc_event ORDER BY oc_id, id;
      DROP TABLE oc_event;
      ALTER TABLE oc_event_v6 RENAME TO oc_event;
      CREATE INDEX oc_event_local ON oc_event(local) WHERE local = 1;
      CREATE TRIGGER oc_event_no_update BEFORE UPDATE ON oc_event
      BEGIN SELECT RAISE(ABORT, 'oc_event is append-only'); END;
    `);
  },
};
