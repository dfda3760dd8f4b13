import { createHash, type Hash } from 'node:crypto';
import { z } from 'zod';
import { DomainFailure, isDomainError, type DomainError } from '../../shared/domain';
import { AttachmentName, attachmentTargetAllowed, Sha256Hex, type Attachment } from '../../shared/domain/attachment';
import { invalidArgs } from '../../shared/mutators/run';
import { describeIssues } from '../../shared/validation';
import {
  allocateVersion, deleteUpload, findAttachment, findUpload, insertAttachment, insertUpload, interactionOcOf, ocCustomerOf,
  pendingUploadsOf, touchUpload, usedBytes, type UploadRow,
} from './attachment-rows';
import { ContentClassifier } from '../../shared/attachments/classifier';
import { auditAttachment, isStoreId, refused, sameUploader, StoreId, type Actor, type AttachmentDeps } from './context';
import {
  emptyFile, fileTooLarge, hashMismatch, ocNotFound, ocTotalExceeded, offsetMismatch, sizeMismatch, targetMismatch, tooManyPendingUploads,
  uploadIdTaken, uploadNotFound,
} from './errors';
import { streamInto, type UploadSource } from './stream-writer';

// Uploads (issue 16): an attachment's bytes arrive in one request or in several (resumable, like tus: the client
// asks how much the server holds and continues from there), are typed by content while they stream, and become an
// attachment in the one transaction that publishes the blob, checks the OC's total and writes the metadata row.
// The attachment's id is the upload's: chosen by the client (a desktop offline, the Extranet before its OC exists),
// so sending the same upload again is answered with the attachment it already made.

export const BeginUpload = z.object({
  id: StoreId,
  ocId: StoreId.nullable().default(null),
  interactionId: StoreId.nullable().default(null),
  name: AttachmentName,
  /** The file's size, when the client knows it: lets the server refuse at once and tell a pause from the end. */
  size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
  /** The file's SHA-256, when the client knows it: the upload is refused if the bytes that arrive differ. */
  sha256: Sha256Hex.optional(),
}).strict();
export type BeginUpload = z.input<typeof BeginUpload>;

export type UploadState =
  /** Bytes still expected; `interrupted` when the source failed (continue from `received`). */
  | { state: 'receiving'; id: string; received: number; size: number | null; interrupted: boolean }
  | { state: 'complete'; attachment: Attachment; deduplicated: boolean };

const receiving = (upload: UploadRow, received: number, interrupted = false): UploadState =>
  ({ state: 'receiving', id: upload.id, received, size: upload.declaredSize, interrupted });

/** Starts an upload, or finds it again (same id, same uploader): how much the server already holds. */
export const beginUpload = async (deps: AttachmentDeps, actor: Actor, input: unknown): Promise<UploadState | DomainError> => {
  const parsed = BeginUpload.safeParse(input);
  if (!parsed.success) return refused(deps, actor, 'attachment.upload', null, invalidArgs(describeIssues(parsed.error.issues)));
  const req = parsed.data;
  const { db, blobs, config, clock } = deps;
  const existing = await findAttachment(db, req.id);
  if (existing !== null) {
    return sameUploader(actor, existing.uploadedBy) ? { state: 'complete', attachment: existing, deduplicated: true } : refused(deps, actor, 'attachment.upload', req.id, uploadIdTaken());
  }
  const pending = await findUpload(db, req.id);
  if (pending !== null) {
    if (!sameUploader(actor, pending.uploadedBy)) return refused(deps, actor, 'attachment.upload', req.id, uploadIdTaken());
    return receiving(pending, (await blobs.openStaging(pending.id, clock.now())).received);
  }
  if (req.size === 0) return refused(deps, actor, 'attachment.upload', req.id, emptyFile());
  if (req.size !== undefined && req.size > config.maxFileBytes) return refused(deps, actor, 'attachment.upload', req.id, fileTooLarge(config.maxFileBytes), { size: req.size });
  if (req.ocId !== null) {
    // Another customer's OC is answered as a missing one: an id is never confirmed to a contact.
    const customerId = await ocCustomerOf(db, req.ocId);
    if (!attachmentTargetAllowed(actor.who, { ocId: req.ocId, ocCustomerId: customerId })) return refused(deps, actor, 'attachment.upload', req.id, ocNotFound(), { ocId: req.ocId });
  } else if (actor.who.kind === 'contact' && req.interactionId !== null) {
    return refused(deps, actor, 'attachment.upload', req.id, targetMismatch());
  }
  if (req.interactionId !== null) {
    const on = await interactionOcOf(db, req.interactionId);
    if (on !== undefined && on !== req.ocId) return refused(deps, actor, 'attachment.upload', req.id, targetMismatch());
  }
  const uploadedBy = { kind: actor.who.kind, id: actor.who.id };
  if ((await pendingUploadsOf(db, uploadedBy)) >= config.maxPendingUploads) return refused(deps, actor, 'attachment.upload', req.id, tooManyPendingUploads(config.maxPendingUploads));
  const used = await usedBytes(db, { ocId: req.ocId, uploadedBy });
  if (used + Math.max(1, req.size ?? 1) > config.maxOcBytes) return refused(deps, actor, 'attachment.upload', req.id, ocTotalExceeded(config.maxOcBytes, used), { ocId: req.ocId });
  const upload: UploadRow = {
    id: req.id, ocId: req.ocId, interactionId: req.interactionId, name: req.name, declaredSize: req.size ?? null,
    expectedSha256: req.sha256 ?? null, uploadedBy, createdAt: clock.now(),
  };
  if (!(await insertUpload(db, upload))) return beginUpload(deps, actor, input); // the same id began meanwhile
  await blobs.openStaging(upload.id, clock.now());
  return receiving(upload, 0);
};

