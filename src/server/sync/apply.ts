import { domainError, IN_HAND_STATUSES, isDomainError, OPEN_STATUSES, type Analyst, type Contact, type DomainError, type SlaConfig } from '../../shared/domain';
import { mutators, type MutatorName } from '../../shared/mutators/registry';
import { runMutator, type AppliedMutation } from '../../shared/mutators/run';
import type { Change, MutationState, MutatorDef, Needs } from '../../shared/mutators/types';
import { emptyState } from '../../shared/mutators/types';
import type { Actor } from '../../shared/oc/actor';
import { actorId } from '../../shared/oc/actor';
import type { MutationResult } from '../../shared/sync/protocol';
import type { Database, Sql } from '../db/database';
import { allocateOcNumber } from './oc-number';

/**
 * Arbitrary constant: the transaction-scoped advisory lock every writer takes on PostgreSQL. Writers commit in
 * the order they got their versions, so a pull that has seen version N has seen every version below N.
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
  /** Idempotency record of a desktop client; null for Extranet requests and server jobs. */
  client: { id: string; mutationId: number } | null;
  timeZone: string;
  /** Where the request came from, for the audit log ("push", "extranet", "job:auto-close"). */
  source: string;
  /** Refused before running (unknown name, invalid arguments): recorded like any refusal, nothing else written. */
  refusal?: DomainError;
}

export type MutationOutcome =
  | { kind: 'applied'; result: MutationResult; applied: AppliedMutation | null; head: number }
  | { kind: 'duplicate'; result: MutationResult }
  | { kind: 'gap'; lastMutationId: number };

interface Loaded extends Omit<MutationState, 'slaConfig'> {
  slaConfig: SlaConfig | null;
  lastMutationId: number | null;
  actorAnalyst: Analyst | null;
  actorContact: Contact | null;
}

const loadNeeds = async (tx: Sql, needs: Needs, input: MutationInput, lock: boolean): Promise<Loaded> => {
  const { rows } = await tx.query<{ state: Loaded }>('SELECT soe_load($1::jsonb) AS state', [JSON.stringify({
    ...needs,
    openStatuses: OPEN_STATUSES,
    inHandStatuses: IN_HAND_STATUSES,
    clientId: input.client?.id ?? null,
    // soe_load takes the writers' lock first, inside this transaction (PostgreSQL only; PGlite is serial anyway).
    ...(lock ? { lock: WRITE_LOCK } : {}),
    actorAnalystId: input.actor.kind === 'analyst' ? input.actor.id : null,
    actorContactId: input.actor.kind === 'contact' ? input.actor.id : null,
  })]);
  return (rows[0] as { state: Loaded }).state;
};

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

const storedResult = async (tx: Sql, clientId: string, mutationId: number): Promise<MutationResult> => {
  const { rows } = await tx.query<{ result: MutationResult }>('SELECT result FROM client_mutation WHERE client_id = $1 AND mutation_id = $2', [clientId, mutationId]);
  // Results are pruned after a while; an id that old was applied (or refused) long ago.
  return rows[0]?.result ?? { id: mutationId, ok: true };
};

/**
 * Applies one mutation authoritatively in its own transaction (SPEC §6): the same pure mutator the desktop ran,
 * on state loaded from PostgreSQL, with server time and a server-allocated OC number. A refused mutation still
 * advances the client's last mutation id and its stored reason reaches the author.
 */
export const applyMutation = async (db: Database, input: MutationInput): Promise<MutationOutcome> =>
  db.transaction(async (tx) => {
    const def = (mutators as Record<string, MutatorDef>)[input.name];
    const actorForNeeds: Actor = input.actor.kind === 'system'
      ? { kind: 'system', id: 'system', name: input.actor.name }
      : input.actor.kind === 'analyst'
        ? { kind: 'analyst', analyst: { id: input.actor.id } as Analyst }
        : { kind: 'contact', contact: { id: input.actor.id } as Contact };
    const loaded = await loadNeeds(tx, input.refusal === undefined && def !== undefined ? def.needs(input.args, actorForNeeds) : {}, input, db.concurrentWriters);
    if (input.client !== null) {
      const last = loaded.lastMutationId ?? 0;
      if (input.client.mutationId <= last) return { kind: 'duplicate', result: await storedResult(tx, input.client.id, input.client.mutationId) };
      if (input.client.mutationId > last + 1) return { kind: 'gap', lastMutationId: last };
    }
    if (loaded.slaConfig === null) throw new Error('The server database has no SLA configuration: seed it first.');
    const state: MutationState = { ...emptyState(loaded.slaConfig), ...loaded, slaConfig: loaded.slaConfig };
    const actor = resolveActor(input.actor, loaded);
    const ctx = {
      actor: isDomainError(actor) ? ({ kind: 'system', id: 'system', name: 'unknown' } as Actor) : actor,
      // Internal actions keep their own (offset-corrected) time, never later than the server saw them.
      actedAt: Math.min(input.clientTime, input.receivedAt),
      receivedAt: input.receivedAt,
      mutationRef: input.mutationRef,
      ocNumber: null as string | null,
      timeZone: input.timeZone,
    };
    let outcome: AppliedMutation | DomainError = input.refusal ?? (isDomainError(actor) ? actor : runSafely(input.name as MutatorName, state, input.args, ctx));
    if (!isDomainError(outcome) && def?.allocatesOcNumber === true && outcome.changes.some((c) => c.table === 'ocorrencia' && c.row.number === null)) {
      // Numbered only once the mutator accepted the OC, so refusals never burn a number.
      ctx.ocNumber = await allocateOcNumber(tx, input.receivedAt, input.timeZone);
      outcome = runSafely(input.name as MutatorName, state, input.args, ctx);
    }
    const mutationId = input.client?.mutationId ?? 0;
    const result = resultOf(mutationId, outcome);
    const applied = isDomainError(outcome) ? null : outcome;
    const who = input.actor.kind === 'system' ? 'system' : input.actor.id;
    const { rows } = await tx.query<{ head: number }>('SELECT soe_write($1::jsonb) AS head', [JSON.stringify({
      changes: applied === null ? [] : lastPerRow(applied.changes),
      events: applied?.events ?? [],
      client: input.client === null ? null : { id: input.client.id, mutationId, name: input.name, actorId: who, result, at: input.receivedAt },
      audit: {
        at: input.receivedAt,
        actorKind: input.actor.kind,
        actorId: isDomainError(actor) ? who : actorId(actor),
        action: input.name,
        target: subjectOf(input.args),
        outcome: applied === null ? 'rejected' : 'applied',
        detail: applied === null && isDomainError(outcome) ? { code: outcome.code, ref: input.mutationRef } : { ref: input.mutationRef },
        source: input.source,
      },
    })]);
    return { kind: 'applied', result, applied, head: rows[0]?.head ?? 0 };
  });

/** The entity a mutation is about, for the audit log. */
const subjectOf = (args: unknown): string | null => {
  if (typeof args !== 'object' || args === null) return null;
  const record = args as Record<string, unknown>;
  for (const key of ['ocId', 'id', 'analystId', 'recadoId', 'customerId']) if (typeof record[key] === 'string') return record[key] as string;
  return null;
};
