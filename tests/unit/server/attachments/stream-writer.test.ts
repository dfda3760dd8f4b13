import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BlobStore } from '../../../../src/server/attachments/blob-store';
import { fileTooLarge } from '../../../../src/server/attachments/errors';
import { ChunkPacker, streamInto } from '../../../../src/server/attachments/stream-writer';
import { randomBytesSeeded } from './fixtures';

/** The staging half of a BlobStore, in memory: enough to watch what the writer stages and when. */
const stagingStore = (chunkBytes: number) => {
  const stages = new Map<string, Buffer[]>();
  const writes: number[] = [];
  const held = (key: string) => (stages.get(key) ?? []).reduce((n, b) => n + b.length, 0);
  const store: Pick<BlobStore, 'chunkBytes' | 'writeStaged'> = {
    chunkBytes,
    writeStaged: async (key, offset, bytes) => {
      if (held(key) !== offset) return false;
      stages.set(key, [...(stages.get(key) ?? []), Buffer.from(bytes)]);
      writes.push(bytes.length);
      return true;
    },
  };
  return { store: store as BlobStore, stages, writes, held, bytes: (key: string) => Buffer.concat(stages.get(key) ?? []) };
};

/** `bytes` in pieces of the given sizes (cycled), counting what has been pulled. */
const pieces = (bytes: Buffer, sizes: number[], pulled = { n: 0 }, failAt?: number): AsyncIterable<Uint8Array> => ({
  async *[Symbol.asyncIterator]() {
    let i = 0;
    for (let at = 0; at < bytes.length; i += 1) {
      if (failAt !== undefined && at >= failAt) throw new Error('connection reset');
      const n = Math.min(sizes[i % sizes.length] as number, bytes.length - at);
      pulled.n += n;
      yield bytes.subarray(at, at + n);
      at += n;
    }
  },
});

const options = (limit = Number.MAX_SAFE_INTEGER) => ({
  offset: 0, hash: createHash('sha256'), limit, limitError: () => fileTooLarge(limit), now: () => 0,
});

describe('ChunkPacker', () => {
  it('cuts any sequence of pieces into equal chunks and one shorter rest, losing and adding nothing', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 40 }), fc.integer({ min: 1, max: 97 }), (sizes, size) => {
      const input = randomBytesSeeded(sizes.reduce((a, b) => a + b, 0), 9);
      const packer = new ChunkPacker(size);
      const out: Buffer[] = [];
      let at = 0;
      for (const n of sizes) {
        out.push(...packer.add(input.subarray(at, at + n)));
        at += n;
      }
      expect(out.every((c) => c.length === size)).toBe(true);
      const rest = packer.rest();
      if (rest !== null) out.push(rest);
      expect(rest === null || (rest.length > 0 && rest.length < size)).toBe(true);
      expect(Buffer.concat(out).equals(input)).toBe(true);
    }), { seed: 16, numRuns: 300 });
  });

  it('hands out chunks that later pieces do not overwrite', () => {
    const packer = new ChunkPacker(4);
    const [first] = packer.add(Buffer.from('abcd'));
    packer.add(Buffer.from('wxyz'));
    expect(first?.toString()).toBe('abcd');
  });
});

