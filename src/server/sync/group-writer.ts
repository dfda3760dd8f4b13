import type { Needs } from '../../shared/mutators/types';
import type { Clock } from '../../shared/time';
import type { Database, Session } from '../db/database';
import { definitionOf, loadRequestOf, prepareMutation, storedResult, WRITE_LOCK, type MutationOutcome, type PendingInput } from './apply';
import { LoadedContext, loadState, type Loaded, type LoadRequest } from './loaded-context';
import { allocateOcNumber } from './oc-number';

/** Under one hold of the writers' lock: at most this many mutations, or about this long, then it is let go. */
const HOLD_MAX_MUTATIONS = 200;
const HOLD_MAX_MS = 50;

interface Submission {
  inputs: readonly PendingInput[];
  requests: readonly LoadRequest[];
  clock: Clock;
  /** Index of the next input to apply. */
  next: number;
  outcomes: MutationOutcome[];
  /** A gap: the rest of this submission is not applied. */
  stopped: boolean;
  resolve(outcomes: MutationOutcome[]): void;
  reject(error: unknown): void;
}

const ROW_KEYS = ['ocorrencias', 'customers', 'analysts', 'contacts', 'recados', 'interactions', 'loadOf'] as const;

/** What the mutations of a group read, in one soe_load: their rows, their clients' ids, their actors' rows. */
const unionOf = (requests: readonly LoadRequest[]): LoadRequest => {
  const first = requests[0] as LoadRequest;
  const needs: Needs = { ...first.needs };
  for (const key of ROW_KEYS) {
    const ids = new Set(requests.flatMap((r) => r.needs[key] ?? []));
    if (key === 'analysts') for (const r of requests) if (r.actorAnalystId !== null) ids.add(r.actorAnalystId);
    if (key === 'contacts') for (const r of requests) if (r.actorContactId !== null) ids.add(r.actorContactId);
    if (ids.size > 0) needs[key] = [...ids];
  }
  return { ...first, needs, clientIds: [...new Set(requests.flatMap((r) => r.clientIds))] };
};

/** A `$tag$…$tag$` literal: taken verbatim by PostgreSQL, with a tag the text does not contain. */
const dollarQuoted = (text: string): string => {
  let n = 0;
  while (text.includes(`$w${n}$`)) n += 1;
  return `$w${n}$${text}$w${n}$`;
};

/**
 * The writes of a hold, sent together: each mutation still BEGINs and COMMITs on its own, in order, but where
 * the driver allows (PostgreSQL) they travel in one round trip, with the lock's release after the last COMMIT.
 */
class PendingWrites {
  private payloads: string[] = [];
  private heads: Array<(head: number) => void> = [];

  constructor(private readonly session: Session) {}

  add(payload: string, onHead: (head: number) => void): void {
    this.payloads.push(payload);
    this.heads.push(onHead);
  }

  async flush(unlock: number | null = null): Promise<void> {
    const payloads = this.payloads;
    const heads = this.heads;
    this.payloads = [];
    this.heads = [];
    if (this.session.script !== undefined && (payloads.length > 1 || (payloads.length > 0 && unlock !== null))) {
      const text = payloads.map((p) => `BEGIN; SELECT soe_write(${dollarQuoted(p)}::jsonb) AS head; COMMIT;`).join('\n')
        + (unlock === null ? '' : `\nSELECT pg_advisory_unlock(${unlock});`);
      const results = await this.session.script(text);
      heads.forEach((onHead, i) => onHead(Number(results[i * 3 + 1]?.rows[0]?.head ?? 0)));
      return;
    }
    for (const [i, payload] of payloads.entries()) {
      const { rows } = await this.session.query<{ head: number }>('SELECT soe_write($1::jsonb) AS head', [payload]);
      heads[i]?.(rows[0]?.head ?? 0);
    }
    if (unlock !== null) await this.session.query('SELECT pg_advisory_unlock($1)', [unlock]);
  }
}

/**
 * The one writer of synced data per database object (in-process nodes sharing a PGlite share it). Pushes that
 * arrive while it works queue up and are applied together in the next hold of the writers' lock (a session-level
 * advisory lock on PostgreSQL, so other nodes wait; PGlite has one connection): one soe_load reads what all of
 * them need, the mutators run on it in order (sync/loaded-context.ts keeps it exact), and each mutation is
 * written in its own transaction — the writes of the hold sent in one round trip. Writers commit in version
 * order, as before; queueing here instead of in PostgreSQL also keeps the pool's connections free for pulls.
 */
