import { domainError, isDomainError, type Analyst, type Contact, type DomainError } from '../../shared/domain';
import { mutators, type MutatorName } from '../../shared/mutators/registry';
import { runMutator, type AppliedMutation } from '../../shared/mutators/run';
import type { Change, MutationState, MutatorDef } from '../../shared/mutators/types';
import type { Actor } from '../../shared/oc/actor';
import { actorId } from '../../shared/oc/actor';
import type { MutationResult } from '../../shared/sync/protocol';
import type { Clock } from '../../shared/time';
import type { Database, Sql } from '../db/database';
import { groupWriterOf } from './group-writer';
import type { Loaded, LoadRequest } from './loaded-context';
import { storableJson } from './write-refusal';

/**
 * Arbitrary constant: the advisory lock every writer holds on PostgreSQL while it allocates versions and commits
 * (a batch holds it for the session across its mutations' commits). Writers commit in the order they got their
 * versions, so a pull that has seen version N has seen every version below N.
 */
export const WRITE_LOCK = 5_310_002;

/** Who acts, by id: the row is read inside the transaction (server truth, never the client's copy). */
export type ActorRef = { kind: 'analyst'; id: string } | { kind: 'contact'; id: string } | { kind: 'system'; name: string };

export interface MutationInput {
  /** A mutator name; anything else must come with a `refusal`. */
  name: string;
  /** Arguments already parsed with parseMutationArgs. */
  args: unknown;
  actor: ActorRef;
  /** The client's time for the action (already corrected by its server-clock offset); clamped to receipt. */
  clientTime: number;
  receivedAt: number;
  /** `${clientId}:${mutationId}`, the prefix of the event ids. */
  mutationRef: string;
  /**
   * Idempotency record of a desktop client, with the hash of the secret the request carried (checked against the
   * client's before anything else: sync/client-identity.ts); null for Extranet requests and server jobs.
   */
  client: { id: string; mutationId: number; secretHash: string } | null;
  timeZone: string;
  /** Where the request came from, for the audit log ("push", "extranet", "job:auto-close"). */
  source: string;
  /** Refused before running (unknown name, invalid arguments): recorded like any refusal, nothing else written. */
  refusal?: DomainError;
}

export type MutationOutcome =
  | { kind: 'applied'; result: MutationResult; applied: AppliedMutation | null; head: number }
  | { kind: 'duplicate'; result: MutationResult }
  | { kind: 'gap'; lastMutationId: number }
  /** The request does not hold its client id's secret: nothing is applied, answered or revealed. */
  | { kind: 'forbidden'; error: DomainError };

const unknownActor = (): DomainError =>
  domainError('ACTOR_UNKNOWN', { 'pt-BR': 'Usuário não encontrado no servidor.', en: 'User not found on the server.' });

const resolveActor = (ref: ActorRef, loaded: Loaded): Actor | DomainError => {
  if (ref.kind === 'system') return { kind: 'system', id: 'system', name: ref.name };
  if (ref.kind === 'analyst') return loaded.actorAnalyst === null ? unknownActor() : { kind: 'analyst', analyst: loaded.actorAnalyst };
  if (loaded.actorContact === null || !loaded.actorContact.active) return unknownActor();
  return { kind: 'contact', contact: loaded.actorContact };
};

