import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../shared/time';
import type { Database } from '../db/database';

export type SubjectKind = 'analyst' | 'contact';

export interface AuthSession {
  kind: SubjectKind;
  subjectId: string;
  expiresAt: number;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

export interface SessionStoreOptions {
  db: Database;
  clock: Clock;
  /** How long a token lives without use; each use slides it forward. */
  ttlMs: number;
  /** How long a node trusts a token it checked, before asking the database again (revocations reach every node within it). */
  cacheMs?: number;
}

/**
 * Session tokens (SPEC §7): random 256-bit values, kept only as SHA-256 hashes in the database so every node
 * accepts them and a leaked table reveals none. They expire; use slides the expiry forward.
 */
export class SessionStore {
  private readonly cache = new Map<string, { session: AuthSession; checkedAt: number }>();

  constructor(private readonly options: SessionStoreOptions) {}

  async create(kind: SubjectKind, subjectId: string): Promise<{ token: string; expiresAt: number }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.options.clock.now();
    const expiresAt = now + this.options.ttlMs;
    await this.options.db.query('INSERT INTO auth_session (token_hash, kind, subject_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [hashToken(token), kind, subjectId, now, expiresAt]);
    return { token, expiresAt };
  }

  async check(token: string): Promise<AuthSession | null> {
    const now = this.options.clock.now();
    const key = hashToken(token);
    const cached = this.cache.get(key);
    if (cached !== undefined && now - cached.checkedAt < (this.options.cacheMs ?? 5_000) && cached.session.expiresAt > now) return cached.session;
    const { rows } = await this.options.db.query<{ kind: SubjectKind; subject_id: string; expires_at: number }>(
      'SELECT kind, subject_id, expires_at FROM auth_session WHERE token_hash = $1', [key]);
    const row = rows[0];
    if (row === undefined || row.expires_at <= now) {
      this.cache.delete(key);
      return null;
    }
    let expiresAt = row.expires_at;
    // Slide the expiry once half of the lifetime is used, not on every request.
    if (expiresAt - now < this.options.ttlMs / 2) {
      expiresAt = now + this.options.ttlMs;
      await this.options.db.query('UPDATE auth_session SET expires_at = $2 WHERE token_hash = $1', [key, expiresAt]);
    }
    const session = { kind: row.kind, subjectId: row.subject_id, expiresAt };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { session, checkedAt: now });
    return session;
  }

  async revoke(token: string): Promise<void> {
    const key = hashToken(token);
    this.cache.delete(key);
    await this.options.db.query('DELETE FROM auth_session WHERE token_hash = $1', [key]);
  }

  async purgeExpired(): Promise<void> {
    await this.options.db.query('DELETE FROM auth_session WHERE expires_at <= $1', [this.options.clock.now()]);
  }
}
