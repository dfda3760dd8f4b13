import type { Readable } from 'node:stream';
import { isDomainError, type DomainError } from '../../shared/domain';
import { attachmentReadable, type Attachment, type AttachmentReader } from '../../shared/domain/attachment';
import type { Sql } from '../db/database';
import { extranetPrincipal } from '../http/extranet-access';
import { attachmentWithFacts, ocAttachmentsWithFacts, ocCustomerOf } from './attachment-rows';
import { auditAttachment, isStoreId, refused, type Actor, type AttachmentDeps } from './context';
import { attachmentNotFound, ocNotFound, rangeNotSatisfiable } from './errors';
import { downloadHeaders, parseRange, unsatisfiableHeaders } from './headers';

// Reading attachments: the serving rules as functions the routes call (Extranet and desktop alike). Whoever may
// not read an attachment is told it does not exist — a contact probing another customer's ids learns nothing.

/**
 * The reader an Extranet session stands for: only an authorised contact (active, with Extranet access, within the
 * plan's seats — the intake API's own check, reused). Null when the contact may not use the Extranet.
 */
export const contactReader = async (sql: Sql, contactId: string): Promise<AttachmentReader | null> => {
  const principal = await extranetPrincipal(sql, contactId);
  return isDomainError(principal) ? null : { kind: 'contact', id: principal.contact.id, customerId: principal.customer.id };
};

export interface Download {
  status: 200 | 206;
  headers: Record<string, string>;
  body: Readable;
  attachment: Attachment;
}

export interface RefusedDownload {
  error: DomainError;
  status: 404 | 416;
  headers: Record<string, string>;
}

/** An attachment's bytes for `actor` (all, or the Range asked for), with the headers to send; audited either way. */
export const openDownload = async (deps: AttachmentDeps, actor: Actor, id: string, rangeHeader?: string): Promise<Download | RefusedDownload> => {
  const found = isStoreId(id) ? await attachmentWithFacts(deps.db, id) : null;
  if (found === null || !attachmentReadable(actor.who, found.facts)) {
    return { error: await refused(deps, actor, 'attachment.download', isStoreId(id) ? id : null, attachmentNotFound()), status: 404, headers: {} };
  }
  const { attachment } = found;
  const range = parseRange(rangeHeader, attachment.size);
  if (range.kind === 'unsatisfiable') {
    return { error: await refused(deps, actor, 'attachment.download', id, rangeNotSatisfiable(attachment.size), { range: rangeHeader }), status: 416, headers: unsatisfiableHeaders(attachment.size) };
  }
  const part = range.kind === 'part' ? range.range : null;
  const body = await deps.blobs.read(attachment.sha256, part ?? undefined);
  if (body === null) throw new Error(`attachment ${id}: blob ${attachment.sha256} is missing`);
  await auditAttachment(deps.db, deps.clock.now(), actor, 'attachment.download', id, 'ok',
    { ocId: attachment.ocId, size: attachment.size, ...(part === null ? {} : { range: `${part.start}-${part.end}` }) });
  return { status: part === null ? 200 : 206, headers: downloadHeaders(attachment, part), body, attachment };
};

/** The attachments of an OC that `reader` may see, oldest first; another customer's OC is not found. */
export const listOcAttachments = async (deps: AttachmentDeps, reader: AttachmentReader, ocId: string): Promise<Attachment[] | DomainError> => {
  if (!isStoreId(ocId) || (reader.kind === 'contact' && (await ocCustomerOf(deps.db, ocId)) !== reader.customerId)) return ocNotFound();
  const rows = await ocAttachmentsWithFacts(deps.db, ocId);
  return rows.filter((r) => attachmentReadable(reader, r.facts)).map((r) => r.attachment);
};
