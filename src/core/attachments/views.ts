import type { AttachmentView } from '../../shared/api/attachments';
import { attachmentKindOf, type Attachment } from '../../shared/domain/attachment';
import type { Db } from '../db/connection';
import { attachmentRowsOf, spoolOf, type SpoolEntry } from '../db/attachments';
import { isCached } from './cache';

// An OC's attachments as a screen shows them: the server's rows (pulled), and this desktop's own files not yet in
// the pull — the caller's finished drafts, the queued, uploading and refused ones.

const fromRow = (db: Db, row: Attachment): AttachmentView => ({
  ...row,
  kind: attachmentKindOf(row.mediaType) ?? 'archive',
  state: 'uploaded',
  sent: row.size,
  cached: isCached(db, row.sha256),
  refusal: null,
});

export const fromSpool = (entry: SpoolEntry): AttachmentView => ({
  id: entry.id,
  ocId: entry.ocId,
  interactionId: entry.interactionId,
  name: entry.name,
  mediaType: entry.mediaType ?? '',
  kind: attachmentKindOf(entry.mediaType ?? '') ?? 'archive',
  size: entry.size,
  sha256: entry.sha256 ?? '',
  uploadedBy: { kind: 'analyst', id: entry.ownerId },
  createdAt: entry.createdAt,
  state: entry.state,
  sent: entry.sent,
  cached: true,
  refusal: entry.refusal,
});

export const listAttachments = (db: Db, meId: string, ocId: string): AttachmentView[] => {
  const rows = attachmentRowsOf(db, ocId);
  const pulled = new Set(rows.map((r) => r.id));
  const own = spoolOf(db, ocId).filter((e) => e.sha256 !== null && !pulled.has(e.id) && (e.state !== 'draft' || e.ownerId === meId));
  return [...rows.map((r) => fromRow(db, r)), ...own.map(fromSpool)].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
};
