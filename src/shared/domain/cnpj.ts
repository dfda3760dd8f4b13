// CNPJ: 14 digits, the last two are check digits (mod 11 with weights 5..2,9..2 and 6..2,9..2).
const WEIGHTS_1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const WEIGHTS_2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

export const onlyDigits = (value: string): string => value.replace(/\D/g, '');

const checkDigit = (digits: readonly number[], weights: readonly number[]): number => {
  const sum = weights.reduce((acc, weight, i) => acc + weight * (digits[i] ?? 0), 0);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
};

/** The two check digits for the first 12 digits of a CNPJ. */
export const cnpjCheckDigits = (base12: string): string => {
  const digits = onlyDigits(base12).split('').map(Number);
  if (digits.length !== 12) throw new Error('A CNPJ base has 12 digits');
  const first = checkDigit(digits, WEIGHTS_1);
  const second = checkDigit([...digits, first], WEIGHTS_2);
  return `${first}${second}`;
};

/** Why a value is not a CNPJ, judged on its digits alone (punctuation ignored); the form shows each reason. */
export type CnpjIssue = { kind: 'empty' } | { kind: 'length'; digits: number } | { kind: 'repeated' } | { kind: 'check_digits' };

export const cnpjIssue = (value: string): CnpjIssue | null => {
  const digits = onlyDigits(value);
  if (digits.length === 0) return { kind: 'empty' };
  if (digits.length !== 14) return { kind: 'length', digits: digits.length };
  // Repeated digits pass the arithmetic but are not issued by the Receita Federal.
  if (/^(\d)\1{13}$/.test(digits)) return { kind: 'repeated' };
  return cnpjCheckDigits(digits.slice(0, 12)) === digits.slice(12) ? null : { kind: 'check_digits' };
};

/** A stored CNPJ: 14 digits, bare or in the usual mask, with matching check digits. */
export const isValidCnpj = (value: string): boolean =>
  /^(\d{14}|\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2})$/.test(value.trim()) && cnpjIssue(value) === null;

export const formatCnpj = (value: string): string => {
  const d = onlyDigits(value);
  if (d.length !== 14) return value;
  return `${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5, 8)}/${d.slice(8, 12)}-${d.slice(12)}`;
};
