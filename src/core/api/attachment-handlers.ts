import { open } from 'node:fs/promises';
import type { z } from 'zod';
import type { attachmentQueries, AttachmentSlice, AttachmentView } from '../../shared/api/attachments';
import { DomainFailure, type DomainError } from '../../shared/domain';
import type { Attachment } from '../../shared/domain/attachment';
import { isCached } from '../attachments/cache';
import { draftNotFound, offlineNotCached } from '../attachments/errors';
import { blobPathOf } from '../attachments/folders';
import { appendSlice, beginDraft, discardDraft, finishDraft } from '../attachments/spool';
import { META_PREFETCH } from '../attachments/transfer';
import { fromSpool, listAttachments } from '../attachments/views';
import { attachmentRow, spoolEntry } from '../db/attachments';
import { setMeta } from '../db/meta';
import { ServerRefused } from '../sync/server-api';
import type { CoreDeps } from './deps';
import { requireAnalyst } from './query-handlers';
import { requireLead } from './report-handlers';

// The desktop's attachment methods (src/shared/api/attachments.ts): drafts into the spool, an OC's list, slices
// read back from the cache (fetched from the server once), the lead's prefetch.

type Q = typeof attachmentQueries;
type Handlers = { [M in keyof Q]: (deps: CoreDeps, args: z.output<Q[M]['args']>) => Promise<z.output<Q[M]['result']>> | z.output<Q[M]['result']> };

const fail = (error: DomainError): never => {
  throw new DomainFailure(error);
};

/** Where the bytes of an attachment are on this desktop (its own file, or the cache), or null. */
const localFileOf = (deps: CoreDeps, meId: string, id: string): { path: string; size: number; mediaType: string } | { row: Attachment } | null => {
  const own = spoolEntry(deps.db, id);
  if (own !== undefined && own.sha256 !== null && (own.state !== 'draft' || own.ownerId === meId)) {
    return { path: own.path, size: own.size, mediaType: own.mediaType ?? '' };
  }
  const row = attachmentRow(deps.db, id);
  if (row === undefined) return null;
  if (isCached(deps.db, row.sha256)) return { path: blobPathOf(deps.db, row.sha256), size: row.size, mediaType: row.mediaType };
  return { row };
};

const readSlice = async (path: string, offset: number, length: number): Promise<Buffer> => {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await file.read(buffer, 0, length, offset);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
};

const read = async (deps: CoreDeps, args: { id: string; offset: number; length: number }): Promise<AttachmentSlice> => {
  const me = requireAnalyst(deps);
  let found = localFileOf(deps, me.id, args.id);
  if (found === null) return fail(draftNotFound());
  if ('row' in found) {
    const { row } = found;
    const remote = deps.sync.attachments;
    if (remote === undefined) return fail(offlineNotCached());
    try {
      await remote.download(me.id, row);
    } catch (error) {
      if (error instanceof ServerRefused) return fail(error.error);
      return fail(offlineNotCached());
    }
    found = { path: blobPathOf(deps.db, row.sha256), size: row.size, mediaType: row.mediaType };
  }
  const start = Math.min(args.offset, found.size);
  const bytes = await readSlice(found.path, start, Math.min(args.length, found.size - start));
  return { data: bytes.toString('base64'), offset: start, size: found.size, mediaType: found.mediaType };
};

const prefetch = async (deps: CoreDeps, args: { enabled: boolean }): Promise<{ files: number; bytes: number }> => {
  const me = requireLead(deps);
  setMeta(deps.db, META_PREFETCH, String(args.enabled));
  if (!args.enabled) return { files: 0, bytes: 0 };
  const remote = deps.sync.attachments;
  if (remote === undefined) return { files: 0, bytes: 0 };
  try {
    return await remote.prefetch(me.id);
  } catch (error) {
    if (error instanceof ServerRefused) return fail(error.error);
    return fail(offlineNotCached());
  }
};

export const attachmentHandlers: Handlers = {
  'attachment.begin': (deps, args) => beginDraft(deps.db, requireAnalyst(deps), args, deps.clock.now()),
  'attachment.append': (deps, args) => appendSlice(deps.db, requireAnalyst(deps), args),
  'attachment.finish': async (deps, args): Promise<AttachmentView> => fromSpool(await finishDraft(deps.db, requireAnalyst(deps), args.id)),
  'attachment.discard': (deps, args) => discardDraft(deps.db, requireAnalyst(deps), args.id),
  'attachment.list': (deps, args) => listAttachments(deps.db, requireAnalyst(deps).id, args.ocId),
  'attachment.read': read,
  'attachment.prefetch': prefetch,
};
