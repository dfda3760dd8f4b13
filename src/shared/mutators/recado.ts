import { z } from 'zod';
import { domainError, Id, Line, Phone, Text, type Recado } from '../domain';
import { isLead } from '../oc/permissions';
import { notFound, requireAnalystActor } from './helpers';
import { defineMutator } from './types';

export const CreateRecadoArgs = z.object({
  id: Id,
  forAnalystId: Id,
  customerId: Id,
  ocId: Id.nullable().default(null),
  callerName: Line().trim().min(1, 'quem ligou? / who called?').max(120),
  callerPhone: Phone.nullable().default(null),
  message: Text().trim().min(1, 'deixe o recado / leave the message').max(2_000),
});

/** The wanted analyst was busy: whoever answered leaves a recado, shown in that analyst's queue until done. */
export const createRecado = defineMutator({
  name: 'recado.create',
  args: CreateRecadoArgs,
  generatedIds: ['id'],
  needs: (args) => ({ analysts: [args.forAnalystId], customers: [args.customerId], recados: [args.id], ocorrencias: args.ocId === null ? [] : [args.ocId] }),
  apply: (state, args, ctx) => {
    const notAnalyst = requireAnalystActor(ctx);
    if (notAnalyst !== null) return notAnalyst;
    if (state.recados[args.id] !== undefined) return { changes: [], events: [] };
    const target = state.analysts[args.forAnalystId];
    if (target === undefined || !target.active) return notFound('analyst', args.forAnalystId);
    if (state.customers[args.customerId] === undefined) return notFound('customer', args.customerId);
    if (args.ocId !== null && state.ocorrencias[args.ocId]?.customerId !== args.customerId) return notFound('ocorrencia', args.ocId);
    const row: Recado = {
      ...args,
      fromAnalystId: ctx.actor.kind === 'analyst' ? ctx.actor.analyst.id : '',
      createdAt: ctx.actedAt,
      doneAt: null,
      doneById: null,
    };
    return { changes: [{ table: 'recado', row }], events: [] };
  },
});

export const DoneRecadoArgs = z.object({ recadoId: Id });

export const doneRecado = defineMutator({
  name: 'recado.done',
  args: DoneRecadoArgs,
  generatedIds: [],
  needs: (args) => ({ recados: [args.recadoId] }),
  apply: (state, args, ctx) => {
    const recado = state.recados[args.recadoId];
    if (recado === undefined) return notFound('recado', args.recadoId);
    if (ctx.actor.kind !== 'analyst' || (ctx.actor.analyst.id !== recado.forAnalystId && !isLead(ctx.actor.analyst))) {
      return domainError('NOT_OWNER', {
        'pt-BR': 'Somente o destinatário do recado ou um líder pode concluí-lo.',
        en: 'Only the recipient of the callback message or a lead may mark it done.',
      });
    }
    if (recado.doneAt !== null) return { changes: [], events: [] };
    return { changes: [{ table: 'recado', row: { ...recado, doneAt: ctx.actedAt, doneById: ctx.actor.analyst.id } }], events: [] };
  },
});
