import { domainError, isDomainError, type DomainError, type Messages, type OcEvent } from '../domain';
import { describeIssues } from '../validation';
import { actorId, actorName } from '../oc/actor';
import type { MutatorName } from './registry';
import { mutators } from './registry';
import { finalizeEvents, type Change, type MutationContext, type MutationState, type MutatorDef } from './types';

export interface AppliedMutation {
  changes: Change[];
  events: OcEvent[];
}

export const invalidArgs = (issues: Messages | string): DomainError => {
  const text = typeof issues === 'string' ? { 'pt-BR': issues, en: issues } : issues;
  return domainError('INVALID_ARGS', { 'pt-BR': `Dados inválidos: ${text['pt-BR']}`, en: `Invalid data: ${text.en}` });
};

export const parseMutationArgs = (name: MutatorName, args: unknown): { args: unknown } | DomainError => {
  const def = mutators[name] as MutatorDef;
  const parsed = def.args.safeParse(args);
  return parsed.success ? { args: parsed.data } : invalidArgs(describeIssues(parsed.error.issues));
};

/**
 * Runs one mutator on a loaded state. Inactive analysts cannot act; everything else is the mutator's own rule.
 * Arguments must already be parsed with `parseMutationArgs`.
 */
export const runMutator = (name: MutatorName, state: MutationState, args: unknown, ctx: MutationContext): AppliedMutation | DomainError => {
  if (ctx.actor.kind === 'analyst' && !ctx.actor.analyst.active) {
    return domainError('ANALYST_INACTIVE', { 'pt-BR': 'Seu usuário está desativado.', en: 'Your user is deactivated.' });
  }
  const def = mutators[name] as MutatorDef;
  const outcome = def.apply(state, args, ctx);
  if (isDomainError(outcome)) return outcome;
  return { changes: outcome.changes, events: finalizeEvents(outcome.events, ctx, actorId(ctx.actor), actorName(ctx.actor)) };
};
