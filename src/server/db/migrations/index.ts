import type { Database } from '../database';
import { migration001 } from './001-schema';
import { migration002 } from './002-functions';
import { migration003 } from './003-faster-load';
import { migration004 } from './004-catalog-load';
import { migration005 } from './005-lean-sync';
import { migration006 } from './006-group-load';
import { migration007 } from './007-client-identity';
import { migration008 } from './008-session-end';
import { migration009 } from './009-attachments';
import { migration010 } from './010-refused-writes';
import { migration011 } from './011-attachment-pull';
import { migration012 } from './012-window-pages';
import { migration013 } from './013-planned-versions';

/** One migration source for PostgreSQL and PGlite alike: plain SQL, numbered, append-only. */
export interface ServerMigration {
  version: number;
  name: string;
  sql: string;
}

export const SERVER_MIGRATIONS: readonly ServerMigration[] = [
  migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012, migration013,
];
export const SERVER_SCHEMA_VERSION = Math.max(...SERVER_MIGRATIONS.map((m) => m.version));

export class NewerServerSchemaError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(`The database schema is version ${found}; this server understands up to ${supported}. Update the server.`);
    this.name = 'NewerServerSchemaError';
  }
}

/** Arbitrary constant: the advisory lock several nodes starting at once take while migrating. */
const MIGRATION_LOCK = 5_310_001;

/**
 * Brings the schema up to date (or up to `upTo`: tests of an upgrade build an older database first); each
 * migration runs in its own transaction, once, even with nodes racing.
 */
export const migrate = async (db: Database, upTo: number = SERVER_SCHEMA_VERSION): Promise<number> => {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const { rows } = await tx.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const current = rows[0]?.v ?? 0;
    if (current > SERVER_SCHEMA_VERSION) throw new NewerServerSchemaError(current, SERVER_SCHEMA_VERSION);
    for (const migration of SERVER_MIGRATIONS) {
      if (migration.version <= current || migration.version > upTo) continue;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    return Math.max(current, Math.min(upTo, SERVER_SCHEMA_VERSION));
  });
};

/**
 * Splits a migration into statements (the extended protocol takes one at a time), keeping dollar-quoted
 * function bodies whole.
 */
export const splitStatements = (sql: string): string[] => {
  const statements: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i += 1) {
    const tag = sql[i] === '$' ? /^\$[A-Za-z_]*\$/.exec(sql.slice(i, i + 40))?.[0] : undefined;
    if (tag !== undefined) {
      if (quote === null) quote = tag;
      else if (quote === tag) quote = null;
      current += tag;
      i += tag.length - 1;
      continue;
    }
    const ch = sql[i] as string;
    if (ch === '-' && sql[i + 1] === '-' && quote === null) {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
      continue;
    }
    if (ch === ';' && quote === null) {
      if (current.trim().length > 0) statements.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim().length > 0) statements.push(current.trim());
  return statements;
};
