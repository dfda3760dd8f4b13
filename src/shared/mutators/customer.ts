import {
  Contact,
  Customer,
  domainError,
  extranetSeatsFor,
  formatCnpj,
  isOpenStatus,
  type Contact as ContactRow,
  type DomainError,
  type Plan,
} from '../domain';
import { notFound, patchOc, requirePermission } from './helpers';
import { defineMutator, type Change, type EventDraft } from './types';

export const UpsertCustomerArgs = Customer.omit({ createdAt: true, updatedAt: true });

/** Contacts with Extranet access beyond what the plan allows; empty when within limits (manual, "Abertura de OC"). */
export const extranetSeatProblem = (plan: Plan, contacts: readonly ContactRow[]): DomainError | null => {
  const seats = extranetSeatsFor(plan);
  const withAccess = contacts.filter((c) => c.active && c.extranetAccess);
  const managers = withAccess.filter((c) => c.role === 'gerente_projeto');
  const additional = withAccess.filter((c) => c.role === 'contato_adicional');
  const others = withAccess.filter((c) => c.role === 'usuario');
  if (others.length > 0) {
    return domainError('EXTRANET_ROLE', {
      'pt-BR': `Somente o gerente de projeto${plan === 'vip' ? ' e um contato adicional' : ''} acessam a Extranet (${others.map((c) => c.name).join(', ')}).`,
      en: `Only the project manager${plan === 'vip' ? ' and one additional contact' : ''} may use the Extranet (${others.map((c) => c.name).join(', ')}).`,
    });
  }
  if (managers.length > seats.gerenteProjeto || additional.length > seats.additional) {
    const over = [...managers.slice(seats.gerenteProjeto), ...additional.slice(seats.additional)].map((c) => c.name);
    return domainError('EXTRANET_SEATS_EXCEEDED', {
      'pt-BR': `O plano ${plan.toUpperCase()} permite ${plan === 'vip' ? 'o gerente de projeto e mais 1 contato' : 'somente o gerente de projeto'} na Extranet. Revogue o acesso de: ${over.join(', ')}.`,
      en: `The ${plan.toUpperCase()} plan allows ${plan === 'vip' ? 'the project manager plus 1 contact' : 'only the project manager'} on the Extranet. Revoke access of: ${over.join(', ')}.`,
    }, { over });
  }
  return null;
};

/** Creates or edits a customer. A plan change reaches each open OC as an event (SPEC §3 rule 6). */
export const upsertCustomer = defineMutator({
  name: 'customer.upsert',
  args: UpsertCustomerArgs,
  generatedIds: ['id'],
  needs: (args) => ({ customers: [args.id], openOcsOfCustomer: args.id, contactsOfCustomer: args.id, customerCnpj: args.cnpj }),
  apply: (state, args, ctx) => {
    const denied = requirePermission(ctx, 'configure');
    if (denied !== null) return denied;
    const before = state.customers[args.id];
    // One customer per CNPJ: a second record would split the company's history, eligibility and penalties.
    const holder = state.customersWithCnpj.find((c) => c.id !== args.id);
    if (holder !== undefined) {
      return domainError('CNPJ_IN_USE', {
        'pt-BR': `O CNPJ ${formatCnpj(args.cnpj)} já é do cliente ${holder.name}.`,
        en: `CNPJ ${formatCnpj(args.cnpj)} already belongs to customer ${holder.name}.`,
      }, { customerId: holder.id });
    }
    const seatProblem = extranetSeatProblem(args.plan, state.contactsOfCustomer);
    if (seatProblem !== null) return seatProblem;
    const row: Customer = { ...args, createdAt: before?.createdAt ?? ctx.actedAt, updatedAt: ctx.actedAt };
    const changes: Change[] = [{ table: 'customer', row }];
    const events: EventDraft[] = [];
    if (before !== undefined && before.plan !== args.plan) {
      for (const oc of state.openOcsOfCustomer) {
        if (!isOpenStatus(oc.status) || oc.plan === args.plan) continue;
        changes.push({ table: 'ocorrencia', row: patchOc(oc, { plan: args.plan }, ctx) });
        events.push({ ocId: oc.id, at: ctx.actedAt, data: { type: 'plan_changed', from: oc.plan, to: args.plan } });
      }
    }
    return { changes, events };
  },
});

export const UpsertContactArgs = Contact.omit({ createdAt: true, updatedAt: true });

export const upsertContact = defineMutator({
  name: 'contact.upsert',
  args: UpsertContactArgs,
  generatedIds: ['id'],
  needs: (args) => ({ customers: [args.customerId], contacts: [args.id], contactsOfCustomer: args.customerId }),
  apply: (state, args, ctx) => {
    const denied = requirePermission(ctx, 'configure');
    if (denied !== null) return denied;
    const customer = state.customers[args.customerId];
    if (customer === undefined) return notFound('customer', args.customerId);
    const before = state.contacts[args.id];
    if (before !== undefined && before.customerId !== args.customerId) {
      return domainError('CONTACT_OTHER_CUSTOMER', { 'pt-BR': 'Este contato pertence a outro cliente.', en: 'This contact belongs to another customer.' });
    }
    const row: ContactRow = { ...args, createdAt: before?.createdAt ?? ctx.actedAt, updatedAt: ctx.actedAt };
    const others = state.contactsOfCustomer.filter((c) => c.id !== row.id);
    const seatProblem = extranetSeatProblem(customer.plan, [...others, row]);
    if (seatProblem !== null) return seatProblem;
    return { changes: [{ table: 'contact', row }], events: [] };
  },
});
