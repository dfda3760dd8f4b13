import { z } from 'zod';
import { Id, Instant } from '../domain';
import { AccessEndReason } from '../sync/access-ended';
import { SlaClockName } from './views';

export const SyncStatus = z.enum(['online', 'offline', 'connecting', 'local_only']);

/**
 * The server ended an analyst's sessions (SPEC §7: deactivated, role changed, password reset): their changes
 * still in the outbox stay on this computer, counted in `pending`, until they log in again.
 */
export const AccessEndedState = z.object({
  analystId: Id,
  analystName: z.string(),
  reason: AccessEndReason,
  message: z.object({ 'pt-BR': z.string(), en: z.string() }),
  at: Instant,
});
export type AccessEndedState = z.infer<typeof AccessEndedState>;

/** What the sync indicator shows (SPEC §6): online, offline since, pending changes, last sync. */
export const SyncState = z.object({
  status: SyncStatus,
  offlineSince: Instant.nullable(),
  pending: z.number().int().nonnegative(),
  lastSyncAt: Instant.nullable(),
  serverUrl: z.string().nullable(),
  clockOffsetMs: z.number(),
  /** A fatal reason, e.g. "update the app" after a protocol version mismatch. */
  problem: z.string().nullable(),
  /** Set while an analyst of this desktop has had their access ended and has not logged in again. */
  accessEnded: AccessEndedState.nullable().optional(),
});
export type SyncState = z.infer<typeof SyncState>;

export const ErrorPayload = z.object({
  code: z.string(),
  message: z.object({ 'pt-BR': z.string(), en: z.string() }),
});

/** A change the server refused, kept for its author with the reason (SPEC §6). */
export const RejectedNotice = z.object({
  id: Id,
  mutationId: z.number().int(),
  name: z.string(),
  ocId: Id.nullable(),
  error: ErrorPayload,
  at: Instant,
  dismissed: z.boolean(),
  /** What the author wrote in the refused change (a reply, a note…), to copy elsewhere; null for a take or a pause. */
  text: z.string().max(60_000).nullable(),
});
export type RejectedNotice = z.infer<typeof RejectedNotice>;

export const SlaAlert = z.object({
  id: z.string(),
  ocId: Id,
  displayNumber: z.string(),
  clock: SlaClockName,
  /** 50, 75, 90 (warnings) or 100 (breach). */
  threshold: z.number().int(),
  at: Instant,
  assigneeId: Id.nullable(),
  subject: z.string(),
});
export type SlaAlert = z.infer<typeof SlaAlert>;

export const DataChanged = z.object({
  tables: z.array(z.string()),
  ocIds: z.array(Id),
});
export type DataChanged = z.infer<typeof DataChanged>;
