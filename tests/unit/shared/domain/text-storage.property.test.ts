import { PGlite } from '@electric-sql/pglite';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Text } from '../../../../src/shared/domain/text';

// The promise behind Text(): whatever it accepts can be stored and read back unchanged everywhere a change goes —
// the JSON of the outbox and the push, PostgreSQL's jsonb on the server (PGlite here: the same parser), SQLite
// on the desktop. The generator mixes the characters that break storage (NUL, lone and reversed surrogates,
// controls) with ordinary and astral text, so both sides of the line are exercised.

const hostile = fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff', '\u0001', '\u001b', '\u007f', '\u0085', '\u2028', '\t', '\n', '\r');
const friendly = fc.constantFrom('a', 'ç', 'Ã', '€', '😀', '👩🏽‍💻', ' ', '"', '\\', '\u00a0', '\u0090', '\ufeff', '\ufffd', '𝄞');
const mixed = fc
  .array(fc.oneof({ weight: 1, arbitrary: hostile }, { weight: 6, arbitrary: friendly }, { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }), { maxLength: 24 })
  .map((parts) => parts.join(''));
const RUNS = { seed: 15_002, numRuns: 400 };

describe('text that Text() accepts survives every store unchanged', () => {
  let pg: PGlite;
  let sqlite: Database.Database;
  beforeAll(async () => {
    pg = new PGlite();
    await pg.waitReady;
    sqlite = new Database(':memory:');
    sqlite.exec('CREATE TABLE doc (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT');
  });
  afterAll(async () => {
    sqlite.close();
    await pg.close();
  });

  it('the generator reaches both sides: some strings are refused, some accepted', () => {
    const samples = fc.sample(mixed, { seed: RUNS.seed, numRuns: RUNS.numRuns });
    const accepted = samples.filter((s) => Text().safeParse(s).success).length;
    expect(accepted).toBeGreaterThan(RUNS.numRuns / 10);
    expect(accepted).toBeLessThan(RUNS.numRuns * 0.9);
  });

  it('JSON.stringify / JSON.parse', () => {
    fc.assert(fc.property(mixed, (s) => {
      if (!Text().safeParse(s).success) return;
      expect(JSON.parse(JSON.stringify({ s })).s).toBe(s);
      expect(Buffer.from(s, 'utf8').toString('utf8')).toBe(s);
    }), RUNS);
  });

  it('PostgreSQL jsonb (the server writes every change as $1::jsonb)', async () => {
    await fc.assert(fc.asyncProperty(mixed, async (s) => {
      const payload = JSON.stringify({ s });
      if (!Text().safeParse(s).success) return;
      // Read back as jsonb, as the server reads its rows (doc columns). A text-typed result column would lose a
      // leading U+FEFF on PGlite only: its client decodes text with a BOM-stripping TextDecoder (PostgreSQL keeps it).
      const { rows } = await pg.query<{ doc: { s: string }; length: number }>('SELECT $1::jsonb AS doc, length(($1::jsonb)->>\'s\') AS length', [payload]);
      expect(rows[0]?.doc.s).toBe(s);
      expect(rows[0]?.length).toBe([...s].length);
    }), RUNS);
  });

  it('PostgreSQL refuses NUL and a lone surrogate: the very strings Text() keeps out', async () => {
    for (const s of ['a\u0000b', 'a\ud800b', '\udc00']) {
      expect(Text().safeParse(s).success).toBe(false);
      await expect(pg.query('SELECT $1::jsonb AS doc', [JSON.stringify({ s })])).rejects.toThrow();
    }
  });

  it('better-sqlite3 (the replica stores rows as JSON text and reads columns as text)', () => {
    const insert = sqlite.prepare('INSERT INTO doc (body) VALUES (?)');
    const read = sqlite.prepare<[number | bigint], { body: string; s: string }>("SELECT body, json_extract(body, '$.s') AS s FROM doc WHERE id = ?");
    fc.assert(fc.property(mixed, (s) => {
      if (!Text().safeParse(s).success) return;
      const { lastInsertRowid } = insert.run(JSON.stringify({ s }));
      const row = read.get(lastInsertRowid);
      expect(row?.s).toBe(s);
      expect(JSON.parse(row?.body ?? '{}').s).toBe(s);
    }), RUNS);
  });
});
