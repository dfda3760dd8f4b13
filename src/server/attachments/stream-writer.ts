import { createHash, randomUUID, type Hash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { DomainError } from '../../shared/domain';
import type { Database } from '../db/database';
import type { BlobStore, StoredBlob } from './blob-store';
import { emptyFile, fileTooLarge } from './errors';

// Streaming an upload into a stage: the source is read piece by piece, hashed as it goes and packed into chunks
// of the store's size, each written (and awaited) before the next piece is read — memory holds one chunk, however
// big the file. Reading stops at the first byte over the limit.

/** Packs pieces of any size into chunks of exactly `size` bytes (the last one of a stream may be shorter). */
export class ChunkPacker {
  private current: Buffer;
  private filled = 0;
  private spare: Buffer | null = null;

  constructor(private readonly size: number) {
    this.current = Buffer.allocUnsafe(size);
  }

  /**
   * Gives back a full chunk the caller is done with (its write has resolved), to be filled again: a 25 MB upload
   * then churns through two chunk buffers instead of leaving twenty-five for the collector.
   */
  recycle(chunk: Buffer): void {
    if (chunk.length === this.size && chunk !== this.current) this.spare = chunk;
  }

  private fresh(): Buffer {
    const next = this.spare ?? Buffer.allocUnsafe(this.size);
    this.spare = null;
    return next;
  }

  /** The chunks `piece` completes, in order; each is a fresh buffer the caller may keep. */
  add(piece: Uint8Array): Buffer[] {
    const full: Buffer[] = [];
    let offset = 0;
    while (offset < piece.length) {
      const take = Math.min(this.size - this.filled, piece.length - offset);
      this.current.set(piece.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === this.size) {
        full.push(this.current);
        this.current = this.fresh();
        this.filled = 0;
      }
    }
    return full;
  }

  /** What is packed but not yet a full chunk (null when nothing), and starts over. */
  rest(): Buffer | null {
    if (this.filled === 0) return null;
    const rest = this.current.subarray(0, this.filled);
    this.current = this.fresh();
    this.filled = 0;
    return rest;
  }
}

export type UploadSource = Readable | AsyncIterable<Uint8Array>;

export interface StreamIntoOptions {
  /** Bytes the stage already holds (the source continues from there). */
  offset: number;
  /** Already fed with the staged bytes when resuming. */
  hash: Hash;
  /** The most bytes the whole file may have; one more and reading stops. */
  limit: number;
  limitError: () => DomainError;
  /** Sees every byte in order before it is staged; a refusal stops the upload. */
  inspect?: (bytes: Uint8Array) => Promise<DomainError | null>;
  now: () => number;
}

export type StreamOutcome =
  /** The source ended: `total` bytes staged. */
  | { kind: 'ended'; total: number }
  /** The source failed (the connection dropped): what is staged stays for a resume. */
  | { kind: 'interrupted'; received: number }
  | { kind: 'refused'; error: DomainError; received: number }
  /** Someone else appended to the same stage meanwhile. */
  | { kind: 'conflict' };

/**
 * The source's pieces. A Readable is iterated without being destroyed when we stop early, so an HTTP route can
 * still answer (413) before closing the connection.
 */
const piecesOf = (source: UploadSource): AsyncIterator<unknown> =>
  source instanceof Readable ? source.iterator({ destroyOnReturn: false })[Symbol.asyncIterator]() : source[Symbol.asyncIterator]();

const asBytes = (piece: unknown): Uint8Array => {
  if (piece instanceof Uint8Array) return piece;
  if (typeof piece === 'string') return Buffer.from(piece, 'utf8');
  throw new TypeError('an upload source yields bytes');
};

export const streamInto = async (store: BlobStore, key: string, source: UploadSource, options: StreamIntoOptions): Promise<StreamOutcome> => {
  const packer = new ChunkPacker(store.chunkBytes);
  const pieces = piecesOf(source);
  let staged = options.offset;
  let seen = options.offset;
  const write = async (chunk: Uint8Array): Promise<boolean> => {
    if (!(await store.writeStaged(key, staged, chunk, options.now()))) return false;
    staged += chunk.length;
    return true;
  };
  const stop = async () => {
    await pieces.return?.().catch(() => undefined);
  };
  for (;;) {
    let step: IteratorResult<unknown>;
    try {
      step = await pieces.next();
    } catch {
      // What arrived before the failure is good: keep it, so the resume starts after it.
      const rest = packer.rest();
      if (rest !== null && !(await write(rest))) return { kind: 'conflict' };
      return { kind: 'interrupted', received: staged };
    }
    if (step.done === true) break;
    const bytes = asBytes(step.value);
    if (bytes.length === 0) continue;
    seen += bytes.length;
    if (seen > options.limit) {
      await stop();
      return { kind: 'refused', error: options.limitError(), received: staged };
    }
    options.hash.update(bytes);
    const refusal = options.inspect === undefined ? null : await options.inspect(bytes);
    if (refusal !== null) {
      await stop();
      return { kind: 'refused', error: refusal, received: staged };
    }
    for (const chunk of packer.add(bytes)) {
      if (!(await write(chunk))) {
        await stop();
        return { kind: 'conflict' };
      }
      packer.recycle(chunk);
    }
  }
  const rest = packer.rest();
  if (rest !== null && !(await write(rest))) return { kind: 'conflict' };
  return { kind: 'ended', total: staged };
};

/**
 * Stores a stream as a blob, with no attachment around it: put stream → { sha256, size } (the bare BlobStore
 * operation; attachments go through uploads.ts, which adds typing, resume and the metadata row).
 */
export const putBlob = async (db: Database, store: BlobStore, source: UploadSource, options: { limit: number; now: () => number }): Promise<StoredBlob | DomainError> => {
  const key = `put:${randomUUID()}`;
  await store.openStaging(key, options.now());
  const hash = createHash('sha256');
  try {
    const outcome = await streamInto(store, key, source, { offset: 0, hash, limit: options.limit, limitError: () => fileTooLarge(options.limit), now: options.now });
    if (outcome.kind === 'refused') return outcome.error;
    if (outcome.kind !== 'ended') throw new Error(`putBlob: the source ${outcome.kind === 'conflict' ? 'was written twice' : 'failed'}`);
    if (outcome.total === 0) return emptyFile();
    const blob = { sha256: hash.digest('hex'), size: outcome.total };
    if ((await db.transaction((tx) => store.publish(tx, key, blob, options.now()))) === 'missing') throw new Error(`putBlob: stage ${key} vanished`);
    return blob;
  } finally {
    if ((await store.stagedBytes(key)) !== null) await store.discardStaging(key);
  }
};
