import type { Needs } from '../../shared/mutators/types';
import type { Clock } from '../../shared/time';
import type { Database, Session } from '../db/database';
import { definitionOf, loadRequestOf, prepareMutation, storedResult, WRITE_LOCK, type MutationOutcome, type PendingInput } from './apply';
import { clientAccess } from './client-identity';
import { LoadedContext, loadState, type Loaded, type LoadRequest } from './loaded-context';
import { allocateOcNumber } from './oc-number';
import { PendingWrites, WriteRefused, writeStep } from './pending-writes';
import { refusalOfWrite } from './write-refusal';

/** Under one hold of the writers' lock: at most this many mutations, or about this long, then it is let go. */
const HOLD_MAX_MUTATIONS = 200;
const HOLD_MAX_MS = 50;

interface Submission {
  /** In order; a mutation whose write the database refused is replaced by its refusal and applied again. */
  inputs: PendingInput[];
  requests: LoadRequest[];
  clock: Clock;
  /** Index of the next input to apply. */
  next: number;
  outcomes: MutationOutcome[];
  /** A gap or a forbidden client: the rest of this submission is not applied. */
  stopped: boolean;
  /** The refusal of a refused write could not be recorded either: the submission fails. */
  failure?: unknown;
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

/**
 * The one writer of synced data per database object (in-process nodes sharing a PGlite share it). Pushes that
 * arrive while it works queue up and are applied together in the next hold of the writers' lock (a session-level
 * advisory lock on PostgreSQL, so other nodes wait; PGlite has one connection): one soe_load reads what all of
 * them need, the mutators run on it in order (sync/loaded-context.ts keeps it exact), and each mutation is
 * written in its own transaction — the writes of the hold sent in one round trip. Writers commit in version
 * order, as before; queueing here instead of in PostgreSQL also keeps the pool's connections free for pulls.
 * A push is applied only for the desktop that holds its client id's secret (sync/client-identity.ts); a write
 * the database refuses becomes a refusal (takeBack).
 */
export class GroupWriter {
  private readonly queue: Submission[] = [];
  private running = false;

  constructor(private readonly db: Database) {}

  submit(inputs: readonly PendingInput[], clock: Clock): Promise<MutationOutcome[]> {
    if (inputs.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.queue.push({ inputs: [...inputs], requests: inputs.map(loadRequestOf), clock, next: 0, outcomes: [], stopped: false, resolve, reject });
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
          if (s.failure === undefined && !s.stopped && s.next < s.inputs.length) continue;
          this.queue.splice(this.queue.indexOf(s), 1);
          if (s.failure !== undefined) s.reject(s.failure);
          else s.resolve(s.outcomes);
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
    const writes = new PendingWrites<Submission>(session);
    /** What this hold applied, in order: a refused write takes back everything from it on. */
    const applied: Array<{ s: Submission; index: number }> = [];
    // A failure other than a refused write leaves the lock held: the session then discards its connection, which frees it.
    context.merge(await loadState(this.db, session, prefetch), prefetch);
    try {
      for (const s of group) {
        while (budget > 0 && !s.stopped && s.next < s.inputs.length && performance.now() - started < HOLD_MAX_MS) {
          const outcome = await this.applyOne(session, context, writes, s, s.clock.now());
          s.outcomes.push(outcome);
          applied.push({ s, index: s.next });
          s.next += 1;
          budget -= 1;
          if (outcome.kind === 'gap' || outcome.kind === 'forbidden') s.stopped = true;
        }
      }
      await writes.flush(prefetch.sessionLock ?? null);
    } catch (error) {
      if (!(error instanceof WriteRefused)) throw error;
      this.takeBack(error as WriteRefused<Submission>, applied);
      if (prefetch.sessionLock !== undefined) await writes.unlock(prefetch.sessionLock);
    }
  }

  /**
   * The database refused a write (SPEC §6: one bad change never blocks or breaks another): that mutation becomes
   * its refusal, with the reason, and it and everything the hold applied after it — prepared on state that
   * assumed it applied, and not written — go back to their submissions, to run again in the next hold on state
   * read afresh. Bystanders' mutations are applied as if the bad one had been refused from the start.
   */
  private takeBack(refused: WriteRefused<Submission>, applied: ReadonlyArray<{ s: Submission; index: number }>): void {
    const { owner, index, failure } = refused;
    const from = applied.findIndex((a) => a.s === owner && a.index === index);
    const touched = new Set<Submission>([owner]);
    owner.next = Math.min(owner.next, index);
    for (const a of applied.slice(from < 0 ? applied.length : from)) {
      a.s.next = Math.min(a.s.next, a.index);
      touched.add(a.s);
    }
    for (const s of touched) {
      s.outcomes.length = s.next;
      s.stopped = false;
    }
    const input = owner.inputs[index] as PendingInput;
    if (input.refusal !== undefined) {
      // Even the refusal, which writes only its own record, was refused: a bug to see, not a loop to spin in.
      owner.failure = new Error(`The refusal of ${input.mutationRef} could not be recorded: ${failure.state} ${failure.message}`);
      return;
    }
    const refusal: PendingInput = { ...input, refusal: refusalOfWrite(failure) };
    owner.inputs[index] = refusal;
    owner.requests[index] = loadRequestOf(refusal);
  }

  private async applyOne(session: Session, context: LoadedContext, writes: PendingWrites<Submission>, s: Submission, receivedAt: number): Promise<MutationOutcome> {
    const index = s.next;
    const input = s.inputs[index] as PendingInput;
    const request = s.requests[index] as LoadRequest;
    let loaded: Loaded;
    if (context.covers(request)) {
      loaded = context.stateFor(request);
    } else {
      await writes.flush();
      loaded = await loadState(this.db, session, request);
      context.merge(loaded, request);
    }
    if (input.client !== null) {
      // Only the desktop that holds the id's secret gets anything further: not its results, not its last id.
      const stored = Object.hasOwn(loaded.clientSecrets, input.client.id) ? loaded.clientSecrets[input.client.id] : undefined;
      const denied = clientAccess(stored, input.client.secretHash);
      if (denied !== null) return { kind: 'forbidden', error: denied };
      const last = loaded.lastMutationId ?? 0;
      if (input.client.mutationId <= last) {
        await writes.flush();
        return { kind: 'duplicate', result: await storedResult(session, input.client.id, input.client.mutationId) };
      }
      if (input.client.mutationId > last + 1) return { kind: 'gap', lastMutationId: last };
    }
    if (definitionOf(input)?.allocatesOcNumber === true) {
      // The OC number and the mutation's write commit together (a refusal allocates none, a refused write neither).
      await writes.flush();
      const written = await session.transaction(async (tx) => {
        const prepared = await prepareMutation(input, loaded, receivedAt, () => allocateOcNumber(tx, receivedAt, input.timeZone));
        const step = await writeStep(tx, prepared.payload);
        if ('failed' in step) throw new WriteRefused(s, index, step.failed);
        return { ...prepared, head: 'head' in step ? step.head : 0 };
      });
      context.written(written.applied?.changes ?? [], input.client);
      return { kind: 'applied', result: written.result, applied: written.applied, head: written.head };
    }
    const prepared = await prepareMutation(input, loaded, receivedAt, null);
    const outcome: Extract<MutationOutcome, { kind: 'applied' }> = { kind: 'applied', result: prepared.result, applied: prepared.applied, head: 0 };
    writes.add({ payload: prepared.payload, onHead: (head) => (outcome.head = head), owner: s, index });
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
