import type { CustomerListRow } from '../../shared/api/customer-admin';
import { missingEligibility } from '../../shared/domain';
import { customerRegister } from '../db/directory';
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
  return customerRegister(deps.db).map(({ customer: c, pending, contacts, extranetContacts, openOcs }) => ({
    id: c.id,
    name: c.name,
    cnpj: c.cnpj,
    plan: c.plan,
    segment: c.segment,
    monthlyFeeCents: c.monthlyFeeCents,
    missingEligibility: missingEligibility(c),
    contacts,
    extranetContacts,
    openOcs,
    pending,
  }));
};
