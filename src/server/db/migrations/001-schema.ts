import type { ServerMigration } from './index';

// The server mirrors the replica's table design (core/db/migrations/001): each row keeps the whole domain object
// in `doc` (jsonb) next to the columns queries filter on, plus `version`, the global version of its last change
// (one sequence for every table and the OC event log, so a pull is "everything above my cursor").
export const migration001: ServerMigration = {
  version: 1,
  name: 'schema',
  sql: `
    CREATE SEQUENCE change_version AS bigint;

    CREATE TABLE catalog (id text PRIMARY KEY, doc jsonb NOT NULL, version bigint NOT NULL);
    CREATE INDEX catalog_version ON catalog (version);

    CREATE TABLE customer (id text PRIMARY KEY, doc jsonb NOT NULL, version bigint NOT NULL);
    CREATE INDEX customer_version ON customer (version);

    CREATE TABLE contact (
      id text PRIMARY KEY, customer_id text NOT NULL, email text NOT NULL, doc jsonb NOT NULL, version bigint NOT NULL
    );
    CREATE INDEX contact_version ON contact (version);
    CREATE INDEX contact_customer ON contact (customer_id);
    CREATE INDEX contact_email ON contact (email);

    CREATE TABLE analyst (id text PRIMARY KEY, login text NOT NULL UNIQUE, doc jsonb NOT NULL, version bigint NOT NULL);
    CREATE INDEX analyst_version ON analyst (version);

    CREATE TABLE ocorrencia (
      id text PRIMARY KEY,
      number text UNIQUE,
      customer_id text NOT NULL,
      contact_id text,
      status text NOT NULL,
      assignee_id text,
      target_version text,
      solved_at bigint,
      created_at bigint NOT NULL,
      doc jsonb NOT NULL,
      version bigint NOT NULL
    );
    CREATE INDEX ocorrencia_version ON ocorrencia (version);
    CREATE INDEX ocorrencia_customer ON ocorrencia (customer_id, created_at);
    CREATE INDEX ocorrencia_assignee ON ocorrencia (assignee_id, status) WHERE assignee_id IS NOT NULL;
    CREATE INDEX ocorrencia_status ON ocorrencia (status, solved_at);

    CREATE TABLE interaction (
      id text PRIMARY KEY, oc_id text, customer_id text NOT NULL, kind text NOT NULL, created_at bigint NOT NULL,
      doc jsonb NOT NULL, version bigint NOT NULL
    );
    CREATE INDEX interaction_version ON interaction (version);
    CREATE INDEX interaction_oc ON interaction (oc_id, created_at);

    CREATE TABLE recado (id text PRIMARY KEY, for_analyst_id text NOT NULL, doc jsonb NOT NULL, version bigint NOT NULL);
    CREATE INDEX recado_version ON recado (version);

    CREATE TABLE release (id text PRIMARY KEY, release_version text NOT NULL UNIQUE, doc jsonb NOT NULL, version bigint NOT NULL);
    CREATE INDEX release_version_idx ON release (version);

    CREATE TABLE sla_config (config_version integer PRIMARY KEY, doc jsonb NOT NULL, version bigint NOT NULL);
    CREATE INDEX sla_config_version ON sla_config (version);

    -- The append-only OC event log: inserted once, never updated (a repeated insert is ignored).
    CREATE TABLE oc_event (id text PRIMARY KEY, oc_id text NOT NULL, at bigint NOT NULL, doc jsonb NOT NULL, version bigint NOT NULL);
    CREATE INDEX oc_event_version ON oc_event (version);
    CREATE INDEX oc_event_oc ON oc_event (oc_id, at);

    -- Idempotency (SPEC §6): the last mutation id applied per client, and the stored outcome of each.
    CREATE TABLE client_state (client_id text PRIMARY KEY, last_mutation_id bigint NOT NULL, updated_at bigint NOT NULL);
    CREATE TABLE client_mutation (
      client_id text NOT NULL, mutation_id bigint NOT NULL, name text NOT NULL, actor_id text NOT NULL,
      result jsonb NOT NULL, applied_at bigint NOT NULL,
      PRIMARY KEY (client_id, mutation_id)
    );

    -- OC-YYYY-NNNNNN: one counter per year.
    CREATE TABLE oc_number (year integer PRIMARY KEY, last integer NOT NULL);

    CREATE TABLE credential (
      kind text NOT NULL CHECK (kind IN ('analyst', 'contact')), login text NOT NULL, subject_id text NOT NULL,
      hash text NOT NULL, updated_at bigint NOT NULL,
      PRIMARY KEY (kind, login)
    );
    CREATE TABLE auth_session (
      token_hash text PRIMARY KEY, kind text NOT NULL, subject_id text NOT NULL, created_at bigint NOT NULL,
      expires_at bigint NOT NULL
    );
    CREATE INDEX auth_session_expires ON auth_session (expires_at);

    CREATE TABLE audit_log (
      id bigserial PRIMARY KEY, at bigint NOT NULL, actor_kind text NOT NULL, actor_id text, action text NOT NULL,
      target text, outcome text NOT NULL, detail jsonb, source text
    );
    CREATE INDEX audit_log_at ON audit_log (at);

    -- One e-mail copy per public reply (SPEC §2): the row is written in the reply's transaction, sent once.
    CREATE TABLE mail_outbox (
      interaction_id text PRIMARY KEY, oc_id text NOT NULL, created_at bigint NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'sent', 'no_recipient', 'failed')),
      attempts integer NOT NULL DEFAULT 0, sent_at bigint, last_error text
    );
    CREATE INDEX mail_outbox_pending ON mail_outbox (created_at) WHERE status = 'pending';
  `,
};
