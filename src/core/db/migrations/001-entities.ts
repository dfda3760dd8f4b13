import type { Migration } from './index';

// Entities of SPEC §2. Each row keeps the whole domain object in `doc` (JSON, validated at the boundary) and the
// columns the queries filter and sort on; `server_version` is the global version the server gave the row (0 for a
// change not yet confirmed). Like Signal Desktop's json-plus-columns tables, new fields need no migration.
export const migration001: Migration = {
  version: 1,
  name: 'entities',
  up(db) {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

      CREATE TABLE catalog (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('module','segment')), name TEXT NOT NULL,
        active INTEGER NOT NULL, doc TEXT NOT NULL, server_version INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE customer (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, folded_name TEXT NOT NULL, cnpj TEXT NOT NULL, plan TEXT NOT NULL,
        segment TEXT NOT NULL, doc TEXT NOT NULL, server_version INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX customer_cnpj ON customer(cnpj);
      CREATE INDEX customer_name ON customer(folded_name);

      CREATE TABLE contact (
        id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, doc TEXT NOT NULL, server_version INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX contact_customer ON contact(customer_id);

      CREATE TABLE analyst (
        id TEXT PRIMARY KEY, login TEXT NOT NULL, name TEXT NOT NULL, level TEXT NOT NULL, role TEXT NOT NULL,
        active INTEGER NOT NULL, doc TEXT NOT NULL, server_version INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE UNIQUE INDEX analyst_login ON analyst(login);

      CREATE TABLE ocorrencia (
        id TEXT PRIMARY KEY,
        number TEXT,
        customer_id TEXT NOT NULL,
        module TEXT NOT NULL,
        segment TEXT NOT NULL,
        level TEXT NOT NULL,
        status TEXT NOT NULL,
        is_open INTEGER NOT NULL,
        plan TEXT NOT NULL,
        criticidade TEXT NOT NULL,
        kind TEXT NOT NULL,
        channel TEXT NOT NULL,
        assignee_id TEXT,
        preferred_analyst_id TEXT,
        subject TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        doc TEXT NOT NULL,
        server_version INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE UNIQUE INDEX ocorrencia_number ON ocorrencia(number) WHERE number IS NOT NULL;
      CREATE INDEX ocorrencia_customer ON ocorrencia(customer_id, created_at);

      CREATE TABLE interaction (
        id TEXT PRIMARY KEY, oc_id TEXT, customer_id TEXT NOT NULL, kind TEXT NOT NULL, created_at INTEGER NOT NULL,
        doc TEXT NOT NULL, server_version INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX interaction_oc ON interaction(oc_id, created_at);
      CREATE INDEX interaction_customer ON interaction(customer_id, created_at);

      CREATE TABLE recado (
        id TEXT PRIMARY KEY, for_analyst_id TEXT NOT NULL, done_at INTEGER, created_at INTEGER NOT NULL,
        doc TEXT NOT NULL, server_version INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX recado_open ON recado(for_analyst_id, created_at) WHERE done_at IS NULL;

      CREATE TABLE release (
        id TEXT PRIMARY KEY, version TEXT NOT NULL, released_at INTEGER NOT NULL, doc TEXT NOT NULL,
        server_version INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE UNIQUE INDEX release_version ON release(version);

      CREATE TABLE sla_config (
        version INTEGER PRIMARY KEY, effective_from INTEGER NOT NULL, doc TEXT NOT NULL,
        server_version INTEGER NOT NULL DEFAULT 0
      ) STRICT;
    `);
  },
};
