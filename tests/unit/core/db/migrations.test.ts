import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/core/db/connection';
import { MIGRATIONS, NewerDatabaseError, runMigrations, SCHEMA_VERSION, userVersion } from '../../../../src/core/db/migrations';

const dirs: string[] = [];
const tempDb = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'soe-mig-'));
  dirs.push(dir);
  return join(dir, 'replica.db');
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const tables = (db: Database.Database): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','index','trigger') ORDER BY name").all() as { name: string }[]).map((r) => r.name);

const isStrict = (db: Database.Database, table: string): boolean =>
  /\)\s*STRICT\s*$/i.test((db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(table) as { sql: string }).sql);

describe('migrations', () => {
  it('are numbered 1..N without gaps and set user_version', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    const db = openDatabase(tempDb());
    expect(userVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.close();
  });

  it('001 creates the entity tables, all STRICT', () => {
    const db = new Database(':memory:');
    runMigrations(db, 1);
    for (const t of ['meta', 'catalog', 'customer', 'contact', 'analyst', 'ocorrencia', 'interaction', 'recado', 'release', 'sla_config']) {
      expect(tables(db)).toContain(t);
      expect(isStrict(db, t)).toBe(true);
    }
    expect(() => db.prepare("INSERT INTO analyst (id, login, name, level, role, active, doc) VALUES ('a','x','n','n1','analyst','yes','{}')").run()).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(userVersion(db)).toBe(1);
  });

  it('002 adds the event log (append-only), outbox and sync tables', () => {
    const db = new Database(':memory:');
    runMigrations(db, 2);
    expect(tables(db)).toEqual(expect.arrayContaining(['oc_event', 'outbox', 'pending_base', 'rejected_notice', 'local_credential', 'oc_event_no_update']));
    db.prepare("INSERT INTO oc_event (id, oc_id, at, type, doc) VALUES ('e1', 'oc', 1, 'created', '{}')").run();
    expect(() => db.prepare("UPDATE oc_event SET at = 2 WHERE id = 'e1'").run()).toThrow(/append-only/);
  });

  it('003 adds accent-insensitive full-text search', () => {
    const db = new Database(':memory:');
    runMigrations(db, 3);
    db.prepare("INSERT INTO oc_fts (rowid, body) VALUES (1, 'Ação de estorno não aparece')").run();
    expect(db.prepare("SELECT rowid FROM oc_fts WHERE oc_fts MATCH 'acao'").all()).toEqual([{ rowid: 1 }]);
    expect(db.prepare("SELECT rowid FROM oc_fts WHERE oc_fts MATCH 'NAO'").all()).toEqual([{ rowid: 1 }]);
  });

  it('004 adds the SLA columns, the queue indexes and the alert log', () => {
    const db = new Database(':memory:');
    runMigrations(db, 4);
    const columns = (db.prepare('PRAGMA table_info(ocorrencia)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['sla_sort', 'sla_clock', 'sla_state', 'sla_due_at', 'sla_percent', 'sla_breached_at', 'sla_next_at']));
    expect(tables(db)).toEqual(expect.arrayContaining(['ocorrencia_queue', 'ocorrencia_assignee', 'sla_alert']));
  });

  it('upgrades an existing database step by step, keeping its rows', () => {
    const path = tempDb();
    const old = new Database(path);
    runMigrations(old, 1);
    old.prepare("INSERT INTO meta (key, value) VALUES ('clientId', 'keep-me')").run();
    old.close();
    const db = openDatabase(path);
    expect(userVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'clientId'").get()).toEqual({ value: 'keep-me' });
    db.close();
  });

  it('refuses to open a database from a newer version, with a clear message, and leaves it untouched', () => {
    const path = tempDb();
    const newer = new Database(path);
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    expect(() => openDatabase(path)).toThrow(NewerDatabaseError);
    expect(() => openDatabase(path)).toThrow(/Atualize o aplicativo.*Update the app/s);
    const check = new Database(path);
    expect(userVersion(check)).toBe(SCHEMA_VERSION + 1);
    check.close();
  });
});
