import type { SyncState } from '../../shared/api/notices';
import type { Analyst, DomainError } from '../../shared/domain';
import type { Attachment } from '../../shared/domain/attachment';
import type { PresenceRelay } from '../api/presence';

/**
 * What the core needs from sync. The real client pushes the outbox, pulls, rebases and measures the clock
 * offset; `localOnlySync` stands in when no server is configured (a single machine, tests).
 */
export interface SyncPort {
  state(): SyncState;
  /** A local mutation was queued: push soon. */
  kick(): void;
  /** Offset to add to the local clock to get server time (0 until measured). */
  clockOffsetMs(): number;
  /** Checks a password with the server; 'unreachable' lets the core fall back to the offline verifier. */
  login(login: string, password: string): Promise<{ analyst: Analyst } | DomainError | 'unreachable'>;
  logout(): Promise<void>;
  /** Sets a password on the server, as the logged-in analyst; online only (passwords never enter the outbox). */
  setPassword(actorId: string, kind: 'analyst' | 'contact', id: string, password: string): Promise<null | DomainError | 'unreachable'>;
  start(): void;
  stop(): Promise<void>;
  /** Attachment bytes from the server (absent when there is no server: nothing uncached can be read). */
  readonly attachments?: AttachmentRemote;
  /** How collision presence reaches the other desktops (absent when there is no server). */
  readonly presence?: PresenceRelay;
}

export const localOnlySync = (pending: () => number): SyncPort => ({
  state: () => ({ status: 'local_only', offlineSince: null, pending: pending(), lastSyncAt: null, serverUrl: null, clockOffsetMs: 0, problem: null }),
  kick: () => undefined,
  clockOffsetMs: () => 0,
  login: async () => 'unreachable',
  logout: async () => undefined,
  setPassword: async () => 'unreachable',
  start: () => undefined,
  stop: async () => undefined,
});

/** What the attachment handlers ask the sync client for (src/core/attachments/transfer.ts does the work). */
export interface AttachmentRemote {
  /** The bytes into the cache, as `analystId`; throws Unreachable offline, ServerRefused when refused. */
  download(analystId: string, attachment: Attachment): Promise<void>;
  /** The lead's prefetch of every open OC's attachments, now. */
  prefetch(analystId: string): Promise<{ files: number; bytes: number }>;
}
