// Sync benchmarks (issue 4):
//   sync.push.ratio            pushed mutations/s (HTTP → same mutator → one PG transaction each) ÷ raw single-row
//                              commits of the same rows into the same database, same run        (target ≥ 0.5)
//   sync.propagation.p99_ms    desktop A's change visible on desktop B (A → server → poke → B pulls), baseline:
//   sync.ws_rtt.p99_ms         a raw WebSocket round trip on loopback, same run
//   sync.initial_100k.s        a fresh desktop's initial sync of BENCH_SYNC_OCS (100 000) OCs with full histories,
//                              and its peak memory (the server and the desktop each in a process of its own, as
//                              deployed: the peak is the desktop process's high-water mark); .ratio against a raw
//                              better-sqlite3 insert of the same rows in one transaction, same run   (target ≤ 3)
//   load.push.p99_ms/.errors   BENCH_LOAD_CLIENTS (200) simulated desktops, one push a second each for
//                              BENCH_LOAD_SECONDS (60) while pulling on pokes; PGlite and PostgreSQL; on PostgreSQL
//                              a curve (BENCH_LOAD_CURVE, 50,100,200,400: p50, p99, server CPU ms per push) and
//   load.push.p99.ratio.postgres  the 200-desktop p99 ÷ a raw single-row commit's p99 by 200 connections at the
//                              same rate, same run                                                  (target ≤ 10)
// BENCH_SYNC_PARTS=push,propagation,initial,load picks parts (all by default); BENCH_SYNC_STORAGE=pglite|postgres
// picks the storage of the push and load parts (both by default, PostgreSQL when its binaries exist).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { WebSocketServer, WebSocket } from 'ws';
import { createCore } from '../src/core/core';
import { openDatabase, type Db } from '../src/core/db/connection';
import { syncClient, type SyncClient } from '../src/core/sync/client';
import { startServer, type ServerOptions } from '../src/server/app';
import { SERVER_SCHEMA_VERSION } from '../src/server/db/migrations';
import { createDatabase, freePort, postgresAvailable, startPgCluster, type PgCluster } from '../tests/support/pg-cluster';
import { apiHeaders, registerClient } from '../tests/support/raw-client';
import { percentile, round, type BenchFigures } from './figures';
import { runLoad } from './sync-load';

const BENCH_NOW = Date.parse('2026-11-25T15:00:00Z');
const INITIAL_OCS = Number(process.env.BENCH_SYNC_OCS ?? 100_000);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const LOAD_CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? 200);
/** Desktops per PostgreSQL load run: the growth of the cost (LOAD_CLIENTS's run gives the headline figures). */
const LOAD_CURVE = (process.env.BENCH_LOAD_CURVE ?? `50,100,${LOAD_CLIENTS},400`).split(',').map(Number).filter((n) => n > 0);
const PARTS = new Set((process.env.BENCH_SYNC_PARTS ?? 'push,propagation,initial,load').split(',').map((p) => p.trim()));
const STORAGES = new Set((process.env.BENCH_SYNC_STORAGE ?? 'pglite,postgres').split(',').map((p) => p.trim()));
const LOGINS = ['ana', 'bruno', 'carla', 'diego', 'eduarda', 'felipe', 'gabriela', 'henrique', 'isabela', 'joao', 'juliana', 'lucas',
  'mariana', 'natalia', 'otavio', 'patricia', 'rafael', 'renata', 'rodrigo', 'sabrina'];

type Storage = Pick<ServerOptions, 'databaseUrl' | 'dataDir'>;

/** The real CLI (`npm run server`) in a child process, so the measured desktop does not share its CPU time. */
const serverProcess = async (args: string[], env: Record<string, string> = {}): Promise<{ url: string; pid: number; stop(): Promise<void> }> => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/index.ts', ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err = (err + String(c)).slice(-2_000)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += String(c);
      const match = /S\.O\.E\. server at (\S+)/.exec(out);
      if (match !== null) resolve(match[1] as string);
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
  return {
    url,
    pid: child.pid ?? 0,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
};

const login = async (url: string, who: string): Promise<string> => {
  const r = await fetch(`${url}/api/v1/login`, { method: 'POST', headers: apiHeaders(), body: JSON.stringify({ login: who, password: 'demo' }) });
  return ((await r.json()) as { token: string }).token;
};

