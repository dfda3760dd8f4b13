import type { Db } from '../db/connection';
import { deleteMeta, getMeta, metaKeys, setMeta } from '../db/meta';

const PREFIX = 'sync.token.';
const key = (analystId: string): string => `${PREFIX}${analystId}`;

/**
 * Server session tokens per analyst, kept in the replica: the outbox may hold changes of an analyst who logged
 * out before they were pushed, and those still go out under that analyst's own session (server truth of who
 * acted). Passwords are never stored; the process remembers them only to log in again when a token expires.
 */
export class TokenStore {
  private readonly passwords = new Map<string, string>();

  constructor(private readonly db: Db) {}

  get(analystId: string): string | null {
    const raw = getMeta(this.db, key(analystId));
    if (raw === undefined) return null;
    try {
      return (JSON.parse(raw) as { token: string }).token;
    } catch {
      return null;
    }
  }

  set(analystId: string, token: string, expiresAt: number, password?: string): void {
    setMeta(this.db, key(analystId), JSON.stringify({ token, expiresAt }));
    setMeta(this.db, 'sync.currentAnalyst', analystId);
    if (password !== undefined) this.passwords.set(analystId, password);
  }

  forget(analystId: string): void {
    deleteMeta(this.db, key(analystId));
    this.passwords.delete(analystId);
    if (getMeta(this.db, 'sync.currentAnalyst') === analystId) deleteMeta(this.db, 'sync.currentAnalyst');
  }

  /** The last analyst who logged in on this desktop (whose session pulls). */
  current(): string | null {
    return getMeta(this.db, 'sync.currentAnalyst') ?? null;
  }

  /** Every analyst with a session token on this desktop. */
  analysts(): string[] {
    return metaKeys(this.db, PREFIX).map((k) => k.slice(PREFIX.length));
  }

  password(analystId: string): string | undefined {
    return this.passwords.get(analystId);
  }
}
