import type { Migration } from './index';

// Attachments (issue 16). `attachment`: the server's metadata rows, pulled like every synced table (doc plus the
// query columns of db/tables.ts ATTACHMENT_CODEC). `attachment_spool`: this desktop's own files, from the draft
// in the composer to the upload's end — who began it, its target once a mutation binds it, the bytes received
// from the renderer, the hash and type by content once finished, the upload's state and the bytes the server
// holds, the server's refusal. `seq` orders the uploads as the mutations that bound them were made.
export const migration007: Migration = {
  version: 7,
  name: 'attachments',
  up(db) {
    db.exec(`
      CREATE TABLE attachment (
        id TEXT PRIMARY KEY, oc_id TEXT, interaction_id TEXT, sha256 TEXT NOT NULL, created_at INTEGER NOT NULL,
        doc TEXT NOT NULL, server_version INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX attachment_oc ON attachment(oc_id, created_at);

      CREATE TABLE attachment_spool (
        id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, oc_id TEXT NOT NULL, interaction_id TEXT,
        name TEXT NOT NULL, size INTEGER NOT NULL, received INTEGER NOT NULL DEFAULT 0,
        sha256 TEXT, media_type TEXT,
        state TEXT NOT NULL CHECK (state IN ('draft', 'queued', 'uploading', 'uploaded', 'refused')),
        sent INTEGER NOT NULL DEFAULT 0, refusal TEXT, path TEXT NOT NULL, created_at INTEGER NOT NULL, seq INTEGER
      ) STRICT;
      CREATE INDEX attachment_spool_oc ON attachment_spool(oc_id);
      CREATE INDEX attachment_spool_queue ON attachment_spool(seq) WHERE state IN ('queued', 'uploading');
    `);
  },
};
