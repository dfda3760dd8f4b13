import { z } from 'zod';
import { Customer, ELIGIBILITY_ITEMS } from '../domain';

// The lead's customer register (SPEC §2, §8 "plans … analysts"): one row per customer with what the list screen
// shows and filters on. Changes go through the 'customer.upsert' and 'contact.upsert' mutators; the detail of one
// customer is the existing 'customer.card' query. Handlers: src/core/api/customer-admin-handlers.ts.

const none = z.object({}).strict();

export const CustomerListRow = Customer.pick({ id: true, name: true, cnpj: true, plan: true, segment: true, monthlyFeeCents: true }).extend({
  /** The manual's prerequisites still missing (empty = may open ocorrências). */
  missingEligibility: z.array(z.enum(ELIGIBILITY_ITEMS)),
  contacts: z.number().int().nonnegative(),
  /** Active contacts with Extranet access (the plan limits them). */
  extranetContacts: z.number().int().nonnegative(),
  openOcs: z.number().int().nonnegative(),
  /** True while a local change to the customer has not been confirmed by the server. */
  pending: z.boolean(),
});
export type CustomerListRow = z.infer<typeof CustomerListRow>;

export const customerAdminQueries = {
  'customer.list': { args: none, result: z.array(CustomerListRow) },
} as const;
