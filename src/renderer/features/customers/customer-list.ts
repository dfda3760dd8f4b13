import type { CustomerListRow } from '../../../shared/api/customer-admin';
import { foldText, onlyDigits, type Plan } from '../../../shared/domain';

// Filtering the customer register on screen: the list is loaded whole (a few thousand rows at most) so typing a
// name or a piece of a CNPJ answers at once, offline too.

export type EligibilityFilter = 'all' | 'eligible' | 'missing';

export interface CustomerFilter {
  text: string;
  plan: Plan | 'all';
  eligibility: EligibilityFilter;
}

export const EMPTY_FILTER: CustomerFilter = { text: '', plan: 'all', eligibility: 'all' };

/** How many rows the list renders; the rest are reached by refining the search. */
export const LIST_LIMIT = 300;

/**
 * Rows matching the filter, in the list's order. The text matches the name without accents or case, or — when it
 * has at least 4 digits and nothing but CNPJ punctuation — the CNPJ's digits anywhere.
 */
export const filterCustomers = (rows: readonly CustomerListRow[], filter: CustomerFilter): CustomerListRow[] => {
  const text = filter.text.trim();
  const digits = onlyDigits(text);
  const byCnpj = digits.length >= 4 && /^[\d.\-/\s]+$/.test(text);
  const folded = foldText(text);
  return rows.filter((row) => {
    if (filter.plan !== 'all' && row.plan !== filter.plan) return false;
    if (filter.eligibility === 'eligible' && row.missingEligibility.length > 0) return false;
    if (filter.eligibility === 'missing' && row.missingEligibility.length === 0) return false;
    if (text === '') return true;
    return byCnpj ? row.cnpj.includes(digits) : foldText(row.name).includes(folded);
  });
};
