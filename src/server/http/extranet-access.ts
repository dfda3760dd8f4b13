import { domainError, type Contact, type Customer, type DomainError } from '../../shared/domain';
import { extranetSeatProblem } from '../../shared/mutators/customer';
import type { Sql } from '../db/database';

export interface ExtranetPrincipal {
  contact: Contact;
  customer: Customer;
}

const notAuthorised = (): DomainError =>
  domainError('EXTRANET_NOT_AUTHORISED', {
    'pt-BR': 'Este contato não tem acesso à Extranet deste cliente.',
    en: 'This contact has no Extranet access for this customer.',
  });

/**
 * Only the customer's authorised contacts reach the intake API (SPEC §2): active, with Extranet access, and
 * within the plan's seats — the same seat rule the contact.upsert mutator enforces, reused, not rewritten.
 */
export const extranetPrincipal = async (sql: Sql, contactId: string): Promise<ExtranetPrincipal | DomainError> => {
  const { rows } = await sql.query<{ contact: Contact; customer: Customer | null; siblings: Contact[] }>(
    `SELECT k.doc AS contact, c.doc AS customer,
       (SELECT coalesce(jsonb_agg(s.doc), '[]') FROM contact s WHERE s.customer_id = k.customer_id) AS siblings
     FROM contact k LEFT JOIN customer c ON c.id = k.customer_id WHERE k.id = $1`, [contactId]);
  const row = rows[0];
  if (row === undefined || row.customer === null || !row.contact.active || !row.contact.extranetAccess) return notAuthorised();
  const problem = extranetSeatProblem(row.customer.plan, row.siblings);
  if (problem !== null) {
    const over = (problem.details?.over as string[] | undefined) ?? [];
    if ((problem.code === 'EXTRANET_ROLE' && row.contact.role === 'usuario') || over.includes(row.contact.name)) return problem;
  }
  return { contact: row.contact, customer: row.customer };
};
