import { domainError, DomainFailure, isDomainError, type Analyst, type DomainError, type OcEvent, type SlaConfig } from '../../shared/domain';
import { mutators, type MutatorName } from '../../shared/mutators/registry';
import { runMutator } from '../../shared/mutators/run';
import { movesClocks } from '../../shared/sla/clocks';
import type { Change, MutatorDef } from '../../shared/mutators/types';
import type { Clock } from '../../shared/time';
import type { Db } from '../db/connection';
import { insertEvents } from '../db/events';
import { currentSlaConfig, loadState } from '../db/loader';
import { getMeta, setMeta } from '../db/meta';
import { appendOutbox } from '../db/outbox';
import { writeChanges } from '../db/writer';

/** Recomputes the SLA columns of the given OCs from their event logs (the pure SLA function). */
export type SlaDeriver = (db: Db, ocIds: Iterable<string>, now: number) => void;

export interface LocalStoreDeps {
  db: Db;
  /** Local clock corrected by the measured server offset. */
  clock: Clock;
  timeZone: string;
  deriveSla: SlaDeriver;
}

export interface LocalResult {
  mutationId: number | null;
  changes: Change[];
  events: OcEvent[];
}

const clientIds = new WeakMap<Db, string>();

/** This replica's client id, made on first use; it never changes afterwards, so it is read once per connection. */
export const clientIdOf = (db: Db): string => {
  let id = clientIds.get(db) ?? getMeta(db, 'clientId');
  if (id === undefined) {
    id = globalThis.crypto.randomUUID();
    setMeta(db, 'clientId', id);
  }
  clientIds.set(db, id);
  return id;
};

const requireConfig = (db: Db): SlaConfig => {
  const config = currentSlaConfig(db);
  if (config === undefined) throw new Error('The local replica has no SLA configuration: seed or sync it first.');
  return config;
};

/**
 * Applies a mutation to the replica in ONE transaction: the view rows, the events and the outbox row (SPEC §6).
 * A refused mutation writes nothing and returns the DomainError. A mutation that changes nothing is not queued.
 */
export const applyLocal = (
  deps: LocalStoreDeps,
  name: MutatorName,
  args: unknown,
  actor: Analyst,
  replay?: { mutationId: number; clientTime: number },
  /** Runs inside the mutation's transaction after it applied (attachments bound to its interaction); a throw rolls all back. */
  within?: (db: Db) => void,
): LocalResult | DomainError => {
  const { db } = deps;
  const clientId = clientIdOf(db);
  const now = deps.clock.now();
  const run = db.transaction((): LocalResult => {
    const config = requireConfig(db);
    const def = mutators[name] as MutatorDef;
    const state = loadState(db, def.needs(args, { kind: 'analyst', analyst: actor }), config);
    const actedAt = replay?.clientTime ?? now;
    const mutationId = replay?.mutationId ?? appendOutbox(db, { name, args, clientTime: actedAt, actorId: actor.id }, now);
    const applied = runMutator(name, state, args, {
      actor: { kind: 'analyst', analyst: actor },
      actedAt,
      receivedAt: actedAt,
      mutationRef: `${clientId}:${mutationId}`,
      ocNumber: null,
      timeZone: deps.timeZone,
    });
    if (isDomainError(applied)) throw new DomainFailure(applied);
    if (applied.changes.length === 0 && applied.events.length === 0 && replay === undefined) {
      throw new NothingChanged();
    }
    writeChanges(db, applied.changes, { optimistic: true, serverVersion: 0 });
    insertEvents(db, applied.events, true);
    // SLA columns derive from the event log alone: an OC whose new events cannot move a clock keeps its columns
    // (an internal note, a customer's reply, an N1 take), which are right until their sla_next_at as before.
    const moved = new Set<string>();
    for (const event of applied.events) if (movesClocks(event) || event.at > now) moved.add(event.ocId);
    deps.deriveSla(db, moved, now);
    within?.(db);
    return { mutationId, changes: applied.changes, events: applied.events };
  });
  try {
    return run();
  } catch (error) {
    if (error instanceof NothingChanged) return { mutationId: null, changes: [], events: [] };
    if (error instanceof DomainFailure) return error.error;
    throw error;
  }
};

/** Internal signal to roll back the outbox row of a mutation that changed nothing. */
class NothingChanged extends Error {}

export const unknownMutation = (name: string): DomainError =>
  domainError('UNKNOWN_METHOD', { 'pt-BR': `Operação desconhecida: ${name}`, en: `Unknown operation: ${name}` });