/** How far an upload is: the bytes held, or the attachment it made. */
export const uploadStatus = async (deps: AttachmentDeps, actor: Actor, id: string): Promise<UploadState | DomainError> => {
  if (!isStoreId(id)) return uploadNotFound();
  const pending = await findUpload(deps.db, id);
  if (pending !== null && sameUploader(actor, pending.uploadedBy)) return receiving(pending, (await deps.blobs.stagedBytes(id)) ?? 0);
  const done = await findAttachment(deps.db, id);
  if (done !== null && sameUploader(actor, done.uploadedBy)) return { state: 'complete', attachment: done, deduplicated: true };
  return uploadNotFound();
};

/** Gives an upload up: its staged bytes go. */
export const cancelUpload = async (deps: AttachmentDeps, actor: Actor, id: string): Promise<DomainError | null> => {
  if (!isStoreId(id)) return uploadNotFound();
  const pending = await findUpload(deps.db, id);
  if (pending === null || !sameUploader(actor, pending.uploadedBy)) return uploadNotFound();
  await discard(deps, id);
  return null;
};

const discard = async (deps: AttachmentDeps, id: string): Promise<void> => {
  await deps.blobs.discardStaging(id);
  await deleteUpload(deps.db, id);
};

/**
 * The bytes from `offset` on (what uploadStatus said the server holds). Returns "receiving" when the source
 * stopped before the declared size (failed or paused) and "complete" with the attachment when the file is whole.
 * The source is never destroyed here: an HTTP route answers first, then closes.
 */
export const appendUpload = async (deps: AttachmentDeps, actor: Actor, id: string, offset: number, source: UploadSource): Promise<UploadState | DomainError> => {
  const { db, blobs, config, clock } = deps;
  if (!isStoreId(id)) return uploadNotFound();
  const upload = await findUpload(db, id);
  if (upload === null || !sameUploader(actor, upload.uploadedBy)) {
    const done = await findAttachment(db, id);
    if (done !== null && sameUploader(actor, done.uploadedBy)) return { state: 'complete', attachment: done, deduplicated: true };
    return refused(deps, actor, 'attachment.upload', id, uploadNotFound());
  }
  const staged = (await blobs.stagedBytes(id)) ?? (await blobs.openStaging(id, clock.now())).received;
  if (offset !== staged) return offsetMismatch(staged);

  // The tightest of: the per-file limit, the declared size, what is left of the OC's total.
  const used = await usedBytes(db, { ocId: upload.ocId, uploadedBy: upload.uploadedBy });
  const bounds: Array<[number, () => DomainError]> = [
    [config.maxFileBytes, () => fileTooLarge(config.maxFileBytes)],
    [config.maxOcBytes - used, () => ocTotalExceeded(config.maxOcBytes, used)],
  ];
  if (upload.declaredSize !== null) bounds.push([upload.declaredSize, () => sizeMismatch(upload.declaredSize as number, (upload.declaredSize as number) + 1)]);
  const [limit, limitError] = bounds.reduce((a, b) => (b[0] < a[0] ? b : a));

  const hash = createHash('sha256');
  const classifier = new ContentClassifier(upload.name);
  if (staged > 0) {
    // Resuming: the hash and the type are rebuilt from the staged bytes (a hash's state cannot be saved).
    for await (const piece of blobs.readStaged(id)) {
      hash.update(piece);
      const refusal = await classifier.push(piece);
      if (refusal !== null) return reject(deps, actor, upload, refusal);
    }
  }
  const outcome = await streamInto(blobs, id, source, { offset, hash, limit, limitError, inspect: (bytes) => classifier.push(bytes), now: () => clock.now() });
  switch (outcome.kind) {
    case 'conflict':
      return offsetMismatch((await blobs.stagedBytes(id)) ?? 0);
    case 'interrupted':
      await touchUpload(db, id, clock.now());
      await auditAttachment(db, clock.now(), actor, 'attachment.upload', id, 'failed', { receivedBytes: outcome.received });
      return receiving(upload, outcome.received, true);
    case 'refused':
      return reject(deps, actor, upload, outcome.error);
    case 'ended':
      if (upload.declaredSize !== null && outcome.total < upload.declaredSize) {
        await touchUpload(db, id, clock.now());
        return receiving(upload, outcome.total);
      }
      return complete(deps, actor, upload, outcome.total, hash, classifier);
  }
};

