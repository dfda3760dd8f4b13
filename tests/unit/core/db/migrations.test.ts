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

  it('005 moves the search index onto the rows it indexes, keeping every document, and makes pending_base one b-tree', () => {
    const db = new Database(':memory:');
    runMigrations(db, 4);
    // A version-4 replica: an OC's text and one of its interactions indexed through search_doc, and a saved base.
    db.exec(`
      INSERT INTO ocorrencia (id, number, customer_id, module, segment, level, status, is_open, plan, criticidade, kind, channel,
        subject, created_at, updated_at, doc) VALUES
        ('oc-a', '1', 'c1', 'fiscal', 'varejo', 'n1', 'nova', 1, 'ouro', 'media', 'duvida', 'extranet', 'x', 1, 1, '{}'),
        ('oc-b', '2', 'c1', 'fiscal', 'varejo', 'n1', 'nova', 1, 'ouro', 'media', 'duvida', 'extranet', 'y', 1, 1, '{}');
      INSERT INTO interaction (id, oc_id, customer_id, kind, created_at, doc) VALUES ('int-1', 'oc-b', 'c1', 'internal_note', 2, '{}');
      INSERT INTO search_doc (id, oc_id, ref_id) VALUES (1, 'oc-a', 'oc-a'), (2, 'oc-b', 'oc-b'), (3, 'oc-b', 'int-1');
      INSERT INTO oc_fts (rowid, body) VALUES (1, 'OC-1 Emissão de NF-e rejeitada'), (2, 'OC-2 Estoque negativo'), (3, 'Cliente pediu ação urgente');
      INSERT INTO pending_base (table_name, id, doc, server_version) VALUES ('ocorrencia', 'oc-a', '{"v":1}', 7);
    `);
    runMigrations(db, 5);
    const match = (q: string) => db.prepare('SELECT rowid, oc_id FROM oc_fts WHERE oc_fts MATCH ? ORDER BY rowid').all(q);
    const rowid = (table: string, id: string) => (db.prepare(`SELECT rowid FROM ${table} WHERE id = ?`).get(id) as { rowid: number }).rowid;
    expect(match('emissao')).toEqual([{ rowid: -rowid('ocorrencia', 'oc-a'), oc_id: 'oc-a' }]);
    expect(match('estoque')).toEqual([{ rowid: -rowid('ocorrencia', 'oc-b'), oc_id: 'oc-b' }]);
    expect(match('acao')).toEqual([{ rowid: rowid('interaction', 'int-1'), oc_id: 'oc-b' }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM oc_fts').get()).toEqual({ n: 3 });
    expect(tables(db)).not.toContain('search_doc');
    expect(tables(db)).not.toContain('oc_fts_v3');
    expect(db.prepare('SELECT table_name, id, doc, server_version FROM pending_base').all()).toEqual([
      { table_name: 'ocorrencia', id: 'oc-a', doc: '{"v":1}', server_version: 7 },
    ]);
    expect((db.prepare("SELECT sql FROM sqlite_master WHERE name = 'pending_base'").get() as { sql: string }).sql).toMatch(/STRICT, WITHOUT ROWID$/);
    // Interactions above this mark are indexed by the next batch; every one present is indexed already.
    expect(db.prepare("SELECT value FROM meta WHERE key = 'search.interactionsIndexedTo'").get()).toEqual({ value: String(rowid('interaction', 'int-1')) });
    expect(userVersion(db)).toBe(5);
  });

  it('006 clusters the event log by OC, keeping every event, its order within an instant, and the append-only rule', () => {
    const db = new Database(':memory:');
    runMigrations(db, 5);
    const insert = db.prepare('INSERT INTO oc_event (id, oc_id, at, type, doc, local) VALUES (?, ?, ?, ?, ?, ?)');
    // Written in this order; e-z and e-a share an instant, so their log order must survive (not their id order).
    insert.run('e-c', 'oc-2', 5, 'created', '{"n":1}', 0);
    insert.run('e-b', 'oc-1', 1, 'created', '{"n":2}', 0);
    insert.run('e-z', 'oc-1', 7, 'status_changed', '{"n":3}', 0);
    insert.run('e-a', 'oc-1', 7, 'assigned', '{"n":4}', 1);
    runMigrations(db, 6);
    expect(db.prepare("SELECT id, seq, local FROM oc_event WHERE oc_id = 'oc-1' ORDER BY at, seq").all()).toEqual([
      { id: 'e-b', seq: 1, local: 0 },
      { id: 'e-z', seq: 2, local: 0 },
      { id: 'e-a', seq: 3, local: 1 },
    ]);
    expect(db.prepare("SELECT id, seq FROM oc_event WHERE oc_id = 'oc-2'").all()).toEqual([{ id: 'e-c', seq: 1 }]);
    expect(() => db.prepare("UPDATE oc_event SET at = 2 WHERE id = 'e-c'").run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO oc_event (oc_id, id, seq, at, type, doc) VALUES ('oc-1', 'e-a', 9, 9, 'x', '{}')").run()).toThrow(/UNIQUE/);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT doc FROM oc_event WHERE oc_id = 'oc-1' ORDER BY at, seq")).toMatch(/SEARCH oc_event USING PRIMARY KEY \(oc_id=\?\)/);
    expect(plan('SELECT DISTINCT oc_id FROM oc_event WHERE local = 1')).toMatch(/oc_event_local/);
    expect((db.prepare("SELECT sql FROM sqlite_master WHERE name = 'oc_event'").get() as { sql: string }).sql).toMatch(/STRICT, WITHOUT ROWID$/);
    expect(userVersion(db)).toBe(6);
  });

  it('009 adds the planned versions: STRICT, one row per number, the four statuses only, the rows before it kept', () => {
    const db = new Database(':memory:');
    runMigrations(db, 8);
    db.prepare("INSERT INTO release (id, version, released_at, doc) VALUES ('r1', '2026.3.2', 1, '{}')").run();
    runMigrations(db, 9);
    expect(userVersion(db)).toBe(9);
    expect(tables(db)).toEqual(expect.arrayContaining(['planned_version', 'planned_version_number', 'planned_version_date']));
    expect(isStrict(db, 'planned_version')).toBe(true);
    expect(db.prepare('SELECT id FROM release').all()).toEqual([{ id: 'r1' }]);
    const put = db.prepare("INSERT INTO planned_version (id, version, planned_for, status, doc) VALUES (?, ?, '2026-12-07', ?, '{}')");
    put.run('p1', '2026.12.7', 'planejada');
    expect(() => put.run('p2', '2026.12.7', 'proposta')).toThrow(/UNIQUE constraint failed: planned_version.version/);
    expect(() => put.run('p3', '2026.12.14', 'talvez')).toThrow(/CHECK constraint failed/);
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT doc FROM planned_version WHERE version = '2026.12.7'").all() as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan).toMatch(/planned_version_number/);
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
