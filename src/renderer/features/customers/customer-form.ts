import { cnpjIssue, ELIGIBILITY_ITEMS, formatCnpj, onlyDigits, type Customer, type EligibilityItem, type Plan } from '../../../shared/domain';
import type { ArgsOf } from '../../../shared/api/contract';
import type { Lang } from '../../i18n/define';
import { fromLocalInput, toLocalInput } from '../../lib/format';

// The customer editor's form: what the lead types (text, as typed) and how it becomes the 'customer.upsert'
// arguments. Every problem is named with the field it is about, before anything is sent (SPEC §2).

/** A prerequisite of the manual ("Pré-requisitos"): done or not, and on which day (YYYY-MM-DD, São Paulo). */
export interface DatedCheck {
  done: boolean;
  date: string;
}

export interface CustomerForm {
  name: string;
  cnpj: string;
  segment: string;
  modules: string[];
  plan: Plan;
  /** Monthly fee as typed, in the UI language's number format. */
  fee: string;
  checks: Record<EligibilityItem, DatedCheck>;
}

export type CustomerField = 'name' | 'cnpj' | 'segment' | 'modules' | 'fee' | EligibilityItem;

/** A message key of customers/messages.ts and its parameters. */
export interface FormProblem {
  key: 'err.name' | 'err.cnpjEmpty' | 'err.cnpjLength' | 'err.cnpjRepeated' | 'err.cnpjDigits' | 'err.cnpjDuplicate' | 'err.segment' | 'err.modules' | 'err.fee' | 'err.dateMissing' | 'err.dateFuture';
  params?: Record<string, string | number>;
}

export type UpsertCustomer = ArgsOf<'customer.upsert'>;

const FIELD_OF: Record<EligibilityItem, keyof Pick<Customer, 'implantacaoTermSignedAt' | 'eadExtranetCompletedAt' | 'slaAcknowledgedAt'>> = {
  implantacao_term: 'implantacaoTermSignedAt',
  ead_extranet: 'eadExtranetCompletedAt',
  sla_acknowledged: 'slaAcknowledgedAt',
};

/** The day (YYYY-MM-DD) of an instant in São Paulo, the support team's contract time zone. */
export const dayOf = (instant: number): string => toLocalInput(instant).slice(0, 10);

/** A day's instant: noon in São Paulo, so the stored date reads the same day in any time zone of Brazil. */
export const instantOfDay = (day: string): number | null => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? fromLocalInput(`${day}T12:00`) : null);

