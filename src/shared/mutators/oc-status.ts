import { z } from 'zod';
import { CancelReason, domainError, HandoffTarget, Id, isDomainError, Text, type DomainError, type OcStatus, type Ocorrencia } from '../domain';
import type { OcAction } from '../oc/state-machine';
import { beginOcAction, ocOutcome, patchOc, statusEvents, statusFields } from './helpers';
import { defineMutator, type EventDraft, type MutationContext, type MutationState, type MutationOutcome } from './types';

const OcOnly = z.object({ ocId: Id });

/** A plain status move of the table, with optional extra fields and events. */
const moveStatus = (
  state: MutationState,
  ocId: string,
  action: OcAction,
  ctx: MutationContext,
  extra: (oc: Ocorrencia, to: OcStatus) => { patch?: Partial<Ocorrencia>; events?: EventDraft[] } | DomainError = () => ({}),
): MutationOutcome | DomainError => {
  const begun = beginOcAction(state, ocId, action, ctx);
  if (isDomainError(begun)) return begun;
  const { oc, to } = begun;
  const more = extra(oc, to);
  if (isDomainError(more)) return more;
  const next = patchOc(oc, { ...statusFields(oc, to, ctx), ...more.patch }, ctx);
  return ocOutcome(next, [...statusEvents(oc, to, ctx), ...(more.events ?? [])]);
};

export const pauseOc = defineMutator({
  name: 'oc.pause',
  args: OcOnly,
  generatedIds: [],
  needs: (args) => ({ ocorrencias: [args.ocId] }),
  apply: (state, args, ctx) => moveStatus(state, args.ocId, 'pause', ctx),
});

export const resumeOc = defineMutator({
  name: 'oc.resume',
  args: OcOnly,
  generatedIds: [],
  needs: (args) => ({ ocorrencias: [args.ocId] }),
  apply: (state, args, ctx) => moveStatus(state, args.ocId, 'resume', ctx),
});

export const ResolveArgs = z.object({ ocId: Id, note: Text().trim().max(10_000).default('') });

export const resolveOc = defineMutator({
  name: 'oc.resolve',
  args: ResolveArgs,
  generatedIds: [],
  needs: (args) => ({ ocorrencias: [args.ocId] }),
  apply: (state, args, ctx) =>
    moveStatus(state, args.ocId, 'resolve', ctx, () => ({ patch: { resolution: { code: 'solucionada', note: args.note } } })),
});

export const ReopenArgs = z.object({ ocId: Id, reason: Text().trim().min(3, 'diga por que reabrir / say why').max(2_000) });

/** A reopen resumes the same resolution clock (SPEC §3 rule 4); the assignee keeps the OC. */
export const reopenOc = defineMutator({
  name: 'oc.reopen',
  args: ReopenArgs,
  generatedIds: [],
  needs: (args) => ({ ocorrencias: [args.ocId] }),
  apply: (state, args, ctx) => moveStatus(state, args.ocId, 'reopen', ctx, () => ({ patch: { resolution: null, handoff: null } })),
});

/** Closing is the auto-close job's (N days after solved without a reopen) or a lead's. */
export const closeOc = defineMutator({
  name: 'oc.close',
  args: OcOnly,
  generatedIds: [],
  needs: (args) => ({ ocorrencias: [args.ocId] }),
  apply: (state, args, ctx) => moveStatus(state, args.ocId, 'close', ctx),
});

export const CancelArgs = z.object({
  ocId: Id,
  reason: CancelReason,
  duplicateOfId: Id.nullable().default(null),
});

export const cancelOc = defineMutator({
  name: 'oc.cancel',
  args: CancelArgs,
  generatedIds: [],
  needs: (args) => ({ ocorrencias: args.duplicateOfId === null ? [args.ocId] : [args.ocId, args.duplicateOfId] }),
  apply: (state, args, ctx) =>
    moveStatus(state, args.ocId, 'cancel', ctx, (oc) => {
      if (args.reason === 'duplicada') {
        const original = args.duplicateOfId === null ? undefined : state.ocorrencias[args.duplicateOfId];
        if (original === undefined || original.id === oc.id || original.customerId !== oc.customerId) {
          return domainError('DUPLICATE_OF_REQUIRED', {
            'pt-BR': 'Informe a OC original (do mesmo cliente) da qual esta é duplicada.',
            en: 'Name the original OC (same customer) this one duplicates.',
          });
        }
      }
      return {
        patch: { cancelReason: args.reason },
        events: [{ ocId: oc.id, at: ctx.actedAt, data: { type: 'cancelled', reason: args.reason, duplicateOfId: args.duplicateOfId } }],
      };
    }),
});

export const HandOffArgs = z.object({ ocId: Id, target: HandoffTarget, note: Text().trim().min(3).max(10_000) });

/** Training needs go to CS or implantação (manual FAQ 7): support's part ends as solucionada. */
export const handOffOc = defineMutator({
  name: 'oc.handOff',
  args: HandOffArgs,
  generatedIds: [],
  needs: (args) => ({ ocorrencias: [args.ocId] }),
  apply: (state, args, ctx) =>
    moveStatus(state, args.ocId, 'hand_off', ctx, (oc) => ({
      patch: {
        handoff: args.target,
        resolution: { code: args.target === 'cs' ? 'encaminhada_cs' : 'encaminhada_implantacao', note: args.note },
      },
      events: [{ ocId: oc.id, at: ctx.receivedAt, data: { type: 'handed_off', target: args.target } }],
    })),
});
