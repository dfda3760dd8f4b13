import { z } from 'zod';
import {
  CallDetails,
  domainError,
  Id,
  isDomainError,
  SimulationRecord,
  Text,
  type Interaction,
  type InteractionKind,
  type Ocorrencia,
} from '../domain';
import { checkOcAction } from '../oc/state-machine';
import { actorIdOf, actorNameOf, analystNameIn, beginOcAction, notFound, ocOutcome, patchOc, statusEvents, statusFields } from './helpers';
import { otherTimes } from './times';
import { defineMutator, type EventDraft, type MutationContext } from './types';

/** The text of a reply, note or customer reply (also the Extranet's reply body, src/shared/api/extranet.ts). */
export const InteractionBody = Text().trim().min(1, 'o texto está vazio / the text is empty').max(50_000);

/** Interactions are append-only and deduplicated by their client id (SPEC §6). */
export const buildInteraction = (
  ctx: MutationContext,
  fields: { id: string; ocId: string | null; customerId: string; kind: InteractionKind; body: string; at: number } &
    Partial<Pick<Interaction, 'call' | 'simulation'>>,
): Interaction => ({
  id: fields.id,
  ocId: fields.ocId,
  customerId: fields.customerId,
  kind: fields.kind,
  authorId: actorIdOf(ctx),
  authorName: actorNameOf(ctx),
  body: fields.body,
  call: fields.call ?? null,
  simulation: fields.simulation ?? null,
  createdAt: fields.at,
  ...otherTimes(fields.at, ctx),
});

export const interactionEvent = (oc: Ocorrencia, interaction: Interaction): EventDraft => ({
  ocId: oc.id,
  at: interaction.createdAt,
  data: {
    type: 'interaction_added',
    interactionId: interaction.id,
    kind: interaction.kind,
    customerVisibleAgentAction: interaction.kind === 'public_reply' || interaction.kind === 'call_log',
  },
});

const TextArgs = z.object({ ocId: Id, interactionId: Id, body: InteractionBody });

export const replyOc = defineMutator({
  name: 'oc.reply',
  args: TextArgs,
  generatedIds: ['interactionId'],
  needs: (args) => ({ ocorrencias: [args.ocId], interactions: [args.interactionId] }),
  apply: (state, args, ctx) => {
    if (state.interactions[args.interactionId] !== undefined) return { changes: [], events: [] };
    const begun = beginOcAction(state, args.ocId, 'reply', ctx);
    if (isDomainError(begun)) return begun;
    const { oc, to } = begun;
    // Customer-visible: counts when the server received it (SPEC §3 rule 10).
    const reply = buildInteraction(ctx, { id: args.interactionId, ocId: oc.id, customerId: oc.customerId, kind: 'public_reply', body: args.body, at: ctx.receivedAt });
    const next = patchOc(oc, statusFields(oc, to, ctx), ctx);
    return ocOutcome(next, [interactionEvent(oc, reply), ...statusEvents(oc, to, ctx)], [{ table: 'interaction', row: reply }]);
  },
});

export const noteOc = defineMutator({
  name: 'oc.note',
  args: TextArgs,
  generatedIds: ['interactionId'],
  needs: (args) => ({ ocorrencias: [args.ocId], interactions: [args.interactionId] }),
  apply: (state, args, ctx) => {
    if (state.interactions[args.interactionId] !== undefined) return { changes: [], events: [] };
    const begun = beginOcAction(state, args.ocId, 'note', ctx);
    if (isDomainError(begun)) return begun;
    const { oc } = begun;
    const note = buildInteraction(ctx, { id: args.interactionId, ocId: oc.id, customerId: oc.customerId, kind: 'internal_note', body: args.body, at: ctx.actedAt });
    return ocOutcome(patchOc(oc, {}, ctx), [interactionEvent(oc, note)], [{ table: 'interaction', row: note }]);
  },
});

export const LogCallArgs = z.object({
  interactionId: Id,
  customerId: Id,
  ocId: Id.nullable().default(null),
  call: CallDetails.refine((c) => c.endedAt >= c.startedAt, { message: 'a ligação termina antes de começar / the call ends before it starts' }),
  body: Text().trim().max(50_000),
});

/**
 * A call is logged against the customer, and against an OC when there is one. The customer heard the analyst
 * live, so the call counts from its start — never later than the server's receipt of the log.
 */
