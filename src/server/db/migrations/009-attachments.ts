import type { ServerMigration } from './index';

// Attachments (SPEC §2, issue 16): blobs stored once by SHA-256, written in chunks, and the metadata rows of the
// files attached to OCs (src/server/attachments).
//
// attachment_staging / attachment_chunk / attachment_blob: the PostgreSQL blob store. A stage (an upload in
// progress, by key) and a blob (complete bytes, by hash) each own a content id; its bytes are chunk rows keyed by
// (content id, start offset), stored out of line without compression (STORAGE EXTERNAL: prints, PDFs and ZIPs are
// compressed already, and a byte range then reads only its slices). A blob row appears only in the transaction that
// completes the upload, so a half-written blob is never visible. attachment_blob is the registry of every store's
// blobs; content_id is null where the bytes live in an object store.
//
// attachment_upload: what an upload in progress is for (OC, interaction, name, who), until its bytes are complete.
// attachment: one row per attached file, shaped like every synced table (id, doc jsonb, version from the global
// change_version sequence, allocated under the writers' lock) so the sync wiring only has to add it to the pull.
export const migration009: ServerMigration = {
  version: 9,
  name: 'attachments',
  sql: `
    CREATE SEQUENCE attachment_content_id AS bigint;

    CREATE TABLE attachment_staging (
      key text PRIMARY KEY,
      content_id bigint NOT NULL UNIQUE,
      received bigint NOT NULL CHECK (received >= 0),
      updated_at bigint NOT NULL
    );
    CREATE INDEX attachment_staging_updated ON attachment_staging (updated_at);

    CREATE TABLE attachment_chunk (
      content_id bigint NOT NULL,
      start bigint NOT NULL CHECK (start >= 0),
      data bytea NOT NULL CHECK (length(data) > 0),
      PRIMARY KEY (content_id, start)
    );
    ALTER TABLE attachment_chunk ALTER COLUMN data SET STORAGE EXTERNAL;

    CREATE TABLE attachment_blob (
      sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      size bigint NOT NULL CHECK (size > 0),
      content_id bigint UNIQUE,
      created_at bigint NOT NULL
    );

    CREATE TABLE attachment_upload (
      id text PRIMARY KEY,
      oc_id text,
      interaction_id text,
      name text NOT NULL CHECK (length(name) > 0),
      declared_size bigint CHECK (declared_size > 0),
      expected_sha256 text CHECK (expected_sha256 ~ '^[0-9a-f]{64}$'),
      uploader_kind text NOT NULL CHECK (uploader_kind IN ('analyst', 'contact')),
      uploader_id text NOT NULL,
      created_at bigint NOT NULL,
      updated_at bigint NOT NULL
    );
    CREATE INDEX attachment_upload_updated ON attachment_upload (updated_at);

    CREATE TABLE attachment (
      id text PRIMARY KEY,
      oc_id text,
      interaction_id text,
      sha256 text NOT NULL REFERENCES attachment_blob (sha256),
      size bigint NOT NULL CHECK (size > 0),
      uploader_kind text NOT NULL CHECK (uploader_kind IN ('analyst', 'contact')),
      uploader_id text NOT NULL,
      created_at bigint NOT NULL,
      doc jsonb NOT NULL,
      version bigint NOT NULL
    );
    CREATE INDEX attachment_version ON attachment (version);
    CREATE INDEX attachment_oc ON attachment (oc_id, created_at) WHERE oc_id IS NOT NULL;
    CREATE INDEX attachment_interaction ON attachment (interaction_id) WHERE interaction_id IS NOT NULL;
    CREATE INDEX attachment_sha256 ON attachment (sha256);
    CREATE INDEX attachment_loose ON attachment (uploader_kind, uploader_id, created_at) WHERE oc_id IS NULL;
  `,
};