/** Pushed mutations per second vs raw single-row commits of the same rows, same database, same run. */
const pushRatio = async (storage: Storage): Promise<{ ratio: number; pushPerS: number; rawPerS: number }> => {
  const server = await startServer({ ...storage, logLevel: false, jobs: { autoClose: false, mail: false }, demo: { ocs: 200, seed: 1, now: BENCH_NOW } });
  try {
    const token = await login(server.url, 'beatriz');
    const { rows } = await server.db.query<{ id: string }>('SELECT id FROM ocorrencia ORDER BY id LIMIT 50');
    const total = 600;
    const mutations = Array.from({ length: total }, (_, i) => ({ id: i + 1, name: 'oc.note', args: { ocId: rows[i % rows.length]?.id, interactionId: `bench-note-${i}`, body: `Nota de benchmark ${i}` }, clientTime: Date.now() }));
    const clientSecret = await registerClient(server.url, token, 'bench-push-client');
    const t0 = performance.now();
    for (let i = 0; i < total; i += 50) {
      const r = await fetch(`${server.url}/api/v1/push`, { method: 'POST', headers: apiHeaders(token), body: JSON.stringify({ clientId: 'bench-push-client', clientSecret, mutations: mutations.slice(i, i + 50) }) });
      if (r.status !== 200) throw new Error(`push failed: ${r.status}`);
    }
    const pushPerS = total / ((performance.now() - t0) / 1_000);
    const docs = (await server.db.query<{ doc: unknown }>("SELECT doc FROM interaction WHERE id LIKE 'bench-note-%'")).rows.map((r) => JSON.stringify(r.doc));
    await server.db.query('CREATE TABLE bench_raw (id text PRIMARY KEY, doc jsonb NOT NULL, version bigint NOT NULL)');
    const t1 = performance.now();
    for (let i = 0; i < docs.length; i += 1) await server.db.query("INSERT INTO bench_raw VALUES ($1, $2::jsonb, nextval('change_version'))", [`raw-${i}`, docs[i]]);
    const rawPerS = docs.length / ((performance.now() - t1) / 1_000);
    return { ratio: round(pushPerS / rawPerS, 2), pushPerS: round(pushPerS, 0), rawPerS: round(rawPerS, 0) };
  } finally {
    await server.stop();
  }
};

const wsRttP99 = async (samples: number): Promise<number> => {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss.on('connection', (socket) => socket.on('message', (data) => socket.send(data)));
  await new Promise((r) => wss.once('listening', r));
  const port = (wss.address() as { port: number }).port;
  const client = new WebSocket(`ws://127.0.0.1:${port}`);
  await new Promise((r) => client.once('open', r));
  const rtts: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      client.once('message', () => resolve());
      client.send(JSON.stringify({ type: 'ping', id: i }));
    });
    rtts.push(performance.now() - t0);
  }
  client.terminate();
  await new Promise((r) => wss.close(r));
  return percentile(rtts, 99);
};

const desktop = async (url: string, who: string, options: { manual?: boolean } = {}) => {
  const dir = mkdtempSync(join(tmpdir(), 'soe-bench-desktop-'));
  const core = createCore({ dbPath: join(dir, 'replica.db'), sync: syncClient({ serverUrl: url, manual: options.manual ?? false, periodicMs: 3_600_000 }) });
  core.start();
  const result = await core.api.invoke('session.login', { login: who, password: 'demo' });
  if (!result.ok) throw new Error(`login ${who}: ${result.error.code}`);
  const sync = core.deps.sync as SyncClient;
  return { core, sync, close: async () => { await core.stop(); rmSync(dir, { recursive: true, force: true }); } };
};

/** The stages of one propagation, each from the note's start on desktop A (ms). */
interface PropagationSample {
  pushed: number;
  poked: number;
  /** NaN when the poke carried the change and B did not pull. */
  pulled: number;
  applied: number;
}

/**
 * Desktop A writes; how long until desktop B has the change (A's push → commit → poke → B pulls → rebase →
 * data.changed)? The server runs in its own process, as deployed; each stage is timed from the desktops' side:
 * `pushed` when A's push is answered (applied and committed), `poked` when B's socket hears the poke, `pulled`
 * when B's pull is answered (none when the poke carried the note), `applied` when B's replica has the note.
 */
