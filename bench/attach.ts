// Attachment store benchmarks (issue 16):
//   attach.upload.ratio          a 20 MB file streamed into the store (hashing, typing, 1 MiB chunk rows, the
//                                attachment row) ÷ one raw INSERT of the same bytes into a bytea column, same run
//   attach.download.ratio        the file streamed back out of the store ÷ one raw SELECT of that bytea
//   attach.upload.peak_rss_mb    peak RSS of the store's process while uploading it; baseline: the peak of the raw
//                                write, which holds the file in memory (each measured in a fresh process)
// On PGlite (in the process: its WASM heap counts in the RSS) and, when the binaries exist, on PostgreSQL.
// BENCH_ATTACH_MB (20), BENCH_ATTACH_ROUNDS (3), BENCH_ATTACH_STORAGE=pglite,postgres pick size, rounds, storages.
import { spawn } from 'node:child_process';
import { createCipheriv, createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { isDomainError } from '../src/shared/domain';
import { AttachmentConfig } from '../src/server/attachments/config';
import { postgresAttachments } from '../src/server/attachments/context';
import { openDownload } from '../src/server/attachments/downloads';
import { uploadWhole } from '../src/server/attachments/uploads';
import type { Database } from '../src/server/db/database';
import { migrate } from '../src/server/db/migrations';
import { openPglite } from '../src/server/db/pglite';
import { openPostgres } from '../src/server/db/postgres';
import { createDatabase, postgresAvailable, startPgCluster, type PgCluster } from '../tests/support/pg-cluster';
import { median, round, type BenchFigures } from './figures';

const MIB = 1024 * 1024;
const SIZE = Math.round(Number(process.env.BENCH_ATTACH_MB ?? 20) * MIB);
const ROUNDS = Number(process.env.BENCH_ATTACH_ROUNDS ?? 3);
const STORAGES = new Set((process.env.BENCH_ATTACH_STORAGE ?? 'pglite,postgres').split(',').map((s) => s.trim()));

/** A print of SIZE bytes: a PNG header and an IDAT of pseudo-random bytes (seeded), made as it is read. */
const printStream = (seed: number): Readable => {
  const header = Buffer.alloc(8 + 25 + 8);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(header, 0);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(1920, 16);
  header.writeUInt32BE(1080, 20);
  header.set([8, 6, 0, 0, 0], 24);
  header.writeUInt32BE(SIZE - header.length - 4, 33);
  header.write('IDAT', 37, 'latin1');
  const cipher = createCipheriv('aes-128-ctr', Buffer.alloc(16, seed), Buffer.alloc(16));
  async function* pieces(): AsyncGenerator<Buffer> {
    yield header;
    for (let sent = header.length; sent < SIZE; sent += 64 * 1024) {
      yield cipher.update(Buffer.alloc(Math.min(64 * 1024, SIZE - sent)));
    }
  }
  return Readable.from(pieces(), { objectMode: false });
};

const printBytes = async (seed: number): Promise<Buffer> => {
  const parts: Buffer[] = [];
  for await (const piece of printStream(seed)) parts.push(piece as Buffer);
  return Buffer.concat(parts, SIZE);
};

/** The raw way, with the faster of each driver's byte paths (the store's own, postgres-blob-store.ts). */
const rawWrite = async (db: Database, id: string, bytes: Buffer): Promise<void> => {
  if (db.kind === 'pglite') await db.query("INSERT INTO bench_raw (id, data) VALUES ($1, decode($2, 'hex'))", [id, bytes.toString('hex')]);
  else await db.query('INSERT INTO bench_raw (id, data) VALUES ($1, $2)', [id, bytes]);
};

const rawRead = async (db: Database, id: string): Promise<Buffer> => {
  if (db.kind === 'pglite') {
    const { rows } = await db.query<{ data: string }>("SELECT encode(data, 'base64') AS data FROM bench_raw WHERE id = $1", [id]);
    return Buffer.from(rows[0]?.data ?? '', 'base64');
  }
  const { rows } = await db.query<{ data: Buffer }>('SELECT data FROM bench_raw WHERE id = $1', [id]);
  return rows[0]?.data ?? Buffer.alloc(0);
};

const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

/** What one child process measures: `rss-store` | `rss-raw` (one cold run each), `timing` (interleaved rounds). */
const child = async (mode: string, target: string): Promise<Record<string, number>> => {
  const db = target.startsWith('postgres') ? await openPostgres({ connectionString: target }) : await openPglite(target);
  try {
    await migrate(db);
    await db.exec("CREATE TABLE IF NOT EXISTS bench_raw (id text PRIMARY KEY, data bytea NOT NULL); ALTER TABLE bench_raw ALTER COLUMN data SET STORAGE EXTERNAL");
    const deps = postgresAttachments(db, AttachmentConfig.parse({}), { now: () => Date.now() });
    const actor = { who: { kind: 'analyst' as const, id: 'bench' }, source: 'bench' };
    const upload = async (seed: number): Promise<void> => {
      const state = await uploadWhole(deps, actor, { id: `bench-${mode}-${seed}`, ocId: `oc-${seed}`, name: 'Captura de tela.png', size: SIZE }, printStream(seed));
      if (isDomainError(state) || state.state !== 'complete' || state.deduplicated) throw new Error(`bench upload: ${JSON.stringify(state).slice(0, 300)}`);
    };
    // The process's own high-water mark: PGlite's statements run synchronously, no timer could sample inside them.
    if (mode === 'rss-store') {
      const before = peakRssMb();
      await upload(1);
      return { peakMb: peakRssMb(), beforeMb: before };
    }
    if (mode === 'rss-raw') {
      const before = peakRssMb();
      await rawWrite(db, 'raw-rss', await printBytes(1));
      return { peakMb: peakRssMb(), beforeMb: before };
    }
    const up: number[] = [];
    const down: number[] = [];
    const rawUp: number[] = [];
    const rawDown: number[] = [];
    for (let round = 0; round <= ROUNDS; round += 1) {
      const seed = 100 + round; // fresh bytes every round: nothing is deduplicated
      let t = performance.now();
      await upload(seed);
      const u = performance.now() - t;
      t = performance.now();
      const download = await openDownload(deps, actor, `bench-${mode}-${seed}`);
      if ('error' in download) throw new Error(download.error.code);
      const hash = createHash('sha256');
      for await (const piece of download.body) hash.update(piece as Buffer);
      const d = performance.now() - t;
      const bytes = await printBytes(seed);
      t = performance.now();
      await rawWrite(db, `raw-${seed}`, bytes);
      const ru = performance.now() - t;
      t = performance.now();
      const back = await rawRead(db, `raw-${seed}`);
      const rd = performance.now() - t;
      if (back.length !== SIZE || createHash('sha256').update(back).digest('hex') !== hash.digest('hex')) throw new Error('bench: the raw copy differs from the stored one');
      if (round === 0) continue; // warm-up
      up.push(u);
      down.push(d);
      rawUp.push(ru);
      rawDown.push(rd);
    }
    return { uploadMs: median(up), downloadMs: median(down), rawUploadMs: median(rawUp), rawDownloadMs: median(rawDown) };
  } finally {
    await db.close();
  }
};

/** Runs one measurement in a fresh process (a clean RSS, nothing else's garbage in the heap). */
const inChild = (mode: string, target: string): Promise<Record<string, number>> =>
  new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'bench/attach.ts', '--child', mode, target], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (c: Buffer) => (out += String(c)));
    proc.stderr.on('data', (c: Buffer) => (err = (err + String(c)).slice(-4_000)));
    proc.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as Record<string, number>);
      else reject(new Error(`bench attach ${mode}: exit ${code}\n${err}`));
    });
  });

