import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runMigrations, userVersion } from '../../../../src/core/db/migrations';
import { migration011 } from '../../../../src/core/db/migrations/011-ola-column';

describe(`migration ${migration011.version} (${migration011.name})`, () => {
  it('adds the OLA column and asks for a fresh SLA look at exactly the OCs waiting for an N2', () => {
    const db = new Database(':memory:');
    runMigrations(db, migration011.version - 1);
    const insert = db.prepare(`INSERT INTO ocorrencia (id, customer_id, module, segment, level, status, is_open, plan, criticidade, kind, channel,
      assignee_id, subject, created_at, updated_at, doc, sla_next_at) VALUES (?, 'c1', 'fiscal', 'industria', ?, ?, ?, 'ouro', 'alta', 'erro', 'extranet', ?, 's', 1, 1, '{}', 500)`);
    insert.run('waiting', 'n2', 'em_atendimento', 1, null);
    insert.run('held-n2', 'n2', 'em_atendimento', 1, 'rafael');
    insert.run('n1', 'n1', 'nova', 1, null);
    insert.run('closed-n2', 'n2', 'encerrada', 0, null);
    runMigrations(db, migration011.version);
    expect(userVersion(db)).toBe(migration011.version);
    expect(db.prepare('SELECT id, sla_next_at, sla_ola_due_at FROM ocorrencia ORDER BY id').all()).toEqual([
      { id: 'closed-n2', sla_next_at: 500, sla_ola_due_at: null },
      { id: 'held-n2', sla_next_at: 500, sla_ola_due_at: null },
      { id: 'n1', sla_next_at: 500, sla_ola_due_at: null },
      { id: 'waiting', sla_next_at: 0, sla_ola_due_at: null },
    ]);
    db.close();
  });
});
