import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/shared/domain';
import { Attachment } from '../../src/shared/domain/attachment';
import type { AttachmentDeps } from '../../src/server/attachments/context';
import { openDownload } from '../../src/server/attachments/downloads';
import { putBlob } from '../../src/server/attachments/stream-writer';
import { appendUpload, beginUpload, uploadStatus, uploadWhole, type UploadState } from '../../src/server/attachments/uploads';
import type { Database } from '../../src/server/db/database';
import { migrate, SERVER_SCHEMA_VERSION } from '../../src/server/db/migrations';
import * as f from '../unit/server/attachments/fixtures';
import { analystActor, count, depsFor, openStoreDatabase, readAll, sha256Of, STORAGES, stopClusters, testClock, type TestClock } from '../unit/server/attachments/harness';

// The PostgreSQL blob store end to end, on PGlite and on PostgreSQL: big files streamed both ways, the same bytes
// stored once, interrupted uploads resumed, limits that leave nothing behind.

const MIB = 1024 * 1024;
const ana = analystActor('analyst-ana');

const complete = (state: UploadState | { code: string }): Extract<UploadState, { state: 'complete' }> => {
  if (isDomainError(state) || !('state' in state) || state.state !== 'complete') throw new Error(`expected a complete upload, got ${JSON.stringify(state)}`);
  return state;
};

afterAll(() => stopClusters());

