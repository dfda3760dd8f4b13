import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runMigrations, userVersion } from '../../../../src/core/db/migrations';
import { migration010 } from '../../../../src/core/db/migrations/010-notice-text';
import { addNotice, listNotices } from '../../../../src/core/db/notices';

const error = { code: 'NOT_OWNER', message: { 'pt-BR': 'Esta OC está com Ana Souza.', en: 'This OC belongs to Ana Souza.' } };

describe(`migration ${migration010.version} (${migration010.name})`, () => {
  it('keeps the notices already there (no text) and stores the text of new ones', () => {
    const db = new Database(':memory:');
    runMigrations(db, migration010.version - 1);
    db.prepare('INSERT INTO rejected_notice (id, mutation_id, name, oc_id, error, at, dismissed) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run('c:1', 1, 'oc.take', 'oc-1', JSON.stringify(error), 10, 0);
    runMigrations(db, migration010.version);
    expect(userVersion(db)).toBe(migration010.version);
    addNotice(db, { id: 'c:2', mutationId: 2, name: 'oc.reply', ocId: 'oc-1', error, at: 20, dismissed: false, text: 'Bom dia!\nSegue a correção.' });
    expect(listNotices(db).map((n) => [n.id, n.text])).toEqual([
      ['c:2', 'Bom dia!\nSegue a correção.'],
      ['c:1', null],
    ]);
    db.close();
  });
});
