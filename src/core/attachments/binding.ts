import { AttachmentIds } from '../../shared/api/attachments';
import { DomainFailure, type Analyst, type DomainError } from '../../shared/domain';
import { invalidArgs } from '../../shared/mutators/run';
import { describeIssues } from '../../shared/validation';
import type { Db } from '../db/connection';
import { bindSpool, spoolEntry } from '../db/attachments';
import { draftNotFound, duplicateAttachment, notADraft, notFinished, otherOc } from './errors';

// The files a mutation carries (issue 16): each must be the caller's own finished draft of the same OC; they are
// bound to the interaction the mutation creates inside the mutation's own local transaction (local-store's
// `within` hook), so the note and its files are recorded together or not at all.

const fail = (error: DomainError): never => {
  throw new DomainFailure(error);
};

/** `attachmentIds` taken out of a mutation's arguments (the server never sees them). */
export const takeAttachmentIds = (args: Record<string, unknown>): string[] => {
  const raw = args.attachmentIds;
  delete args.attachmentIds;
  const parsed = AttachmentIds.safeParse(raw);
  if (!parsed.success) return fail(invalidArgs(describeIssues(parsed.error.issues)));
  if (new Set(parsed.data).size !== parsed.data.length) return fail(duplicateAttachment());
  return parsed.data;
};

/** Checks and binds; throws a DomainFailure (the caller's transaction rolls back: nothing recorded). */
export const bindAttachments = (db: Db, me: Analyst, ids: readonly string[], ocId: unknown, interactionId: unknown): void => {
  for (const id of ids) {
    const entry = spoolEntry(db, id);
    if (entry === undefined || entry.ownerId !== me.id) fail(draftNotFound());
    const draft = entry as NonNullable<typeof entry>;
    if (draft.state !== 'draft') fail(notADraft());
    if (draft.sha256 === null) fail(notFinished());
    if (draft.ocId !== ocId) fail(otherOc());
    if (typeof interactionId !== 'string') fail(invalidArgs('interaction id missing'));
    bindSpool(db, id, interactionId as string);
  }
};
