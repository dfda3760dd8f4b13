import type { DomainError } from '../../shared/domain';
import type { Clock } from '../../shared/time';
import type { Database, Sql } from '../db/database';
import { ChangeLog } from './change-log';
import { clientAccess } from './client-identity';

export interface PullPage {
  /** The response body, already serialised: rows go out as the JSON text PostgreSQL holds, never re-parsed. */
  body: string;
  count: number;
  cursor: number;
  hasMore: boolean;
}

/** The newest version handed out (the hello's hint; it may not be committed yet, so it is never a pull's head). */
export const headVersion = async (sql: Sql): Promise<number> => {
  const { rows } = await sql.query<{ head: number }>('SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS head FROM change_version');
  return rows[0]?.head ?? 0;
};

/** A page of changes above a cursor as one snapshot saw it; `head` is that snapshot's committed head. */
interface SharedPage {
  changes: string;
  count: number;
  next: number;
  head: number;
}

/**
 * What a poke may carry (beyond it, it says "pull"): a busy second of a large team's changes. The same bytes
 * would go to every desktop in its own pull anyway; carried, they cost one read of the log instead of one per
 * desktop.
 */
const CARRY_ROWS = 2_000;
const CARRY_CHARS = 1_000_000;

/** Pages kept for pulls that come later (the desktops a poke woke up); big pages (initial syncs) are not kept. */
const KEPT_PAGES = 32;
const KEPT_PAGE_CHARS = 1_000_000;

/**
 * Pulls of one node (SPEC §6: changes since a cursor plus the client's lastMutationId). After a poke every
 * desktop asks for the same range, so a page is read once and shared: each pull first reads its client's last
 * mutation id together with the committed head (one snapshot S1, shared by the pulls that arrive together),
 * then takes a page read in a snapshot at least as new — one whose head is at least S1's. Every mutation S1
 * counts as applied has its versions at or below S1's head (writers commit in version order), so the page
 * contains its effects, as when both were read in one snapshot. A pull with nothing new reads no page; a
 * recent cursor is answered from the node's log of recent changes (sync/change-log.ts), an older one (an initial
 * sync, a desktop back from hours offline) from a database page shared by the pulls that ask for the same one.
 */
export class PullPages {
  private readonly pages = new Map<string, Promise<SharedPage>>();
  private waiting: Array<{ clientId: string; secretHash: string; resolve(head: { last: number; head: number } | DomainError): void; reject(error: unknown): void }> = [];
  private reading = false;
  private readonly log: ChangeLog;

  constructor(private readonly db: Database, private readonly clock: Clock) {
    this.log = new ChangeLog(db);
  }

  /**
   * A page for the desktop that holds `clientId`'s secret (its hash: `secretHash`); anyone else gets the refusal
   * and learns nothing of the client (not its last mutation id).
   */
  async pull(clientId: string, secretHash: string, cursor: number, limit: number): Promise<PullPage | DomainError> {
    const heads = await this.headOf(clientId, secretHash);
    if ('kind' in heads) return heads;
    const { last, head } = heads;
    const page = cursor >= head ? { changes: '', count: 0, next: cursor, head } : ((await this.log.page(cursor, limit, head)) ?? (await this.page(cursor, limit, head)));
    // A full page, or a window of versions that ended below the head (sparse versions: see migration 012).
    const hasMore = page.count === limit || page.next < page.head;
    const body = `{"changes":[${page.changes}],"cursor":${page.next},"hasMore":${hasMore},"head":${Math.max(page.head, page.next)},` +
      `"lastMutationId":${last},"serverTime":${this.clock.now()}}`;
    return { body, count: page.count, cursor: page.next, hasMore };
  }

  /**
   * The changes above `from` up to a committed head of at least `atLeast`, for a poke to carry: from the node's
   * log only (one read for every desktop the poke reaches), and only when they are few (at most CARRY_ROWS rows
   * and CARRY_CHARS characters); otherwise null and the poke says only "pull".
   */
  async carried(from: number, atLeast: number): Promise<{ changes: string; head: number } | null> {
    const page = await this.log.page(from, CARRY_ROWS + 1, atLeast);
    if (page === null || page.count > CARRY_ROWS || page.changes.length > CARRY_CHARS) return null;
    return { changes: page.changes, head: page.next };
  }

  /**
   * The client's last mutation id and the committed head, in one snapshot taken after the pull arrived, read
   * with the client's secret hash (checked here: no extra statement). Pulls that arrive while one read is out
   * share the next one (a poke's wave of pulls costs a few statements).
   */
  private headOf(clientId: string, secretHash: string): Promise<{ last: number; head: number } | DomainError> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ clientId, secretHash, resolve, reject });
      if (!this.reading) void this.readHeads();
    });
  }

  private async readHeads(): Promise<void> {
    this.reading = true;
    while (this.waiting.length > 0) {
      // The other pulls of the same wave, already received, join this read.
      await new Promise((resolve) => setImmediate(resolve));
      const batch = this.waiting;
      this.waiting = [];
      try {
        const { rows } = await this.db.query<{ client_id: string; last_mutation_id: number | null; secret_hash: string | null; head: number }>(
          'SELECT client_id, last_mutation_id, secret_hash, head FROM soe_pull_clients($1::text[])', [[...new Set(batch.map((w) => w.clientId))]]);
        const byClient = new Map(rows.map((r) => [r.client_id, r]));
        const head = rows[0]?.head ?? 0;
        for (const w of batch) {
          const row = byClient.get(w.clientId);
          // No row for the id (LEFT JOIN with nothing): never registered.
          const denied = clientAccess(row === undefined || row.last_mutation_id === null ? undefined : row.secret_hash, w.secretHash);
          w.resolve(denied ?? { last: row?.last_mutation_id ?? 0, head });
        }
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    this.reading = false;
  }

  /** The page above `cursor` from a snapshot whose committed head is at least `atLeast`: shared, or read now. */
  private async page(cursor: number, limit: number, atLeast: number): Promise<SharedPage> {
    const key = `${cursor}:${limit}`;
    let entry = this.pages.get(key);
    for (;;) {
      const own = entry === undefined;
      entry ??= this.read(key, cursor, limit);
      const page = await entry;
      // A read started after this pull's first statement is at least as new by construction.
      if (own || page.head >= atLeast) return page;
      // Read before this pull's snapshot: a newer read, if another pull started one meanwhile, or our own.
      const current = this.pages.get(key);
      entry = current !== entry ? current : undefined;
    }
  }

  private read(key: string, cursor: number, limit: number): Promise<SharedPage> {
    const reading = this.db.query<{ body: string; n: number; next: number; head: number }>('SELECT body, n, next, head FROM soe_pull_page($1, $2)', [cursor, limit])
      .then(({ rows }) => {
        const row = rows[0] as { body: string; n: number; next: number; head: number };
        return { changes: row.body, count: row.n, next: row.next, head: row.head };
      });
    this.pages.delete(key);
    this.pages.set(key, reading);
    if (this.pages.size > KEPT_PAGES) this.pages.delete(this.pages.keys().next().value as string);
    const forget = () => {
      if (this.pages.get(key) === reading) this.pages.delete(key);
    };
    reading.then((page) => page.changes.length > KEPT_PAGE_CHARS && forget(), forget);
    return reading;
  }
}