/** A mutator that throws is a bug; it is refused (and logged) rather than blocking its client's outbox forever. */
const runSafely = (name: MutatorName, state: MutationState, args: unknown, ctx: Parameters<typeof runMutator>[3]): AppliedMutation | DomainError => {
  try {
    return runMutator(name, state, args, ctx);
  } catch (error) {
    return domainError('INTERNAL', {
      'pt-BR': `Erro interno no servidor ao aplicar a alteração: ${error instanceof Error ? error.message : String(error)}`,
      en: `Internal server error applying the change: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
};

/** The last change of each row wins inside one mutation (one upsert per row per statement). */
const lastPerRow = (changes: readonly Change[]): Change[] => {
  const byKey = new Map<string, Change>();
  for (const change of changes) {
    const key = change.table === 'sla_config' ? String(change.row.version) : change.row.id;
    byKey.delete(`${change.table}:${key}`);
    byKey.set(`${change.table}:${key}`, change);
  }
  return [...byKey.values()];
};

const resultOf = (id: number, outcome: AppliedMutation | DomainError): MutationResult =>
  isDomainError(outcome)
    ? { id, ok: false, error: outcome.details === undefined ? { code: outcome.code, message: outcome.message } : { code: outcome.code, message: outcome.message, details: outcome.details } }
    : { id, ok: true };

export const storedResult = async (tx: Sql, clientId: string, mutationId: number): Promise<MutationResult> => {
  const { rows } = await tx.query<{ result: MutationResult }>('SELECT result FROM client_mutation WHERE client_id = $1 AND mutation_id = $2', [clientId, mutationId]);
  // Results are pruned after a while; an id that old was applied (or refused) long ago.
  return rows[0]?.result ?? { id: mutationId, ok: true };
};

/** A mutation to apply; its receipt time is read when its turn comes. */
export type PendingInput = Omit<MutationInput, 'receivedAt'>;

export const definitionOf = (input: PendingInput): MutatorDef | undefined =>
  input.refusal === undefined ? (mutators as Record<string, MutatorDef>)[input.name] : undefined;

/** What a mutation reads: its mutator's `needs` (for an actor known only by id), its client, its actor. */
export const loadRequestOf = (input: PendingInput): LoadRequest => {
  const def = definitionOf(input);
  const actorForNeeds: Actor = input.actor.kind === 'system'
    ? { kind: 'system', id: 'system', name: input.actor.name }
    : input.actor.kind === 'analyst'
      ? { kind: 'analyst', analyst: { id: input.actor.id } as Analyst }
      : { kind: 'contact', contact: { id: input.actor.id } as Contact };
  return {
    needs: def === undefined ? {} : def.needs(input.args, actorForNeeds),
    clientIds: input.client === null ? [] : [input.client.id],
    actorAnalystId: input.actor.kind === 'analyst' ? input.actor.id : null,
    actorContactId: input.actor.kind === 'contact' ? input.actor.id : null,
  };
};

export interface Prepared {
  result: MutationResult;
  applied: AppliedMutation | null;
  /** soe_write's argument. */
  payload: string;
}

/**
 * Runs a mutation on its loaded state (duplicate and gap checks already done) and builds its write. For an
 * `allocatesOcNumber` mutator, `ocNumber` is called once the mutator accepted the OC — inside the mutation's
 * transaction, so refusals never burn a number — and the mutator runs again with it.
 */
export const prepareMutation = async (input: PendingInput, loaded: Loaded, receivedAt: number, ocNumber: (() => Promise<string>) | null): Promise<Prepared> => {
  if (loaded.slaConfig === null) throw new Error('The server database has no SLA configuration: seed it first.');
  const state: MutationState = { ...loaded, slaConfig: loaded.slaConfig };
  const actor = resolveActor(input.actor, loaded);
  const ctx = {
    actor: isDomainError(actor) ? ({ kind: 'system', id: 'system', name: 'unknown' } as Actor) : actor,
    // Internal actions keep their own (offset-corrected) time, never later than the server saw them — nor earlier
    // than the OCs they act on were created (a desktop clock that went back while offline: no honest time is).
    actedAt: Math.max(Math.min(input.clientTime, receivedAt), ...Object.values(loaded.ocorrencias).map((oc) => Math.min(oc.createdAt, receivedAt))),
    receivedAt,
    mutationRef: input.mutationRef,
    ocNumber: null as string | null,
    timeZone: input.timeZone,
  };
  let outcome: AppliedMutation | DomainError = input.refusal ?? (isDomainError(actor) ? actor : runSafely(input.name as MutatorName, state, input.args, ctx));
  if (ocNumber !== null && needsNumber(input, outcome)) {
    ctx.ocNumber = await ocNumber();
    outcome = runSafely(input.name as MutatorName, state, input.args, ctx);
  }
  const mutationId = input.client?.mutationId ?? 0;
  const result = resultOf(mutationId, outcome);
  const applied = isDomainError(outcome) ? null : outcome;
  const who = input.actor.kind === 'system' ? 'system' : input.actor.id;
  // What is recorded about the request (its name, subject, reason) is made storable; the change itself is
  // written exactly, or refused (sync/write-refusal.ts).
  const payload = JSON.stringify({
    changes: applied === null ? [] : lastPerRow(applied.changes),
    events: applied?.events ?? [],
    client: input.client === null ? null : storableJson({ id: input.client.id, mutationId, name: input.name, actorId: who, result, at: receivedAt }),
    audit: storableJson({
      at: receivedAt,
      actorKind: input.actor.kind,
      actorId: isDomainError(actor) ? who : actorId(actor),
      action: input.name,
      target: subjectOf(input.args),
      outcome: applied === null ? 'rejected' : 'applied',
      detail: applied === null && isDomainError(outcome) ? { code: outcome.code, ref: input.mutationRef } : { ref: input.mutationRef },
      source: input.source,
    }),
  });
  return { result, applied, payload };
};

/** Whether the mutator accepted a new OC that still needs its server number. */
export const needsNumber = (input: PendingInput, outcome: AppliedMutation | DomainError): boolean =>
  !isDomainError(outcome) && definitionOf(input)?.allocatesOcNumber === true && outcome.changes.some((c) => c.table === 'ocorrencia' && c.row.number === null);

/** Applies mutations in order, each in its own transaction (sync/group-writer.ts). A gap ends the outcomes. */
export const applyBatch = (db: Database, clock: Clock, inputs: readonly PendingInput[]): Promise<MutationOutcome[]> =>
  groupWriterOf(db).submit(inputs, clock);

/** One mutation, on its own: the Extranet intake and the server's jobs. */
export const applyMutation = async (db: Database, input: MutationInput): Promise<MutationOutcome> =>
  (await applyBatch(db, { now: () => input.receivedAt }, [input]))[0] as MutationOutcome;

/** The entity a mutation is about, for the audit log. */
const subjectOf = (args: unknown): string | null => {
  if (typeof args !== 'object' || args === null) return null;
  const record = args as Record<string, unknown>;
  for (const key of ['ocId', 'id', 'analystId', 'recadoId', 'customerId']) if (typeof record[key] === 'string') return record[key] as string;
  return null;
};
