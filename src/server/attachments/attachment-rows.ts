import type { InteractionKind } from '../../shared/domain';
import type { Attachment, AttachmentFacts, AttachmentUploader } from '../../shared/domain/attachment';
import type { Sql } from '../db/database';
import { WRITE_LOCK } from '../sync/apply';

// The SQL of the attachment metadata (migration 009): uploads in progress and attachment rows.

export interface UploadRow {
  id: string;
  ocId: string | null;
  interactionId: string | null;
  name: string;
  declaredSize: number | null;
  expectedSha256: string | null;
  uploadedBy: AttachmentUploader;
  createdAt: number;
}

interface UploadDbRow {
  id: string;
  oc_id: string | null;
  interaction_id: string | null;
  name: string;
  declared_size: number | null;
  expected_sha256: string | null;
  uploader_kind: 'analyst' | 'contact';
  uploader_id: string;
  created_at: number;
}

const uploadOf = (r: UploadDbRow): UploadRow => ({
  id: r.id, ocId: r.oc_id, interactionId: r.interaction_id, name: r.name, declaredSize: r.declared_size,
  expectedSha256: r.expected_sha256, uploadedBy: { kind: r.uploader_kind, id: r.uploader_id }, createdAt: r.created_at,
});

export const insertUpload = async (sql: Sql, u: UploadRow): Promise<boolean> => {
  const { rows } = await sql.query(
    `INSERT INTO attachment_upload (id, oc_id, interaction_id, name, declared_size, expected_sha256, uploader_kind, uploader_id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [u.id, u.ocId, u.interactionId, u.name, u.declaredSize, u.expectedSha256, u.uploadedBy.kind, u.uploadedBy.id, u.createdAt]);
  return rows.length > 0;
};

export const pendingUploadsOf = async (sql: Sql, uploadedBy: AttachmentUploader): Promise<number> => {
  const { rows } = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM attachment_upload WHERE uploader_kind = $1 AND uploader_id = $2', [uploadedBy.kind, uploadedBy.id]);
  return Number(rows[0]?.n ?? 0);
};

export const findUpload = async (sql: Sql, id: string): Promise<UploadRow | null> => {
  const { rows } = await sql.query<UploadDbRow>('SELECT * FROM attachment_upload WHERE id = $1', [id]);
  return rows[0] === undefined ? null : uploadOf(rows[0]);
};

export const touchUpload = async (sql: Sql, id: string, at: number): Promise<void> => {
  await sql.query('UPDATE attachment_upload SET updated_at = $2 WHERE id = $1', [id, at]);
};

export const deleteUpload = async (sql: Sql, id: string): Promise<void> => {
  await sql.query('DELETE FROM attachment_upload WHERE id = $1', [id]);
};

/** Uploads nobody continued since `before` (their stages are swept with them). */
export const staleUploads = async (sql: Sql, before: number): Promise<string[]> => {
  // An upload streaming right now writes its stage, not its row: the later of the two says when it last moved.
  const { rows } = await sql.query<{ id: string }>(
    'SELECT u.id FROM attachment_upload u LEFT JOIN attachment_staging s ON s.key = u.id WHERE greatest(u.updated_at, coalesce(s.updated_at, 0)) < $1', [before]);
  return rows.map((r) => r.id);
};

export const findAttachment = async (sql: Sql, id: string): Promise<Attachment | null> => {
  const { rows } = await sql.query<{ doc: Attachment }>('SELECT doc FROM attachment WHERE id = $1', [id]);
  return rows[0]?.doc ?? null;
};

export interface AttachmentWithFacts {
  attachment: Attachment;
  facts: AttachmentFacts;
}

// The interaction counts only when it is on the attachment's own OC: a row pointing at another OC's public reply
// must not make it visible to that reply's customer.
const WITH_FACTS = `SELECT a.doc, o.customer_id AS oc_customer_id, i.kind AS interaction_kind
  FROM attachment a LEFT JOIN ocorrencia o ON o.id = a.oc_id
  LEFT JOIN interaction i ON i.id = a.interaction_id AND i.oc_id IS NOT DISTINCT FROM a.oc_id`;

interface FactsRow {
  doc: Attachment;
  oc_customer_id: string | null;
  interaction_kind: InteractionKind | null;
}

const withFacts = (r: FactsRow): AttachmentWithFacts => ({
  attachment: r.doc,
  facts: { uploadedBy: r.doc.uploadedBy, ocCustomerId: r.oc_customer_id, interactionKind: r.interaction_kind },
});

export const attachmentWithFacts = async (sql: Sql, id: string): Promise<AttachmentWithFacts | null> => {
  const { rows } = await sql.query<FactsRow>(`${WITH_FACTS} WHERE a.id = $1`, [id]);
  return rows[0] === undefined ? null : withFacts(rows[0]);
};

export const ocAttachmentsWithFacts = async (sql: Sql, ocId: string): Promise<AttachmentWithFacts[]> => {
  const { rows } = await sql.query<FactsRow>(`${WITH_FACTS} WHERE a.oc_id = $1 ORDER BY a.created_at, a.id`, [ocId]);
  return rows.map(withFacts);
};

/** The attachments on one interaction of its own OC, oldest first (the e-mail copy of a reply lists them). */
export const interactionAttachmentsWithFacts = async (sql: Sql, interactionId: string): Promise<AttachmentWithFacts[]> => {
  const { rows } = await sql.query<FactsRow>(`${WITH_FACTS} WHERE a.interaction_id = $1 AND i.id IS NOT NULL ORDER BY a.created_at, a.id`, [interactionId]);
  return rows.map(withFacts);
};

/** When an upload still in progress onto an interaction last moved (its row or its stage), or null when none is. */
export const uploadActivityOn = async (sql: Sql, interactionId: string): Promise<number | null> => {
  const { rows } = await sql.query<{ at: number | null }>(
    `SELECT max(greatest(u.updated_at, coalesce(s.updated_at, 0))) AS at FROM attachment_upload u LEFT JOIN attachment_staging s ON s.key = u.id
     WHERE u.interaction_id = $1`, [interactionId]);
  const at = rows[0]?.at;
  return at === null || at === undefined ? null : Number(at);
};

/** The customer of an OC on the server, or null when it is not there (yet). */
export const ocCustomerOf = async (sql: Sql, ocId: string): Promise<string | null> => {
  const { rows } = await sql.query<{ customer_id: string }>('SELECT customer_id FROM ocorrencia WHERE id = $1', [ocId]);
  return rows[0]?.customer_id ?? null;
};

/** The OC an interaction is on: undefined when the interaction is not on the server (yet). */
export const interactionOcOf = async (sql: Sql, interactionId: string): Promise<string | null | undefined> => {
  const { rows } = await sql.query<{ oc_id: string | null }>('SELECT oc_id FROM interaction WHERE id = $1', [interactionId]);
  return rows[0] === undefined ? undefined : rows[0].oc_id;
};

/**
 * The bytes already attached where a new attachment would go: its OC's attachments, or — for an upload standing
 * alone — the uploader's other loose uploads (the same allowance, so loose uploads cannot grow without bound).
 */
export const usedBytes = async (sql: Sql, target: { ocId: string | null; uploadedBy: AttachmentUploader }): Promise<number> => {
  const { rows } = target.ocId !== null
    ? await sql.query<{ used: number }>('SELECT coalesce(sum(size), 0)::bigint AS used FROM attachment WHERE oc_id = $1', [target.ocId])
    : await sql.query<{ used: number }>('SELECT coalesce(sum(size), 0)::bigint AS used FROM attachment WHERE oc_id IS NULL AND uploader_kind = $1 AND uploader_id = $2',
      [target.uploadedBy.kind, target.uploadedBy.id]);
  return Number(rows[0]?.used ?? 0);
};

/**
 * A version from the one global sequence, allocated as the sync writers do (sync/apply.ts): under the writers'
 * lock on PostgreSQL, so versions still commit in order and a pull's head stays a prefix. Also serialises the
 * per-OC totals of concurrent uploads. On PGlite transactions are serial already.
 */
export const allocateVersion = async (tx: Sql, concurrentWriters: boolean): Promise<number> => {
  if (concurrentWriters) await tx.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
  const { rows } = await tx.query<{ v: number }>("SELECT nextval('change_version') AS v");
  return Number(rows[0]?.v);
};

export const insertAttachment = async (tx: Sql, a: Attachment, version: number): Promise<void> => {
  await tx.query(
    `INSERT INTO attachment (id, oc_id, interaction_id, sha256, size, uploader_kind, uploader_id, created_at, doc, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)`,
    [a.id, a.ocId, a.interactionId, a.sha256, a.size, a.uploadedBy.kind, a.uploadedBy.id, a.createdAt, JSON.stringify(a), version]);
};

export const updateAttachmentTarget = async (tx: Sql, a: Attachment, version: number): Promise<void> => {
  await tx.query('UPDATE attachment SET oc_id = $2, interaction_id = $3, doc = $4::jsonb, version = $5 WHERE id = $1',
    [a.id, a.ocId, a.interactionId, JSON.stringify(a), version]);
};

/** Loose uploads (no OC) made before `before`: what the sweep lets go. */
export const staleLooseAttachments = async (sql: Sql, before: number): Promise<Array<{ id: string; sha256: string }>> => {
  const { rows } = await sql.query<{ id: string; sha256: string }>('SELECT id, sha256 FROM attachment WHERE oc_id IS NULL AND interaction_id IS NULL AND created_at < $1', [before]);
  return rows;
};

export const deleteAttachmentRow = async (sql: Sql, id: string): Promise<void> => {
  await sql.query('DELETE FROM attachment WHERE id = $1', [id]);
};
