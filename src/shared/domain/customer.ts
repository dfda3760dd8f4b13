import { z } from 'zod';
import { isValidCnpj, onlyDigits } from './cnpj';
import { Id, Instant, Slug } from './ids';
import { Plan } from './enums';
import { Email, Line, Phone } from './text';

export const Cnpj = Line()
  .trim()
  .max(40)
  .refine(isValidCnpj, { message: 'CNPJ inválido (dígitos verificadores não conferem) / invalid CNPJ' })
  .transform(onlyDigits);

export const Customer = z.object({
  id: Id,
  name: Line().trim().min(2).max(160),
  cnpj: Cnpj,
  segment: Slug,
  modules: z.array(Slug).min(1),
  plan: Plan,
  /** Monthly fee in centavos; penalties are a percentage of it (SPEC §3). */
  monthlyFeeCents: z.number().int().nonnegative(),
  // The three prerequisites of the manual ("Pré-requisitos"): null until done.
  implantacaoTermSignedAt: Instant.nullable(),
  eadExtranetCompletedAt: Instant.nullable(),
  slaAcknowledgedAt: Instant.nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Customer = z.infer<typeof Customer>;

export const ELIGIBILITY_ITEMS = ['implantacao_term', 'ead_extranet', 'sla_acknowledged'] as const;
export type EligibilityItem = (typeof ELIGIBILITY_ITEMS)[number];

/** The prerequisites a customer still misses before it may open ocorrências (empty = eligible). */
export const missingEligibility = (
  customer: Pick<Customer, 'implantacaoTermSignedAt' | 'eadExtranetCompletedAt' | 'slaAcknowledgedAt'>,
): EligibilityItem[] => {
  const missing: EligibilityItem[] = [];
  if (customer.implantacaoTermSignedAt === null) missing.push('implantacao_term');
  if (customer.eadExtranetCompletedAt === null) missing.push('ead_extranet');
  if (customer.slaAcknowledgedAt === null) missing.push('sla_acknowledged');
  return missing;
};

export const CONTACT_ROLES = ['gerente_projeto', 'contato_adicional', 'usuario'] as const;
export const ContactRole = z.enum(CONTACT_ROLES);
export type ContactRole = z.infer<typeof ContactRole>;

export const Contact = z.object({
  id: Id,
  customerId: Id,
  name: Line().trim().min(2).max(120),
  email: Email,
  phone: Phone.nullable(),
  role: ContactRole,
  /** Whether this contact may use the Extranet (open OCs, reply, read status). Limited per plan. */
  extranetAccess: z.boolean(),
  active: z.boolean(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Contact = z.infer<typeof Contact>;

/**
 * Extranet access by plan (manual, "Abertura de OC"): Prata and Ouro — only the project manager;
 * VIP — the project manager plus one contact of the company's choice.
 */
export const extranetSeatsFor = (plan: Plan): { gerenteProjeto: 1; additional: number } => ({
  gerenteProjeto: 1,
  additional: plan === 'vip' ? 1 : 0,
});
