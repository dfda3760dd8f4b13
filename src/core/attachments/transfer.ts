import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import type { AttachmentProgress } from '../../shared/api/attachments';
import type { DomainError } from '../../shared/domain';
import type { Attachment } from '../../shared/domain/attachment';
import type { CoreEvents } from '../api/emitter';
import type { Db } from '../db/connection';
import { openOcAttachmentRows, setUploadState, uploadQueue, type SpoolEntry } from '../db/attachments';
import { getMeta } from '../db/meta';
import { addNotice } from '../db/notices';
import { ServerRefused, Unreachable, type ServerApi, type UploadStateResponse } from '../sync/server-api';
import { hashMismatch } from './errors';
import { isCached, moveIntoCache, withTempFile } from './cache';

// The bytes between a desktop and the server (issue 16): queued files go up before the outbox is pushed (the bytes
// first, then the mutation naming their interaction), resumed from the offset the server holds; a file the server
// refuses for good is marked so, with a notice, and never blocks the outbox. Downloads stream into the cache.

export interface TransferHost {
  readonly db: Db;
  readonly events: CoreEvents;
  readonly api: ServerApi;
  withSession<T>(analystId: string, request: (token: string) => Promise<T>): Promise<T>;
  /** Whether requests may go out as this analyst (a token, or a remembered password to get one). */
  canAct(analystId: string): boolean;
  now(): number;
}

export const META_PREFETCH = 'attachments.prefetch';
/** Progress events while a file streams up: one per this many bytes. */
const PROGRESS_BYTES = 256 * 1024;

const progressOf = (entry: SpoolEntry, state: AttachmentProgress['state'], sent: number, refusal: AttachmentProgress['refusal'] = null): AttachmentProgress =>
  ({ id: entry.id, ocId: entry.ocId, state, sent, size: entry.size, refusal });

/** A refusal that will not change by trying again (what the server said about this file, not about the moment). */
const isPermanent = (error: unknown): error is ServerRefused =>
  error instanceof ServerRefused && error.status >= 400 && error.status < 500 && ![401, 408, 426, 429].includes(error.status);

const refuse = (host: TransferHost, entry: SpoolEntry, error: DomainError): void => {
  setUploadState(host.db, entry.id, 'refused', 0, error.message);
  addNotice(host.db, {
    id: `attachment:${entry.id}`, mutationId: 0, name: 'attachment.upload', ocId: entry.ocId,
    error: { code: error.code, message: error.message }, at: host.now(), dismissed: false, text: null,
  });
  host.events.emit('attachment.progress', progressOf(entry, 'refused', 0, error.message));
};

const uploaded = async (host: TransferHost, entry: SpoolEntry, attachment: Attachment): Promise<void> => {
  const path = await moveIntoCache(host.db, entry.path, entry.sha256 ?? attachment.sha256);
  setUploadState(host.db, entry.id, 'uploaded', entry.size, null, path);
  host.events.emit('attachment.progress', progressOf(entry, 'uploaded', entry.size));
};

const uploadOne = async (host: TransferHost, entry: SpoolEntry): Promise<void> => {
  const sha256 = entry.sha256 as string;
  const request = { id: entry.id, ocId: entry.ocId, interactionId: entry.interactionId, name: entry.name, size: entry.size, sha256 };
  let state: UploadStateResponse = (await host.withSession(entry.ownerId, (token) => host.api.beginUpload(token, request))).value;
  for (let attempt = 0; state.state === 'receiving' && attempt < 3; attempt += 1) {
    const from = state.received;
    setUploadState(host.db, entry.id, 'uploading', from);
    host.events.emit('attachment.progress', progressOf(entry, 'uploading', from));
    state = (await host.withSession(entry.ownerId, (token) => {
      let sent = from;
      let reported = from;
      const counted = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          sent += chunk.length;
          if (sent - reported >= PROGRESS_BYTES) {
            reported = sent;
            host.events.emit('attachment.progress', progressOf(entry, 'uploading', sent));
          }
          done(null, chunk);
        },
      });
      return host.api.appendUpload(token, entry.id, from, createReadStream(entry.path, { start: from }).pipe(counted));
    })).value;
  }
  if (state.state !== 'complete') throw new Unreachable(`upload ${entry.id}: the server still waits for bytes`);
  await uploaded(host, entry, state.attachment);
};

/**
 * Sends every queued file, in the order their mutations were made. A network failure ends the cycle (thrown:
 * the outbox waits for the bytes); a permanent refusal marks the file refused and goes on.
 */
export const uploadQueued = async (host: TransferHost): Promise<number> => {
  let done = 0;
  for (const entry of uploadQueue(host.db)) {
    // Its author must log in first; their mutations wait too (push-outbox.ts), and so does what follows them.
    if (!host.canAct(entry.ownerId)) break;
    try {
      await uploadOne(host, entry);
      done += 1;
    } catch (error) {
      if (!isPermanent(error)) throw error;
      refuse(host, entry, error.error);
    }
  }
  return done;
};

/** Fetches an attachment's bytes into the cache (streamed to a temporary file, checked, renamed in). */
export const downloadIntoCache = async (host: TransferHost, analystId: string, attachment: Attachment): Promise<void> => {
  if (isCached(host.db, attachment.sha256)) return;
  await withTempFile(host.db, async (path) => {
    const got = await host.withSession(analystId, (token) => host.api.download(token, attachment.id, path));
    if (got.sha256 !== attachment.sha256 || got.size !== attachment.size) throw new ServerRefused(502, hashMismatch());
    await moveIntoCache(host.db, path, attachment.sha256);
  });
};

export const prefetchEnabled = (db: Db): boolean => getMeta(db, META_PREFETCH) === 'true';

/** The lead's prefetch: the bytes of every open OC's attachments into the cache; counts what it fetched. */
export const prefetchOpen = async (host: TransferHost, analystId: string): Promise<{ files: number; bytes: number }> => {
  let files = 0;
  let bytes = 0;
  for (const attachment of openOcAttachmentRows(host.db)) {
    if (isCached(host.db, attachment.sha256)) continue;
    await downloadIntoCache(host, analystId, attachment);
    files += 1;
    bytes += attachment.size;
  }
  return { files, bytes };
};
