import type { AttachmentState } from '../../shared/api/attachments';
import type { Attachment } from '../../shared/domain/attachment';
import type { Messages } from '../../shared/domain/errors';
import type { Db } from './connection';
import { stmt } from './statements';
import { ATTACHMENT_CODEC } from './tables';

// The replica's attachment rows (pulled) and this desktop's spool (its own files until the server has them).

export const putAttachmentRow = (db: Db, row: Attachment, serverVersion: number): void => {
  const columns = { ...ATTACHMENT_CODEC.columns(row), doc: JSON.stringify(row), server_version: serverVersion };
  const names = Object.keys(columns);
  stmt(db, `INSERT INTO attachment (id, ${names.join(', ')}) VALUES (?${', ?'.repeat(names.length)})
    ON CONFLICT(id) DO UPDATE SET ${names.map((n) => `${n} = excluded.${n}`).join(', ')}`)
    .run(ATTACHMENT_CODEC.keyOf(row), ...names.map((n) => columns[n as keyof typeof columns] ?? null));
};

export const attachmentRow = (db: Db, id: string): Attachment | undefined => {
  const found = stmt(db, 'SELECT doc FROM attachment WHERE id = ?').get(id) as { doc: string } | undefined;
  return found === undefined ? undefined : (JSON.parse(found.doc) as Attachment);
};

export const attachmentRowsOf = (db: Db, ocId: string): Attachment[] =>
  (stmt(db, 'SELECT doc FROM attachment WHERE oc_id = ? ORDER BY created_at, id').all(ocId) as { doc: string }[]).map((r) => JSON.parse(r.doc) as Attachment);

/** Attachments of the open OCs (the lead's prefetch). */
export const openOcAttachmentRows = (db: Db): Attachment[] =>
  (stmt(db, 'SELECT a.doc FROM attachment a JOIN ocorrencia o ON o.id = a.oc_id WHERE o.is_open = 1 ORDER BY a.created_at').all() as { doc: string }[])
    .map((r) => JSON.parse(r.doc) as Attachment);

export interface SpoolEntry {
  id: string;
  ownerId: string;
  ocId: string;
  interactionId: string | null;
  name: string;
  size: number;
  received: number;
  sha256: string | null;
  mediaType: string | null;
  state: AttachmentState;
  sent: number;
  refusal: Messages | null;
  path: string;
  createdAt: number;
}

interface SpoolRow {
  id: string; owner_id: string; oc_id: string; interaction_id: string | null; name: string; size: number; received: number;
  sha256: string | null; media_type: string | null; state: AttachmentState; sent: number; refusal: string | null; path: string; created_at: number;
}

const entryOf = (r: SpoolRow): SpoolEntry => ({
  id: r.id, ownerId: r.owner_id, ocId: r.oc_id, interactionId: r.interaction_id, name: r.name, size: r.size, received: r.received,
  sha256: r.sha256, mediaType: r.media_type, state: r.state, sent: r.sent, refusal: r.refusal === null ? null : (JSON.parse(r.refusal) as Messages),
  path: r.path, createdAt: r.created_at,
});

export const insertSpool = (db: Db, e: Pick<SpoolEntry, 'id' | 'ownerId' | 'ocId' | 'name' | 'size' | 'path' | 'createdAt'>): void => {
  stmt(db, "INSERT INTO attachment_spool (id, owner_id, oc_id, name, size, path, created_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'draft')")
    .run(e.id, e.ownerId, e.ocId, e.name, e.size, e.path, e.createdAt);
};

export const spoolEntry = (db: Db, id: string): SpoolEntry | undefined => {
  const row = stmt(db, 'SELECT * FROM attachment_spool WHERE id = ?').get(id) as SpoolRow | undefined;
  return row === undefined ? undefined : entryOf(row);
};

export const spoolOf = (db: Db, ocId: string): SpoolEntry[] =>
  (stmt(db, 'SELECT * FROM attachment_spool WHERE oc_id = ? ORDER BY created_at, id').all(ocId) as SpoolRow[]).map(entryOf);

/** The bound files still to go up, in the order their mutations were made. */
export const uploadQueue = (db: Db): SpoolEntry[] =>
  (stmt(db, "SELECT * FROM attachment_spool WHERE state IN ('queued', 'uploading') ORDER BY seq").all() as SpoolRow[]).map(entryOf);

export const setReceived = (db: Db, id: string, received: number): void => {
  stmt(db, 'UPDATE attachment_spool SET received = ? WHERE id = ?').run(received, id);
};

export const setFinished = (db: Db, id: string, sha256: string, mediaType: string): void => {
  stmt(db, 'UPDATE attachment_spool SET sha256 = ?, media_type = ? WHERE id = ?').run(sha256, mediaType, id);
};

/** A finished draft named by a mutation: bound to its interaction, queued after every file bound before it. */
export const bindSpool = (db: Db, id: string, interactionId: string): void => {
  stmt(db, "UPDATE attachment_spool SET interaction_id = ?, state = 'queued', seq = (SELECT coalesce(max(seq), 0) + 1 FROM attachment_spool) WHERE id = ?")
    .run(interactionId, id);
};

export const setUploadState = (db: Db, id: string, state: AttachmentState, sent: number, refusal: Messages | null = null, path?: string): void => {
  stmt(db, 'UPDATE attachment_spool SET state = ?, sent = ?, refusal = ?, path = coalesce(?, path) WHERE id = ?')
    .run(state, sent, refusal === null ? null : JSON.stringify(refusal), path ?? null, id);
};

export const deleteSpool = (db: Db, id: string): void => {
  stmt(db, 'DELETE FROM attachment_spool WHERE id = ?').run(id);
};

/** Drafts never sent, begun before `before` (let go with their files). */
export const staleDrafts = (db: Db, before: number): SpoolEntry[] =>
  (stmt(db, "SELECT * FROM attachment_spool WHERE state = 'draft' AND created_at < ?").all(before) as SpoolRow[]).map(entryOf);
