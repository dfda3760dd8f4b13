import type { Readable } from 'node:stream';
import type { Contact, Ocorrencia } from '../../shared/domain';
import { attachmentReadable, type Attachment } from '../../shared/domain/attachment';
import type { Sql } from '../db/database';
import { interactionAttachmentsWithFacts, uploadActivityOn } from '../attachments/attachment-rows';
import type { BlobStore } from '../attachments/blob-store';
import { downloadName, servedMediaType } from '../attachments/headers';

// The files of a public reply in its e-mail copy (issue 16, item 5): each one listed (name, size, type); their
// bytes attached while the total stays within `mailAttachBytes` (SOE_ATTACHMENT_MAIL_MAX_MB), the others listed as
// available on the Extranet — where the customer signs in to get them: the e-mail carries no link to the bytes, so
// whoever reads a forwarded copy gets nothing more than the names.

/** One file of a reply as the copy shows it; `open` is null when it is only listed (too big for the e-mail). */
export interface ReplyFile {
  /** The name written in the text and in the MIME part (see mailFileName). */
  name: string;
  mediaType: string;
  size: number;
  open: (() => Promise<Readable>) | null;
}

/**
 * Line breaks, other controls and bidi overrides as spaces (a name could come from an older row, or a rule that
 * changes): a name in the text cannot forge a line, nor reverse what follows it. The extension is the one the
 * bytes' type allows (headers.ts: "fatura.pdf.html" stored as text is "fatura.pdf.html.txt"), as for a download.
 */
export const mailFileName = (attachment: Pick<Attachment, 'name' | 'mediaType'>): string => {
  const name = attachment.name.replace(/[\p{Cc}\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/gu, ' ').trim();
  return downloadName(name.length === 0 ? 'anexo' : name, attachment.mediaType);
};

/**
 * Which files travel with the copy: oldest first, each while the running total stays within `maxBytes`; one that
 * does not fit is listed and a smaller one after it may still go.
 */
export const planReplyFiles = (attachments: readonly Attachment[], maxBytes: number): Array<{ attachment: Attachment; attach: boolean }> => {
  let total = 0;
  return attachments.map((attachment) => {
    const attach = total + attachment.size <= maxBytes;
    if (attach) total += attachment.size;
    return { attachment, attach };
  });
};

/** The reply's files that its recipient may read on the Extranet (the rule every download follows: attachmentReadable). */
export const replyFiles = async (sql: Sql, blobs: BlobStore, maxBytes: number, oc: Ocorrencia, replyId: string, contact: Contact): Promise<ReplyFile[]> => {
  const reader = { kind: 'contact' as const, id: contact.id, customerId: oc.customerId };
  const readable = (await interactionAttachmentsWithFacts(sql, replyId)).filter((row) => attachmentReadable(reader, row.facts)).map((row) => row.attachment);
  return planReplyFiles(readable, maxBytes).map(({ attachment, attach }) => ({
    name: mailFileName(attachment),
    mediaType: servedMediaType(attachment.mediaType),
    size: attachment.size,
    open: attach
      ? async () => {
        const stream = await blobs.read(attachment.sha256);
        if (stream === null) throw new Error(`attachment ${attachment.id}: blob ${attachment.sha256} is missing`);
        return stream;
      }
      : null,
  }));
};

/**
 * Whether a copy should wait for a file still uploading onto its reply. A desktop sends a reply's bytes before the
 * reply itself, so they are normally all in when the copy is composed (at send time, not when the reply was
 * applied); an upload still in progress is a retry or a slow link, and the copy waits while it moves — until it
 * completes, is refused (its upload row goes), or stands still for `waitMs`, so an upload abandoned half-way never
 * holds the copy back for good. Measured from the upload's own activity on the server's clock, not from the
 * reply's time, which is the desktop's (an offline reply arrives hours after it was written). A file that arrives
 * after the copy went out is not mailed again: the Extranet shows it with the reply.
 */
export const waitForUploads = async (sql: Sql, replyId: string, now: number, waitMs: number): Promise<boolean> => {
  const moved = await uploadActivityOn(sql, replyId);
  return moved !== null && now - moved < waitMs;
};