const figuresOf = async (label: string, suffix: string, target: () => Promise<string>): Promise<BenchFigures> => {
  const timing = await inChild('timing', await target());
  const store = await inChild('rss-store', await target());
  const raw = await inChild('rss-raw', await target());
  const mb = Math.round(SIZE / MIB);
  const up = timing.uploadMs as number;
  const down = timing.downloadMs as number;
  return {
    [`attach.upload.ratio${suffix}`]: { value: round(up / (timing.rawUploadMs as number), 2), unit: `x (${label}, ${mb} MB)`, baseline: round(timing.rawUploadMs as number, 0), ratio: round(up / (timing.rawUploadMs as number), 2) },
    [`attach.upload.ms${suffix}`]: { value: round(up, 0), unit: `ms (${label}, ${mb} MB)`, baseline: round(timing.rawUploadMs as number, 0), ratio: round(up / (timing.rawUploadMs as number), 2) },
    [`attach.download.ratio${suffix}`]: { value: round(down / (timing.rawDownloadMs as number), 2), unit: `x (${label}, ${mb} MB)`, baseline: round(timing.rawDownloadMs as number, 0), ratio: round(down / (timing.rawDownloadMs as number), 2) },
    [`attach.download.ms${suffix}`]: { value: round(down, 0), unit: `ms (${label}, ${mb} MB)`, baseline: round(timing.rawDownloadMs as number, 0), ratio: round(down / (timing.rawDownloadMs as number), 2) },
    [`attach.upload.peak_rss_mb${suffix}`]: { value: round(store.peakMb as number, 0), unit: `MB (${label}; ${round((store.peakMb as number) - (store.beforeMb as number), 0)} above the start)`, baseline: round(raw.peakMb as number, 0), ratio: round((store.peakMb as number) / (raw.peakMb as number), 2) },
  };
};

export async function benchAttach(): Promise<BenchFigures> {
  const figures: BenchFigures = {};
  const dirs: string[] = [];
  let cluster: PgCluster | null = null;
  let n = 0;
  try {
    if (STORAGES.has('pglite')) {
      Object.assign(figures, await figuresOf('PGlite', '', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'soe-bench-attach-'));
        dirs.push(dir);
        return dir;
      }));
    }
    if (STORAGES.has('postgres') && postgresAvailable()) {
      cluster = await startPgCluster({ durable: true });
      const c = cluster;
      Object.assign(figures, await figuresOf('PostgreSQL', '.postgres', () => createDatabase(c, `bench_attach_${(n += 1)}`)));
    }
  } finally {
    cluster?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
  return figures;
}

const at = process.argv.indexOf('--child');
if (at !== -1) {
  child(process.argv[at + 1] as string, process.argv[at + 2] as string).then(
    (result) => { process.stdout.write(`${JSON.stringify(result)}\n`); process.exit(0); },
    (error: unknown) => { console.error(error); process.exit(1); },
  );
}
