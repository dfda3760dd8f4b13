import type { SearchFilters } from '../../../shared/api/search';
import { OC_STATUSES, PLANS, parseIsoDate, Slug, type OcStatus, type Plan } from '../../../shared/domain';

// The search page's filters as the route keeps them (#/busca?q=…&status=…&modulo=…&plano=…&de=…&ate=…), so back,
// forward and a copied address bring the same search. Anything the address holds that is not a filter value is
// dropped here, before it could reach the core as an error the person did not cause.

export interface SearchRouteFilters {
  statuses: OcStatus[];
  modules: string[];
  plans: Plan[];
  /** Local dates "YYYY-MM-DD", '' when open. */
  openedFrom: string;
  openedTo: string;
}

export const NO_SEARCH_FILTERS: SearchRouteFilters = { statuses: [], modules: [], plans: [], openedFrom: '', openedTo: '' };

const listOf = (params: URLSearchParams, key: string): string[] =>
  [...new Set((params.get(key) ?? '').split(',').filter((v) => v !== ''))];

const dateOf = (params: URLSearchParams, key: string): string => {
  const value = params.get(key) ?? '';
  return parseIsoDate(value) === null ? '' : value;
};

export const isFiltered = (f: SearchRouteFilters): boolean =>
  f.statuses.length > 0 || f.modules.length > 0 || f.plans.length > 0 || f.openedFrom !== '' || f.openedTo !== '';

export const readSearchFilters = (params: URLSearchParams): SearchRouteFilters => ({
  statuses: listOf(params, 'status').filter((s): s is OcStatus => (OC_STATUSES as readonly string[]).includes(s)),
  modules: listOf(params, 'modulo').filter((m) => Slug.safeParse(m).success).slice(0, 100),
  plans: listOf(params, 'plano').filter((p): p is Plan => (PLANS as readonly string[]).includes(p)),
  openedFrom: dateOf(params, 'de'),
  openedTo: dateOf(params, 'ate'),
});

/** The query string of the filters that are set (nothing for none). */
export const searchFilterParams = (f: SearchRouteFilters): string => {
  const params = new URLSearchParams();
  if (f.statuses.length > 0) params.set('status', f.statuses.join(','));
  if (f.modules.length > 0) params.set('modulo', f.modules.join(','));
  if (f.plans.length > 0) params.set('plano', f.plans.join(','));
  if (f.openedFrom !== '') params.set('de', f.openedFrom);
  if (f.openedTo !== '') params.set('ate', f.openedTo);
  const text = params.toString();
  return text === '' ? '' : `&${text}`;
};

/** The filters as the contract takes them (search.run): only those set. */
export const filtersToArgs = (f: SearchRouteFilters): SearchFilters => ({
  ...(f.statuses.length > 0 ? { statuses: f.statuses } : {}),
  ...(f.modules.length > 0 ? { modules: f.modules } : {}),
  ...(f.plans.length > 0 ? { plans: f.plans } : {}),
  ...(f.openedFrom !== '' ? { openedFrom: f.openedFrom } : {}),
  ...(f.openedTo !== '' ? { openedTo: f.openedTo } : {}),
});
