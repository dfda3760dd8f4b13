import type { Database } from '../db/database';

/** Rows read per extension; a burst beyond it restarts the log after it (pulls below go to the database). */
const EXTEND_ROWS = 5_000;
/** Entries kept; past it the older half is let go. */
const KEPT_ENTRIES = 20_000;

export interface LoggedPage {
  /** The changes' JSON objects, comma-separated (the server's own text, never re-serialised). */
  changes: string;
  count: number;
  /** The last version in the page when it is full; otherwise the log's top (every version up to it was looked at). */
  next: number;
  /** The committed head the log has caught up to (at least what the caller asked for). */
  head: number;
}

/**
 * A node's in-memory copy of the recent changes, so the pulls a poke causes — every desktop, each from wherever
 * its cursor is — read no database page: the log is extended with what committed since its top (one read for a
 * whole wave of pulls), and answers any cursor at or above its floor.
 *
 * It holds, for every synced row whose current version is in (floor, top], that version's change and nothing
 * else (a row changed again replaces its older entry): exactly what a database page from a cursor at or above the
 * floor would return, in a snapshot whose committed head is `top`. Writers commit in version order, so each
 * extension — rows above `top` plus the head, read in one snapshot — keeps that true.
 */
export class ChangeLog {
  private versions: number[] = [];
  private texts: Array<string | null> = [];
  private keys: string[] = [];
  private readonly indexOf = new Map<string, number>();
  private floor = 0;
  private top = -1;
  private extending: Promise<void> | null = null;

  constructor(private readonly db: Database) {}

  /**
   * The page above `cursor` as of a committed head of at least `atLeast`, or null when the log does not reach
   * that far back (the caller reads the database).
   */
  async page(cursor: number, limit: number, atLeast: number): Promise<LoggedPage | null> {
    while (this.top < atLeast) await this.extend();
    if (cursor < this.floor) return null;
    const parts: string[] = [];
    let next = cursor;
    for (let i = this.firstAbove(cursor); i < this.versions.length && parts.length < limit; i += 1) {
      const text = this.texts[i];
      if (text === null || text === undefined) continue;
      parts.push(text);
      next = this.versions[i] as number;
    }
    // Not full: every version up to the log's top was looked at, so the cursor moves there (not only to the last row).
    return { changes: parts.join(','), count: parts.length, next: parts.length < limit ? Math.max(next, this.top) : next, head: this.top };
  }

  /** One read at a time; pulls arriving meanwhile wait for it and check again. */
  private extend(): Promise<void> {
    this.extending ??= this.read().finally(() => {
      this.extending = null;
    });
    return this.extending;
  }

  private async read(): Promise<void> {
    // The first read only learns the head: the log starts empty there (older cursors read database pages).
    const from = this.top < 0 ? Number.MAX_SAFE_INTEGER : this.top;
    const { rows } = await this.db.query<{ change_table: string | null; change_version: number | null; change_key: string | null; body: string | null; head: number }>(
      'SELECT change_table, change_version, change_key, body, head FROM soe_pull_rows($1, $2)', [from, EXTEND_ROWS]);
    const head = rows[0]?.head ?? 0;
    const changes = rows.filter((r) => r.change_table !== null);
    if (this.top < 0 || changes.length >= EXTEND_ROWS) {
      // First use, or more than one read's worth at once: start empty at the head.
      this.reset(head);
      return;
    }
    for (const row of changes) {
      const key = `${row.change_table}:${row.change_key}`;
      const before = this.indexOf.get(key);
      if (before !== undefined) this.texts[before] = null;
      this.indexOf.set(key, this.versions.length);
      this.versions.push(row.change_version as number);
      this.texts.push(row.body);
      this.keys.push(key);
    }
    this.top = Math.max(this.top, head);
    if (this.versions.length > KEPT_ENTRIES) this.dropOlderHalf();
  }

  private reset(head: number): void {
    this.versions = [];
    this.texts = [];
    this.keys = [];
    this.indexOf.clear();
    this.floor = head;
    this.top = head;
  }

  /** Lets the older half go: the floor rises to the last version dropped. */
  private dropOlderHalf(): void {
    const cut = Math.floor(this.versions.length / 2);
    this.floor = this.versions[cut - 1] as number;
    const keep = (i: number) => i >= cut && this.texts[i] !== null;
    const versions: number[] = [];
    const texts: string[] = [];
    const keys: string[] = [];
    this.indexOf.clear();
    for (let i = 0; i < this.versions.length; i += 1) {
      if (!keep(i)) continue;
      this.indexOf.set(this.keys[i] as string, versions.length);
      versions.push(this.versions[i] as number);
      texts.push(this.texts[i] as string);
      keys.push(this.keys[i] as string);
    }
    this.versions = versions;
    this.texts = texts;
    this.keys = keys;
  }

  private firstAbove(cursor: number): number {
    let lo = 0;
    let hi = this.versions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.versions[mid] as number) <= cursor) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
