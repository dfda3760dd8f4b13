import type { Session, Sql } from '../db/database';
import { isWriteFailure, type WriteFailure } from './write-refusal';

/** A `$tag$…$tag$` literal: taken verbatim by PostgreSQL, with a tag the text does not contain. */
const dollarQuoted = (text: string): string => {
  let n = 0;
  while (text.includes(`$w${n}$`)) n += 1;
  return `$w${n}$${text}$w${n}$`;
};

/** The database refused the write of `owner`'s input `index`; it and the writes after it were not made. */
export class WriteRefused<O> extends Error {
  constructor(readonly owner: O, readonly index: number, readonly failure: WriteFailure) {
    super(`write refused: ${failure.state} ${failure.message}`);
    this.name = 'WriteRefused';
  }
}

/** One soe_write_step answer (migration 008). */
export type Step = { head: number } | { failed: WriteFailure } | { skipped: true };

const stepOf = (value: unknown): Step => {
  const step = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown> | null | undefined;
  if (typeof step !== 'object' || step === null) throw new Error('soe_write_step gave no answer');
  if (isWriteFailure(step.failed)) return { failed: step.failed };
  if (step.skipped === true) return { skipped: true };
  return { head: Number(step.head ?? 0) };
};

/** One write on its own (inside the caller's transaction, if any). */
export const writeStep = async (sql: Sql, payload: string): Promise<Step> =>
  stepOf((await sql.query<{ step: unknown }>('SELECT soe_write_step($1, false) AS step', [payload])).rows[0]?.step);

export interface PendingWrite<O> {
  payload: string;
  onHead(head: number): void;
  /** Whose write it is (the writer's submission) and which of its inputs. */
  owner: O;
  index: number;
}

/**
 * The writes of a hold, sent together: each mutation still BEGINs and COMMITs on its own, in order, but where
 * the driver allows (PostgreSQL) they travel in one round trip, with the lock's release after the last COMMIT.
 * A write the database refuses fails alone (soe_write_step's subtransaction) and the ones after it are skipped
 * (they were prepared on state that assumed it applied): the flush throws WriteRefused for the writer to sort out.
 */
export class PendingWrites<O> {
  private entries: Array<PendingWrite<O>> = [];
  private unlocked = false;

  constructor(private readonly session: Session) {}

  add(entry: PendingWrite<O>): void {
    this.entries.push(entry);
  }

  async flush(unlock: number | null = null): Promise<void> {
    const entries = this.entries;
    this.entries = [];
    const steps: Step[] = [];
    if (this.session.script !== undefined && (entries.length > 1 || (entries.length > 0 && unlock !== null))) {
      const text = "SELECT set_config('soe.write_failed', '', false);\n"
        + entries.map((e) => `BEGIN; SELECT soe_write_step(${dollarQuoted(e.payload)}, true) AS step; COMMIT;`).join('\n')
        + (unlock === null ? '' : `\nSELECT pg_advisory_unlock(${unlock});`);
      const results = await this.session.script(text);
      if (unlock !== null) this.unlocked = true;
      entries.forEach((_, i) => steps.push(stepOf(results[2 + i * 3]?.rows[0]?.step)));
    } else {
      for (const entry of entries) {
        const step = await writeStep(this.session, entry.payload);
        steps.push(step);
        if ('failed' in step) break;
      }
      if (unlock !== null && !steps.some((step) => 'failed' in step)) await this.unlock(unlock);
    }
    for (const [i, step] of steps.entries()) {
      const entry = entries[i] as PendingWrite<O>;
      if ('head' in step) {
        entry.onHead(step.head);
        continue;
      }
      if ('failed' in step) throw new WriteRefused(entry.owner, entry.index, step.failed);
      // Skipped only after a failure in the same script (which every script resets first).
      throw new Error('soe_write_step skipped a write no failure preceded');
    }
  }

  /** Lets the writers' lock go, once (a refused write may have ended the hold before the last flush). */
  async unlock(lock: number): Promise<void> {
    if (this.unlocked) return;
    this.unlocked = true;
    await this.session.query('SELECT pg_advisory_unlock($1)', [lock]);
  }
}
