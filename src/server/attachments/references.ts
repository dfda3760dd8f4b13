import { z } from 'zod';
import { DomainFailure, type DomainError } from '../../shared/domain';
import { attachmentTargetAllowed, type Attachment } from '../../shared/domain/attachment';
import { invalidArgs } from '../../shared/mutators/run';
import { describeIssues } from '../../shared/validation';
import {
  allocateVersion, deleteAttachmentRow, deleteUpload, findAttachment, interactionOcOf, ocCustomerOf, staleLooseAttachments, staleUploads,
  updateAttachmentTarget, usedBytes,
} from './attachment-rows';
import { auditAttachment, isStoreId, refused, sameUploader, StoreId, type Actor, type AttachmentDeps } from './context';
import { alreadyReferenced, attachmentNotFound, ocNotFound, ocTotalExceeded, targetMismatch } from './errors';

// An upload made alone is referenced afterwards by the OC or the reply it belongs to (the Extranet's "attach, then
// send"; a desktop's offline attachment before its mutation reaches the server), once: an attachment on an
// interaction never moves. And what nobody finished or referenced is let go after a while.

export const ReferenceTarget = z.object({ ocId: StoreId, interactionId: StoreId.nullable().default(null) }).strict();
export type ReferenceTarget = z.input<typeof ReferenceTarget>;

/** Puts the uploader's own attachment on an OC (and interaction); repeating the same reference is harmless. */
export const referenceAttachment = async (deps: AttachmentDeps, actor: Actor, id: string, input: unknown): Promise<Attachment | DomainError> => {
  if (!isStoreId(id)) return attachmentNotFound();
  const parsed = ReferenceTarget.safeParse(input);
  if (!parsed.success) return refused(deps, actor, 'attachment.reference', id, invalidArgs(describeIssues(parsed.error.issues)));
  const target = parsed.data;
  const { db, config, clock } = deps;
  const current = await findAttachment(db, id);
  if (current === null || !sameUploader(actor, current.uploadedBy)) return refused(deps, actor, 'attachment.reference', id, attachmentNotFound());
  if (current.ocId === target.ocId && current.interactionId === target.interactionId) return current;
  if (current.interactionId !== null || (current.ocId !== null && current.ocId !== target.ocId)) return refused(deps, actor, 'attachment.reference', id, alreadyReferenced());
  if (!attachmentTargetAllowed(actor.who, { ocId: target.ocId, ocCustomerId: await ocCustomerOf(db, target.ocId) })) {
    return refused(deps, actor, 'attachment.reference', id, ocNotFound(), { ocId: target.ocId });
  }
  if (target.interactionId !== null) {
    const on = await interactionOcOf(db, target.interactionId);
    if (on !== undefined && on !== target.ocId) return refused(deps, actor, 'attachment.reference', id, targetMismatch());
  }
  const next: Attachment = { ...current, ocId: target.ocId, interactionId: target.interactionId };
  try {
    await db.transaction(async (tx) => {
      const version = await allocateVersion(tx, db.concurrentWriters);
      if (current.ocId !== target.ocId) {
        const used = await usedBytes(tx, { ocId: target.ocId, uploadedBy: current.uploadedBy });
        if (used + current.size > config.maxOcBytes) throw new DomainFailure(ocTotalExceeded(config.maxOcBytes, used));
      }
      await updateAttachmentTarget(tx, next, version);
      await auditAttachment(tx, clock.now(), actor, 'attachment.reference', id, 'ok', { ocId: target.ocId, interactionId: target.interactionId });
    });
  } catch (error) {
    if (error instanceof DomainFailure) return refused(deps, actor, 'attachment.reference', id, error.error, { ocId: target.ocId });
    throw error;
  }
  return next;
};

export interface SweepSummary {
  stages: number;
  uploads: number;
  looseAttachments: number;
  blobs: number;
}

/**
 * Lets go of uploads nobody continued within the staging TTL, and of loose uploads never referenced within theirs
 * (with their bytes, unless another attachment has the same ones). For a maintenance job to call.
 */
export const sweepAttachments = async (deps: AttachmentDeps): Promise<SweepSummary> => {
  const { db, blobs, config, clock } = deps;
  const now = clock.now();
  const summary: SweepSummary = { stages: 0, uploads: 0, looseAttachments: 0, blobs: 0 };
  for (const id of await staleUploads(db, now - config.stagingTtlMs)) {
    await blobs.discardStaging(id);
    await deleteUpload(db, id);
    summary.uploads += 1;
  }
  summary.stages = await blobs.sweepStaging(now - config.stagingTtlMs);
  for (const loose of await staleLooseAttachments(db, now - config.unreferencedTtlMs)) {
    await deleteAttachmentRow(db, loose.id);
    summary.looseAttachments += 1;
    if (await blobs.deleteIfUnreferenced(loose.sha256)) summary.blobs += 1;
  }
  return summary;
};
