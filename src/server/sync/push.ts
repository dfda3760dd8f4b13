import { domainError, isDomainError, type DomainError } from '../../shared/domain';
import { isMutatorName, type MutatorName } from '../../shared/mutators/registry';
import { parseMutationArgs } from '../../shared/mutators/run';
import { mutationRef, type MutationResult, type PushRequest, type PushResponse } from '../../shared/sync/protocol';
import type { Clock } from '../../shared/time';
import type { Database } from '../db/database';
import { applyBatch, type PendingInput } from './apply';
import { hashClientSecret } from './client-identity';

/** Mutators that arrive only through the Extranet intake API, never from a desktop push. */
const EXTRANET_ONLY = new Set<string>(['oc.customerReply']);

export interface PushDeps {
  db: Database;
  clock: Clock;
  timeZone: string;
}

export const mutationGap = (lastMutationId: number, next: number): DomainError =>
  domainError('MUTATION_GAP', {
    'pt-BR': `Alteração ${next} recebida antes da ${lastMutationId + 1}; reenvie a partir da ${lastMutationId + 1}.`,
    en: `Change ${next} arrived before ${lastMutationId + 1}; resend from ${lastMutationId + 1}.`,
  }, { lastMutationId });

const unknownOperation = (name: string): DomainError =>
  domainError('UNKNOWN_METHOD', { 'pt-BR': `Operação desconhecida: ${name}`, en: `Unknown operation: ${name}` });

/**
 * Applies a client's mutations in id order, each in its own transaction (SPEC §6), as the session's analyst,
 * for the desktop that holds the client id's secret only (else CLIENT_FORBIDDEN / CLIENT_UNREGISTERED, nothing
 * applied or revealed). A repeated id returns its stored outcome; an id past the next expected one stops the
 * batch with MUTATION_GAP.
 */
export const pushMutations = async (deps: PushDeps, analystId: string, request: PushRequest): Promise<PushResponse | DomainError> => {
  const secretHash = hashClientSecret(request.clientSecret);
  const inputs: PendingInput[] = [...request.mutations].sort((a, b) => a.id - b.id).map((mutation) => {
    const known = isMutatorName(mutation.name) && !EXTRANET_ONLY.has(mutation.name);
    const parsed = known ? parseMutationArgs(mutation.name as MutatorName, mutation.args) : unknownOperation(mutation.name);
    return {
      name: mutation.name,
      args: isDomainError(parsed) ? null : parsed.args,
      actor: { kind: 'analyst', id: analystId },
      clientTime: mutation.clientTime,
      mutationRef: mutationRef(request.clientId, mutation.id),
      client: { id: request.clientId, mutationId: mutation.id, secretHash },
      timeZone: deps.timeZone,
      source: 'push',
      ...(isDomainError(parsed) ? { refusal: parsed } : {}),
    };
  });
  const results: MutationResult[] = [];
  let lastMutationId = 0;
  for (const [i, outcome] of (await applyBatch(deps.db, deps.clock, inputs)).entries()) {
    if (outcome.kind === 'forbidden') {
      if (results.length > 0) break;
      return outcome.error;
    }
    if (outcome.kind === 'gap') {
      if (results.length > 0) break;
      return mutationGap(outcome.lastMutationId, inputs[i]?.client?.mutationId ?? 0);
    }
    results.push(outcome.result);
    lastMutationId = Math.max(lastMutationId, inputs[i]?.client?.mutationId ?? 0);
  }
  return { results, lastMutationId, serverTime: deps.clock.now() };
};
