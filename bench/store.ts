// Local store benchmarks (SPEC targets from the foundation issue):
//   store.write.ratio     one mutator applied locally (view rows + events + outbox, one transaction)
//                         ÷ a raw single-row SQLite transaction on the same database            (target ≤ 3)
//   queue.query.p95_ms    one analyst's "Minha fila" on 100 000 seeded OCs                       (target ≤ 0.5)
//   queue.query.ratio     ÷ a raw indexed query of the same rows (same SQL, plain statements), same run (target ≤ 2)
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../src/core/core';
import { openDatabase } from '../src/core/db/connection';
import { SCHEMA_VERSION } from '../src/core/db/migrations';
import { availableForSql, QUEUE_ROW_SQL } from '../src/core/db/queue';
import { seedReplica } from '../src/core/seed/seed-replica';
import { myQueue } from '../src/core/api/query-handlers';
import type { Analyst } from '../src/shared/domain';
import { percentile, round, type BenchFigures } from './figures';
import { ioFloor, walPagesPer } from './store-io';

const BENCH_NOW = Date.parse('2026-11-25T15:00:00Z');
const OCS = Number(process.env.BENCH_OCS ?? 100_000);

/** The seeded 100k replica is expensive (~1 min): it is kept in .data/bench between runs, per schema version. */
export const seededPath = async (): Promise<string> => {
  const dir = join('.data', 'bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `replica-${OCS}-s1-v${SCHEMA_VERSION}.db`);
  if (!existsSync(path)) {
    const db = openDatabase(path);
    try {
      await seedReplica(db, { ocs: OCS, seed: 1, now: BENCH_NOW });
    } catch (error) {
      db.close();
      rmSync(path, { force: true });
      throw error;
    }
    db.close();
  }
  return path;
};

export const benchStore = async (): Promise<BenchFigures> => {
  const path = await seededPath();
  // The writes go to a copy: the seeded replica stays as seeded, so every run measures the same data.
  const work = join('.data', 'bench', 'write-copy.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${work}${suffix}`, { force: true });
  const seeded = openDatabase(path);
  seeded.pragma('wal_checkpoint(TRUNCATE)'); // everything in the main file, which is what gets copied
  seeded.close();
  copyFileSync(path, work);
  // Flush the copy to disk first, or its writeback would compete with the fsyncs being measured.
  const fd = openSync(work, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  // The clock moves a second per note, as in real work: each note changes its OC's updated_at (and its row).
  let now = BENCH_NOW;
  const core = createCore({ dbPath: work, clock: { now: () => now } });
  try {
    const login = await core.api.invoke('session.login', { login: 'beatriz', password: 'demo' });
    if (!login.ok) throw new Error(login.error.message.en);
    const me = (login.value as { analyst: Analyst }).analyst;
    const db = core.db;

    // Queue: "Minha fila" of an N1 analyst (the busiest queue), against the same indexed rows read raw.
    const ana = db.prepare("SELECT doc FROM analyst WHERE login = 'ana'").get() as { doc: string };
    const analyst = JSON.parse(ana.doc) as Analyst;
    core.deps.session.set(analyst, 'local');
    // The baseline reads the same rows with the same columns through the same indexes, raw (plain statements, no
    // API, no mapping); a second one reads only the index keys (id, sla_sort) of those rows.
    const rawAvailable = db.prepare(availableForSql(analyst.modules.length, analyst.segments.length));
    const rawAssigned = db.prepare(`${QUEUE_ROW_SQL} WHERE o.is_open = 1 AND o.assignee_id = ? ORDER BY o.sla_sort`);
    const rawDirected = db.prepare(`${QUEUE_ROW_SQL} WHERE o.is_open = 1 AND o.preferred_analyst_id = ? AND o.assignee_id IS NULL ORDER BY o.sla_sort`);
    const keysAvailable = db.prepare(availableForSql(analyst.modules.length, analyst.segments.length)
      .replace(/^SELECT[\s\S]*?FROM ocorrencia o/, 'SELECT o.id, o.sla_sort FROM ocorrencia o')
      .replace(/ JOIN customer c ON c\.id = o\.customer_id LEFT JOIN analyst a ON a\.id = o\.assignee_id/, ''));
    const keysAssigned = db.prepare('SELECT id, sla_sort FROM ocorrencia WHERE is_open = 1 AND assignee_id = ? ORDER BY sla_sort');
    const keysDirected = db.prepare('SELECT id, sla_sort FROM ocorrencia WHERE is_open = 1 AND preferred_analyst_id = ? AND assignee_id IS NULL ORDER BY sla_sort');
    const rawRecados = db.prepare('SELECT doc FROM recado WHERE for_analyst_id = ? AND done_at IS NULL ORDER BY created_at');
    let rows = 0;
    for (let i = 0; i < 50; i += 1) rows = myQueue(core.deps).available.length; // warm up
    // Interleaved, so machine noise hits the three alike.
    const queue: number[] = [];
    const rawQueue: number[] = [];
    const keysQueue: number[] = [];
    const time = (samples: number[], body: () => void): void => {
      const start = performance.now();
      body();
      samples.push(performance.now() - start);
    };
    for (let i = 0; i < 2_000; i += 1) {
      time(queue, () => myQueue(core.deps));
      time(rawQueue, () => {
        rawAvailable.all(analyst.level, ...analyst.modules, ...analyst.segments, 500);
        rawAssigned.all(analyst.id);
        rawDirected.all(analyst.id);
        rawRecados.all(analyst.id);
      });
      time(keysQueue, () => {
        keysAvailable.all(analyst.level, ...analyst.modules, ...analyst.segments, 500);
        keysAssigned.all(analyst.id);
        keysDirected.all(analyst.id);
        rawRecados.all(analyst.id);
      });
    }
    const queueP95 = percentile(queue, 95);
    const rawP95 = percentile(rawQueue, 95);
    const keysP95 = percentile(keysQueue, 95);

    // Writes: an internal note (OC row, interaction, event, outbox row, rebase bases, in one transaction; its search
    // document goes in the next batch, and a note moves no SLA clock) vs one raw row.
    core.deps.session.set(me, 'local');
    // A different open OC each time, as in real work (an OC has tens of events, not hundreds).
    const ocIds = (db.prepare("SELECT id FROM ocorrencia WHERE is_open = 1 AND status = 'em_atendimento' LIMIT 400").all() as { id: string }[]).map((r) => r.id);
    const ocId = (i: number): string => ocIds[i % ocIds.length] as string;
    db.exec('CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT');
    const rawInsert = db.prepare('INSERT INTO bench_raw (body) VALUES (?)');
    const rawWrite = () => db.transaction(() => rawInsert.run('nota interna de benchmark'))();
    for (let i = 0; i < 20; i += 1) {
      rawWrite();
      await core.api.invoke('oc.note', { ocId: ocId(i + 1), body: 'aquecimento' });
    }
    const writes: number[] = [];
    const rawWrites: number[] = [];
    // Interleaved, so disk and CPU noise hit both sides alike.
    for (let i = 0; i < 300; i += 1) {
      let start = performance.now();
      rawWrite();
      rawWrites.push(performance.now() - start);
      now += 1_000;
      start = performance.now();
      const result = await core.api.invoke('oc.note', { ocId: ocId(i), body: `nota interna de benchmark ${i}` });
      writes.push(performance.now() - start);
      if (!result.ok) throw new Error(result.error.message.en);
    }
    db.exec('DROP TABLE bench_raw');
    const write = percentile(writes, 50);
    const rawWriteMs = percentile(rawWrites, 50);
    // Where the time goes: the pages one note writes, and a bare transaction writing as many pages.
    const pages = await walPagesPer(db, work, 100, async (i) => {
      now += 1_000;
      await core.api.invoke('oc.note', { ocId: ocId(i + 7), body: `nota contada ${i}` });
    });
    const { floorMs, oneRowMs } = ioFloor(db, Math.round(pages), 300);
    return {
      'store.write.ms': { value: round(write), unit: 'ms (median)', baseline: round(rawWriteMs), ratio: round(write / rawWriteMs, 2) },
      'store.write.ratio': { value: round(write / rawWriteMs, 2), unit: 'mutator ÷ raw transaction' },
      'store.write.pages': { value: round(pages, 1), unit: 'pages one note writes (WAL frames; raw transaction: 1)' },
      'store.write.io_floor.ratio': {
        value: round(floorMs / oneRowMs, 2),
        unit: `a bare transaction writing ${Math.round(pages)} pages ÷ raw transaction (the note's pages, no logic)`,
        baseline: round(oneRowMs),
      },
      'queue.query.p95_ms': { value: round(queueP95), unit: `ms (p95, ${rows} available of ${OCS} OCs)`, baseline: round(rawP95), ratio: round(queueP95 / rawP95, 2) },
      'queue.query.ratio': { value: round(queueP95 / rawP95, 2), unit: 'Minha fila ÷ raw indexed query of the same rows' },
      'queue.query.p50_ms': { value: round(percentile(queue, 50)), unit: 'ms (median)', baseline: round(percentile(rawQueue, 50)), ratio: round(percentile(queue, 50) / percentile(rawQueue, 50), 2) },
      'queue.query.keys_only.ratio': { value: round(queueP95 / keysP95, 2), unit: 'Minha fila ÷ the index keys (id, sla_sort) alone', baseline: round(keysP95), ratio: round(queueP95 / keysP95, 2) },
    };
  } finally {
    await core.stop();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${work}${suffix}`, { force: true });
  }
};
