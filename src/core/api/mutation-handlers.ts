import { ATTACHING_MUTATORS, isAttachingMutator } from '../../shared/api/attachments';
import type { DesktopMutatorName } from '../../shared/api/contract';
import type { MutationAck } from '../../shared/api/views';
import { DomainFailure, isDomainError, newId } from '../../shared/domain';
import { mutators } from '../../shared/mutators/registry';
import { invalidArgs, parseMutationArgs } from '../../shared/mutators/run';
import type { MutatorDef } from '../../shared/mutators/types';
import { bindAttachments, takeAttachmentIds } from '../attachments/binding';
import { availableFor, directedTo } from '../db/queue';
import { applyLocal } from '../store/local-store';
import type { CoreDeps } from './deps';
import { requireAnalyst } from './query-handlers';

/** The entity a mutation is about, for the acknowledgement (the new OC's id, the OC acted upon, …). */
const subjectId = (def: MutatorDef, args: Record<string, unknown>): string | null => {
  const found = ['ocId', 'id', 'analystId', 'recadoId', ...def.generatedIds].map((key) => args[key]).find((v) => typeof v === 'string');
  return typeof found === 'string' ? found : null;
};

/** Applies a desktop mutation optimistically, queues it for the server and tells every window. */
export const mutate = (deps: CoreDeps, name: DesktopMutatorName, clientArgs: unknown): MutationAck => {
  const me = requireAnalyst(deps);
  const def = mutators[name] as MutatorDef;
  if (typeof clientArgs !== 'object' || clientArgs === null || Array.isArray(clientArgs)) throw new DomainFailure(invalidArgs('expected an object'));
  const filled: Record<string, unknown> = { ...clientArgs };
  for (const key of def.generatedIds) if (filled[key] === undefined) filled[key] = newId();
  const attachmentIds = isAttachingMutator(name) ? takeAttachmentIds(filled) : [];
  const parsed = parseMutationArgs(name, filled);
  if (isDomainError(parsed)) throw new DomainFailure(parsed);
  const bound = parsed.args as Record<string, unknown>;
  const bind = attachmentIds.length === 0 || !isAttachingMutator(name)
    ? undefined
    : (db: Parameters<typeof bindAttachments>[0]) => bindAttachments(db, me, attachmentIds, bound.ocId, bound[ATTACHING_MUTATORS[name]]);
  const result = applyLocal(deps, name, parsed.args, me, undefined, bind);
  if (isDomainError(result)) throw new DomainFailure(result);
  if (attachmentIds.length > 0) deps.events.emit('data.changed', { tables: ['attachment'], ocIds: [String(bound.ocId)] });
  if (result.mutationId !== null) {
    const ocIds = new Set(result.events.map((e) => e.ocId));
    for (const change of result.changes) if (change.table === 'ocorrencia') ocIds.add(change.row.id);
    deps.events.emit('data.changed', { tables: [...new Set(result.changes.map((c) => c.table))], ocIds: [...ocIds] });
    deps.sync.kick();
  }
  return { id: subjectId(def, parsed.args as Record<string, unknown>), mutationId: result.mutationId };
};

/**
 * "Take next" (SPEC §4): the most urgent OC I may take — directed to me first, then my specialties' queue —
 * respecting capacity. Candidates someone else took meanwhile are skipped; a capacity refusal is reported.
 */
export const takeNext = (deps: CoreDeps): { ocId: string | null } => {
  const me = requireAnalyst(deps);
  const candidates = [...directedTo(deps.db, me.id), ...availableFor(deps.db, me, 50)];
  for (const candidate of candidates) {
    try {
      mutate(deps, 'oc.take', { ocId: candidate.id });
      return { ocId: candidate.id };
    } catch (error) {
      if (error instanceof DomainFailure && (error.error.code === 'ALREADY_TAKEN' || error.error.code === 'WRONG_LEVEL')) continue;
      throw error;
    }
  }
  return { ocId: null };
};