const propagation = async (samples: number): Promise<PropagationSample[]> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'soe-bench-prop-'));
  const port = await freePort();
  const server = await serverProcess(['--data', dataDir, '--port', String(port), '--demo', '--ocs', '200', '--seed', '2', '--now', new Date(BENCH_NOW).toISOString()]);
  const a = await desktop(server.url, 'beatriz');
  const b = await desktop(server.url, 'sergio');
  try {
    await a.sync.syncNow();
    await b.sync.syncNow();
    const deadline = Date.now() + 10_000;
    while (!(a.sync.socketConnected && b.sync.socketConnected) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const marks = { pushed: 0, poked: 0, pulled: 0 };
    const apiA = a.sync.api as { push: (...args: never[]) => Promise<unknown> };
    const push = apiA.push.bind(apiA);
    apiA.push = async (...args: never[]) => {
      const answer = await push(...args);
      marks.pushed = performance.now();
      return answer;
    };
    const apiB = b.sync.api as { pull: (...args: never[]) => Promise<unknown> };
    const pull = apiB.pull.bind(apiB);
    apiB.pull = async (...args: never[]) => {
      const answer = await pull(...args);
      marks.pulled = performance.now();
      return answer;
    };
    // The poke as B's socket hears it (bench-only reach into the client's socket options).
    const socketOptions = (b.sync as unknown as { socket: { options: { onPoke: (...args: never[]) => void } } }).socket.options;
    const onPoke = socketOptions.onPoke;
    socketOptions.onPoke = (...args: never[]) => {
      marks.poked = performance.now();
      onPoke(...args);
    };
    const ocId = (a.core.db.prepare('SELECT id FROM ocorrencia ORDER BY id LIMIT 1').get() as { id: string }).id;
    const times: PropagationSample[] = [];
    for (let i = 0; i < samples; i += 1) {
      const interactionId = `prop-${i}`;
      const seen = new Promise<number>((resolve) => {
        const off = b.core.events.on('data.changed', () => {
          if (b.core.db.prepare('SELECT 1 FROM interaction WHERE id = ?').get(interactionId) !== undefined) {
            off();
            resolve(performance.now());
          }
        });
      });
      marks.pulled = Number.NaN;
      const t0 = performance.now();
      const ack = await a.core.api.invoke('oc.note', { ocId, interactionId, body: `Propagação ${i}` });
      if (!ack.ok) throw new Error(ack.error.code);
      const applied = await seen;
      times.push({ pushed: marks.pushed - t0, poked: marks.poked - t0, pulled: marks.pulled - t0, applied: applied - t0 });
      await new Promise((r) => setTimeout(r, 30));
    }
    return times;
  } finally {
    await a.close();
    await b.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

/**
 * The baseline of the initial sync: the same rows the sync wrote (every synced table, every column as stored),
 * inserted raw into a fresh replica of the same schema (its indexes included) with one prepared statement per
 * table in one transaction — what better-sqlite3 does at its fastest, with no network, parsing or search index.
 */
const rawBulkInsert = (synced: Db): { seconds: number; rows: number } => {
  const tables = ['analyst', 'customer', 'contact', 'catalog', 'release', 'sla_config', 'recado', 'ocorrencia', 'interaction', 'oc_event', 'attachment'];
  const data = tables.map((table) => {
    const select = synced.prepare(`SELECT * FROM ${table}`);
    return { table, columns: select.columns().map((c) => c.name), rows: select.raw().all() as unknown[][] };
  });
  const dir = mkdtempSync(join(tmpdir(), 'soe-bench-raw-'));
  const db = openDatabase(join(dir, 'replica.db'));
  try {
    const t0 = performance.now();
    let rows = 0;
    db.transaction(() => {
      for (const { table, columns, rows: values } of data) {
        const insert = db.prepare(`INSERT OR REPLACE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        for (const row of values) insert.run(...row);
        rows += values.length;
      }
    })();
    return { seconds: (performance.now() - t0) / 1_000, rows };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

/** A fresh desktop's initial sync of the seeded server (kept in .data/bench between runs: seeding takes minutes). */
const initialSync = async (): Promise<{ seconds: number; peakMb: number; startMb: number; rows: number; rawSeconds: number; rawRows: number }> => {
  const dir = join('.data', 'bench', `server-${INITIAL_OCS}-s1-v${SERVER_SCHEMA_VERSION}`);
  const marker = `${dir}.seeded`;
  if (!existsSync(marker)) rmSync(dir, { recursive: true, force: true });
  mkdirSync(join('.data', 'bench'), { recursive: true });
  const port = await freePort();
  const server = await serverProcess(['--data', dir, '--port', String(port), '--demo', '--ocs', String(INITIAL_OCS), '--seed', '1', '--now', new Date(BENCH_NOW).toISOString()]);
  writeFileSync(marker, new Date().toISOString());
  const replicaDir = mkdtempSync(join(tmpdir(), 'soe-bench-initial-'));
  try {
    const child = await desktopProcessSync(server.url, replicaDir);
    if (child.status !== 'online') throw new Error(`initial sync did not finish: ${child.status}`);
    const db = openDatabase(join(replicaDir, 'replica.db'));
    try {
      const raw = rawBulkInsert(db);
      return { seconds: round(child.seconds, 1), peakMb: round(child.peakMb, 0), startMb: round(child.startMb, 0), rows: child.rows, rawSeconds: round(raw.seconds, 2), rawRows: raw.rows };
    } finally {
      db.close();
    }
  } finally {
    rmSync(replicaDir, { recursive: true, force: true });
    await server.stop();
  }
};

/** The desktop's initial sync in its own process (bench/initial-sync-desktop.ts): its time, rows and memory. */
const desktopProcessSync = (url: string, replicaDir: string): Promise<{ seconds: number; rows: number; startMb: number; peakMb: number; status: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/initial-sync-desktop.ts', url, replicaDir], { env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += String(c)));
    child.stderr.on('data', (c: Buffer) => (err = (err + String(c)).slice(-4_000)));
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) return reject(new Error(`the desktop's initial sync exited (${code}): ${err}`));
      resolve(JSON.parse(line) as { seconds: number; rows: number; startMb: number; peakMb: number; status: string });
    });
  });

/** CPU time (user + system, ms) a process has used so far, from /proc (NaN where there is none). */
const cpuMsOf = (pid: number): number => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1_000) / 100;
  } catch {
    return Number.NaN;
  }
};

const loadRun = async (label: string, env: Record<string, string>, dataDir: string, clients = LOAD_CLIENTS) => {
  const port = await freePort();
  const server = await serverProcess(['--data', dataDir, '--port', String(port), '--demo', '--ocs', '2000', '--seed', '3', '--now', new Date(BENCH_NOW).toISOString()], env);
  try {
    const token = await login(server.url, 'beatriz');
    const clientSecret = await registerClient(server.url, token, 'bench-ids-0001');
    const page = await fetch(`${server.url}/api/v1/pull`, { method: 'POST', headers: apiHeaders(token), body: JSON.stringify({ clientId: 'bench-ids-0001', clientSecret, cursor: 0, limit: 20_000 }) });
    const ocIds = ((await page.json()) as { changes: Array<{ table: string; row: { id: string } }> }).changes.filter((c) => c.table === 'ocorrencia').map((c) => c.row.id).slice(0, 500);
    const cpuBefore = cpuMsOf(server.pid);
    const result = await runLoad(server.url, { clients, seconds: LOAD_SECONDS, logins: LOGINS, ocIds });
    const cpuMsPerPush = round((cpuMsOf(server.pid) - cpuBefore) / Math.max(1, result.pushes), 2);
    process.stderr.write(`bench: load on ${label}, ${clients} desktops: ${result.pushes} pushes, ${result.pulls} pulls, ${result.carried} carried pokes, ${result.errors} errors, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${cpuMsPerPush} server CPU ms/push${result.errors > 0 ? ` — ${JSON.stringify(result.errorKinds)}` : ''}\n`);
    return { ...result, cpuMsPerPush };
  } finally {
    await server.stop();
  }
};

/**
 * The baseline of the load run: `clients` connections each making one raw single-row commit a second (autocommit
 * INSERT) for `seconds`, spread over the second like the simulated desktops; the p99 of a commit.
 */
const rawCommitP99 = async (databaseUrl: string, clients: number, seconds: number): Promise<number> => {
  const setup = new pg.Client({ connectionString: databaseUrl });
  await setup.connect();
  await setup.query('CREATE TABLE IF NOT EXISTS bench_commit (id bigserial PRIMARY KEY, doc jsonb NOT NULL)');
  await setup.end();
  const connections = await Promise.all(Array.from({ length: clients }, async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return client;
  }));
  const latencies: number[] = [];
  const endAt = performance.now() + seconds * 1_000;
  try {
    await Promise.all(connections.map(async (client, index) => {
      await new Promise((r) => setTimeout(r, (index / clients) * 1_000));
      while (performance.now() < endAt) {
        const tickAt = performance.now();
        await client.query('INSERT INTO bench_commit (doc) VALUES ($1::jsonb)', [JSON.stringify({ body: `Carga ${index}`, at: Date.now() })]);
        latencies.push(performance.now() - tickAt);
        await new Promise((r) => setTimeout(r, Math.max(0, tickAt + 1_000 - performance.now())));
      }
    }));
  } finally {
    await Promise.all(connections.map((c) => c.end()));
  }
  return percentile(latencies, 99);
};