describe.each(STORAGES)('attachment store on %s', (kind) => {
  let db: Database;
  let clock: TestClock;
  let deps: AttachmentDeps;

  beforeAll(async () => {
    db = await openStoreDatabase(kind, `attachments-store/${kind}`);
    clock = testClock();
    deps = depsFor(db, clock);
  }, 120_000);

  afterAll(async () => {
    await db?.close();
  });

  it('migrates to the latest version and opens again', async () => {
    expect(SERVER_SCHEMA_VERSION).toBeGreaterThanOrEqual(9);
    expect(await migrate(db)).toBe(SERVER_SCHEMA_VERSION);
  });

  it('streams a 20 MB print in and out, never holding it whole, and keeps the bytes exactly', async () => {
    const size = 20 * MIB;
    const big = depsFor(db, clock, { chunkBytes: MIB });
    const expected = createHash('sha256');
    for await (const piece of f.generatedStream(size, { head: f.pngHeaderFor(size), seed: 11 })) expected.update(piece as Buffer);
    const sha = expected.digest('hex');

    let pulled = 0;
    let ahead = 0;
    let peakRss = 0;
    const staged = big.blobs.writeStaged.bind(big.blobs);
    big.blobs.writeStaged = async (key, offset, bytes, at) => {
      ahead = Math.max(ahead, pulled - offset);
      return staged(key, offset, bytes, at);
    };
    const rssBefore = process.memoryUsage().rss;
    const source = f.generatedStream(size, { head: f.pngHeaderFor(size), seed: 11, onPull: (n) => {
      pulled = n;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    } });
    const done = complete(await uploadWhole(big, ana, { id: `big-${kind}`, ocId: 'oc-big', name: 'Captura de tela.png', size }, source));
    expect(Attachment.parse(done.attachment)).toEqual(done.attachment);
    expect(done.attachment).toMatchObject({ size, sha256: sha, mediaType: 'image/png', ocId: 'oc-big', uploadedBy: { kind: 'analyst', id: 'analyst-ana' } });
    expect(ahead).toBeLessThanOrEqual(MIB + 64 * 1024); // read at most one chunk (plus a piece) ahead of the database
    expect(await count(db, 'attachment_chunk c JOIN attachment_blob b USING (content_id) WHERE b.sha256 = $1', [sha])).toBe(20);
    const growth = (peakRss - rssBefore) / MIB;
    console.log(`[attachments-store/${kind}] 20 MB upload: RSS grew ${growth.toFixed(1)} MB`);
    // PGlite runs PostgreSQL inside this process (its WASM heap grows with the data); PostgreSQL is elsewhere.
    if (kind === 'postgres') expect(growth).toBeLessThan(48);

    const download = await openDownload(big, ana, `big-${kind}`);
    if ('error' in download) throw new Error(download.error.code);
    const back = createHash('sha256');
    let largest = 0;
    let total = 0;
    for await (const piece of download.body) {
      back.update(piece as Buffer);
      largest = Math.max(largest, (piece as Buffer).length);
      total += (piece as Buffer).length;
    }
    expect(total).toBe(size);
    expect(back.digest('hex')).toBe(sha);
    expect(largest).toBeLessThanOrEqual(MIB);
    expect(download.headers['Content-Length']).toBe(String(size));
  }, 240_000);

  it('stores the same bytes once, under any name and id', async () => {
    const bytes = Buffer.concat([f.pdf(), f.randomBytesSeeded(600 * 1024, 21)]);
    const first = complete(await uploadWhole(deps, ana, { id: `dup-1-${kind}`, ocId: 'oc-dup', name: 'boleto.pdf' }, f.generatedStreamOf(bytes)));
    const second = complete(await uploadWhole(deps, analystActor('analyst-rafael'), { id: `dup-2-${kind}`, ocId: 'oc-other', name: 'o mesmo boleto.pdf' }, f.generatedStreamOf(bytes, 1000)));
    expect(first.deduplicated).toBe(false);
    expect(second.deduplicated).toBe(true);
    expect(second.attachment.sha256).toBe(first.attachment.sha256);
    expect(await count(db, 'attachment_blob WHERE sha256 = $1', [first.attachment.sha256])).toBe(1);
    expect(await count(db, 'attachment_chunk c JOIN attachment_blob b USING (content_id) WHERE b.sha256 = $1', [first.attachment.sha256])).toBe(3);
    expect(await count(db, 'attachment_staging')).toBe(0);
    for (const id of [`dup-1-${kind}`, `dup-2-${kind}`]) {
      const download = await openDownload(deps, ana, id);
      if ('error' in download) throw new Error(download.error.code);
      expect((await readAll(download.body)).equals(bytes)).toBe(true);
    }
  });

  it('stores bytes uploaded at the same moment by several people once', async () => {
    const bytes = Buffer.concat([f.png(), f.randomBytesSeeded(700 * 1024, 31)]);
    const states = await Promise.all([0, 1, 2].map((i) =>
      uploadWhole(deps, analystActor(`analyst-${i}`), { id: `race-${i}-${kind}`, ocId: 'oc-race', name: `print-${i}.png` }, f.generatedStreamOf(bytes, 4096 * (i + 1)))));
    const done = states.map(complete);
    expect(new Set(done.map((d) => d.attachment.sha256))).toEqual(new Set([sha256Of(bytes)]));
    expect(done.filter((d) => !d.deduplicated)).toHaveLength(1);
    expect(await count(db, 'attachment_blob WHERE sha256 = $1', [sha256Of(bytes)])).toBe(1);
    expect(await count(db, 'attachment_chunk c JOIN attachment_blob b USING (content_id) WHERE b.sha256 = $1', [sha256Of(bytes)])).toBe(3);
    expect(await count(db, 'attachment_chunk WHERE content_id NOT IN (SELECT content_id FROM attachment_blob WHERE content_id IS NOT NULL)')).toBe(0);
  });

  it('resumes an interrupted upload from the byte it stopped at, with the right hash', async () => {
    const bytes = Buffer.concat([f.pdf(), f.randomBytesSeeded(3 * MIB, 41)]);
    const id = `resume-${kind}`;
    expect(await beginUpload(deps, ana, { id, ocId: 'oc-resume', name: 'relatório.pdf', size: bytes.length, sha256: sha256Of(bytes) })).toMatchObject({ state: 'receiving', received: 0 });
    const cut = 1_300_001; // not on a chunk boundary
    const first = await appendUpload(deps, ana, id, 0, f.generatedStreamOf(bytes, 64 * 1024, cut));
    expect(first).toEqual({ state: 'receiving', id, received: cut, size: bytes.length, interrupted: true });
    expect(await count(db, 'attachment WHERE id = $1', [id])).toBe(0); // nothing half-written is visible
    expect(await uploadStatus(deps, ana, id)).toMatchObject({ state: 'receiving', received: cut });
    expect(await appendUpload(deps, ana, id, 0, f.generatedStreamOf(bytes))).toMatchObject({ code: 'UPLOAD_OFFSET_MISMATCH', details: { receivedBytes: cut } });
    // The client was told the status: beginning again with the same id finds the same stage.
    expect(await beginUpload(deps, ana, { id, ocId: 'oc-resume', name: 'relatório.pdf', size: bytes.length })).toMatchObject({ state: 'receiving', received: cut });
    const done = complete(await appendUpload(deps, ana, id, cut, f.generatedStreamOf(bytes.subarray(cut), 10_007)));
    expect(done.attachment).toMatchObject({ size: bytes.length, sha256: sha256Of(bytes), mediaType: 'application/pdf' });
    const download = await openDownload(deps, ana, id);
    if ('error' in download) throw new Error(download.error.code);
    expect((await readAll(download.body)).equals(bytes)).toBe(true);
    // The same upload sent again after it completed is answered with its attachment, not stored again.
    expect(complete(await uploadWhole(deps, ana, { id, ocId: 'oc-resume', name: 'relatório.pdf' }, f.generatedStreamOf(bytes))).attachment).toEqual(done.attachment);
    expect(await count(db, 'attachment_upload')).toBe(0);
  });

  it('resumes an upload of unknown size too, and a stage written to the end completes with an empty append', async () => {
    const bytes = Buffer.concat([Buffer.from('log de emissão\n'.repeat(40_000))]);
    const id = `resume-unknown-${kind}`;
    expect(await appendUpload(deps, ana, id, 0, f.generatedStreamOf(bytes))).toMatchObject({ code: 'UPLOAD_NOT_FOUND' });
    await beginUpload(deps, ana, { id, ocId: 'oc-resume', name: 'emissao.log' });
    expect(await appendUpload(deps, ana, id, 0, f.generatedStreamOf(bytes, 5000, 250_000))).toMatchObject({ received: 250_000, interrupted: true });
    expect(complete(await appendUpload(deps, ana, id, 250_000, f.generatedStreamOf(bytes.subarray(250_000))))).toMatchObject({ attachment: { size: bytes.length, mediaType: 'text/plain; charset=utf-8' } });

    // A pause (the source ended before the declared size) is not an interruption; the last byte completes it.
    const id2 = `resume-pause-${kind}`;
    const all = Buffer.concat([bytes, Buffer.from('!')]);
    await beginUpload(deps, ana, { id: id2, ocId: 'oc-resume', name: 'emissao2.log', size: all.length });
    expect(await appendUpload(deps, ana, id2, 0, f.generatedStreamOf(bytes))).toMatchObject({ received: bytes.length, interrupted: false });
    expect(complete(await appendUpload(deps, ana, id2, bytes.length, f.generatedStreamOf(Buffer.from('!'))))).toMatchObject({ attachment: { size: all.length } });

    // The server staged every byte and stopped before completing (a restart): an empty append completes it.
    const id3 = `resume-end-${kind}`;
    await beginUpload(deps, ana, { id: id3, ocId: 'oc-resume', name: 'emissao3.log', size: all.length });
    expect(await deps.blobs.writeStaged(id3, 0, Buffer.concat([all.subarray(0, all.length - 1), Buffer.from('?')]), clock.now())).toBe(true);
    expect(complete(await appendUpload(deps, ana, id3, all.length, f.generatedStreamOf(Buffer.alloc(0))))).toMatchObject({ attachment: { size: all.length, mediaType: 'text/plain; charset=utf-8' } });
  });

  it('lets one of two requests appending the same upload at once win, and answers the other with the offset', async () => {
    const bytes = Buffer.concat([f.pdf(), f.randomBytesSeeded(900 * 1024, 71)]);
    const id = `twice-${kind}`;
    await beginUpload(deps, ana, { id, ocId: 'oc-twice', name: 'duas-vezes.pdf', size: bytes.length });
    const answers = await Promise.all([appendUpload(deps, ana, id, 0, f.generatedStreamOf(bytes, 50_000)), appendUpload(deps, ana, id, 0, f.generatedStreamOf(bytes, 70_000))]);
    const codes = answers.map((a) => (isDomainError(a) ? a.code : a.state)).sort();
    expect(codes).toEqual(['UPLOAD_OFFSET_MISMATCH', 'complete']);
    const download = await openDownload(deps, ana, id);
    if ('error' in download) throw new Error(download.error.code);
    expect((await readAll(download.body)).equals(bytes)).toBe(true);
    // Both finishing at once (a retry racing its original after a restart): one completes it, the other is told so.
    const id2 = `twice-end-${kind}`;
    await beginUpload(deps, ana, { id: id2, ocId: 'oc-twice', name: 'fim.pdf', size: bytes.length });
    await deps.blobs.writeStaged(id2, 0, bytes, clock.now());
    const ends = await Promise.all([0, 1].map(() => appendUpload(deps, ana, id2, bytes.length, f.generatedStreamOf(Buffer.alloc(0)))));
    expect(ends.map((e) => complete(e).attachment.sha256)).toEqual([sha256Of(bytes), sha256Of(bytes)]);
    expect(await count(db, 'attachment WHERE id = $1', [id2])).toBe(1);
  });

  it('refuses a file over the limit after reading one byte past it, and leaves nothing behind', async () => {
    const small = depsFor(db, clock, { maxFileBytes: MIB, maxOcBytes: 4 * MIB });
    const chunksBefore = await count(db, 'attachment_chunk');
    let pulled = 0;
    const source = f.generatedStream(3 * MIB, { head: f.pngHeaderFor(3 * MIB), piece: 32 * 1024, onPull: (n) => { pulled = n; } });
    const refused = await uploadWhole(small, ana, { id: `too-big-${kind}`, ocId: 'oc-limit', name: 'enorme.png' }, source);
    expect(refused).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', details: { limitBytes: MIB } });
    // The piece holding byte MIB + 1 and the one the stream reads ahead into its own buffer; none of the other 2 MiB.
    expect(pulled).toBeLessThanOrEqual(MIB + 2 * 32 * 1024);
    source.destroy();
    for (const table of ['attachment_staging WHERE key = $1', 'attachment_upload WHERE id = $1', 'attachment WHERE id = $1']) {
      expect(await count(db, table, [`too-big-${kind}`])).toBe(0);
    }
    expect(await count(db, 'attachment_chunk')).toBe(chunksBefore);
    // A declared size over the limit is refused before a byte is sent.
    expect(await beginUpload(small, ana, { id: `too-big-2-${kind}`, ocId: 'oc-limit', name: 'enorme.png', size: MIB + 1 })).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE' });
    expect(await beginUpload(small, ana, { id: `empty-${kind}`, ocId: 'oc-limit', name: 'vazio.txt', size: 0 })).toMatchObject({ code: 'ATTACHMENT_EMPTY' });
    expect(await uploadWhole(small, ana, { id: `empty-2-${kind}`, ocId: 'oc-limit', name: 'vazio.txt' }, f.generatedStreamOf(Buffer.alloc(0)))).toMatchObject({ code: 'ATTACHMENT_EMPTY' });
    expect(await count(db, 'attachment_staging')).toBe(0);
  });

  it('keeps an OC under its total, also when two uploads race for the last megabytes', async () => {
    const tight = depsFor(db, clock, { maxFileBytes: 2 * MIB, maxOcBytes: 3 * MIB });
    const file = (n: number, seed: number) => Buffer.concat([f.pdf(), f.randomBytesSeeded(n - f.pdf().length, seed)]);
    complete(await uploadWhole(tight, ana, { id: `oc-a-1-${kind}`, ocId: `oc-total-${kind}`, name: 'a.pdf' }, f.generatedStreamOf(file(2 * MIB, 51))));
    complete(await uploadWhole(tight, ana, { id: `oc-a-2-${kind}`, ocId: `oc-total-${kind}`, name: 'b.pdf' }, f.generatedStreamOf(file(MIB, 52))));
    expect(await uploadWhole(tight, ana, { id: `oc-a-3-${kind}`, ocId: `oc-total-${kind}`, name: 'c.txt' }, f.generatedStreamOf(Buffer.from('x'))))
      .toMatchObject({ code: 'ATTACHMENT_OC_TOTAL_EXCEEDED', details: { limitBytes: 3 * MIB, usedBytes: 3 * MIB } });
    complete(await uploadWhole(tight, ana, { id: `oc-b-1-${kind}`, ocId: `oc-total-b-${kind}`, name: 'c.txt' }, f.generatedStreamOf(Buffer.from('x'))));

    complete(await uploadWhole(tight, ana, { id: `oc-c-0-${kind}`, ocId: `oc-race-${kind}`, name: 'a.pdf' }, f.generatedStreamOf(file(MIB, 53))));
    const racing = await Promise.all([54, 55].map((seed) =>
      uploadWhole(tight, ana, { id: `oc-c-${seed}-${kind}`, ocId: `oc-race-${kind}`, name: `${seed}.pdf` }, f.generatedStreamOf(file(1.5 * MIB, seed), 100_000))));
    expect(racing.filter((r) => !isDomainError(r))).toHaveLength(1);
    expect(racing.filter((r) => isDomainError(r) && r.code === 'ATTACHMENT_OC_TOTAL_EXCEEDED')).toHaveLength(1);
    const { rows } = await db.query<{ used: number }>('SELECT sum(size)::bigint AS used FROM attachment WHERE oc_id = $1', [`oc-race-${kind}`]);
    expect(Number(rows[0]?.used)).toBe(2.5 * MIB);
    expect(await count(db, 'attachment_staging')).toBe(0);
  });

  it('refuses an HTML print and a hash that does not match, keeping nothing', async () => {
    expect(await uploadWhole(deps, ana, { id: `html-${kind}`, ocId: 'oc-x', name: 'print.png' }, f.generatedStreamOf(f.html()))).toMatchObject({ code: 'ATTACHMENT_TYPE_REFUSED', details: { found: 'HTML' } });
    expect(await uploadWhole(deps, ana, { id: `hash-${kind}`, ocId: 'oc-x', name: 'a.pdf', sha256: '0'.repeat(64) }, f.generatedStreamOf(f.pdf()))).toMatchObject({ code: 'ATTACHMENT_HASH_MISMATCH' });
    expect(await count(db, 'attachment WHERE id = ANY($1)', [[`html-${kind}`, `hash-${kind}`]])).toBe(0);
    expect(await count(db, 'attachment_staging')).toBe(0);
    expect(await count(db, "audit_log WHERE action = 'attachment.upload' AND outcome = 'rejected' AND target = $1 AND detail->>'code' = 'ATTACHMENT_TYPE_REFUSED'", [`html-${kind}`])).toBe(1);
  });

  it('serves byte ranges across chunk boundaries', async () => {
    const bytes = Buffer.concat([f.pdf(), f.randomBytesSeeded(700 * 1024, 61)]);
    complete(await uploadWhole(deps, ana, { id: `range-${kind}`, ocId: 'oc-range', name: 'r.pdf' }, f.generatedStreamOf(bytes)));
    const chunk = 256 * 1024;
    for (const [header, start, end] of [[`bytes=${chunk - 5}-${chunk + 4}`, chunk - 5, chunk + 4], [`bytes=${2 * chunk}-`, 2 * chunk, bytes.length - 1], ['bytes=-3', bytes.length - 3, bytes.length - 1], ['bytes=0-0', 0, 0]] as const) {
      const part = await openDownload(deps, ana, `range-${kind}`, header);
      if ('error' in part) throw new Error(part.error.code);
      expect(part.status).toBe(206);
      expect(part.headers['Content-Range']).toBe(`bytes ${start}-${end}/${bytes.length}`);
      expect((await readAll(part.body)).equals(bytes.subarray(start, end + 1))).toBe(true);
    }
    expect(await openDownload(deps, ana, `range-${kind}`, `bytes=${bytes.length}-`)).toMatchObject({ status: 416, headers: { 'Content-Range': `bytes */${bytes.length}` } });
  });

  it('deletes a blob only when nothing references it', async () => {
    const referenced = complete(await uploadWhole(deps, ana, { id: `kept-${kind}`, ocId: 'oc-gc', name: 'k.pdf' }, f.generatedStreamOf(f.pdf()))).attachment.sha256;
    expect(await deps.blobs.deleteIfUnreferenced(referenced)).toBe(false);
    expect(await deps.blobs.has(referenced)).toBe(true);
    const loose = await putBlob(db, deps.blobs, f.generatedStreamOf(Buffer.from('bytes nobody attached')), { limit: MIB, now: () => clock.now() });
    if (isDomainError(loose)) throw new Error(loose.code);
    expect(loose).toEqual({ sha256: sha256Of(Buffer.from('bytes nobody attached')), size: 21 });
    expect(await deps.blobs.deleteIfUnreferenced(loose.sha256)).toBe(true);
    expect(await deps.blobs.has(loose.sha256)).toBe(false);
    expect(await deps.blobs.read(loose.sha256)).toBeNull();
    expect(await count(db, 'attachment_chunk WHERE content_id NOT IN (SELECT content_id FROM attachment_blob WHERE content_id IS NOT NULL) AND content_id NOT IN (SELECT content_id FROM attachment_staging)')).toBe(0);
  });
});
