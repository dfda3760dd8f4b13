import type { Readable } from 'node:stream';
import type { Sql } from '../db/database';

// Where the bytes of attachments live, behind one interface, so an S3-compatible object store can take them
// instead of PostgreSQL (README.md beside this file says what such a store must do). Content-addressed: a blob is
// known by the SHA-256 of its bytes and stored once, however many attachments share it. Writes are staged under a
// key (the upload's id) and become a blob only when complete — a half-written blob is never visible — so an
// interrupted upload resumes from what the stage holds.
//
// Every store registers its blobs in the `attachment_blob` table (migration 009), which the `attachment` rows
// reference: that foreign key is what "delete if unreferenced" relies on, whatever holds the bytes.

export interface StoredBlob {
  sha256: string;
  size: number;
}

/** Bytes `start` to `end`, both included (an HTTP Range, once resolved against the size). */
export interface BlobRange {
  start: number;
  end: number;
}

export interface BlobStore {
  readonly kind: 'postgres' | 's3';
  /** The size of the pieces a stage is written in (an S3 multipart part is at least 5 MiB). */
  readonly chunkBytes: number;

  /** Creates the stage of `key`, or finds it again: the bytes it already holds. */
  openStaging(key: string, at: number): Promise<{ received: number }>;
  /** The bytes a stage holds, or null when there is none. */
  stagedBytes(key: string): Promise<number | null>;
  /**
   * Appends `bytes` at `offset`, durably, in one step: either all of them are staged or none. False when the stage
   * does not hold exactly `offset` bytes (another request appended meanwhile) or is gone. The caller fills
   * `bytes` again once this settles: a store must not keep a reference to them.
   */
  writeStaged(key: string, offset: number, bytes: Uint8Array, at: number): Promise<boolean>;
  /** The staged bytes in order (to hash them again when an upload resumes). */
  readStaged(key: string): AsyncIterable<Uint8Array>;
  /**
   * Makes a complete stage the blob `blob.sha256` inside the caller's transaction (with the attachment row that
   * will reference it): "stored" when it is new; "deduplicated" when those bytes were already there, and the
   * staged copy is dropped. The stage is gone either way. "missing" when there is no such stage holding exactly
   * `blob.size` bytes (another request published it first): nothing is written.
   */
  publish(tx: Sql, key: string, blob: StoredBlob, at: number): Promise<'stored' | 'deduplicated' | 'missing'>;
  /** Drops a stage and its bytes (a refused or abandoned upload). */
  discardStaging(key: string): Promise<void>;
  /** Drops the stages last written before `updatedBefore`; how many. */
  sweepStaging(updatedBefore: number): Promise<number>;

  has(sha256: string): Promise<boolean>;
  /** A blob's bytes (or a range of them) as a stream read piece by piece, or null when there is no such blob. */
  read(sha256: string, range?: BlobRange): Promise<Readable | null>;
  /** Deletes a blob no attachment references; false when one still does (or there is none). */
  deleteIfUnreferenced(sha256: string): Promise<boolean>;
}