export async function benchSync(): Promise<BenchFigures> {
  const figures: BenchFigures = {};
  let cluster: PgCluster | null = null;
  const temp: string[] = [];
  const tempDir = (prefix: string) => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    temp.push(d);
    return d;
  };
  try {
    if (postgresAvailable() && STORAGES.has('postgres') && (PARTS.has('push') || PARTS.has('load'))) cluster = await startPgCluster({ durable: true });
    process.stderr.write(`bench: sync storage: ${STORAGES.has('pglite') ? 'PGlite' : ''}${cluster === null ? '' : ` PostgreSQL (cluster on 127.0.0.1:${cluster.port})`}\n`);

    // First, while nothing else runs: the desktop syncs in its own process, timed alone.
    if (PARTS.has('initial')) {
      const initial = await initialSync();
      const k = `sync.initial_${Math.round(INITIAL_OCS / 1000)}k`;
      figures[`${k}.s`] = { value: initial.seconds, unit: `s (${initial.rows} OCs)` };
      figures[`${k}.peak_rss_mb`] = { value: initial.peakMb, unit: `MB (the desktop in its own process, tsx included; ${initial.startMb} MB before the sync; target ≤ 300)` };
      figures[`${k}.rows_per_s`] = { value: round(initial.rawRows / initial.seconds, 0), unit: `rows/s (${initial.rawRows} rows)` };
      figures[`${k}.raw_insert_s`] = { value: initial.rawSeconds, unit: 's (same rows, one better-sqlite3 transaction)' };
      figures[`${k}.ratio`] = { value: round(initial.seconds / initial.rawSeconds, 2), unit: 'x (target ≤ 3)', baseline: initial.rawSeconds, ratio: round(initial.seconds / initial.rawSeconds, 2) };
    }

    if (PARTS.has('push')) {
      if (STORAGES.has('pglite')) {
        const lite = await pushRatio({ dataDir: tempDir('soe-bench-push-') });
        figures['sync.push.ratio'] = { value: lite.ratio, unit: 'x (PGlite)', baseline: lite.rawPerS, ratio: lite.ratio };
        figures['sync.push.per_s'] = { value: lite.pushPerS, unit: 'mutations/s (PGlite)', baseline: lite.rawPerS, ratio: lite.ratio };
      }
      if (cluster !== null) {
        const pg = await pushRatio({ databaseUrl: await createDatabase(cluster, 'bench_push') });
        figures['sync.push.ratio.postgres'] = { value: pg.ratio, unit: 'x (PostgreSQL)', baseline: pg.rawPerS, ratio: pg.ratio };
        figures['sync.push.per_s.postgres'] = { value: pg.pushPerS, unit: 'mutations/s (PostgreSQL)', baseline: pg.rawPerS, ratio: pg.ratio };
      }
    }

    if (PARTS.has('propagation')) {
      const rtt = await wsRttP99(500);
      const stages = await propagation(200);
      const p99 = (pick: (s: PropagationSample) => number) => round(percentile(stages.map(pick), 99), 1);
      const p50 = (pick: (s: PropagationSample) => number) => round(percentile(stages.map(pick), 50), 1);
      const total = p99((s) => s.applied);
      figures['sync.ws_rtt.p99_ms'] = { value: round(rtt, 2), unit: 'ms' };
      figures['sync.propagation.p99_ms'] = { value: total, unit: 'ms (target ≤ ws_rtt p99 + 10)', baseline: round(rtt, 2), ratio: round(total / rtt, 1) };
      figures['sync.propagation.p50_ms'] = { value: p50((s) => s.applied), unit: 'ms' };
      // The breakdown, each stage's own share at p50 and p99 (ms from the previous stage).
      // A pull stage only where B pulled; otherwise the poke carried the note and apply follows the poke.
      const pulledAt = (s: PropagationSample) => (Number.isNaN(s.pulled) ? s.poked : s.pulled);
      const shares: Array<[string, (s: PropagationSample) => number]> = [
        ['push', (s) => s.pushed], ['poke', (s) => s.poked - s.pushed], ['pull', (s) => pulledAt(s) - s.poked], ['apply', (s) => s.applied - pulledAt(s)],
      ];
      for (const [name, pick] of shares) figures[`sync.propagation.${name}.p99_ms`] = { value: p99(pick), unit: `ms (p50 ${p50(pick)})` };
      const carried = stages.filter((s) => Number.isNaN(s.pulled)).length;
      figures['sync.propagation.carried_share'] = { value: round(carried / stages.length, 2), unit: `of ${stages.length} notes reached B in the poke, without a pull` };
    }

    if (PARTS.has('load')) {
      if (STORAGES.has('pglite')) {
        const liteLoad = await loadRun('PGlite', {}, tempDir('soe-bench-load-'));
        figures['load.push.p99_ms'] = { value: liteLoad.p99Ms, unit: `ms (PGlite, ${LOAD_CLIENTS} clients × ${LOAD_SECONDS} s)` };
        figures['load.push.per_s'] = { value: liteLoad.perS, unit: 'pushes/s (PGlite)' };
        figures['load.errors'] = { value: liteLoad.errors, unit: 'errors (PGlite)' };
      }
      if (cluster !== null) {
        // The raw single-row commit by as many connections at the same offered rate, then the curve.
        const rawP99 = round(await rawCommitP99(await createDatabase(cluster, 'bench_raw_commit'), LOAD_CLIENTS, LOAD_SECONDS), 1);
        figures['load.raw_commit.p99_ms.postgres'] = { value: rawP99, unit: `ms (${LOAD_CLIENTS} connections × 1 commit/s × ${LOAD_SECONDS} s)` };
        for (const clients of LOAD_CURVE) {
          const run = await loadRun('PostgreSQL', { DATABASE_URL: await createDatabase(cluster, `bench_load_${clients}`) }, tempDir('soe-bench-load-pg-'), clients);
          const at = clients === LOAD_CLIENTS ? '' : `.${clients}`;
          figures[`load.push.p99_ms.postgres${at}`] = { value: run.p99Ms, unit: `ms (p50 ${run.p50Ms}; ${clients} desktops × ${LOAD_SECONDS} s)` };
          figures[`load.push.per_s.postgres${at}`] = { value: run.perS, unit: `pushes/s (${clients} offered)` };
          figures[`load.server_cpu_ms_per_push.postgres${at}`] = { value: run.cpuMsPerPush, unit: `ms (${run.pulls} pulls, ${run.carried} carried pokes)` };
          figures[`load.errors.postgres${at}`] = { value: run.errors, unit: 'errors' };
          if (clients === LOAD_CLIENTS) {
            figures['load.push.p99.ratio.postgres'] = { value: round(run.p99Ms / rawP99, 2), unit: 'x raw commit p99 (target ≤ 10)', baseline: rawP99, ratio: round(run.p99Ms / rawP99, 2) };
          }
        }
      }
    }
  } finally {
    cluster?.stop();
    for (const d of temp) rmSync(d, { recursive: true, force: true });
  }
  return figures;
}