const grouped = (digits: string, separator: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** Centavos as typed in a form: "2.450,00" (pt-BR) or "2,450.00" (en). */
export const formatFeeInput = (cents: number, lang: Lang): string => {
  const whole = grouped(String(Math.floor(cents / 100)), lang === 'pt-BR' ? '.' : ',');
  return `${whole}${lang === 'pt-BR' ? ',' : '.'}${String(cents % 100).padStart(2, '0')}`;
};

/** The monthly fee in centavos, or null when it is not a money amount in the UI language's format. */
export const parseFee = (text: string, lang: Lang): number | null => {
  const value = text.replace(/R\$|\s/g, '');
  const [thousands, decimal] = lang === 'pt-BR' ? ['.', ','] : [',', '.'];
  const t = `\\${thousands}`;
  const d = `\\${decimal}`;
  const pattern = new RegExp(`^(\\d{1,3}(?:${t}\\d{3})+|\\d+)(?:${d}(\\d{1,2}))?$`);
  const match = pattern.exec(value);
  if (match === null) return null;
  const whole = Number((match[1] ?? '').split(thousands).join(''));
  const cents = Number((match[2] ?? '0').padEnd(2, '0'));
  const total = whole * 100 + cents;
  return Number.isSafeInteger(total) ? total : null;
};

/** Why a CNPJ as typed is not valid (the domain's reasons, as form messages), or null. */
export const cnpjProblem = (text: string): FormProblem | null => {
  const issue = cnpjIssue(text);
  switch (issue?.kind) {
    case undefined:
      return null;
    case 'empty':
      return { key: 'err.cnpjEmpty' };
    case 'length':
      return { key: 'err.cnpjLength', params: { count: issue.digits } };
    case 'repeated':
      return { key: 'err.cnpjRepeated' };
    case 'check_digits':
      return { key: 'err.cnpjDigits' };
  }
};

const emptyChecks = (): Record<EligibilityItem, DatedCheck> => ({
  implantacao_term: { done: false, date: '' },
  ead_extranet: { done: false, date: '' },
  sla_acknowledged: { done: false, date: '' },
});

export const blankCustomerForm = (): CustomerForm => ({ name: '', cnpj: '', segment: '', modules: [], plan: 'prata', fee: '', checks: emptyChecks() });

export const formOfCustomer = (customer: Customer, lang: Lang): CustomerForm => {
  const checks = emptyChecks();
  for (const item of ELIGIBILITY_ITEMS) {
    const at = customer[FIELD_OF[item]];
    checks[item] = at === null ? { done: false, date: '' } : { done: true, date: dayOf(at) };
  }
  return {
    name: customer.name,
    cnpj: formatCnpj(customer.cnpj),
    segment: customer.segment,
    modules: [...customer.modules],
    plan: customer.plan,
    fee: formatFeeInput(customer.monthlyFeeCents, lang),
    checks,
  };
};

/** The prerequisites the form still leaves missing, in the manual's order. */
export const missingInForm = (form: CustomerForm): EligibilityItem[] => ELIGIBILITY_ITEMS.filter((item) => !form.checks[item].done);

export interface ValidationContext {
  lang: Lang;
  /** Today in São Paulo (YYYY-MM-DD): a prerequisite cannot be done in the future. */
  today: string;
  /** The customer being edited (null when new) and the others, to refuse a second customer with one CNPJ. */
  id: string | null;
  existing: ReadonlyArray<{ id: string; name: string; cnpj: string }>;
  /** The saved customer, so an unchanged prerequisite keeps its exact instant. */
  before: Customer | null;
}

export type Validation = { ok: true; args: UpsertCustomer } | { ok: false; problems: Partial<Record<CustomerField, FormProblem>> };

export const validateCustomerForm = (form: CustomerForm, ctx: ValidationContext): Validation => {
  const problems: Partial<Record<CustomerField, FormProblem>> = {};
  const name = form.name.trim();
  if (name.length < 2 || name.length > 160) problems.name = { key: 'err.name' };
  const cnpj = onlyDigits(form.cnpj);
  const badCnpj = cnpjProblem(form.cnpj);
  if (badCnpj !== null) problems.cnpj = badCnpj;
  else {
    const twin = ctx.existing.find((c) => c.cnpj === cnpj && c.id !== ctx.id);
    if (twin !== undefined) problems.cnpj = { key: 'err.cnpjDuplicate', params: { name: twin.name } };
  }
  if (form.segment === '') problems.segment = { key: 'err.segment' };
  if (form.modules.length === 0) problems.modules = { key: 'err.modules' };
  const fee = parseFee(form.fee, ctx.lang);
  if (fee === null) problems.fee = { key: 'err.fee', params: { example: formatFeeInput(245_000, ctx.lang) } };
  const dates: Partial<Record<EligibilityItem, number | null>> = {};
  for (const item of ELIGIBILITY_ITEMS) {
    const check = form.checks[item];
    if (!check.done) {
      dates[item] = null;
      continue;
    }
    const at = instantOfDay(check.date);
    if (at === null) problems[item] = { key: 'err.dateMissing' };
    else if (check.date > ctx.today) problems[item] = { key: 'err.dateFuture' };
    const saved = ctx.before?.[FIELD_OF[item]] ?? null;
    dates[item] = saved !== null && dayOf(saved) === check.date ? saved : at;
  }
  if (Object.keys(problems).length > 0 || fee === null) return { ok: false, problems };
  return {
    ok: true,
    args: {
      ...(ctx.id === null ? {} : { id: ctx.id }),
      name,
      cnpj,
      segment: form.segment,
      modules: form.modules,
      plan: form.plan,
      monthlyFeeCents: fee,
      implantacaoTermSignedAt: dates.implantacao_term ?? null,
      eadExtranetCompletedAt: dates.ead_extranet ?? null,
      slaAcknowledgedAt: dates.sla_acknowledged ?? null,
    },
  };
};

/** Whether the form differs from the saved customer (what "Salvar" would change). */
export const customerFormDirty = (form: CustomerForm, saved: CustomerForm): boolean => JSON.stringify(form) !== JSON.stringify(saved);
