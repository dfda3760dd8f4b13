// What a local write costs in pages, and what those pages alone cost: the floor under store.write.ratio.
import { statSync } from 'node:fs';
import type { Db } from '../src/core/db/connection';
import { median } from './figures';

const PAGE_FRAME = 24; // WAL frame header bytes

/** Pages written per call of `body`, counted as WAL frames, with automatic checkpoints held off meanwhile. */
export const walPagesPer = async (db: Db, dbPath: string, calls: number, body: (i: number) => Promise<void>): Promise<number> => {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const frames = (): number => {
    try {
      return Math.max(0, (statSync(`${dbPath}-wal`).size - 32) / (pageSize + PAGE_FRAME));
    } catch {
      return 0;
    }
  };
  db.pragma('wal_autocheckpoint = 0');
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const before = frames();
    for (let i = 0; i < calls; i += 1) await body(i);
    return (frames() - before) / calls;
  } finally {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('wal_autocheckpoint = 1000');
  }
};

/**
 * Median time of a bare transaction writing `pages` pages (one small row into each of as many tables), and of the
 * one-row transaction, interleaved: the same durable commit, with none of a mutator's logic.
 */
export const ioFloor = (db: Db, pages: number, rounds: number): { floorMs: number; oneRowMs: number } => {
  const tables = Array.from({ length: Math.max(1, pages) }, (_, i) => `bench_floor_${i}`);
  for (const t of tables) db.exec(`CREATE TABLE ${t} (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT`);
  try {
    const inserts = tables.map((t) => db.prepare(`INSERT INTO ${t} (body) VALUES (?)`));
    const all = db.transaction(() => inserts.forEach((s) => s.run('nota interna de benchmark')));
    const one = db.transaction(() => (inserts[0] as (typeof inserts)[number]).run('nota interna de benchmark'));
    const floor: number[] = [];
    const single: number[] = [];
    for (let i = 0; i < rounds; i += 1) {
      let start = performance.now();
      one();
      single.push(performance.now() - start);
      start = performance.now();
      all();
      floor.push(performance.now() - start);
    }
    return { floorMs: median(floor), oneRowMs: median(single) };
  } finally {
    for (const t of tables) db.exec(`DROP TABLE ${t}`);
  }
};