describe('streamInto', () => {
  it('stages every byte in chunks of the store size and hashes them, whatever the piece boundaries', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 40_000 }), async (sizes, total) => {
      const { store, bytes, writes } = stagingStore(4096);
      const input = randomBytesSeeded(total, 4);
      const opts = options();
      const outcome = await streamInto(store, 'k', pieces(input, sizes), opts);
      expect(outcome).toEqual({ kind: 'ended', total });
      expect(bytes('k').equals(input)).toBe(true);
      expect(writes.slice(0, -1).every((n) => n === 4096)).toBe(true);
      expect(opts.hash.digest('hex')).toBe(createHash('sha256').update(input).digest('hex'));
    }), { seed: 16, numRuns: 60 });
  });

  it('never reads more than a chunk ahead of what is staged (the file is never whole in memory)', async () => {
    const { store, held } = stagingStore(64 * 1024);
    const pulled = { n: 0 };
    let worst = 0;
    const watched = store.writeStaged.bind(store);
    store.writeStaged = async (key, offset, data, at) => {
      worst = Math.max(worst, pulled.n - held(key));
      return watched(key, offset, data, at);
    };
    await streamInto(store, 'k', pieces(randomBytesSeeded(3_000_000, 2), [10_000, 333]), options());
    expect(worst).toBeLessThanOrEqual(64 * 1024 + 10_000);
  });

  it('stops reading at the first byte over the limit and says why', async () => {
    const { store } = stagingStore(1024);
    const pulled = { n: 0 };
    const outcome = await streamInto(store, 'k', pieces(randomBytesSeeded(100_000, 1), [1000], pulled), options(10_000));
    expect(outcome.kind).toBe('refused');
    expect(outcome.kind === 'refused' && outcome.error.code).toBe('ATTACHMENT_TOO_LARGE');
    expect(pulled.n).toBe(11_000); // the piece holding byte 10 001, and nothing after it
  });

  it('accepts a file of exactly the limit', async () => {
    const { store } = stagingStore(1024);
    expect(await streamInto(store, 'k', pieces(randomBytesSeeded(10_000, 1), [999]), options(10_000))).toEqual({ kind: 'ended', total: 10_000 });
  });

  it('keeps what arrived before the source failed, so the upload resumes from there', async () => {
    const { store, bytes } = stagingStore(4096);
    const input = randomBytesSeeded(50_000, 6);
    const outcome = await streamInto(store, 'k', pieces(input, [3000], { n: 0 }, 21_000), options());
    expect(outcome).toEqual({ kind: 'interrupted', received: 21_000 });
    expect(bytes('k').equals(input.subarray(0, 21_000))).toBe(true);
    const rest = await streamInto(store, 'k', pieces(input.subarray(21_000), [3000]), { ...options(), offset: 21_000 });
    expect(rest).toEqual({ kind: 'ended', total: 50_000 });
    expect(bytes('k').equals(input)).toBe(true);
  });

  it('writes nothing over a stage another request moved meanwhile', async () => {
    const { store, bytes } = stagingStore(1000);
    await store.writeStaged('k', 0, Buffer.from('x'), 0);
    expect(await streamInto(store, 'k', pieces(randomBytesSeeded(5000, 1), [700]), options())).toEqual({ kind: 'conflict' });
    expect(bytes('k').toString()).toBe('x');
  });

  it('stops at an inspector refusal without staging the refused piece', async () => {
    const { store, held } = stagingStore(1000);
    const refusal = { kind: 'domain_error' as const, code: 'ATTACHMENT_TYPE_REFUSED', message: { 'pt-BR': 'x', en: 'x' } };
    let seen = 0;
    const outcome = await streamInto(store, 'k', pieces(randomBytesSeeded(10_000, 1), [500]), {
      ...options(), inspect: async (b) => ((seen += b.length) > 2_000 ? refusal : null),
    });
    expect(outcome).toEqual({ kind: 'refused', error: refusal, received: 2_000 });
    expect(held('k')).toBe(2_000);
  });

  it('does not destroy a Readable it stops reading (the route still answers on that connection)', async () => {
    const { store } = stagingStore(1024);
    const source = Readable.from([Buffer.alloc(5000), Buffer.alloc(5000)], { objectMode: false });
    await streamInto(store, 'k', source, options(1000));
    expect(source.destroyed).toBe(false);
    source.destroy();
  });
});

describe('ChunkPacker.recycle', () => {
  it('fills a given-back chunk again, and only a full one that is not in use', () => {
    const packer = new ChunkPacker(4);
    const [first] = packer.add(Buffer.from('abcd')) as [Buffer];
    packer.recycle(first);
    const [second] = packer.add(Buffer.from('efghij')) as [Buffer];
    expect(second.toString()).toBe('efgh');
    const [third] = packer.add(Buffer.from('kl')) as [Buffer];
    expect(third).toBe(first); // the recycled buffer, refilled with "ijkl"
    expect(third.toString()).toBe('ijkl');
    packer.recycle(Buffer.alloc(3)); // not a chunk of this packer's size: ignored
    expect(packer.add(Buffer.from('mnop'))[0]?.toString()).toBe('mnop');
  });
});
