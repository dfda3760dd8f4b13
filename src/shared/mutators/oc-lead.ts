import { z } from 'zod';
import { Criticidade, Id, isDomainError, isOpenStatus } from '../domain';
import { beginOcAction, ocOutcome, patchOc, requirePermission } from './helpers';
import { defineMutator, type Change, type EventDraft } from './types';

export const ChangeCriticidadeArgs = z.object({ ocId: Id, criticidade: Criticidade });

/**
 * Reclassification keeps the clock's start and elapsed time and applies the new target (SPEC §3 rule 6);
 * the SLA function reads the event, nothing else is patched.
 */
export const changeCriticidade = defineMutator({
  name: 'oc.changeCriticidade',
  args: ChangeCriticidadeArgs,
  generatedIds: [],
  needs: (args) => ({ ocorrencias: [args.ocId] }),
  apply: (state, args, ctx) => {
    const begun = beginOcAction(state, args.ocId, 'change_criticidade', ctx);
    if (isDomainError(begun)) return begun;
    const { oc } = begun;
    if (oc.criticidade === args.criticidade) return { changes: [], events: [] };
    return ocOutcome(patchOc(oc, { criticidade: args.criticidade }, ctx), [
      { ocId: oc.id, at: ctx.actedAt, data: { type: 'criticidade_changed', from: oc.criticidade, to: args.criticidade } },
    ]);
  },
});

export const RecomputeSlaArgs = z.object({});

/**
 * Policy and calendar edits apply to new OCs; open OCs move to the current configuration only through this
 * explicit, audited lead action (SPEC §3 rule 7).
 */
export const recomputeSla = defineMutator({
  name: 'sla.recompute',
  args: RecomputeSlaArgs,
  generatedIds: [],
  needs: () => ({ allOpenOcs: true }),
  apply: (state, _args, ctx) => {
    const denied = requirePermission(ctx, 'configure');
    if (denied !== null) return denied;
    const version = state.slaConfig.version;
    const changes: Change[] = [];
    const events: EventDraft[] = [];
    for (const oc of state.allOpenOcs) {
      if (!isOpenStatus(oc.status) || oc.slaConfigVersion === version) continue;
      changes.push({ table: 'ocorrencia', row: patchOc(oc, { slaConfigVersion: version }, ctx) });
      events.push({ ocId: oc.id, at: ctx.actedAt, data: { type: 'sla_recomputed', fromVersion: oc.slaConfigVersion, toVersion: version } });
    }
    return { changes, events };
  },
});
