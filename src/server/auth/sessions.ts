import { createHash, randomBytes } from 'node:crypto';
import { AccessEndReason } from '../../shared/sync/access-ended';
import type { Clock } from '../../shared/time';
import type { Database, Sql } from '../db/database';

export type SubjectKind = 'analyst' | 'contact';

export interface AuthSession {
  kind: SubjectKind;
  subjectId: string;
  expiresAt: number;
  /** SHA-256 of the token: how a password reset keeps the session of the person who made it. */
  tokenHash: string;
}

/** What a token is worth now: a live session, one the server ended (and why), or nothing. */
export type SessionCheck = { status: 'valid'; session: AuthSession } | { status: 'ended'; kind: SubjectKind; reason: AccessEndReason } | { status: 'none' };

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

export interface SessionStoreOptions {
  db: Database;
  clock: Clock;
  /** How long a token lives without use; each use slides it forward. */
  ttlMs: number;
  /** However much it is used, a token ends this long after its login (default 7 days, or ttlMs if longer). */
  maxLifetimeMs?: number;
}

const DEFAULT_MAX_LIFETIME_MS = 7 * 86_400_000;

interface SessionRow {
  token_hash: string;
  kind: SubjectKind;
  subject_id: string;
  created_at: number;
  expires_at: number;
  end_reason: string | null;
}

interface Lookup {
  key: string;
  resolve(row: SessionRow | undefined): void;
  reject(error: unknown): void;
}

/**
 * Session tokens (SPEC §7): random 256-bit values, kept only as SHA-256 hashes in the database so every node
 * accepts them and a leaked table reveals none. They expire; use slides the expiry forward, up to a maximum
 * lifetime. Every check reads the database: no node trusts a copy, so a session the server ended
 * (auth_session.end_reason, migration 008) is refused by every node from the commit that ended it. The checks
 * that arrive while one read is out share the next one (a poke's wave of pulls costs one statement, as
 * sync/pull.ts does for their heads), and each of those reads starts after its requests arrived.
 */
export class SessionStore {
  private waiting: Lookup[] = [];
  private reading = false;

  constructor(private readonly options: SessionStoreOptions) {}

  /** A new session, written with `sql` (the login's transaction, which holds the credential's lock). */
  async create(kind: SubjectKind, subjectId: string, sql: Sql = this.options.db): Promise<{ token: string; expiresAt: number }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.options.clock.now();
    const expiresAt = Math.min(now + this.options.ttlMs, now + this.maxLifetimeMs);
    await sql.query('INSERT INTO auth_session (token_hash, kind, subject_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [hashToken(token), kind, subjectId, now, expiresAt]);
    return { token, expiresAt };
  }

  async check(token: string): Promise<SessionCheck> {
    const key = hashToken(token);
    const row = await this.lookup(key);
    const now = this.options.clock.now();
    if (row === undefined) return { status: 'none' };
    // An ended session says so until it is purged (at what would have been its expiry).
    const reason = AccessEndReason.safeParse(row.end_reason);
    if (reason.success) return { status: 'ended', kind: row.kind, reason: reason.data };
    if (row.expires_at <= now) return { status: 'none' };
    let expiresAt = row.expires_at;
    // Slide the expiry once half of the lifetime is used, not on every request; never past the maximum lifetime.
    const slid = Math.min(now + this.options.ttlMs, row.created_at + this.maxLifetimeMs);
    if (expiresAt - now < this.options.ttlMs / 2 && slid > expiresAt) {
      expiresAt = slid;
      // Only a live session slides: one ended meanwhile keeps its reason (and its expiry).
      await this.options.db.query('UPDATE auth_session SET expires_at = $2 WHERE token_hash = $1 AND end_reason IS NULL', [key, expiresAt]);
    }
    return { status: 'valid', session: { kind: row.kind, subjectId: row.subject_id, expiresAt, tokenHash: key } };
  }

  private lookup(key: string): Promise<SessionRow | undefined> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ key, resolve, reject });
      if (!this.reading) void this.read();
    });
  }

  private async read(): Promise<void> {
    this.reading = true;
    while (this.waiting.length > 0) {
      // The other requests already received join this read.
      await new Promise((resolve) => setImmediate(resolve));
      const batch = this.waiting;
      this.waiting = [];
      try {
        const { rows } = await this.options.db.query<SessionRow>(
          'SELECT token_hash, kind, subject_id, created_at, expires_at, end_reason FROM auth_session WHERE token_hash = ANY($1::text[])',
          [[...new Set(batch.map((l) => l.key))]]);
        const byKey = new Map(rows.map((r) => [r.token_hash, r]));
        for (const l of batch) l.resolve(byKey.get(l.key));
      } catch (error) {
        for (const l of batch) l.reject(error);
      }
    }
    this.reading = false;
  }

  /** Logout: the token is gone at once, on every node. */
  async revoke(token: string): Promise<void> {
    await this.options.db.query('DELETE FROM auth_session WHERE token_hash = $1', [hashToken(token)]);
  }

  /**
   * Ends every session of one person in the caller's transaction (`keepTokenHash`: the session making the change
   * keeps working); every node hears of it by NOTIFY and closes that person's sockets.
   */
  async endAll(sql: Sql, kind: SubjectKind, subjectId: string, reason: AccessEndReason, keepTokenHash: string | null = null): Promise<number> {
    const { rows } = await sql.query<{ n: number }>('SELECT soe_end_sessions($1, $2, $3, $4) AS n', [kind, subjectId, reason, keepTokenHash]);
    return Number(rows[0]?.n ?? 0);
  }

  async purgeExpired(): Promise<void> {
    await this.options.db.query('DELETE FROM auth_session WHERE expires_at <= $1', [this.options.clock.now()]);
  }

  private get maxLifetimeMs(): number {
    return this.options.maxLifetimeMs ?? Math.max(DEFAULT_MAX_LIFETIME_MS, this.options.ttlMs);
  }
}
