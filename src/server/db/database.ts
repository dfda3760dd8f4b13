// The server's storage behind one small interface, so the same code runs on PostgreSQL (`pg`, several nodes)
// and on PGlite (PostgreSQL in WASM, in-process: the embedded default of SPEC §7).

export interface SqlResult<T> {
  rows: T[];
}

export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<SqlResult<T>>;
}

/** One connection for several statements outside a transaction, with transactions of its own when needed. */
export interface Session extends Sql {
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * Several statements without parameters in one round trip (PostgreSQL's simple query), results in order; it
   * stops at the first error. Absent where a round trip costs nothing (PGlite runs in this process).
   */
  script?(text: string): Promise<Array<SqlResult<Record<string, unknown>>>>;
}

export interface Database extends Sql {
  readonly kind: 'postgres' | 'pglite';
  /**
   * Whether writers must take the global write lock. PGlite is a single connection, so its transactions are
   * already serial; PostgreSQL serialises version allocation with an advisory lock (see sync/apply.ts).
   */
  readonly concurrentWriters: boolean;
  transaction<T>(work: (tx: Sql) => Promise<T>, options?: { isolation?: 'read committed' | 'repeatable read'; readOnly?: boolean }): Promise<T>;
  /**
   * Runs `work` on one connection (PostgreSQL: one pool client; PGlite: its only one), each statement committing
   * on its own unless in `transaction`: a writer holds a session-level lock across several commits this way. If
   * `work` throws, the PostgreSQL connection is discarded, so a lock it held cannot outlive the failure.
   */
  session<T>(work: (session: Session) => Promise<T>): Promise<T>;
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  /**
   * Subscribes to NOTIFY on a channel; returns the unsubscribe function. `onResume` is called when the
   * subscription was lost (PostgreSQL restarted) and listens again: notifications sent meanwhile were missed.
   */
  listen(channel: string, onPayload: (payload: string) => void, onResume?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** The channel every commit that changed synced data notifies, with the new head version as payload. */
export const CHANGES_CHANNEL = 'soe_changes';
/** The channel that wakes the e-mail sender of every node. */
export const MAIL_CHANNEL = 'soe_mail';
