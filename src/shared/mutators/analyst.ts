import { z } from 'zod';
import { Analyst, domainError, Id, Presence, type Analyst as AnalystRow } from '../domain';
import { isLead } from '../oc/permissions';
import { notFound, requirePermission } from './helpers';
import { defineMutator } from './types';

export const SetPresenceArgs = z.object({ analystId: Id, presence: Presence });

/** Analysts set their own presence; a lead may set anyone's (e.g. someone left without logging off). */
export const setPresence = defineMutator({
  name: 'analyst.setPresence',
  args: SetPresenceArgs,
  generatedIds: [],
  needs: (args) => ({ analysts: [args.analystId] }),
  apply: (state, args, ctx) => {
    const target = state.analysts[args.analystId];
    if (target === undefined) return notFound('analyst', args.analystId);
    const self = ctx.actor.kind === 'analyst' && ctx.actor.analyst.id === target.id;
    if (!self && !(ctx.actor.kind === 'analyst' && isLead(ctx.actor.analyst)) && ctx.actor.kind !== 'system') {
      return domainError('FORBIDDEN_ROLE', {
        'pt-BR': 'Somente o próprio analista ou um líder altera a presença.',
        en: 'Only the analyst or a lead may change presence.',
      });
    }
    if (target.presence === args.presence) return { changes: [], events: [] };
    return { changes: [{ table: 'analyst', row: { ...target, presence: args.presence, updatedAt: ctx.actedAt } }], events: [] };
  },
});

export const UpsertAnalystArgs = Analyst.omit({ createdAt: true, updatedAt: true });

/**
 * Leads configure analysts (level, specialties, capacity); roles are users-and-roles, an admin's job (SPEC §8).
 */
export const upsertAnalyst = defineMutator({
  name: 'analyst.upsert',
  args: UpsertAnalystArgs,
  generatedIds: ['id'],
  needs: (args) => ({ analysts: [args.id], analystLogin: args.login }),
  apply: (state, args, ctx) => {
    const denied = requirePermission(ctx, 'configure');
    if (denied !== null) return denied;
    const before = state.analysts[args.id];
    // Logins are unique (they sign in with it): decided here from the replica's or the server's state, so a
    // taken login is a refusal the lead reads, not a constraint failure on every retry.
    const holder = state.analystsWithLogin.find((a) => a.id !== args.id);
    if (holder !== undefined) {
      return domainError('LOGIN_IN_USE', {
        'pt-BR': `O login "${args.login}" já é de ${holder.name}. Escolha outro.`,
        en: `The login "${args.login}" already belongs to ${holder.name}. Choose another one.`,
      }, { analystId: holder.id });
    }
    const roleChanges = before === undefined ? args.role !== 'analyst' : before.role !== args.role;
    if (roleChanges) {
      const deniedRole = requirePermission(ctx, 'manage_users');
      if (deniedRole !== null) return deniedRole;
    }
    if (ctx.actor.kind === 'analyst' && ctx.actor.analyst.id === args.id && (!args.active || args.role !== ctx.actor.analyst.role)) {
      return domainError('SELF_LOCKOUT', {
        'pt-BR': 'Você não pode desativar a si mesmo nem mudar o próprio perfil.',
        en: 'You cannot deactivate yourself or change your own role.',
      });
    }
    const row: AnalystRow = { ...args, createdAt: before?.createdAt ?? ctx.actedAt, updatedAt: ctx.actedAt };
    return { changes: [{ table: 'analyst', row }], events: [] };
  },
});
