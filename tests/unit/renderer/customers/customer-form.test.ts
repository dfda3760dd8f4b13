import { describe, expect, it } from 'vitest';
import { cnpjCheckDigits, type Customer } from '../../../../src/shared/domain';
import { UpsertCustomerArgs } from '../../../../src/shared/mutators/customer';
import {
  blankCustomerForm,
  cnpjProblem,
  customerFormDirty,
  dayOf,
  formatFeeInput,
  formOfCustomer,
  instantOfDay,
  missingInForm,
  parseFee,
  validateCustomerForm,
  type CustomerForm,
} from '../../../../src/renderer/features/customers/customer-form';

const validCnpj = (base12: string): string => `${base12}${cnpjCheckDigits(base12)}`;
const CNPJ = validCnpj('451239870001');
const TODAY = '2026-11-25';

const filled = (patch: Partial<CustomerForm> = {}): CustomerForm => ({
  ...blankCustomerForm(),
  name: 'Metalúrgica Horizonte Ltda.',
  cnpj: CNPJ,
  segment: 'industria',
  modules: ['financeiro', 'fiscal'],
  plan: 'vip',
  fee: '4.800,00',
  ...patch,
});

const ctx = { lang: 'pt-BR' as const, today: TODAY, id: null, existing: [], before: null };

describe('monthly fee as typed', () => {
  it('reads pt-BR and English money, with or without thousands and R$', () => {
    expect(parseFee('4.800,00', 'pt-BR')).toBe(480_000);
    expect(parseFee('R$ 1.234.567,8', 'pt-BR')).toBe(123_456_780);
    expect(parseFee('2450', 'pt-BR')).toBe(245_000);
    expect(parseFee('2450,5', 'pt-BR')).toBe(245_050);
    expect(parseFee('2,450.50', 'en')).toBe(245_050);
    expect(parseFee('2450.5', 'en')).toBe(245_050);
  });
  it('refuses what is not an amount in the UI language', () => {
    for (const text of ['', 'abc', '-10', '1,234.56', '12.34', '1.2345,00', '10,123']) expect(parseFee(text, 'pt-BR')).toBeNull();
    expect(parseFee('1.234,56', 'en')).toBeNull();
  });
  it('formats back what it reads', () => {
    for (const cents of [0, 5, 99_999, 480_000, 123_456_780]) {
      expect(parseFee(formatFeeInput(cents, 'pt-BR'), 'pt-BR')).toBe(cents);
      expect(parseFee(formatFeeInput(cents, 'en'), 'en')).toBe(cents);
    }
    expect(formatFeeInput(123_456_780, 'pt-BR')).toBe('1.234.567,80');
    expect(formatFeeInput(480_000, 'en')).toBe('4,800.00');
  });
});

describe('CNPJ check', () => {
  it('accepts valid numbers with or without punctuation', () => {
    expect(cnpjProblem(CNPJ)).toBeNull();
    expect(cnpjProblem(`${CNPJ.slice(0, 2)}.${CNPJ.slice(2, 5)}.${CNPJ.slice(5, 8)}/${CNPJ.slice(8, 12)}-${CNPJ.slice(12)}`)).toBeNull();
  });
  it('names what is wrong: missing, length, repeated digits, check digits', () => {
    expect(cnpjProblem('  ')?.key).toBe('err.cnpjEmpty');
    expect(cnpjProblem('11.222.333/0001')).toEqual({ key: 'err.cnpjLength', params: { count: 12 } });
    expect(cnpjProblem('11111111111111')?.key).toBe('err.cnpjRepeated');
    const wrong = `${CNPJ.slice(0, 13)}${(Number(CNPJ[13]) + 1) % 10}`;
    expect(cnpjProblem(wrong)?.key).toBe('err.cnpjDigits');
  });
});

