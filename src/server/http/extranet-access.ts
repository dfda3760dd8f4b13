import type { FastifyReply, FastifyRequest } from 'fastify';
import { domainError, isDomainError, type Contact, type Customer, type DomainError } from '../../shared/domain';
import { extranetSeatProblem } from '../../shared/mutators/customer';
import { authenticate, type ServerContext } from '../context';
import type { Sql } from '../db/database';
import { sendError } from './errors';

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

/**
 * The principal of an Extranet request: a valid contact session (else 401) of an authorised contact (else 403,
 * the refusal sent). Null when the answer has been sent.
 */
export const requireExtranetPrincipal = async (ctx: ServerContext, request: FastifyRequest, reply: FastifyReply): Promise<ExtranetPrincipal | null> => {
  const session = await authenticate(ctx, request, 'contact');
  if (isDomainError(session)) {
    await sendError(reply, 401, session);
    return null;
  }
  const principal = await extranetPrincipal(ctx.db, session.subjectId);
  if (isDomainError(principal)) {
    await sendError(reply, 403, principal);
    return null;
  }
  return principal;
};
