import type Database from 'better-sqlite3';
import { migration001 } from './001-entities';
import { migration002 } from './002-events-sync';
import { migration003 } from './003-search';
import { migration004 } from './004-sla';
import { migration005 } from './005-lean-writes';
import { migration006 } from './006-event-log-by-oc';
import { migration007 } from './007-attachments';
import { migration008 } from './008-bulk-events';
import { migration009 } from './009-planned-versions';
import { migration010 } from './010-notice-text';
import { migration011 } from './011-ola-column';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

// Append-only: never edit a shipped migration; add the next number (ARCHITECTURE.md style 7).
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011];
export const SCHEMA_VERSION = MIGRATIONS.length;

export class NewerDatabaseError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(
      `Este banco local foi criado por uma versão mais nova do S.O.E. War Room (esquema ${found}; esta versão entende até ${supported}). ` +
        `Atualize o aplicativo. / This local database was created by a newer version of S.O.E. War Room (schema ${found}; ` +
        `this version understands up to ${supported}). Update the app.`,
    );
    this.name = 'NewerDatabaseError';
  }
}

export const userVersion = (db: Database.Database): number => db.pragma('user_version', { simple: true }) as number;

/** Runs the migrations above the database's user_version, each in its own transaction. */
export const runMigrations = (db: Database.Database, upTo: number = SCHEMA_VERSION): void => {
  const current = userVersion(db);
  if (current > SCHEMA_VERSION) throw new NewerDatabaseError(current, SCHEMA_VERSION);
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > upTo) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
};