describe('customer form validation', () => {
  it('builds the customer.upsert arguments the mutator accepts', () => {
    const form = filled();
    form.checks.implantacao_term = { done: true, date: '2026-11-20' };
    const result = validateCustomerForm(form, ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.args).toMatchObject({ name: 'Metalúrgica Horizonte Ltda.', cnpj: CNPJ, plan: 'vip', monthlyFeeCents: 480_000, eadExtranetCompletedAt: null, slaAcknowledgedAt: null });
    expect(result.args).not.toHaveProperty('id');
    expect(dayOf(result.args.implantacaoTermSignedAt as number)).toBe('2026-11-20');
    expect(UpsertCustomerArgs.safeParse({ ...result.args, id: 'x' }).success).toBe(true);
  });
  it('reports every problem with its field and sends nothing', () => {
    const form = filled({ name: ' ', cnpj: '123', segment: '', modules: [], fee: 'dez' });
    form.checks.sla_acknowledged = { done: true, date: '2026-12-01' };
    form.checks.ead_extranet = { done: true, date: '' };
    const result = validateCustomerForm(form, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.fromEntries(Object.entries(result.problems).map(([k, v]) => [k, v?.key]))).toEqual({
      name: 'err.name',
      cnpj: 'err.cnpjLength',
      segment: 'err.segment',
      modules: 'err.modules',
      fee: 'err.fee',
      sla_acknowledged: 'err.dateFuture',
      ead_extranet: 'err.dateMissing',
    });
    expect(result.problems.fee?.params).toEqual({ example: '2.450,00' });
  });
  it('refuses a CNPJ another customer already has, but not the customer’s own', () => {
    const existing = [{ id: 'c1', name: 'Atacadista Alvorada Ltda.', cnpj: CNPJ }];
    const other = validateCustomerForm(filled(), { ...ctx, existing });
    expect(other.ok ? null : other.problems.cnpj).toEqual({ key: 'err.cnpjDuplicate', params: { name: 'Atacadista Alvorada Ltda.' } });
    expect(validateCustomerForm(filled(), { ...ctx, id: 'c1', existing }).ok).toBe(true);
  });
});

describe('editing a saved customer', () => {
  const saved: Customer = {
    id: 'c1',
    name: 'Atacadista Alvorada Ltda.',
    cnpj: CNPJ,
    segment: 'distribuicao',
    modules: ['financeiro'],
    plan: 'ouro',
    monthlyFeeCents: 242_300,
    implantacaoTermSignedAt: Date.parse('2026-03-10T17:42:00Z'),
    eadExtranetCompletedAt: null,
    slaAcknowledgedAt: Date.parse('2026-03-11T02:30:00Z'), // 23:30 on the 10th in São Paulo
    createdAt: 1,
    updatedAt: 2,
  };
  it('shows dates as São Paulo days and keeps an untouched prerequisite’s exact instant', () => {
    const form = formOfCustomer(saved, 'pt-BR');
    expect(form.fee).toBe('2.423,00');
    expect(form.checks.sla_acknowledged).toEqual({ done: true, date: '2026-03-10' });
    expect(missingInForm(form)).toEqual(['ead_extranet']);
    expect(customerFormDirty(form, formOfCustomer(saved, 'pt-BR'))).toBe(false);
    const result = validateCustomerForm(form, { ...ctx, id: 'c1', before: saved });
    expect(result.ok && result.args).toMatchObject({ id: 'c1', implantacaoTermSignedAt: saved.implantacaoTermSignedAt, slaAcknowledgedAt: saved.slaAcknowledgedAt });
  });
  it('a changed day is stored at noon São Paulo; unticking clears it', () => {
    const form = formOfCustomer(saved, 'pt-BR');
    form.checks.implantacao_term = { done: true, date: '2026-03-12' };
    form.checks.sla_acknowledged = { done: false, date: '' };
    expect(customerFormDirty(form, formOfCustomer(saved, 'pt-BR'))).toBe(true);
    const result = validateCustomerForm(form, { ...ctx, id: 'c1', before: saved });
    expect(result.ok && result.args.implantacaoTermSignedAt).toBe(instantOfDay('2026-03-12'));
    expect(result.ok && result.args.slaAcknowledgedAt).toBeNull();
    expect(instantOfDay('2026-03-12')).toBe(Date.parse('2026-03-12T15:00:00Z'));
  });
});
