import type { DomainError } from '../../shared/domain';
import { Text } from '../../shared/domain/text';
import type { AttachmentReader } from '../../shared/domain/attachment';
import type { Clock } from '../../shared/time';
import { audit } from '../audit';
import type { Database, Sql } from '../db/database';
import type { BlobStore } from './blob-store';
import type { AttachmentConfig } from './config';
import { PostgresBlobStore } from './postgres-blob-store';

/** What the attachment operations share: built once by the composition root (app.ts) beside the server context. */
export interface AttachmentDeps {
  db: Database;
  blobs: BlobStore;
  config: AttachmentConfig;
  clock: Clock;
}

/** The default wiring: the bytes in the server's own database. */
export const postgresAttachments = (db: Database, config: AttachmentConfig, clock: Clock): AttachmentDeps =>
  ({ db, blobs: new PostgresBlobStore(db, config.chunkBytes), config, clock });

/** Who acts and from where ("extranet", "desktop"): an analyst, or an authorised contact with their customer. */
export interface Actor {
  who: AttachmentReader;
  source: string;
}

export type AuditOutcome = 'ok' | 'denied' | 'failed' | 'rejected';

/** Every upload and download leaves a line in the audit log (SPEC §7), refusals included, with their code. */
export const auditAttachment = (sql: Sql, at: number, actor: Actor, action: 'attachment.upload' | 'attachment.download' | 'attachment.reference',
  target: string | null, outcome: AuditOutcome, detail: Record<string, unknown>): Promise<void> =>
  audit(sql, { at, actorKind: actor.who.kind, actorId: actor.who.id, action, target, outcome, detail, source: actor.source });

/** An error value, audited as a refusal on its way out. */
export const refused = async (deps: AttachmentDeps, actor: Actor, action: 'attachment.upload' | 'attachment.download' | 'attachment.reference',
  target: string | null, error: DomainError, detail: Record<string, unknown> = {}): Promise<DomainError> => {
  await auditAttachment(deps.db, deps.clock.now(), actor, action, target, action === 'attachment.download' ? 'denied' : 'rejected', { ...detail, code: error.code });
  return error;
};

export const sameUploader = (actor: Actor, uploadedBy: { kind: string; id: string }): boolean =>
  uploadedBy.kind === actor.who.kind && uploadedBy.id === actor.who.id;

/**
 * An id as the store takes it from a route: the shape of Id, and storable (a NUL would make PostgreSQL fail the
 * statement — a 5xx for a bad request). Anything else is answered as an id that does not exist.
 */
export const StoreId = Text().min(1).max(128);
export const isStoreId = (value: unknown): value is string => StoreId.safeParse(value).success;
