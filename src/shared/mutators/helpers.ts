import { domainError, isDomainError, type DomainError, type Ocorrencia, type OcStatus } from '../domain';
import { actorId, actorName } from '../oc/actor';
import { can, type Permission } from '../oc/permissions';
import { checkOcAction, type OcAction } from '../oc/state-machine';
import type { EventDraft, MutationContext, MutationOutcome, MutationState } from './types';

export const notFound = (what: 'ocorrencia' | 'customer' | 'contact' | 'analyst' | 'recado', id: string): DomainError => {
  const names = {
    ocorrencia: ['Ocorrência', 'Ocorrência'],
    customer: ['Cliente', 'Customer'],
    contact: ['Contato', 'Contact'],
    analyst: ['Analista', 'Analyst'],
    recado: ['Recado', 'Callback message'],
  }[what];
  return domainError('NOT_FOUND', { 'pt-BR': `${names[0]} não encontrado(a).`, en: `${names[1]} not found.` }, { what, id });
};

export const analystNameIn = (state: MutationState) => (id: string): string => state.analysts[id]?.name ?? 'outro analista';

/**
 * Loads the OC and checks the action against the state machine table. Returns the OC and the status it moves to.
 */
export const beginOcAction = (
  state: MutationState,
  ocId: string,
  action: OcAction,
  ctx: MutationContext,
): { oc: Ocorrencia; to: OcStatus } | DomainError => {
  const oc = state.ocorrencias[ocId];
  if (oc === undefined) return notFound('ocorrencia', ocId);
  const checked = checkOcAction(action, oc, ctx.actor, { analystName: analystNameIn(state), timeZone: ctx.timeZone });
  if (isDomainError(checked)) return checked;
  return { oc, to: checked.to };
};

/** The new row of an OC after a change; `updatedAt` is the acting time. */
export const patchOc = (oc: Ocorrencia, patch: Partial<Ocorrencia>, ctx: MutationContext): Ocorrencia => ({
  ...oc,
  ...patch,
  updatedAt: Math.max(oc.updatedAt, ctx.actedAt),
});

/**
 * Status changes are customer-visible (the customer follows the status on the Extranet), so they count at
 * the server's receipt (SPEC §3 rule 10).
 */
export const statusEvents = (
  oc: Ocorrencia,
  to: OcStatus,
  ctx: MutationContext,
  simulationId: string | null = null,
): EventDraft[] =>
  oc.status === to ? [] : [{ ocId: oc.id, at: ctx.receivedAt, data: { type: 'status_changed', from: oc.status, to, simulationId } }];

/** Fields that follow a status change: solved/closed timestamps. */
export const statusFields = (oc: Ocorrencia, to: OcStatus, ctx: MutationContext): Partial<Ocorrencia> => {
  if (to === oc.status) return {};
  const patch: Partial<Ocorrencia> = { status: to };
  if (to === 'solucionada') patch.solvedAt = ctx.receivedAt;
  if (to === 'reaberta') patch.solvedAt = null;
  if (to === 'encerrada' || to === 'cancelada') patch.closedAt = ctx.receivedAt;
  return patch;
};

/** One OC changed, with its events: the most common outcome. */
export const ocOutcome = (next: Ocorrencia, events: EventDraft[], extra: MutationOutcome['changes'] = []): MutationOutcome => ({
  changes: [{ table: 'ocorrencia', row: next }, ...extra],
  events,
});

export const actorIdOf = (ctx: MutationContext): string => actorId(ctx.actor);
export const actorNameOf = (ctx: MutationContext): string => actorName(ctx.actor);

export const requireAnalystActor = (ctx: MutationContext): DomainError | null =>
  ctx.actor.kind === 'analyst'
    ? null
    : domainError('ACTOR_NOT_ALLOWED', {
        'pt-BR': 'Somente analistas podem fazer esta ação.',
        en: 'Only analysts may perform this action.',
      });

/** Role check for actions outside the OC state machine (configuration, people, releases). */
export const requirePermission = (ctx: MutationContext, permission: Permission): DomainError | null => {
  if (ctx.actor.kind === 'system') return null;
  if (ctx.actor.kind === 'analyst' && can(ctx.actor.analyst, permission)) return null;
  return domainError('FORBIDDEN_ROLE', {
    'pt-BR': 'Seu perfil não permite esta ação.',
    en: 'Your role does not allow this action.',
  }, { permission });
};
