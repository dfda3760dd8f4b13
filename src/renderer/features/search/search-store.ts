import { createStore, type StoreApi } from 'zustand/vanilla';
import { SEARCH_LIMIT_MAX, type SearchResult } from '../../../shared/api/search';
import type { Messages } from '../../../shared/domain';
import type { Route, RouterStore } from '../../app/router';
import type { ApiClient } from '../../lib/api/client';
import { filtersToArgs, isFiltered, NO_SEARCH_FILTERS, type SearchRouteFilters } from './search-route';

// One search state for the whole window: the top bar's box and the search page's box show `text`, and typing in
// either changes it for both. The route holds the search that runs (text and filters): Enter in either box, or a
// filter changed on the page, navigates; every search route — typed, back, forward — sets the text and the
// filters from the address and runs it, so the boxes, the address and the results never disagree.

export interface SearchState {
  /** What both search boxes show. */
  text: string;
  filters: SearchRouteFilters;
  /** The search whose answer is on screen (or on its way). */
  ran: { text: string; filters: SearchRouteFilters } | null;
  result: SearchResult | null;
  loading: boolean;
  error: Messages | null;
  setText(text: string): void;
  /** Runs what the boxes show with the filters on screen (Enter): through the route, so back/forward work. */
  submit(): void;
  /** Opens the search page with what the boxes show (the sidebar, "g b"): a text typed is not thrown away. */
  open(): void;
  /** Changes the filters; a search on screen runs again with them. */
  setFilters(filters: SearchRouteFilters): void;
  /** Runs the search on screen again (its first run failed before login, say). */
  refresh(): void;
}

export type SearchStore = StoreApi<SearchState>;

export const searchRoute = (text: string, filters: SearchRouteFilters): Extract<Route, { name: 'search' }> =>
  isFiltered(filters) ? { name: 'search', q: text.trim(), filters } : { name: 'search', q: text.trim() };

export const createSearchStore = (api: ApiClient, router: RouterStore): SearchStore => {
  /** Only the answer to the latest search lands: a slow one overtaken by the next is dropped. */
  let latest = 0;
  // Set below: the store's actions and its route-following share it.
  let run: (text: string, filters: SearchRouteFilters) => Promise<void> = async () => undefined;
  const store = createStore<SearchState>((set, get) => ({
    text: '',
    filters: NO_SEARCH_FILTERS,
    ran: null,
    result: null,
    loading: false,
    error: null,
    setText: (text) => set({ text }),
    submit: () => {
      const { text, filters } = get();
      if (text.trim() === '') return;
      router.getState().navigate(searchRoute(text, filters));
    },
    open: () => {
      const { text, filters } = get();
      router.getState().navigate(searchRoute(text, filters));
    },
    setFilters: (filters) => {
      set({ filters });
      const { text } = get();
      if (text.trim() !== '') router.getState().navigate(searchRoute(text, filters));
    },
    refresh: () => {
      const { ran } = get();
      if (ran !== null) void run(ran.text, ran.filters);
    },
  }));

  run = async (text: string, filters: SearchRouteFilters): Promise<void> => {
    const request = (latest += 1);
    store.setState({ ran: { text, filters }, loading: true, error: null });
    const answer = await api.call('search.run', { text, filters: filtersToArgs(filters), limit: SEARCH_LIMIT_MAX });
    if (request !== latest) return;
    if (answer.ok) store.setState({ result: answer.value, loading: false, error: null });
    else store.setState({ result: null, loading: false, error: answer.error.message });
  };

  const follow = (route: Route): void => {
    if (route.name !== 'search') return;
    const filters = route.filters ?? NO_SEARCH_FILTERS;
    store.setState({ text: route.q, filters });
    if (route.q.trim() === '') {
      latest += 1;
      store.setState({ ran: null, result: null, loading: false, error: null });
    } else void run(route.q.trim(), filters);
  };
  follow(router.getState().route);
  router.subscribe((state, previous) => {
    if (state.route !== previous.route) follow(state.route);
  });
  return store;
};
