import type { ArgsOf } from '../../../shared/api/contract';
import { Contact, extranetSeatsFor, onlyDigits, type ContactRole, type DomainError, type Plan } from '../../../shared/domain';
import { extranetSeatProblem } from '../../../shared/mutators/customer';

// The contact editor's form and the Extranet seat rule as the screen explains it. The rule itself is the
// mutator's (extranetSeatProblem, manual "Abertura de OC"): reused here to warn early, never rewritten.

export interface ContactForm {
  name: string;
  email: string;
  phone: string;
  role: ContactRole;
  extranetAccess: boolean;
  active: boolean;
}

export type ContactField = 'name' | 'email' | 'phone';
export type ContactProblemKey = 'err.contactName' | 'err.email' | 'err.phone';
export type UpsertContact = ArgsOf<'contact.upsert'>;

/** Who may use the Extranet at all: never a plain "usuário" (only the project manager and, on VIP, one more). */
export const roleMayUseExtranet = (role: ContactRole): boolean => role !== 'usuario';

/** A new contact starts as the project manager while the customer has none, else as an additional contact. */
export const blankContactForm = (contacts: readonly Contact[]): ContactForm => ({
  name: '',
  email: '',
  phone: '',
  role: contacts.some((c) => c.active && c.role === 'gerente_projeto') ? 'contato_adicional' : 'gerente_projeto',
  extranetAccess: false,
  active: true,
});

export const formOfContact = (contact: Contact): ContactForm => ({
  name: contact.name,
  email: contact.email,
  phone: contact.phone ?? '',
  role: contact.role,
  extranetAccess: contact.extranetAccess,
  active: contact.active,
});

export type ContactValidation = { ok: true; args: UpsertContact } | { ok: false; problems: Partial<Record<ContactField, ContactProblemKey>> };

export const validateContactForm = (form: ContactForm, target: { customerId: string; id: string | null }): ContactValidation => {
  const problems: Partial<Record<ContactField, ContactProblemKey>> = {};
  const name = form.name.trim();
  if (name.length < 2 || name.length > 120) problems.name = 'err.contactName';
  const email = Contact.shape.email.safeParse(form.email);
  if (!email.success) problems.email = 'err.email';
  const phone = form.phone.trim();
  const digits = onlyDigits(phone).length;
  if (phone !== '' && (phone.length > 30 || digits < 8 || digits > 13)) problems.phone = 'err.phone';
  if (!email.success || Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    args: {
      ...(target.id === null ? {} : { id: target.id }),
      customerId: target.customerId,
      name,
      email: email.data,
      phone: phone === '' ? null : phone,
      role: form.role,
      // A role without the right never keeps the flag, so it cannot be refused later for it.
      extranetAccess: form.extranetAccess && roleMayUseExtranet(form.role),
      active: form.active,
    },
  };
};

export interface SeatUse {
  /** Extranet seats of the plan: the project manager, plus one on VIP. */
  seats: number;
  /** Active contacts holding one now. */
  holders: Contact[];
}

export const seatUse = (plan: Plan, contacts: readonly Contact[]): SeatUse => {
  const seats = extranetSeatsFor(plan);
  return { seats: seats.gerenteProjeto + seats.additional, holders: contacts.filter((c) => c.active && c.extranetAccess) };
};

/**
 * What the mutator would answer if the form were saved as it is: the customer's other contacts plus this one.
 * Null when the plan allows it.
 */
export const seatPreview = (plan: Plan, contacts: readonly Contact[], form: ContactForm, target: { customerId: string; id: string | null }): DomainError | null => {
  const others = contacts.filter((c) => c.id !== target.id);
  const edited: Contact = {
    id: target.id ?? '(novo)',
    customerId: target.customerId,
    name: form.name.trim() === '' ? '—' : form.name.trim(),
    email: form.email,
    phone: null,
    role: form.role,
    extranetAccess: form.extranetAccess && roleMayUseExtranet(form.role),
    active: form.active,
    createdAt: 0,
    updatedAt: 0,
  };
  return extranetSeatProblem(plan, [...others, edited]);
};