/** One request with the whole file (a multipart part, a desktop's spooled file): begin, then every byte. */
export const uploadWhole = async (deps: AttachmentDeps, actor: Actor, input: unknown, source: UploadSource): Promise<UploadState | DomainError> => {
  const begun = await beginUpload(deps, actor, input);
  if (isDomainError(begun) || begun.state === 'complete') return begun;
  if (begun.received > 0) {
    // A whole file again after an interrupted attempt: it starts over rather than skip bytes it cannot compare.
    await deps.blobs.discardStaging(begun.id);
    await deps.blobs.openStaging(begun.id, deps.clock.now());
  }
  return appendUpload(deps, actor, begun.id, 0, source);
};

const reject = async (deps: AttachmentDeps, actor: Actor, upload: UploadRow, error: DomainError): Promise<DomainError> => {
  await discard(deps, upload.id);
  return refused(deps, actor, 'attachment.upload', upload.id, error, { ocId: upload.ocId });
};

const complete = async (deps: AttachmentDeps, actor: Actor, upload: UploadRow, size: number, hash: Hash, classifier: ContentClassifier): Promise<UploadState | DomainError> => {
  const { db, blobs, config, clock } = deps;
  const sha256 = hash.digest('hex');
  if (upload.expectedSha256 !== null && upload.expectedSha256 !== sha256) return reject(deps, actor, upload, hashMismatch());
  const typed = await classifier.finish(size);
  if (isDomainError(typed)) return reject(deps, actor, upload, typed);
  const now = clock.now();
  const attachment: Attachment = {
    id: upload.id, ocId: upload.ocId, interactionId: upload.interactionId, name: upload.name, mediaType: typed.mediaType,
    size, sha256, uploadedBy: upload.uploadedBy, createdAt: now,
  };
  try {
    const stored = await db.transaction(async (tx) => {
      const published = await blobs.publish(tx, upload.id, { sha256, size }, now);
      if (published === 'missing') return published;
      const version = await allocateVersion(tx, db.concurrentWriters);
      // Checked again here, under the writers' lock: two uploads racing for the last megabytes of an OC.
      const used = await usedBytes(tx, { ocId: upload.ocId, uploadedBy: upload.uploadedBy });
      if (used + size > config.maxOcBytes) throw new DomainFailure(ocTotalExceeded(config.maxOcBytes, used));
      await insertAttachment(tx, attachment, version);
      await deleteUpload(tx, upload.id);
      await auditAttachment(tx, now, actor, 'attachment.upload', upload.id, 'ok',
        { ocId: upload.ocId, interactionId: upload.interactionId, name: upload.name, size, sha256, mediaType: typed.mediaType, deduplicated: published === 'deduplicated' });
      return published;
    });
    if (stored === 'missing') {
      // The same upload was completed by a request that got there first (a retry racing the original).
      const done = await findAttachment(db, upload.id);
      return done !== null && sameUploader(actor, done.uploadedBy) ? { state: 'complete', attachment: done, deduplicated: true } : uploadNotFound();
    }
    return { state: 'complete', attachment, deduplicated: stored === 'deduplicated' };
  } catch (error) {
    if (error instanceof DomainFailure) return reject(deps, actor, upload, error.error);
    throw error;
  }
};
