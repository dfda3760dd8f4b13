import type { CustomerListRow } from '../../shared/api/customer-admin';
import { missingEligibility, type Contact, type Customer } from '../../shared/domain';
import { stmt } from '../db/statements';
import type { CoreDeps } from './deps';
import { requireLead } from './report-handlers';

// The lead's customer register (src/shared/api/customer-admin.ts). Read from the replica, like every other query:
// it works offline, and a customer saved here shows at once, marked pending until the server confirms it.

/**
 * Every customer, by name, with its eligibility and contact counts. At most a few thousand rows (the demo caps
 * at 2 000), so the screen filters them itself and stays instant while the lead types.
 */
export const listCustomers = (deps: CoreDeps): CustomerListRow[] => {
  requireLead(deps);
  const customers = stmt(deps.db, 'SELECT doc, server_version FROM customer ORDER BY folded_name, id').all() as { doc: string; server_version: number }[];
  const contactsOf = new Map<string, { all: number; extranet: number }>();
  for (const { doc } of stmt(deps.db, 'SELECT doc FROM contact').all() as { doc: string }[]) {
    const contact = JSON.parse(doc) as Contact;
    const count = contactsOf.get(contact.customerId) ?? { all: 0, extranet: 0 };
    count.all += 1;
    if (contact.active && contact.extranetAccess) count.extranet += 1;
    contactsOf.set(contact.customerId, count);
  }
  const openOcs = new Map(
    (stmt(deps.db, 'SELECT customer_id, COUNT(*) AS n FROM ocorrencia WHERE is_open = 1 GROUP BY customer_id').all() as { customer_id: string; n: number }[])
      .map((r) => [r.customer_id, r.n]),
  );
  return customers.map(({ doc, server_version }) => {
    const c = JSON.parse(doc) as Customer;
    const contacts = contactsOf.get(c.id);
    return {
      id: c.id,
      name: c.name,
      cnpj: c.cnpj,
      plan: c.plan,
      segment: c.segment,
      monthlyFeeCents: c.monthlyFeeCents,
      missingEligibility: missingEligibility(c),
      contacts: contacts?.all ?? 0,
      extranetContacts: contacts?.extranet ?? 0,
      openOcs: openOcs.get(c.id) ?? 0,
      pending: server_version === 0,
    };
  });
};
