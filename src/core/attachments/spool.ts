import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ContentClassifier } from '../../shared/attachments/classifier';
import { emptyFile } from '../../shared/attachments/refusals';
import { DomainFailure, isDomainError, newId, type Analyst, type DomainError } from '../../shared/domain';
import type { Db } from '../db/connection';
import { deleteSpool, insertSpool, setFinished, setReceived, spoolEntry, staleDrafts, type SpoolEntry } from '../db/attachments';
import { badOffset, draftNotFound, incomplete, notADraft, tooManyBytes } from './errors';
import { spoolPathOf } from './folders';

// Drafts in the spool (issue 16): a file handed over by the renderer in base64 slices, written to its own file as
// the slices come (never the whole file in memory), then hashed and typed by content like the server will.

const fail = (error: DomainError): never => {
  throw new DomainFailure(error);
};

/** One append or finish at a time per draft (slices of one file never interleave). */
const queues = new Map<string, Promise<unknown>>();
const serially = <T>(id: string, work: () => Promise<T>): Promise<T> => {
  const before = queues.get(id) ?? Promise.resolve();
  const next = before.catch(() => undefined).then(work);
  queues.set(id, next);
  void next.finally(() => {
    if (queues.get(id) === next) queues.delete(id);
  }).catch(() => undefined);
  return next;
};

/** The caller's own draft, still open to slices; anyone else's is answered as not found. */
export const ownDraft = (db: Db, me: Analyst, id: string): SpoolEntry => {
  const entry = spoolEntry(db, id);
  if (entry === undefined || entry.ownerId !== me.id) return fail(draftNotFound());
  if (entry.state !== 'draft') return fail(notADraft());
  return entry;
};

/** A draft never sent is let go after a day (the composer that held it is long closed). */
export const DRAFT_TTL_MS = 24 * 3_600_000;

export const beginDraft = async (db: Db, me: Analyst, args: { ocId: string; name: string; size: number }, now: number): Promise<{ id: string }> => {
  for (const stale of staleDrafts(db, now - DRAFT_TTL_MS)) await dropDraft(db, stale);
  const id = newId();
  const path = spoolPathOf(db, id);
  await mkdir(dirname(path), { recursive: true });
  await (await open(path, 'w')).close();
  insertSpool(db, { id, ownerId: me.id, ocId: args.ocId, name: args.name, size: args.size, path, createdAt: now });
  return { id };
};

/**
 * A slice at `offset`: bytes the draft holds already are not written again (a repeated slice is ignored, one
 * that overlaps writes only its new end); one starting beyond what is held is refused.
 */
export const appendSlice = (db: Db, me: Analyst, args: { id: string; offset: number; data: string }): Promise<{ received: number }> =>
  serially(args.id, async () => {
    const entry = ownDraft(db, me, args.id);
    if (entry.sha256 !== null) fail(notADraft());
    if (args.offset > entry.received) fail(badOffset(args.offset, entry.received));
    const bytes = Buffer.from(args.data, 'base64');
    const end = args.offset + bytes.length;
    if (end <= entry.received) return { received: entry.received };
    if (end > entry.size) fail(tooManyBytes(entry.size));
    const fresh = bytes.subarray(entry.received - args.offset);
    const file = await open(entry.path, 'r+');
    try {
      await file.write(fresh, 0, fresh.length, entry.received);
    } finally {
      await file.close();
    }
    setReceived(db, entry.id, end);
    return { received: end };
  });

/** Hash and type of a file on disk, read as a stream (the classifier sees every byte, as the server's does). */
export const hashAndType = async (path: string, name: string, size: number): Promise<{ sha256: string; mediaType: string } | DomainError> => {
  if (size === 0) return emptyFile();
  const hash = createHash('sha256');
  const classifier = new ContentClassifier(name);
  let total = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    const bytes = chunk as Buffer;
    total += bytes.length;
    hash.update(bytes);
    const refused = await classifier.push(bytes);
    if (refused !== null) return refused;
  }
  const typed = await classifier.finish(total);
  if (isDomainError(typed)) return typed;
  return { sha256: hash.digest('hex'), mediaType: typed.mediaType };
};

/** All bytes in: hashed and typed; a refused or empty file is an error and the draft goes. */
export const finishDraft = (db: Db, me: Analyst, id: string): Promise<SpoolEntry> =>
  serially(id, async () => {
    const entry = ownDraft(db, me, id);
    if (entry.sha256 !== null) return entry;
    if (entry.received !== entry.size) fail(incomplete(entry.received, entry.size));
    const typed = await hashAndType(entry.path, entry.name, entry.received);
    if (isDomainError(typed)) {
      await dropDraft(db, entry);
      return fail(typed);
    }
    setFinished(db, id, typed.sha256, typed.mediaType);
    return spoolEntry(db, id) as SpoolEntry;
  });

const dropDraft = async (db: Db, entry: SpoolEntry): Promise<void> => {
  deleteSpool(db, entry.id);
  await rm(entry.path, { force: true });
};

export const discardDraft = (db: Db, me: Analyst, id: string): Promise<null> =>
  serially(id, async () => {
    await dropDraft(db, ownDraft(db, me, id));
    return null;
  });
