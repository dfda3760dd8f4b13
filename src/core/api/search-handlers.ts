import { openedRange, type SearchArgs, type SearchResult } from '../../shared/api/search';
import type { QueueRow } from '../../shared/api/views';
import { DomainFailure } from '../../shared/domain';
import { parseSearchText } from '../../shared/search/query';
import { snippetsFor } from '../../shared/search/snippets';
import { catchUpSearch } from '../db/search';
import { searchCustomerSummaries, searchOcRows, snippetSourcesOf } from '../db/search-query';
import type { CoreDeps } from './deps';
import { requireAnalyst } from './query-handlers';

/** How many matching customers the search page lists above the OCs. */
export const SEARCH_CUSTOMERS_SHOWN = 6;

/** The search page (SPEC §4): OCs newest first with why each matched, the honest total, matching customers. */
export const runSearch = (deps: CoreDeps, args: SearchArgs): SearchResult => {
  requireAnalyst(deps);
  const parsed = parseSearchText(args.text);
  if (!parsed.ok) throw new DomainFailure(parsed.error);
  catchUpSearch(deps.db);
  const range = openedRange(args.filters, deps.timeZone);
  const { filters } = args;
  const { rows, total } = searchOcRows(deps.db, parsed.terms, { statuses: filters.statuses, modules: filters.modules, plans: filters.plans, openedFrom: range.from, openedBefore: range.before }, args.limit);
  const sources = snippetSourcesOf(deps.db, rows.map((r) => r.id));
  const customers = searchCustomerSummaries(deps.db, parsed.terms, filters.plans, SEARCH_CUSTOMERS_SHOWN);
  return {
    hits: rows.map((row) => ({ row, snippets: snippetsFor(sources.get(row.id) ?? [], parsed.terms, row) })),
    total,
    customers: customers.customers,
    customerTotal: customers.total,
  };
};

/**
 * The palette's and the pickers' quick search: the same matching, rows only. Text with nothing to search for
 * (punctuation alone) finds nothing rather than failing: the palette searches as the person types.
 */
export const searchOcs = (deps: CoreDeps, args: { text: string; limit: number }): QueueRow[] => {
  requireAnalyst(deps);
  const parsed = parseSearchText(args.text);
  if (!parsed.ok) {
    if (parsed.error.code === 'SEARCH_NOTHING') return [];
    throw new DomainFailure(parsed.error);
  }
  catchUpSearch(deps.db);
  return searchOcRows(deps.db, parsed.terms, { openedFrom: null, openedBefore: null }, args.limit).rows;
};