export const logCall = defineMutator({
  name: 'call.log',
  args: LogCallArgs,
  generatedIds: ['interactionId'],
  needs: (args) => ({
    customers: [args.customerId],
    ocorrencias: args.ocId === null ? [] : [args.ocId],
    interactions: [args.interactionId],
  }),
  apply: (state, args, ctx) => {
    if (state.interactions[args.interactionId] !== undefined) return { changes: [], events: [] };
    if (ctx.actor.kind !== 'analyst') return domainError('ACTOR_NOT_ALLOWED', { 'pt-BR': 'Somente analistas registram ligações.', en: 'Only analysts log calls.' });
    const customer = state.customers[args.customerId];
    if (customer === undefined) return notFound('customer', args.customerId);
    const at = Math.min(args.call.startedAt, ctx.receivedAt);
    const call = buildInteraction(ctx, {
      id: args.interactionId,
      ocId: args.ocId,
      customerId: customer.id,
      kind: 'call_log',
      body: args.body,
      at,
      call: args.call,
    });
    if (args.ocId === null) return { changes: [{ table: 'interaction', row: call }], events: [] };
    const begun = beginOcAction(state, args.ocId, 'log_call', ctx);
    if (isDomainError(begun)) return begun;
    const { oc } = begun;
    if (oc.customerId !== customer.id) {
      return domainError('OC_OF_OTHER_CUSTOMER', {
        'pt-BR': 'Esta OC é de outro cliente.',
        en: 'This OC belongs to another customer.',
      });
    }
    return ocOutcome(patchOc(oc, {}, ctx), [interactionEvent(oc, call)], [{ table: 'interaction', row: call }]);
  },
});

export const AddSimulationArgs = z.object({ ocId: Id, interactionId: Id, simulation: SimulationRecord });

export const addSimulation = defineMutator({
  name: 'oc.addSimulation',
  args: AddSimulationArgs,
  generatedIds: ['interactionId'],
  needs: (args) => ({ ocorrencias: [args.ocId], interactions: [args.interactionId] }),
  apply: (state, args, ctx) => {
    if (state.interactions[args.interactionId] !== undefined) return { changes: [], events: [] };
    const begun = beginOcAction(state, args.ocId, 'add_simulation', ctx);
    if (isDomainError(begun)) return begun;
    const { oc } = begun;
    const record = buildInteraction(ctx, {
      id: args.interactionId,
      ocId: oc.id,
      customerId: oc.customerId,
      kind: 'simulation_record',
      body: args.simulation.steps,
      at: ctx.actedAt,
      simulation: args.simulation,
    });
    const next = patchOc(oc, { lastSimulationId: record.id }, ctx);
    return ocOutcome(next, [interactionEvent(oc, record)], [{ table: 'interaction', row: record }]);
  },
});

/** A reply from the customer's Extranet contact: resumes a paused OC, reopens a solved one. */
export const customerReply = defineMutator({
  name: 'oc.customerReply',
  args: TextArgs,
  generatedIds: ['interactionId'],
  needs: (args) => ({ ocorrencias: [args.ocId], interactions: [args.interactionId] }),
  apply: (state, args, ctx) => {
    if (state.interactions[args.interactionId] !== undefined) return { changes: [], events: [] };
    const oc = state.ocorrencias[args.ocId];
    if (oc === undefined) return notFound('ocorrencia', args.ocId);
    if (ctx.actor.kind !== 'contact' || ctx.actor.contact.customerId !== oc.customerId || !ctx.actor.contact.extranetAccess) {
      // Never reveal that another customer's OC exists.
      return notFound('ocorrencia', args.ocId);
    }
    const checked = checkOcAction('customer_reply', oc, ctx.actor, { analystName: analystNameIn(state), timeZone: ctx.timeZone });
    if (isDomainError(checked)) return checked;
    const reply = buildInteraction(ctx, { id: args.interactionId, ocId: oc.id, customerId: oc.customerId, kind: 'customer_reply', body: args.body, at: ctx.receivedAt });
    const next = patchOc(oc, statusFields(oc, checked.to, ctx), ctx);
    return ocOutcome(next, [interactionEvent(oc, reply), ...statusEvents(oc, checked.to, ctx)], [{ table: 'interaction', row: reply }]);
  },
});
