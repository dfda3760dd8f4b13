import { z } from 'zod';
import { domainError, Id, isDomainError, LEVEL_LABELS } from '../domain';
import { isLead } from '../oc/permissions';
import { beginOcAction, notFound, ocOutcome, patchOc, statusEvents, statusFields } from './helpers';
import { defineMutator } from './types';

export const TakeArgs = z.object({ ocId: Id });

/** "Take": the first analyst wins (server order); the next is told who has it and since when (SPEC §6). */
export const takeOc = defineMutator({
  name: 'oc.take',
  args: TakeArgs,
  generatedIds: [],
  needs: (args, actor) => ({
    ocorrencias: [args.ocId],
    loadOf: actor.kind === 'analyst' ? [actor.analyst.id] : [],
  }),
  apply: (state, args, ctx) => {
    const begun = beginOcAction(state, args.ocId, 'take', ctx);
    if (isDomainError(begun)) return begun;
    const { oc, to } = begun;
    if (ctx.actor.kind !== 'analyst') return domainError('ACTOR_NOT_ALLOWED', { 'pt-BR': 'Somente analistas assumem OCs.', en: 'Only analysts take OCs.' });
    const me = ctx.actor.analyst;
    const alreadyMine = oc.assigneeId === me.id;
    const load = state.loadOf[me.id] ?? 0;
    if (!alreadyMine && !isLead(me) && load >= me.capacity) {
      return domainError('CAPACITY_FULL', {
        'pt-BR': `Você já está com ${load} OCs (capacidade ${me.capacity}). Conclua ou devolva uma antes de assumir outra.`,
        en: `You already hold ${load} OCs (capacity ${me.capacity}). Finish or hand one back before taking another.`,
      }, { load, capacity: me.capacity });
    }
    if (alreadyMine && oc.status === to) return { changes: [], events: [] };
    const next = patchOc(oc, { ...statusFields(oc, to, ctx), assigneeId: me.id, assignedAt: alreadyMine ? oc.assignedAt : ctx.actedAt }, ctx);
    const events = alreadyMine
      ? []
      : [{ ocId: oc.id, at: ctx.actedAt, data: { type: 'assigned' as const, fromId: null, toId: me.id, level: oc.level, how: 'take' as const } }];
    return ocOutcome(next, [...events, ...statusEvents(oc, to, ctx)]);
  },
});

export const ReassignArgs = z.object({ ocId: Id, toAnalystId: Id.nullable() });

/** Lead reassignment: last writer by server order; the previous assignee stays in the event history. */
export const reassignOc = defineMutator({
  name: 'oc.reassign',
  args: ReassignArgs,
  generatedIds: [],
  needs: (args) => ({ ocorrencias: [args.ocId], analysts: args.toAnalystId === null ? [] : [args.toAnalystId] }),
  apply: (state, args, ctx) => {
    const begun = beginOcAction(state, args.ocId, 'reassign', ctx);
    if (isDomainError(begun)) return begun;
    const { oc } = begun;
    if (oc.assigneeId === args.toAnalystId) return { changes: [], events: [] };
    let to = oc.status;
    if (args.toAnalystId !== null) {
      const target = state.analysts[args.toAnalystId];
      if (target === undefined || !target.active) return notFound('analyst', args.toAnalystId);
      if (target.role === 'analyst' && target.level !== oc.level) {
        return domainError('WRONG_LEVEL', {
          'pt-BR': `${target.name} atende o ${LEVEL_LABELS[target.level]['pt-BR']}; esta OC está no ${LEVEL_LABELS[oc.level]['pt-BR']}.`,
          en: `${target.name} works at ${LEVEL_LABELS[target.level].en}; this OC is at ${LEVEL_LABELS[oc.level].en}.`,
        });
      }
      if (oc.status === 'nova' || oc.status === 'reaberta') to = 'em_atendimento';
    }
    const next = patchOc(oc, {
      ...statusFields(oc, to, ctx),
      assigneeId: args.toAnalystId,
      assignedAt: args.toAnalystId === null ? null : ctx.actedAt,
    }, ctx);
    return ocOutcome(next, [
      { ocId: oc.id, at: ctx.actedAt, data: { type: 'assigned', fromId: oc.assigneeId, toId: args.toAnalystId, level: oc.level, how: 'reassign' } },
      ...statusEvents(oc, to, ctx),
    ]);
  },
});