export class GroupWriter {
  private readonly queue: Submission[] = [];
  private running = false;

  constructor(private readonly db: Database) {}

  submit(inputs: readonly PendingInput[], clock: Clock): Promise<MutationOutcome[]> {
    if (inputs.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.queue.push({ inputs, requests: inputs.map(loadRequestOf), clock, next: 0, outcomes: [], stopped: false, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0) {
        // Let the requests already received join this group (PGlite answers without yielding to the network).
        await new Promise((resolve) => setImmediate(resolve));
        const group = [...this.queue];
        try {
          await this.db.session((session) => this.hold(session, group));
        } catch (error) {
          for (const s of group) {
            this.queue.splice(this.queue.indexOf(s), 1);
            s.reject(error);
          }
          continue;
        }
        for (const s of group) {
          if (!s.stopped && s.next < s.inputs.length) continue;
          this.queue.splice(this.queue.indexOf(s), 1);
          s.resolve(s.outcomes);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async hold(session: Session, group: readonly Submission[]): Promise<void> {
    const started = performance.now();
    let budget = HOLD_MAX_MUTATIONS;
    const upcoming = group.flatMap((s) => s.requests.slice(s.next, s.next + budget)).slice(0, budget);
    const prefetch: LoadRequest = { ...unionOf(upcoming), ...(this.db.concurrentWriters ? { sessionLock: WRITE_LOCK } : {}) };
    const context = new LoadedContext();
    const writes = new PendingWrites(session);
    context.merge(await loadState(this.db, session, prefetch), prefetch);
    for (const s of group) {
      while (budget > 0 && !s.stopped && s.next < s.inputs.length && performance.now() - started < HOLD_MAX_MS) {
        const outcome = await this.applyOne(session, context, writes, s.inputs[s.next] as PendingInput, s.requests[s.next] as LoadRequest, s.clock.now());
        s.outcomes.push(outcome);
        s.next += 1;
        budget -= 1;
        if (outcome.kind === 'gap') s.stopped = true;
      }
    }
    // A failure before this point leaves the lock held: the session then discards its connection, which frees it.
    await writes.flush(prefetch.sessionLock ?? null);
  }

  private async applyOne(session: Session, context: LoadedContext, writes: PendingWrites, input: PendingInput, request: LoadRequest, receivedAt: number): Promise<MutationOutcome> {
    let loaded: Loaded;
    if (context.covers(request)) {
      loaded = context.stateFor(request);
    } else {
      await writes.flush();
      loaded = await loadState(this.db, session, request);
      context.merge(loaded, request);
    }
    if (input.client !== null) {
      const last = loaded.lastMutationId ?? 0;
      if (input.client.mutationId <= last) {
        await writes.flush();
        return { kind: 'duplicate', result: await storedResult(session, input.client.id, input.client.mutationId) };
      }
      if (input.client.mutationId > last + 1) return { kind: 'gap', lastMutationId: last };
    }
    if (definitionOf(input)?.allocatesOcNumber === true) {
      // The OC number and the mutation's write commit together (a refusal allocates none).
      await writes.flush();
      const written = await session.transaction(async (tx) => {
        const prepared = await prepareMutation(input, loaded, receivedAt, () => allocateOcNumber(tx, receivedAt, input.timeZone));
        const { rows } = await tx.query<{ head: number }>('SELECT soe_write($1::jsonb) AS head', [prepared.payload]);
        return { ...prepared, head: rows[0]?.head ?? 0 };
      });
      context.written(written.applied?.changes ?? [], input.client);
      return { kind: 'applied', result: written.result, applied: written.applied, head: written.head };
    }
    const prepared = await prepareMutation(input, loaded, receivedAt, null);
    const outcome: Extract<MutationOutcome, { kind: 'applied' }> = { kind: 'applied', result: prepared.result, applied: prepared.applied, head: 0 };
    writes.add(prepared.payload, (head) => (outcome.head = head));
    context.written(prepared.applied?.changes ?? [], input.client);
    return outcome;
  }
}

const writers = new WeakMap<Database, GroupWriter>();

export const groupWriterOf = (db: Database): GroupWriter => {
  let writer = writers.get(db);
  if (writer === undefined) {
    writer = new GroupWriter(db);
    writers.set(db, writer);
  }
  return writer;
};
