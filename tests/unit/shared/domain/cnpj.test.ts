import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cnpjCheckDigits, cnpjIssue, Customer, formatCnpj, isValidCnpj } from '../../../../src/shared/domain';
import { customer } from '../../../fixtures/domain';

describe('CNPJ', () => {
  it.each([
    ['11.222.333/0001-81', true],
    ['11222333000181', true],
    ['11.222.333/0001-82', false],
    ['11222333000180', false],
    ['00.000.000/0000-00', false],
    ['11111111111111', false],
    ['1122233300018', false],
    ['11.222.333/000181', false],
    ['abc', false],
  ])('%s → %s', (value, valid) => {
    expect(isValidCnpj(value)).toBe(valid);
  });

  it('computes the check digits of a known CNPJ', () => {
    expect(cnpjCheckDigits('112223330001')).toBe('81');
    expect(formatCnpj('11222333000181')).toBe('11.222.333/0001-81');
  });

  it('accepts any base with its computed digits and rejects any other last digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/).filter((s) => !/^(\d)\1+$/.test(s)), fc.integer({ min: 1, max: 9 }), (base, delta) => {
        const digits = cnpjCheckDigits(base);
        const wrong = `${digits[0]}${(Number(digits[1]) + delta) % 10}`;
        return isValidCnpj(base + digits) && !isValidCnpj(base + wrong);
      }),
    );
  });

  it('is enforced by the customer schema with a clear message, and stored as digits', () => {
    const parsed = Customer.safeParse({ ...customer(), cnpj: '11.222.333/0001-82' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('CNPJ inválido');
    expect(Customer.parse({ ...customer(), cnpj: '11.222.333/0001-81' }).cnpj).toBe('11222333000181');
  });

  it.each([
    ['', { kind: 'empty' }],
    ['11.222.333/0001', { kind: 'length', digits: 12 }],
    ['11111111111111', { kind: 'repeated' }],
    ['11.222.333/0001-82', { kind: 'check_digits' }],
    ['11 222 333 0001 81', null],
  ] as const)('names why %j is not a CNPJ (punctuation ignored)', (value, issue) => {
    expect(cnpjIssue(value)).toEqual(issue);
  });
});
