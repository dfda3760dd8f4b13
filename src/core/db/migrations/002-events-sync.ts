import type { Migration } from './index';

// The append-only event log of every OC, and the tables of offline-first sync (SPEC §6): the outbox written in
// the same transaction as the optimistic change, the server-confirmed copy of rows changed optimistically (so a
// rebase can restore them before replaying), rejected-change notices for their author, cached credentials for
// an offline login.
export const migration002: Migration = {
  version: 2,
  name: 'events-and-sync',
  up(db) {
    db.exec(`
      CREATE TABLE oc_event (
        id TEXT PRIMARY KEY, oc_id TEXT NOT NULL, at INTEGER NOT NULL, type TEXT NOT NULL, doc TEXT NOT NULL,
        local INTEGER NOT NULL DEFAULT 0, server_version INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX oc_event_oc ON oc_event(oc_id, at);
      CREATE INDEX oc_event_local ON oc_event(local) WHERE local = 1;

      -- Append-only triggers: an event, once written, is never edited (a rebase may only drop unconfirmed ones).
      CREATE TRIGGER oc_event_no_update BEFORE UPDATE ON oc_event
      BEGIN SELECT RAISE(ABORT, 'oc_event is append-only'); END;

      CREATE TABLE outbox (
        mutation_id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        args TEXT NOT NULL,
        client_time INTEGER NOT NULL,
        actor_id TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE pending_base (
        table_name TEXT NOT NULL, id TEXT NOT NULL, doc TEXT, server_version INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (table_name, id)
      ) STRICT;

      CREATE TABLE rejected_notice (
        id TEXT PRIMARY KEY, mutation_id INTEGER NOT NULL, name TEXT NOT NULL, oc_id TEXT, error TEXT NOT NULL,
        at INTEGER NOT NULL, dismissed INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE local_credential (
        login TEXT PRIMARY KEY, analyst_id TEXT NOT NULL, hash TEXT NOT NULL, updated_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
